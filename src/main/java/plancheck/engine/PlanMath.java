package plancheck.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import plancheck.model.Observation;

/**
 * Arithmetic the judging rules call from DRL, exact in BigDecimal so that a value exactly at a target
 * compares equal (54.4 is 54.4, not 54.400000000000006).
 */
public final class PlanMath {
    private PlanMath() {}

    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * The straight path from the base year to the target year (contract §5, 时间过半、任务过半):
     * {@code baseline + (target − baseline) × elapsed / span}.
     *
     * @param baseline the 2025 value
     * @param target   the 2030 value
     * @param elapsed  years since the base year (1 for 2026)
     * @param span     years from base to target (5)
     * @return the value the year had to reach, rounded to 6 decimals, trailing zeros stripped
     */
    public static BigDecimal path(BigDecimal baseline, BigDecimal target, int elapsed, int span) {
        BigDecimal v = baseline.add(target.subtract(baseline).multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), MC));
        return tidy(v);
    }

    /** @return {@code total × elapsed / span}: the cumulative amount due by the year on the path. */
    public static BigDecimal share(BigDecimal total, int elapsed, int span) {
        return tidy(total.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(span), MC));
    }

    /** @return the sum of the observations' values. */
    public static BigDecimal sum(Collection<?> observations) {
        BigDecimal s = BigDecimal.ZERO;
        for (Object o : observations) {
            s = s.add(((Observation) o).value());
        }
        return tidy(s);
    }

    /** @return the arithmetic mean of the observations' values (6 decimals). */
    public static BigDecimal mean(Collection<?> observations) {
        return tidy(sum(observations).divide(BigDecimal.valueOf(observations.size()), MC));
    }

    /** @return the years of the observations, ascending. */
    public static List<Integer> years(Collection<?> observations) {
        return observations.stream().map(o -> ((Observation) o).year()).sorted().toList();
    }

    /** @return the observations sorted by year (for evidence in a stable order). */
    public static List<Observation> byYear(Collection<?> observations) {
        return observations.stream().map(o -> (Observation) o)
                .sorted(Comparator.comparingInt(Observation::year)).toList();
    }

    /** @return {@code a − b}, tidied. */
    public static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return tidy(a.subtract(b));
    }

    /** @return growth in percent from {@code previous} to {@code current}: (current / previous − 1) × 100. */
    public static BigDecimal growthPercent(BigDecimal current, BigDecimal previous) {
        return tidy(current.divide(previous, MC).subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100)));
    }

    /** @return {@code previous × (1 + percent / 100)}: the level a growth rate requires. */
    public static BigDecimal grown(BigDecimal previous, BigDecimal percent) {
        return tidy(previous.multiply(BigDecimal.ONE.add(percent.divide(BigDecimal.valueOf(100), MC))));
    }

    /** @return the value rounded to 6 decimals (HALF_UP), trailing zeros stripped, no exponent. */
    public static BigDecimal tidy(BigDecimal v) {
        BigDecimal r = v.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
