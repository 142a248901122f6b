package plancheck.model;

import java.math.BigDecimal;

/** Number formatting shared by messages and reports. */
public final class Numbers {
    private Numbers() {}

    /** @return the number without exponent or trailing zeros (41.5, 0.015, 120000), or "—" for null. */
    public static String plain(BigDecimal d) {
        if (d == null) {
            return "—";
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    /**
     * A number as a sentence shows an estimate: 4 significant digits (all integer digits of a larger number),
     * trailing zeros stripped, with a "+" for a positive change when {@code signed}; "—" for null.
     *
     * @param d      the number
     * @param signed true for a change
     * @return e.g. "59.25", "+1.5", "1033", "0.9667"
     */
    public static String shown(BigDecimal d, boolean signed) {
        if (d == null) {
            return "—";
        }
        int digits = Math.max(4, d.precision() - d.scale());
        String s = plain(d.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_UP)));
        return signed && d.signum() > 0 ? "+" + s : s;
    }

    /**
     * A number quoted from the input in a message: plain where that is short, else in scientific
     * notation, and cut to {@link Bounded#MAX} characters — 1e999999999 in plain notation is a billion
     * characters.
     *
     * @param d the number (null allowed)
     * @return its text, bounded
     */
    public static String bounded(BigDecimal d) {
        if (d == null) {
            return "—";
        }
        int digitsLeft = d.precision() - d.scale();
        boolean plainIsShort = d.scale() <= Bounded.MAX && digitsLeft <= Bounded.MAX;
        return Bounded.cut(plainIsShort ? plain(d) : d.stripTrailingZeros().toString());
    }
}
