package plancheck.standards;

import java.math.BigDecimal;

/**
 * One class limit of GB 3838-2002 表1: a lower bound ({@code ≥}, dissolved oxygen), an upper bound
 * ({@code ≤}, most items) or both (pH 6–9). Bounds are inclusive: a value equal to a bound meets it.
 *
 * @param min lower bound, or {@code null} for none
 * @param max upper bound, or {@code null} for none
 */
public record WaterLimit(BigDecimal min, BigDecimal max) {

    /**
     * Checks and copies the components.
     *
     * @param min lower bound, or {@code null} for none
     * @param max upper bound, or {@code null} for none
     * @throws IllegalArgumentException if both bounds are null or {@code min > max}
     */
    public WaterLimit {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a limit needs a lower or an upper bound");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("lower bound " + min.toPlainString() + " above upper bound " + max.toPlainString());
        }
    }

    /**
     * @param value the value to test (same unit as the limit)
     * @return true if {@code min ≤ value ≤ max} for the bounds present
     */
    public boolean isMetBy(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** @return {@code "≤ 1.0"}, {@code "≥ 5"} or {@code "6–9"} */
    @Override
    public String toString() {
        if (min != null && max != null) {
            return min.toPlainString() + "–" + max.toPlainString();
        }
        return min != null ? "≥ " + min.toPlainString() : "≤ " + max.toPlainString();
    }
}
