package plancheck.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * One outcome of the rules: a verdict on one target (or one record, e.g. a monitoring section or an
 * accident) in one year, with everything an auditor needs to re-check it (contract §3).
 *
 * @param rule       name of the DRL rule that produced it
 * @param kind       the rule's {@code @kind} metadata (path, limit, average_growth, …)
 * @param indicator  indicator id
 * @param year       the year judged
 * @param subject    the region for table indicators; a section, station or accident id otherwise
 * @param status     the verdict
 * @param binding    true when the target is 约束性
 * @param actual     the value judged, in {@code unit}; null when there is none
 * @param expected   what the year had to reach (path value, limit, average), or null
 * @param target     the 2030 target, or null when not set
 * @param comparator {@code >=}, {@code >}, {@code <=}, {@code <}, or null
 * @param unit       the unit of actual, expected and target
 * @param source     the plan clause (and standard clause) the verdict rests on
 * @param evidence   the inputs used, sorted
 * @param message    what it means, in Chinese and English
 * @param details    further named values (margin, baseline, gap, parameters, derivation), sorted by
 *                   key; values are numbers, strings or lists of those
 */
public record Finding(String rule, String kind, String indicator, int year, String subject, Status status,
                      boolean binding, BigDecimal actual, BigDecimal expected, BigDecimal target,
                      String comparator, String unit, String source, List<Evidence> evidence, Text message,
                      SortedMap<String, Object> details) {

    /** The report's order: year, indicator, subject, rule (contract §3). */
    public static final java.util.Comparator<Finding> REPORT_ORDER = java.util.Comparator
            .comparingInt(Finding::year)
            .thenComparing(Finding::indicator)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::rule);
}
