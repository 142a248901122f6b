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
}
