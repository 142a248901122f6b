package plancheck.load;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import plancheck.model.Parameter;
import plancheck.model.PlanTarget;
import plancheck.model.Text;
import plancheck.model.UnitTable;

/**
 * Everything read from the rules folder ({@code rules/} by default) and one plan's folder ({@code
 * plans/dianjiang-15th/}), before compilation: the rules that judge any plan with one plan's data.
 *
 * @param dir        the rules folder as displayed in reports (relative)
 * @param planDir    the plan folder as displayed in reports (relative; the rules folder itself when
 *                   one folder holds both)
 * @param planId     the plan's id, e.g. {@code dianjiang-15th-fyp} (plan.yaml)
 * @param regions    the regions judged against the plan (plan.yaml {@code regions})
 * @param baseYear   the plan's base year (2025)
 * @param targetYear the plan's target year (2030)
 * @param targets    the catalogue, sorted by id
 * @param parameters city-assigned and other parameters by id
 * @param units      the unit table
 * @param messages   message templates by key (rules/messages/*.yaml), {@code {name}} placeholders
 * @param drl        DRL sources by display path, sorted
 * @param files      SHA-256 of every file read, by display path, sorted
 * @param extra      other YAML data files of both folders (e.g. standards tables, the plan's inventory)
 *                   by display path,
 *                   parsed as plain maps and lists, for the domain helpers
 */
public record RuleSet(String dir, String planDir, String planId, List<String> regions, int baseYear, int targetYear, List<PlanTarget> targets,
                      SortedMap<String, Parameter> parameters, UnitTable units, SortedMap<String, Text> messages,
                      SortedMap<String, String> drl, SortedMap<String, String> files,
                      SortedMap<String, Object> extra) {

    /** @return the target with that id, or null. */
    public PlanTarget target(String id) {
        for (PlanTarget t : targets) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The same rules with another plan's data (the compiled rules are shared by every plan).
     *
     * @param plan a rule set loaded with the same rules folder and another plan
     * @return {@code plan} itself (its DRL is this rule set's)
     */
    public boolean sameRules(RuleSet plan) {
        return drl.equals(plan.drl());
    }

    /** @return true when the plan judges submissions for that region. */
    public boolean covers(String region) {
        return regions.contains(region);
    }

    /** @return a SHA-256 over the DRL sources (paths and texts): the key of the compiled rules. */
    public String drlSha256() {
        return drlSha256(drl);
    }

    /**
     * @param drl DRL sources: display path → text, sorted
     * @return their SHA-256 over paths and texts (the key of the compiled rules)
     */
    public static String drlSha256(SortedMap<String, String> drl) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : drl.entrySet()) {
            b.append(e.getKey()).append('\0').append(e.getValue()).append('\0');
        }
        return Paths2.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return a SHA-256 over the sorted list of (path, file hash) pairs: one hash for all rules. */
    public String combinedSha256() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : files.entrySet()) {
            b.append(e.getKey()).append('\0').append(e.getValue()).append('\n');
        }
        return Paths2.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
