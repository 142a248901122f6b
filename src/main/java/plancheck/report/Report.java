package plancheck.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Everything a report says (contract §3), independent of its format.
 *
 * @param planId     e.g. dianjiang-15th-fyp
 * @param baseYear   2025
 * @param targetYear 2030
 * @param region     the region checked
 * @param inputs     submission path → SHA-256, sorted by path
 * @param rulesSha   one SHA-256 over all rules files
 * @param ruleFiles  rules file path → SHA-256, sorted
 * @param firings    rule name → how often it fired
 * @param findings   in report order
 */
public record Report(String planId, int baseYear, int targetYear, String region, SortedMap<String, String> inputs,
                     String rulesSha, SortedMap<String, String> ruleFiles, SortedMap<String, Long> firings,
                     List<Finding> findings) {

    /** @return count of findings per status, every status present (0 where none), in contract order. */
    public Map<Status, Integer> summary() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : List.of(Status.VIOLATION, Status.WARNING, Status.PASS, Status.NO_DATA, Status.PENDING,
                Status.BASELINE)) {
            m.put(s, 0);
        }
        for (Finding f : findings) {
            m.merge(f.status(), 1, Integer::sum);
        }
        return m;
    }

    /** @return true when any finding is a VIOLATION (exit status 1). */
    public boolean hasViolation() {
        return findings.stream().anyMatch(f -> f.status() == Status.VIOLATION);
    }

    /** The order of statuses in the summary object (contract §3's example). */
    public static final List<Status> SUMMARY_ORDER = List.of(Status.VIOLATION, Status.WARNING, Status.PASS,
            Status.NO_DATA, Status.PENDING, Status.BASELINE);
}
