package plancheck.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.model.Numbers;
import plancheck.model.Township;
import plancheck.model.TownshipValue;

/**
 * Reconciles the townships' figures with the county's (第五十三章第三节 “分解落实到各乡镇（街道）”): an additive
 * figure (grain output, accidents and deaths, energy use, monitoring sections) summed over the townships must
 * equal the county's figure, within the rounding of the figures compared.
 *
 * <p>Rounding: a published figure is exact to half a unit of its last decimal place (GB/T 8170-2008 数值修约
 * 规则, 4.1: a value rounded to a place is within half a unit of that place of the exact value). The sum of n
 * rounded figures can therefore differ from the exact sum by up to the sum of their half-units, and the
 * county's figure by its own half-unit: the tolerance is Σ ½·10<sup>−d<sub>i</sub></sup> + ½·10<sup>−d<sub>county</sub></sup>,
 * d being the number of decimals written (0 for whole numbers). Counts (accidents, deaths, sections) are exact:
 * tolerance 0.
 */
public final class TownshipSums {
    private TownshipSums() {}

    /** At most this many townships are named in a message (the rest are counted). */
    public static final int NAMED = 30;

    /**
     * The comparison of one figure in one year.
     *
     * @param sum        the townships' usable values summed
     * @param county     the county's figure
     * @param difference sum − county
     * @param tolerance  what rounding allows (0 for exact figures)
     * @param filed      how many townships gave a usable value
     * @param all        how many townships the plan lists
     * @param outcome    {@code agrees} (all filed, within the tolerance), {@code differs} (all filed, beyond it),
     *                   {@code exceeds} (not all filed, but the sum is already above the county's beyond the
     *                   tolerance) or {@code incomplete} (not all filed)
     * @param parts      "name value" of each township that filed, in the list's order, at most {@link #NAMED}
     * @param missing    the townships without a usable value, in the list's order, at most {@link #NAMED}
     * @param values     each township's value in the list's order, as {township, value} (report.json and the
     *                   reports' township views), all of them
     */
    public record Result(BigDecimal sum, BigDecimal county, BigDecimal difference, BigDecimal tolerance, int filed,
                         int all, String outcome, List<String> parts, List<String> missing,
                         List<Map<String, Object>> values) {}

    /**
     * @param county    the county's figure
     * @param values    the townships' values of the figure in the year ({@link TownshipValue}, usable)
     * @param townships every township of the plan ({@link Township}), in the list's order
     * @param exact     true for counts
     * @return the comparison
     */
    public static Result reconcile(BigDecimal county, Collection<?> values, Collection<?> townships, boolean exact) {
        Map<String, BigDecimal> byTown = new TreeMap<>();
        BigDecimal tol = exact ? BigDecimal.ZERO : halfUnit(county);
        BigDecimal sum = BigDecimal.ZERO;
        for (Object o : values) {
            TownshipValue v = (TownshipValue) o;
            if (!v.usable() || byTown.containsKey(v.township())) {
                continue;
            }
            byTown.put(v.township(), v.value());
            sum = sum.add(v.value());
            if (!exact) {
                tol = tol.add(halfUnit(v.value()));
            }
        }
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Map<String, Object>> vals = new ArrayList<>();
        int all = 0;
        int missingCount = 0;
        List<Township> list = new ArrayList<>();
        townships.forEach(o -> list.add((Township) o));
        list.sort(java.util.Comparator.comparingInt(Township::order));
        for (Township t : list) {
            all++;
            BigDecimal v = byTown.get(t.name());
            if (v == null) {
                missingCount++;
                if (missing.size() < NAMED) {
                    missing.add(t.name());
                }
            } else {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("township", t.name());
                m.put("value", PlanMath.tidy(v));
                vals.add(m);
                if (parts.size() < NAMED) {
                    parts.add(t.name() + " " + Numbers.plain(v));
                }
            }
        }
        if (byTown.size() > NAMED) {
            parts.add("…");
        }
        if (missingCount > NAMED) {
            missing.add("…");
        }
        BigDecimal diff = sum.subtract(county);
        String outcome;
        if (missingCount == 0) {
            outcome = diff.abs().compareTo(tol) <= 0 ? "agrees" : "differs";
        } else {
            outcome = diff.compareTo(tol) > 0 ? "exceeds" : "incomplete";
        }
        return new Result(PlanMath.tidy(sum), PlanMath.tidy(county), PlanMath.tidy(diff), PlanMath.tidy(tol),
                byTown.size(), all, outcome, List.copyOf(parts), List.copyOf(missing), List.copyOf(vals));
    }

    /** @return half a unit of the value's last written decimal place (0.5 for whole numbers) */
    public static BigDecimal halfUnit(BigDecimal v) {
        int scale = Math.max(0, v.stripTrailingZeros().scale());
        return new BigDecimal("0.5").movePointLeft(scale);
    }

    /**
     * @param tce  tonnes of standard coal
     * @param unit the figure's unit: 吨标准煤 or 万吨标准煤
     * @return the amount in that unit
     */
    public static BigDecimal inUnit(BigDecimal tce, String unit) {
        return "万吨标准煤".equals(unit) ? tce.movePointLeft(4) : tce;
    }
}
