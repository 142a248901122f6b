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
 * @param responsible the ids of the county units the target is assigned to (责任单位: the units of the plan
 *                   folder's responsible-units.yaml that list it), the one that answers for it first;
 *                   empty when not assigned
 * @param needs      indicators of other units the target's judgement uses (e.g. the death rate needs
 *                   {@code gdp}); empty when none
 * @param printedUnit the unit as the plan prints it beside the indicator's name, when it differs from
 *                   {@code unit} ("" when the plan prints none, e.g. a ratio); accepted as {@code unit};
 *                   null when the plan prints {@code unit} itself
 * @param calibers   for a target with a caliber change (口径): caliber token → its name in Chinese and
 *                   English (e.g. new → 新口径); empty otherwise
 * @param baselineCaliber the caliber of the plan's 2025 value when it differs from {@code caliber}, or null
 */
public record PlanTarget(String id, Integer table, String area, Text name, String unit,
                         TargetValue baseline, TargetValue target, Comparator comparator, boolean binding,
                         String judge, String source, BigDecimal warnAt, String parameter, String related,
                         String caliber, Text note, String file, String attribute,
                         java.util.Map<String, String> unitAliases, BigDecimal min, BigDecimal max,
                         java.util.List<String> responsible, java.util.List<String> needs, String printedUnit,
                         java.util.Map<String, Text> calibers, String baselineCaliber) {

    /** Null lists and maps become empty ones. */
    public PlanTarget {
        responsible = responsible == null ? java.util.List.of() : java.util.List.copyOf(responsible);
        needs = needs == null ? java.util.List.of() : java.util.List.copyOf(needs);
        calibers = calibers == null ? java.util.Map.of() : java.util.Map.copyOf(calibers);
        unitAliases = unitAliases == null ? java.util.Map.of() : unitAliases;
    }

    /** A target without responsible units, dependencies, printed unit or caliber names (the earlier form). */
    public PlanTarget(String id, Integer table, String area, Text name, String unit,
                      TargetValue baseline, TargetValue target, Comparator comparator, boolean binding,
                      String judge, String source, BigDecimal warnAt, String parameter, String related,
                      String caliber, Text note, String file, String attribute,
                      java.util.Map<String, String> unitAliases, BigDecimal min, BigDecimal max) {
        this(id, table, area, name, unit, baseline, target, comparator, binding, judge, source, warnAt, parameter,
                related, caliber, note, file, attribute, unitAliases, min, max, null, null, null, null, null);
    }

    /** @return the same target with its responsible units */
    public PlanTarget withResponsible(java.util.List<String> units) {
        return new PlanTarget(id, table, area, name, unit, baseline, target, comparator, binding, judge, source, warnAt,
                parameter, related, caliber, note, file, attribute, unitAliases, min, max, units, needs, printedUnit,
                calibers, baselineCaliber);
    }

    /** @return the unit that answers for the target (the first responsible), or null */
    public String lead() { return responsible.isEmpty() ? null : responsible.get(0); }

    /**
     * @param token a caliber token (new, old) or null
     * @return its name in Chinese and English (新口径 / new caliber), the token itself when unnamed
     */
    public Text caliberName(String token) {
        if (token == null) {
            return null;
        }
        Text t = calibers.get(token);
        return t != null ? t : new Text(token, token);
    }

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
