package plancheck.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170-2008 数值修约规则: round to a number of decimal places, a remainder of exactly half going to
 * the even neighbour ("四舍六入五成双"), as air-quality concentrations are rounded before their IAQI
 * (HJ 663; 5.5 → 6, 6.5 → 6, 0.45 → 0.4 at one decimal).
 */
public final class Gbt8170 {
    private Gbt8170() {}

    /**
     * @param value    a number
     * @param decimals decimal places to keep (0 = whole numbers)
     * @return the rounded number, trailing zeros stripped (never in exponent form)
     */
    public static BigDecimal round(BigDecimal value, int decimals) {
        BigDecimal r = value.setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
