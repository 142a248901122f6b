package plancheck.app;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.load.PlanBureaus;
import plancheck.load.RuleSet;
import plancheck.load.Submission;
import plancheck.model.Bureau;
import plancheck.report.Audience;
import plancheck.report.Report;

/**
 * A finished check of one region.
 *
 * @param report      the report
 * @param rules       the rules with the data of the plan the region was judged against
 * @param submissions the submissions checked (who filed what: their {@code submitter}s; the cells of a
 *                    workbook), empty when not kept
 */
public record Checked(Report report, RuleSet rules, List<Submission> submissions) {

    /** Null lists become empty ones. */
    public Checked {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    /** A check without its submissions (the earlier form). */
    public Checked(Report report, RuleSet rules) {
        this(report, rules, List.of());
    }

    /** @return input file → its submitter as written */
    public Map<String, String> submitters() {
        Map<String, String> m = new TreeMap<>();
        submissions.forEach(s -> m.put(s.file(), s.submitter() == null ? "" : s.submitter()));
        return m;
    }

    /**
     * Who the report speaks to: the plan's units, who filed each input, and the unit it centres on.
     *
     * @param focus the unit asked for ({@code --bureau}), or null: the unit every input comes from, if one
     * @return the audience
     */
    public Audience audience(Bureau focus) {
        var bureaus = PlanBureaus.of(rules);
        Bureau f = focus != null ? focus : Audience.soleUnit(bureaus, submitters());
        java.util.Map<String, plancheck.model.Text> figures = new java.util.TreeMap<>();
        plancheck.load.PlanMonitoring.townships(rules).figures().forEach(a -> figures.put(a.id(), a.name()));
        return new Audience(bureaus, rules.targets(), submitters(), f).named(figures);
    }
}
