package plancheck.model;

import java.math.BigDecimal;

/**
 * One quantitative target of the plan, as an entry of the catalogue in {@code plans/dianjiang-15th/catalogue/*.yaml}.
 * The judging rules (DRL) match on {@link #judge()} and read the rest.
 *
 * @param id         indicator id (contract §4 for 专栏1; snake_case for the others)
 * @param table      item number in 专栏1 (1–26), or null for targets outside the table
 * @param area       economy, innovation, livelihood, environment, safety, grain, …
 * @param name       names in Chinese and English
 * @param unit       the unit values are judged in, e.g. "%", "万元", "人/亿元" (must be in units.yaml)
 * @param baseline   the 2025 value as the plan writes it (may be missing)
 * @param target     the 2030 target as the plan writes it (may be city-assigned)
 * @param comparator how a value is compared with what it must reach
 * @param binding    true for 约束性 (binding), false for 预期性 (expected)
 * @param judge      how progress is judged: path, limit, average_growth, cumulative, relational,
 *                   city_assigned, caliber, … (a DRL rule group per kind; see docs/judging.md)
 * @param source     the plan clause, e.g. "专栏1 第25项；第四十五章第三节"
 * @param warnAt     for binding limits: the warning threshold (a value past it but within the limit
 *                   is WARNING), e.g. 0.012 for the death rate; null if none
 * @param parameter  for city-assigned targets: the id of the parameter in {@code plans/<plan>/parameters.yaml} (city-assigned values) or {@code rules/parameters.yaml} (thresholds of the standards)
 * @param related    for relational targets: the indicator compared against (e.g. gdp_growth)
 * @param caliber    the statistical caliber (口径) the 2030 target uses, or null when unchanged
 * @param note       an explanation shown with every finding of this target, or null
 * @param file       the catalogue file the entry came from (relative path), filled in by the loader
 * @param attribute  the attribute as the plan states it: "binding" (约束性), "expected" (预期性), or
 *                   "not_stated" (the plan states 约束性/预期性 only in 专栏1; {@code binding} then says how
 *                   plancheck judges it)
 * @param unitAliases submitted units read as another unit for this target only, e.g. 人均GDP in
 *                   "万元/人" read as the catalogue's "万元" (专栏1 prints 人均地区生产总值（万元）)
 * @param min        the smallest plausible value in {@code unit} (e.g. 0 for a share), or null
 * @param max        the largest plausible value (e.g. 100 for a share in %), or null; a value outside
 *                   [min, max] is a data problem, never judged
 */
public record PlanTarget(String id, Integer table, String area, Text name, String unit,
                         TargetValue baseline, TargetValue target, Comparator comparator, boolean binding,
                         String judge, String source, BigDecimal warnAt, String parameter, String related,
                         String caliber, Text note, String file, String attribute,
                         java.util.Map<String, String> unitAliases, BigDecimal min, BigDecimal max) {

    /** @return true for the 26 indicators of 专栏1. */
    public boolean inTable() { return table != null; }

    /** @return the 2030 target value, or null when the plan gives none (city-assigned). */
    public BigDecimal targetValue() { return target == null ? null : target.value(); }

    /** @return the 2025 baseline value, or null when the plan gives none. */
    public BigDecimal baselineValue() { return baseline == null || !baseline.known() ? null : baseline.value(); }

    /**
     * @param observed the caliber (口径) a submission declared, or null
     * @return true when a value of that caliber can be compared with this target: the target has no
     *         caliber of its own, or the two are the same (contract §5 caliber change)
     */
    public boolean acceptsCaliber(String observed) {
        return caliber == null || caliber.equals(observed);
    }

    /** @return the attribute in Chinese: 约束性, 预期性, or 未明确 with how it is judged. */
    public String attributeZh() {
        if ("not_stated".equals(attribute)) {
            return binding ? "未明确（按约束性评判）" : "未明确（按预期性评判）";
        }
        return binding ? "约束性" : "预期性";
    }

    /** @return the attribute in English: binding, expected, or not stated with how it is judged. */
    public String attributeEn() {
        if ("not_stated".equals(attribute)) {
            return binding ? "not stated (judged as binding)" : "not stated (judged as expected)";
        }
        return binding ? "binding" : "expected";
    }

}
