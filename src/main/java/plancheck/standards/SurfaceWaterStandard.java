package plancheck.standards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Surface-water classification by GB 3838-2002 表1 and the single-factor method of
 * 地表水环境质量评价办法（试行）（环办〔2011〕22号）. Pure computation; the table comes from
 * {@code rules/standards/gb3838-2002.yaml} through {@link StandardsLoader#surfaceWater()}.
 *
 * <p>Rules applied:
 * <ul>
 *   <li>An item's class is the best class Ⅰ–Ⅴ whose limit its value meets; a value equal to a limit
 *       meets it (表1 "≤", "≥"). A value meeting no class is 劣Ⅴ. pH outside 6–9 meets no class
 *       (every class has 6–9), so it is 劣Ⅴ.</li>
 *   <li>Total phosphorus uses the lake/reservoir limits for {@link Waterbody#LAKE}; total nitrogen
 *       has limits for lakes and reservoirs only.</li>
 *   <li>A section's class is the worst class among the <em>assessed</em> items given (21 items: 表1
 *       less water temperature, TN and fecal coliform). Water temperature, TN and fecal coliform are
 *       reference items: reported in {@link SectionAssessment#skipped()}, with their own class where
 *       the standard has limits, not counted.</li>
 * </ul>
 * Values are in the unit of the row (mg/L; pH without unit; fecal coliform 个/L) and are compared
 * unrounded.
 */
public final class SurfaceWaterStandard implements StandardTable {
    private static final MathContext MEAN_CONTEXT = MathContext.DECIMAL64;

    private final Validity validity;
    private final Map<String, WaterItem> items;
    private final Set<String> assessed;
    private final Set<String> reference;
    private final String assessmentSource;

    /**
     * Builds the classifier from table rows (normally done by {@link StandardsLoader}).
     *
     * @param validity         the period in force, the standard's id ("GB 3838-2002") and the file
     * @param items            rows of 表1, in row order; keys unique
     * @param assessed         keys that decide the section class (must have limits)
     * @param reference        keys evaluated separately (参考指标)
     * @param assessmentSource clause of the assessment method, e.g. "环办〔2011〕22号 …"
     * @throws IllegalArgumentException if a key repeats, an assessed/reference key is not a row, a key is
     *                                  both assessed and reference, or an assessed row has no limits
     */
    public SurfaceWaterStandard(Validity validity, List<WaterItem> items, Set<String> assessed, Set<String> reference,
                                String assessmentSource) {
        this.validity = java.util.Objects.requireNonNull(validity, "validity");
        Map<String, WaterItem> m = new LinkedHashMap<>();
        for (WaterItem it : items) {
            if (m.put(it.key(), it) != null) {
                throw new TableException("standards.item-twice", "key", it.key());
            }
        }
        for (String k : assessed) {
            WaterItem it = m.get(k);
            if (it == null) {
                throw new TableException("standards.assessed-not-row", "key", k);
            }
            if (it.limits().isEmpty()) {
                throw new TableException("standards.assessed-no-limits", "key", k);
            }
            if (reference.contains(k)) {
                throw new TableException("standards.assessed-and-reference", "key", k);
            }
        }
        for (String k : reference) {
            if (!m.containsKey(k)) {
                throw new TableException("standards.reference-not-row", "key", k);
            }
        }
        this.items = Collections.unmodifiableMap(m);
        this.assessed = Collections.unmodifiableSet(new LinkedHashSet<>(assessed));
        this.reference = Collections.unmodifiableSet(new LinkedHashSet<>(reference));
        this.assessmentSource = assessmentSource;
    }

    @Override
    public Validity validity() {
        return validity;
    }

    /** @return the standard id, "GB 3838-2002" */
    public String standard() {
        return validity.standard();
    }

    /** @return the rows of 表1 by key, in row order */
    public Map<String, WaterItem> items() {
        return items;
    }

    /** @return keys of the items that decide a section's class (21 by 环办〔2011〕22号) */
    public Set<String> assessedItems() {
        return assessed;
    }

    /** @return keys of the reference items evaluated separately (water temperature, TN, fecal coliform) */
    public Set<String> referenceItems() {
        return reference;
    }

    /** @return the clause of the assessment method */
    public String assessmentSource() {
        return assessmentSource;
    }

    /**
     * Classifies one item's value (usually its annual mean).
     *
     * @param item       submission key, e.g. {@code "NH3-N"}
     * @param annualMean value in the row's unit (mg/L; pH none; fecal coliform 个/L); must be ≥ 0
     * @param waterbody  river or lake (decides the TP limits; TN exists for lakes only)
     * @return the class reached, with the limit and its clause
     * @throws IllegalArgumentException if the item is unknown, has no limit for that waterbody
     *                                  (TN on a river, water temperature), or the value is null or negative
     */
    public ItemClass classify(String item, BigDecimal annualMean, Waterbody waterbody) {
        WaterItem row = items.get(item);
        if (row == null) {
            throw new IllegalArgumentException("unknown GB 3838-2002 表1 item: " + item);
        }
        if (waterbody == null) {
            throw new IllegalArgumentException("waterbody is required");
        }
        if (annualMean == null) {
            throw new IllegalArgumentException("no value for " + item);
        }
        if (annualMean.signum() < 0) {
            throw new IllegalArgumentException("negative value for " + item + ": " + annualMean.toPlainString());
        }
        Map<WaterClass, WaterLimit> limits = row.limitsFor(waterbody);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException(item + " has no GB 3838-2002 class limit for " + waterbody.key()
                    + " (" + row.source() + ")");
        }
        for (WaterClass c : WaterClass.graded()) {
            WaterLimit lim = limits.get(c);
            if (lim.isMetBy(annualMean)) {
                return new ItemClass(item, annualMean, c, lim, row.unit(), row.source());
            }
        }
        return new ItemClass(item, annualMean, WaterClass.WORSE_THAN_V, limits.get(WaterClass.V), row.unit(),
                row.source());
    }

    /**
     * Assesses one section from its items' annual means.
     *
     * @param annualMeans item key → annual mean (units as in {@link #classify}); null values count as
     *                    not given
     * @param waterbody   river or lake
     * @return the section's class (worst assessed item) with the deciding item(s), every assessed item,
     *         the skipped reference items, missing assessed items and unknown keys
     * @throws IllegalArgumentException if waterbody is null or a value is negative
     */
    public SectionAssessment assess(Map<String, BigDecimal> annualMeans, Waterbody waterbody) {
        if (waterbody == null) {
            throw new IllegalArgumentException("waterbody is required");
        }
        List<ItemClass> classified = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (String k : annualMeans.keySet()) {
            if (!items.containsKey(k)) {
                unknown.add(k);
            }
        }
        for (WaterItem row : items.values()) {
            String k = row.key();
            BigDecimal v = annualMeans.get(k);
            if (v == null) {
                if (assessed.contains(k) && row.hasLimitsFor(waterbody)) {
                    missing.add(k);
                }
                continue;
            }
            if (assessed.contains(k)) {
                if (!row.hasLimitsFor(waterbody)) {
                    skipped.add(new SkippedItem(k, v, SkippedItem.Reason.NO_LIMIT_FOR_WATERBODY,
                            k + ": GB 3838-2002 sets no limit for " + waterbody.key() + " (" + row.source() + ")", null));
                } else {
                    classified.add(classify(k, v, waterbody));
                }
            } else if (reference.contains(k)) {
                if (row.hasLimitsFor(waterbody)) {
                    skipped.add(new SkippedItem(k, v, SkippedItem.Reason.REFERENCE_ITEM,
                            k + ": reference item, evaluated separately, not in the section class (" + assessmentSource + ")",
                            classify(k, v, waterbody)));
                } else {
                    skipped.add(new SkippedItem(k, v, SkippedItem.Reason.NO_LIMIT_FOR_WATERBODY,
                            k + ": reference item with no GB 3838-2002 class limit for " + waterbody.key()
                                    + " (" + row.source() + "); not assessed", null));
                }
            } else {
                skipped.add(new SkippedItem(k, v, SkippedItem.Reason.NOT_ASSESSED,
                        k + ": not among the assessed items of " + assessmentSource, null));
            }
        }
        WaterClass worst = null;
        for (ItemClass ic : classified) {
            if (worst == null || ic.waterClass().isWorseThan(worst)) {
                worst = ic.waterClass();
            }
        }
        List<ItemClass> deciding = new ArrayList<>();
        for (ItemClass ic : classified) {
            if (ic.waterClass() == worst) {
                deciding.add(ic);
            }
        }
        return new SectionAssessment(waterbody, worst, deciding, classified, skipped, missing, new ArrayList<>(unknown));
    }

    /**
     * Annual mean per item from monthly samples: the arithmetic mean of the months that gave a
     * value for the item, and how many months that was.
     *
     * @param monthly one map per month (item key → value); null values are "not measured that month"
     * @return means and counts per item, keys in first-seen order; the mean is exact when the
     *         division terminates, otherwise rounded to 16 significant digits (half-even)
     * @throws IllegalArgumentException if the list or one of its maps is null
     */
    public static AnnualMeans annualMeans(List<Map<String, BigDecimal>> monthly) {
        if (monthly == null) {
            throw new IllegalArgumentException("monthly samples are required");
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, BigDecimal> month : monthly) {
            if (month == null) {
                throw new IllegalArgumentException("a monthly sample is null");
            }
            month.forEach((k, v) -> {
                if (v != null) {
                    sums.merge(k, v, BigDecimal::add);
                    counts.merge(k, 1, Integer::sum);
                }
            });
        }
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        sums.forEach((k, sum) -> means.put(k, divide(sum, BigDecimal.valueOf(counts.get(k)))));
        return new AnnualMeans(means, counts);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, MEAN_CONTEXT);
        }
    }
}
