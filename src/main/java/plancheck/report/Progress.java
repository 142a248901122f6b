package plancheck.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

import plancheck.engine.PlanMath;

/**
 * 完成进度 — how much of a five-year target is done by a year, for the mid-term and final evaluation (中期评估,
 * 总结评估; 第五十三章第三节), and the judgement “时间过半、任务过半” (contract §5): the progress against the share of
 * the period elapsed ((Y − 2025) ÷ 5, 60 % in 2028).
 *
 * <ul>
 *   <li>a level on a path: (actual − 2025 value) ÷ (target − 2025 value);</li>
 *   <li>a running total (cumulative, new items): total so far ÷ the period's total;</li>
 *   <li>an average growth rate: the compound average rate so far against the target rate, times the share of
 *       time elapsed: g ÷ T × (Y − 2025) ÷ 5, g = (Π(1 + r<sub>i</sub>))<sup>1/n</sup> − 1 (平均发展速度, 水平法). A
 *       county growing exactly at the target rate is at the time share (60 % in 2028); the share of the
 *       period's cumulative growth ((Π(1 + r) − 1) ÷ ((1 + T)<sup>5</sup> − 1)) would not be, growth compounding
 *       (at 5.5 % a year, 3 years give 56.7 % of the 5 years' growth);</li>
 *   <li>other kinds (every-year limits, directions, levels to hold) have no progress share: they are judged year
 *       by year.</li>
 * </ul>
 * Results are percentages rounded to 6 decimals; null where the kind has no progress or the numbers do not
 * allow one (a target equal to its 2025 value).
 */
public final class Progress {
    private Progress() {}

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param actual the year's value
     * @param base   the 2025 value the path starts from
     * @param target the 2030 target
     * @return (actual − base) ÷ (target − base) × 100, or null when target = base
     */
    public static BigDecimal path(BigDecimal actual, BigDecimal base, BigDecimal target) {
        if (actual == null || base == null || target == null || target.compareTo(base) == 0) {
            return null;
        }
        return PlanMath.tidy(actual.subtract(base).divide(target.subtract(base), MC).multiply(HUNDRED));
    }

    /**
     * @param total  the running total so far
     * @param target the period's total
     * @return total ÷ target × 100, or null when the target is not positive
     */
    public static BigDecimal total(BigDecimal total, BigDecimal target) {
        if (total == null || target == null || target.signum() <= 0) {
            return null;
        }
        return PlanMath.tidy(total.divide(target, MC).multiply(HUNDRED));
    }

    /**
     * @param rates   the yearly growth rates in % of the years so far
     * @param target  the period's average rate in %
     * @param elapsed years since the base year
     * @param span    the plan's length in years (5)
     * @return g ÷ T × elapsed ÷ span × 100, g the compound average of the rates so far
     *         ((Π(1 + r/100))^(1/n) − 1, 平均发展速度, 水平法); null without rates or with T ≤ 0
     */
    public static BigDecimal growth(Collection<BigDecimal> rates, BigDecimal target, int elapsed, int span) {
        if (rates == null || rates.isEmpty() || target == null || target.signum() <= 0) {
            return null;
        }
        BigDecimal p = BigDecimal.ONE;
        for (BigDecimal r : rates) {
            p = p.multiply(BigDecimal.ONE.add(r.divide(HUNDRED, MC)), MC);
        }
        if (p.signum() <= 0) {
            return null;
        }
        BigDecimal g = plancheck.engine.Projection.compound(p, rates.size()).multiply(HUNDRED);
        return PlanMath.tidy(g.divide(target, MC).multiply(timeShare(elapsed, span)));
    }

    /**
     * @param elapsed years since the base year
     * @param span    the plan's length in years
     * @return the share of the period elapsed in % (60 in 2028)
     */
    public static BigDecimal timeShare(int elapsed, int span) {
        return PlanMath.tidy(BigDecimal.valueOf(elapsed).multiply(HUNDRED).divide(BigDecimal.valueOf(span), MC));
    }

    /**
     * “时间过半、任务过半”: the progress keeps pace with time.
     *
     * @param progress the progress in %
     * @param elapsed  years since the base year
     * @param span     the plan's length
     * @return progress ≥ elapsed ÷ span × 100
     */
    public static boolean keepsPace(BigDecimal progress, int elapsed, int span) {
        return progress != null && progress.compareTo(timeShare(elapsed, span)) >= 0;
    }
}
