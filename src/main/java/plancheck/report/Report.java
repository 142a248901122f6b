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
 * @param rulesDir   the rules folder (relative), recorded so that {@code verify} re-runs with it
 * @param planDir    the plan folder (relative)
 * @param submitters submission path → its {@code submitter} as written (only those that name one)
 */
public record Report(String planId, int baseYear, int targetYear, String region, SortedMap<String, String> inputs,
                     String rulesSha, SortedMap<String, String> ruleFiles, SortedMap<String, Long> firings,
                     List<Finding> findings, String rulesDir, String planDir, SortedMap<String, String> submitters) {

    /** A null map of submitters becomes an empty one. */
    public Report {
        submitters = submitters == null ? new java.util.TreeMap<>() : submitters;
    }

    /** A report without submitters (the earlier form). */
    public Report(String planId, int baseYear, int targetYear, String region, SortedMap<String, String> inputs,
                  String rulesSha, SortedMap<String, String> ruleFiles, SortedMap<String, Long> firings,
                  List<Finding> findings, String rulesDir, String planDir) {
        this(planId, baseYear, targetYear, region, inputs, rulesSha, ruleFiles, firings, findings, rulesDir, planDir, null);
    }

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

    /**
     * @return the inputs that are example data: by the project's convention their file names start with
     *         {@code example-} (fictional numbers for demonstration; see README)
     */
    public List<String> exampleInputs() {
        return inputs.keySet().stream().filter(p -> p.substring(p.lastIndexOf('/') + 1).startsWith("example-")).toList();
    }

    /**
     * @return a warning that the report rests on example data, naming the inputs that are not (plan
     *         figures, real data), or null when it does not rest on example data (zh, en)
     */
    public plancheck.model.Text exampleWarning() {
        int n = exampleInputs().size();
        if (n == 0) {
            return null;
        }
        List<String> other = inputs.keySet().stream().filter(p -> !exampleInputs().contains(p)).toList();
        String list = String.join("、", other.size() > 10 ? other.subList(0, 10) : other) + (other.size() > 10 ? "等" : "");
        String listEn = String.join(", ", other.size() > 10 ? other.subList(0, 10) : other) + (other.size() > 10 ? " …" : "");
        return new plancheck.model.Text(
                "注意：本报告的" + inputs.size() + "份输入中有" + n + "份是示例数据（文件名以example-开头，数值为虚构，"
                        + "仅用于演示plancheck），本报告不是正式核查结论。"
                        + (other.isEmpty() ? "" : "不是示例数据的输入（规划所列数值或真实数据）：" + list + "。"),
                "Note: " + n + " of the " + inputs.size() + " inputs of this report are example data (file names "
                        + "starting with example-, fictional numbers for demonstrating plancheck); this report is "
                        + "not an official assessment."
                        + (other.isEmpty() ? "" : " Inputs that are not example data (the plan's own figures or real data): " + listEn + "."));
    }

    /** The order of statuses in the summary object (contract §3's example). */
    public static final List<Status> SUMMARY_ORDER = List.of(Status.VIOLATION, Status.WARNING, Status.PASS,
            Status.NO_DATA, Status.PENDING, Status.BASELINE);
}
