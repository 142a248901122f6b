package plancheck.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import plancheck.model.Comparator;
import plancheck.model.Observation;

/**
 * Early warning at the pace of the data (动态预警, 第五十三章第三节 “完善规划动态评估、跟踪、预警机制”): from the series
 * observed since the base year, the value of the target year projected at the pace so far, the pace needed from
 * now on to reach the target, the best year so far, and a warning level.
 *
 * <p>The pace is measured with the two averages of China's statistical practice (国家统计局《统计指标解释》:
 * 平均增长量 and 平均发展速度, 水平法):
 * <ul>
 *   <li><b>average annual change</b> (平均增长量 = (a<sub>n</sub> − a<sub>0</sub>) ÷ n) for levels and shares
 *       ({@code path}, {@code trend}): projected = a<sub>n</sub> + change × years left;
 *       needed = (target − a<sub>n</sub>) ÷ years left;</li>
 *   <li><b>compound rate</b> (平均发展速度, 水平法 = (a<sub>n</sub> ÷ a<sub>0</sub>)<sup>1/n</sup> − 1) for growth
 *       and totals: the growth of a level ({@code level_growth}: projected level = a<sub>n</sub> × (1 + g)<sup>left</sup>,
 *       the plan's yearly rate needed), the average of yearly growth rates ({@code average_growth}: g =
 *       (Π(1 + r<sub>i</sub>))<sup>1/n</sup> − 1, projected period average = g, needed =
 *       ((1 + T)<sup>span</sup> ÷ (1 + g)<sup>elapsed</sup>)<sup>1/left</sup> − 1, years not submitted counted at g), and
 *       the yearly amounts of a running total ({@code cumulative}: amounts grow at the compound rate from the
 *       base year's amount to the latest; projected = total so far + Σ a<sub>n</sub>(1 + g)<sup>k</sup>, k = 1..left;
 *       needed = (target − total so far) ÷ left per year). A total of discrete items ({@code new_items}) and a
 *       running total whose rate cannot be computed (a zero or negative amount, or one amount and no base year)
 *       continue at the average yearly amount.</li>
 * </ul>
 * With a single observed year the pace rests on that year alone: {@link Result#years()} is 1 and the reports
 * say so. Warning levels: <b>off track</b> — the verdict of the year is behind; <b>at risk</b> — on the path today,
 * but the projection misses the target, or the needed pace exceeds the best year so far; <b>on track</b>
 * otherwise. In the target year nothing is left to project: on track or off track by the verdict.
 *
 * <p>Note on path targets: with the average annual change, a value on the straight path today is always
 * carried to the target by its own pace (value ≥ path value ⇒ pace ≥ the path's slope ⇒ best year ≥ pace ≥
 * needed), so a path target is on track or off track; at risk arises where the pace and the verdict measure
 * differently (compound against arithmetic averages, amounts against totals, yearly directions).
 *
 * <p>Numbers are exact BigDecimal where the formulas allow and DECIMAL128 (34 digits) otherwise; results are
 * rounded to 6 decimals ({@link PlanMath#tidy}).
 */
public final class Projection {
    private Projection() {}

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Warning level: on track. */
    public static final String ON_TRACK = "on_track";
    /** Warning level: at risk. */
    public static final String AT_RISK = "at_risk";
    /** Warning level: off track. */
    public static final String OFF_TRACK = "off_track";

    /**
     * The projection of one target in one year.
     *
     * @param method     {@code average_change}, {@code compound_growth}, {@code compound_average},
     *                   {@code total_compound} or {@code total_average}
     * @param firstYear  the first year of the series the pace rests on
     * @param lastYear   the year judged (the last observed year)
     * @param years      how many observed years of the plan period the pace rests on (changes of a level, rates,
     *                   or amounts of a running total); 1 = one observed year
     * @param pace       the pace so far, per year: a change in the unit, a rate in %, or an amount
     * @param projected  the target year's value at that pace: a level, the period's average rate, or the total
     * @param target     what the projection is compared with (the 2030 target, the yearly rate for a level's
     *                   growth; null for a direction without a number)
     * @param needed     the pace needed in each year left (change, rate in %, or amount); null in the target year
     * @param best       the best year so far (change, rate in % or amount); null when there is none
     * @param bestYear   the year of {@code best}
     * @param remaining  years left to the target year
     * @param reaches    true when the projection meets the target
     * @param beyondBest true when the needed pace exceeds the best year so far
     * @param onPath     true when the year's verdict is on the path (not behind)
     * @param level      {@link #ON_TRACK}, {@link #AT_RISK} or {@link #OFF_TRACK}
     * @param series     year → value the pace rests on (levels, rates or amounts; the base year's value first
     *                   where used)
     */
    public record Result(String method, int firstYear, int lastYear, int years, BigDecimal pace, BigDecimal projected,
                         BigDecimal target, BigDecimal needed, BigDecimal best, Integer bestYear, int remaining,
                         boolean reaches, boolean beyondBest, boolean onPath, String level,
                         SortedMap<Integer, BigDecimal> series) {

        /** Copies the series. */
        public Result {
            series = series == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(series));
        }

        /** @return true when the pace rests on one observed year only */
        public boolean singleYear() { return years == 1; }

        /** @return the fields as an ordered map (report.json {@code details.projection}) */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("firstYear", firstYear);
            m.put("lastYear", lastYear);
            m.put("years", years);
            m.put("pace", pace);
            m.put("projected", projected);
            m.put("target", target);
            m.put("needed", needed);
            m.put("best", best);
            m.put("bestYear", bestYear);
            m.put("remaining", remaining);
            m.put("reaches", reaches);
            m.put("beyondBest", beyondBest);
            m.put("onPath", onPath);
            m.put("level", level);
            java.util.List<Object> points = new java.util.ArrayList<>();
            series.forEach((y, v) -> {
                Map<String, Object> pt = new LinkedHashMap<>();
                pt.put("year", y);
                pt.put("value", PlanMath.tidy(v));
                points.add(pt);
            });
            m.put("series", points);
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        }
    }

    // ---- series ---------------------------------------------------------------------------------------

    /**
     * @param observations usable {@link Observation}s of one indicator (a DRL {@code collect} list)
     * @return year → value, sorted
     */
    public static SortedMap<Integer, BigDecimal> series(Collection<?> observations) {
        SortedMap<Integer, BigDecimal> m = new TreeMap<>();
        for (Object o : observations) {
            Observation ob = (Observation) o;
            if (ob.value() != null) {
                m.put(ob.year(), ob.value());
            }
        }
        return m;
    }

    /**
     * @param observations usable observations of the years after the base year
     * @param baseYear     the base year (2025)
     * @param base         the value the verdict used for the base year, or null
     * @return year → value with the base year's value first (when given)
     */
    public static SortedMap<Integer, BigDecimal> series(Collection<?> observations, int baseYear, BigDecimal base) {
        SortedMap<Integer, BigDecimal> m = series(observations);
        if (base != null) {
            m.put(baseYear, base);
        }
        return m;
    }

    // ---- levels and shares: average annual change -------------------------------------------------------

    /**
     * A level or share judged against a straight path ({@code path}): average annual change.
     *
     * @param series     year → value, the base year's value first (at least two values for a projection)
     * @param target     the target-year value
     * @param c          the target's comparator (the favourable direction)
     * @param targetYear 2030
     * @param onPath     the year's verdict is not behind
     * @return the projection, or null with fewer than two values
     */
    public static Result level(SortedMap<Integer, BigDecimal> series, BigDecimal target, Comparator c, int targetYear,
                               boolean onPath) {
        return target == null ? null : byChange(series, target, c, targetYear, onPath);
    }

    /**
     * A statement of direction without a number ({@code trend}): average annual change; the needed pace is any
     * change in the plan's direction (0, strictly for {@code >} and {@code <}).
     *
     * @param series     year → level since the base year (at least two values)
     * @param c          the direction ({@code >} must rise, {@code >=} must not fall, …)
     * @param targetYear 2030
     * @param onPath     the year moved the plan's way
     * @return the projection, or null with fewer than two values
     */
    public static Result trend(SortedMap<Integer, BigDecimal> series, Comparator c, int targetYear, boolean onPath) {
        return byChange(series, null, c, targetYear, onPath);
    }

    /** Average annual change against a target value, or against a direction when {@code target} is null. */
    private static Result byChange(SortedMap<Integer, BigDecimal> series, BigDecimal target, Comparator c,
                                   int targetYear, boolean onPath) {
        if (series.size() < 2) {
            return null;
        }
        int first = series.firstKey();
        int last = series.lastKey();
        BigDecimal pace = change(series.get(first), series.get(last), last - first);
        int left = targetYear - last;
        BigDecimal projected = series.get(last).add(pace.multiply(BigDecimal.valueOf(left)));
        BigDecimal needed = left == 0 ? null
                : target == null ? BigDecimal.ZERO : target.subtract(series.get(last)).divide(BigDecimal.valueOf(left), MC);
        boolean reaches = target == null ? c.meets(pace, BigDecimal.ZERO) : c.meets(projected, target);
        return result("average_change", first, last, series.size() - 1, pace, projected, target, needed,
                bestChange(series, c), left, c, onPath, reaches, series);
    }

    // ---- growth: compound rate ----------------------------------------------------------------------------

    /**
     * A level that must grow at a yearly rate ({@code level_growth}): compound rate of the level.
     *
     * @param series     year → level since the base year (at least two values, all positive)
     * @param rate       the plan's yearly growth in % (e.g. 0 for “持续提升” with {@code >})
     * @param c          the comparator of the rate
     * @param targetYear 2030
     * @param onPath     the year's growth met the rate
     * @return the projection, or null with fewer than two values or a value that is not positive
     */
    public static Result levelGrowth(SortedMap<Integer, BigDecimal> series, BigDecimal rate, Comparator c, int targetYear,
                                     boolean onPath) {
        if (series.size() < 2 || rate == null || series.values().stream().anyMatch(v -> v.signum() <= 0)) {
            return null;
        }
        int first = series.firstKey();
        int last = series.lastKey();
        BigDecimal g = compound(series.get(last).divide(series.get(first), MC), last - first);
        int left = targetYear - last;
        BigDecimal projected = series.get(last).multiply(BigDecimal.ONE.add(g).pow(left), MC);
        BigDecimal[] best = null;
        Integer prev = null;
        for (int y : series.keySet()) {
            if (prev != null) {
                BigDecimal r = compound(series.get(y).divide(series.get(prev), MC), y - prev).multiply(HUNDRED);
                if (best == null || better(r, best[0], c)) {
                    best = new BigDecimal[] {r, BigDecimal.valueOf(y)};
                }
            }
            prev = y;
        }
        BigDecimal pace = g.multiply(HUNDRED);
        return result("compound_growth", first, last, series.size() - 1, pace, projected, rate,
                left > 0 ? rate : null, best, left, c, onPath, c.meets(pace, rate), series);
    }

    /**
     * The average of yearly growth rates over the plan period ({@code average_growth}, e.g. GDP growth 5.5 % a
     * year): compound average of the rates.
     *
     * @param rates      year → growth rate in % of the years submitted since the base year (at least one)
     * @param target     the period's average rate in %
     * @param c          the target's comparator
     * @param baseYear   2025
     * @param targetYear 2030
     * @param year       the year judged
     * @param onPath     the running average meets the target
     * @return the projection, or null without any rate
     */
    public static Result averageGrowth(SortedMap<Integer, BigDecimal> rates, BigDecimal target, Comparator c,
                                       int baseYear, int targetYear, int year, boolean onPath) {
        if (rates.isEmpty() || target == null) {
            return null;
        }
        BigDecimal product = BigDecimal.ONE;
        BigDecimal[] best = null;
        for (Map.Entry<Integer, BigDecimal> e : rates.entrySet()) {
            BigDecimal f = BigDecimal.ONE.add(e.getValue().divide(HUNDRED, MC));
            if (f.signum() <= 0) {
                return null; // a fall of 100 % or more: no compound rate
            }
            product = product.multiply(f, MC);
            if (best == null || better(e.getValue(), best[0], c)) {
                best = new BigDecimal[] {e.getValue(), BigDecimal.valueOf(e.getKey())};
            }
        }
        BigDecimal g = compound(product, rates.size());
        int elapsed = year - baseYear;
        int left = targetYear - year;
        BigDecimal needed = null;
        if (left > 0) {
            BigDecimal required = BigDecimal.ONE.add(target.divide(HUNDRED, MC)).pow(targetYear - baseYear, MC);
            BigDecimal sofar = BigDecimal.ONE.add(g).pow(elapsed, MC);
            needed = compound(required.divide(sofar, MC), left).multiply(HUNDRED);
        }
        BigDecimal pace = g.multiply(HUNDRED);
        // the years the average rests on: from the first year submitted (a year not submitted is not averaged in)
        return result("compound_average", rates.firstKey(), year, rates.size(), pace, pace, target, needed, best, left, c,
                onPath, c.meets(pace, target), rates);
    }

    // ---- totals -------------------------------------------------------------------------------------------

    /**
     * A running total over the plan period ({@code cumulative}, {@code new_items}): the yearly amounts continue
     * at their compound rate (from the base year's amount, else the first observed amount, to the latest), or at
     * their average when no rate can be computed or {@code compound} is false.
     *
     * @param baseAmount the base year's yearly amount, or null
     * @param amounts    year → the year's amount, years after the base year (at least one)
     * @param target     the period total the plan sets
     * @param c          the target's comparator
     * @param baseYear   2025
     * @param targetYear 2030
     * @param year       the year judged
     * @param compound   false for counts of discrete items: always the average yearly amount
     * @param onPath     the running total is not behind the path
     * @return the projection, or null without any amount
     */
    public static Result total(BigDecimal baseAmount, SortedMap<Integer, BigDecimal> amounts, BigDecimal target,
                               Comparator c, int baseYear, int targetYear, int year, boolean compound, boolean onPath) {
        if (amounts.isEmpty() || target == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal[] best = null;
        for (Map.Entry<Integer, BigDecimal> e : amounts.entrySet()) {
            sum = sum.add(e.getValue());
            if (best == null || better(e.getValue(), best[0], c)) {
                best = new BigDecimal[] {e.getValue(), BigDecimal.valueOf(e.getKey())};
            }
        }
        int left = targetYear - year;
        int lastYear = amounts.lastKey();
        BigDecimal lastAmount = amounts.get(lastYear);
        Integer fromYear = null;
        BigDecimal from = null;
        if (compound && baseAmount != null && baseAmount.signum() > 0) {
            fromYear = baseYear;
            from = baseAmount;
        } else if (compound && amounts.size() > 1) {
            fromYear = amounts.firstKey();
            from = amounts.get(fromYear);
        }
        boolean rate = from != null && from.signum() > 0 && lastAmount.signum() > 0 && lastYear > fromYear;
        BigDecimal future = BigDecimal.ZERO;
        BigDecimal pace;
        String method;
        int firstYear;
        int steps;
        if (rate) {
            BigDecimal g = compound(lastAmount.divide(from, MC), lastYear - fromYear);
            BigDecimal a = lastAmount;
            for (int k = 1; k <= left; k++) {
                a = a.multiply(BigDecimal.ONE.add(g), MC);
                future = future.add(a);
            }
            pace = g.multiply(HUNDRED);
            method = "total_compound";
            firstYear = fromYear;
            steps = amounts.size();
        } else {
            BigDecimal mean = sum.divide(BigDecimal.valueOf(amounts.size()), MC);
            future = mean.multiply(BigDecimal.valueOf(left));
            pace = mean;
            method = "total_average";
            firstYear = amounts.firstKey();
            steps = amounts.size();
        }
        BigDecimal projected = sum.add(future);
        BigDecimal needed = left > 0 ? target.subtract(sum).divide(BigDecimal.valueOf(left), MC) : null;
        SortedMap<Integer, BigDecimal> used = new TreeMap<>(amounts);
        if (rate && fromYear == baseYear) {
            used.put(baseYear, from);
        }
        return result(method, firstYear, year, steps, pace, projected, target, needed, best, left, c, onPath,
                c.meets(projected, target), used);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static Result result(String method, int first, int last, int years, BigDecimal pace, BigDecimal projected,
                                 BigDecimal target, BigDecimal needed, BigDecimal[] best, int left, Comparator c,
                                 boolean onPath, boolean reaches, SortedMap<Integer, BigDecimal> series) {
        boolean beyond = needed != null && best != null && !c.meets(best[0], needed);
        String level;
        if (!onPath) {
            level = OFF_TRACK;
        } else if (left > 0 && (!reaches || beyond)) {
            level = AT_RISK;
        } else {
            level = ON_TRACK;
        }
        return new Result(method, first, last, years, PlanMath.tidy(pace), PlanMath.tidy(projected),
                target == null ? null : PlanMath.tidy(target), needed == null ? null : PlanMath.tidy(needed),
                best == null ? null : PlanMath.tidy(best[0]), best == null ? null : best[1].intValue(), left,
                left == 0 ? onPath : reaches, beyond, onPath, level, series);
    }

    /** (to − from) ÷ years. */
    private static BigDecimal change(BigDecimal from, BigDecimal to, int years) {
        return to.subtract(from).divide(BigDecimal.valueOf(years), MC);
    }

    /** The best change per year between consecutive observed years (per year over a gap), and its year. */
    private static BigDecimal[] bestChange(SortedMap<Integer, BigDecimal> series, Comparator c) {
        BigDecimal[] best = null;
        Integer prev = null;
        for (int y : series.keySet()) {
            if (prev != null) {
                BigDecimal ch = change(series.get(prev), series.get(y), y - prev);
                if (best == null || better(ch, best[0], c)) {
                    best = new BigDecimal[] {ch, BigDecimal.valueOf(y)};
                }
            }
            prev = y;
        }
        return best;
    }

    /** @return true when {@code a} is better than {@code b} in the comparator's direction (ties keep the earlier) */
    private static boolean better(BigDecimal a, BigDecimal b, Comparator c) {
        int x = a.compareTo(b);
        return c.higherIsBetter() ? x > 0 : x < 0;
    }

    /**
     * The compound yearly rate of a ratio over n years: ratio<sup>1/n</sup> − 1 (平均发展速度, 水平法), by
     * Newton's method in DECIMAL128.
     *
     * @param ratio a positive ratio (last ÷ first, or a product of growth factors)
     * @param n     years (≥ 1)
     * @return the rate as a fraction (0.05 for 5 %)
     */
    public static BigDecimal compound(BigDecimal ratio, int n) {
        if (ratio.signum() <= 0 || n < 1) {
            throw new IllegalArgumentException("compound rate of " + ratio + " over " + n + " years");
        }
        if (n == 1) {
            return ratio.subtract(BigDecimal.ONE);
        }
        BigDecimal nn = BigDecimal.valueOf(n);
        BigDecimal x = BigDecimal.ONE.add(ratio.subtract(BigDecimal.ONE).divide(nn, MC));
        if (x.signum() <= 0) {
            x = new BigDecimal("0.5");
        }
        BigDecimal eps = new BigDecimal("1E-30");
        for (int i = 0; i < 200; i++) {
            BigDecimal next = nn.subtract(BigDecimal.ONE).multiply(x).add(ratio.divide(x.pow(n - 1, MC), MC)).divide(nn, MC);
            boolean done = next.subtract(x).abs().compareTo(eps) < 0;
            x = next;
            if (done) {
                break;
            }
        }
        return x.subtract(BigDecimal.ONE);
    }
}
