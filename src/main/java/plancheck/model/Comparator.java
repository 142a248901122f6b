package plancheck.model;

import java.math.BigDecimal;

/**
 * How a value is compared with its threshold: {@code >=}, {@code >}, {@code <=}, {@code <}.
 *
 * <p>In the catalogue the symbol is written as in the contract's report ({@code "comparator": "<="}).
 * "以上" (at or above) is {@code >=}; "超过/突破" (over) is {@code >}; "以内/不超过" is {@code <=};
 * "<5.5" in 专栏1 is {@code <}.
 */
public enum Comparator {
    GE(">="), GT(">"), LE("<="), LT("<");

    private final String symbol;

    Comparator(String symbol) { this.symbol = symbol; }

    /** @return the symbol as written in the catalogue and the report, e.g. {@code ">="}. */
    public String symbol() { return symbol; }

    /**
     * Parses a catalogue symbol.
     *
     * @param symbol one of {@code >= > <= <}
     * @return the comparator
     * @throws IllegalArgumentException naming the symbol when it is none of those
     */
    public static Comparator parse(String symbol) {
        for (Comparator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparator '" + symbol + "' (expected one of >=, >, <=, <)");
    }

    /**
     * @param actual the value (not null)
     * @param threshold what it must reach (not null)
     * @return whether {@code actual <comparator> threshold} holds, compared exactly (BigDecimal)
     */
    public boolean meets(BigDecimal actual, BigDecimal threshold) {
        int c = actual.compareTo(threshold);
        return switch (this) {
            case GE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
        };
    }

    /** @return true when a higher value is better ({@code >=}, {@code >}). */
    public boolean higherIsBetter() { return this == GE || this == GT; }

    /**
     * The signed distance by which {@code actual} clears {@code threshold}: positive when it meets it
     * with room to spare, negative when it falls short (for {@code <=}, threshold − actual).
     *
     * @return the margin in the indicator's unit
     */
    public BigDecimal margin(BigDecimal actual, BigDecimal threshold) {
        return higherIsBetter() ? actual.subtract(threshold) : threshold.subtract(actual);
    }
}
