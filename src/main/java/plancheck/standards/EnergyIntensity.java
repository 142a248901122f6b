package plancheck.standards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Energy intensity (单位GDP能耗) arithmetic. Pure static functions; results in BigDecimal with 16
 * significant digits (MathContext.DECIMAL64), not rounded for display.
 *
 * <ul>
 *   <li>intensity = total energy consumption (tce) ÷ GDP (万元, comparable prices)</li>
 *   <li>year-on-year reduction rate, from total consumption and real GDP growth:
 *       {@code 1 − (E_t / E_{t−1}) ÷ (1 + g_t)}, as a percent</li>
 *   <li>cumulative reduction over several years: {@code 1 − Π(1 − r_i)}, as a percent
 *       (3 % a year for five years → 14.13 %)</li>
 * </ul>
 */
public final class EnergyIntensity {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EnergyIntensity() {
    }

    /**
     * Year-on-year reduction of energy intensity, in percent.
     *
     * @param eT                total energy consumption of year t (tce), ≥ 0
     * @param ePrev             total energy consumption of year t−1 (tce), &gt; 0
     * @param gdpGrowthPercent  real GDP growth of year t in percent (comparable prices), &gt; −100
     * @return {@code (1 − (eT/ePrev)/(1 + g/100)) × 100}; positive = intensity fell
     * @throws IllegalArgumentException if an argument is null, ePrev ≤ 0, eT &lt; 0 or growth ≤ −100
     */
    public static BigDecimal reductionRate(BigDecimal eT, BigDecimal ePrev, BigDecimal gdpGrowthPercent) {
        if (eT == null || ePrev == null || gdpGrowthPercent == null) {
            throw new IllegalArgumentException("energy of both years and GDP growth are required");
        }
        if (ePrev.signum() <= 0) {
            throw new IllegalArgumentException("previous year's energy consumption must be > 0, got " + ePrev.toPlainString());
        }
        if (eT.signum() < 0) {
            throw new IllegalArgumentException("energy consumption must be ≥ 0, got " + eT.toPlainString());
        }
        BigDecimal growthFactor = BigDecimal.ONE.add(gdpGrowthPercent.divide(HUNDRED));
        if (growthFactor.signum() <= 0) {
            throw new IllegalArgumentException("GDP growth must be > -100 %, got " + gdpGrowthPercent.toPlainString());
        }
        BigDecimal ratio = eT.divide(ePrev, MC).divide(growthFactor, MC);
        return BigDecimal.ONE.subtract(ratio).multiply(HUNDRED, MC);
    }

    /**
     * Energy intensity.
     *
     * @param totalTce   total energy consumption (tce)
     * @param gdpWanYuan GDP in 万元 at comparable prices, &gt; 0
     * @return tce per 万元
     * @throws IllegalArgumentException if an argument is null or GDP ≤ 0
     */
    public static BigDecimal intensity(BigDecimal totalTce, BigDecimal gdpWanYuan) {
        if (totalTce == null || gdpWanYuan == null) {
            throw new IllegalArgumentException("energy and GDP are required");
        }
        if (gdpWanYuan.signum() <= 0) {
            throw new IllegalArgumentException("GDP must be > 0, got " + gdpWanYuan.toPlainString());
        }
        return totalTce.divide(gdpWanYuan, MC);
    }

    /**
     * Cumulative reduction over consecutive years.
     *
     * @param annualRatesPercent the yearly reduction rates in percent (e.g. five times 3)
     * @return {@code (1 − Π(1 − r_i/100)) × 100}; 0 for an empty list
     * @throws IllegalArgumentException if the list or an element is null
     */
    public static BigDecimal cumulativeReduction(List<BigDecimal> annualRatesPercent) {
        if (annualRatesPercent == null) {
            throw new IllegalArgumentException("rates are required");
        }
        BigDecimal remaining = BigDecimal.ONE;
        for (BigDecimal r : annualRatesPercent) {
            if (r == null) {
                throw new IllegalArgumentException("a rate is null");
            }
            remaining = remaining.multiply(BigDecimal.ONE.subtract(r.divide(HUNDRED)), MC);
        }
        return BigDecimal.ONE.subtract(remaining).multiply(HUNDRED, MC);
    }
}
