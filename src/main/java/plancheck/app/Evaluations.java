package plancheck.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.PlanMonitoring;
import plancheck.load.RuleSet;
import plancheck.model.PlanTarget;
import plancheck.report.Evaluation;
import plancheck.report.EvaluationBuilder;
import plancheck.report.EvaluationDocx;
import plancheck.report.EvaluationHtml;

/**
 * The plan's monitoring cycle as use cases (第五十三章第三节): build the annual monitoring report (年度监测分析), the
 * mid-term evaluation (中期评估) or the final evaluation (总结评估) of a region from a finished check, and render
 * it as .docx and HTML, internal or public (公开版). The command line ({@code plancheck report}) and the service
 * call these.
 */
public final class Evaluations {
    private Evaluations() {}

    /** The kinds: annual, midterm, final. */
    public static final List<String> KINDS = EvaluationBuilder.KINDS;

    /**
     * @param kind  annual, midterm or final
     * @param rules the plan
     * @return the year a kind covers by default: the mid-term is the plan's middle year rounded up (2028 for
     *         2026–2030), the final the target year; null for the annual report (the year must be given)
     */
    public static Integer defaultYear(String kind, RuleSet rules) {
        int span = rules.targetYear() - rules.baseYear();
        return switch (kind) {
            case "midterm" -> rules.baseYear() + (span + 1) / 2;
            case "final" -> rules.targetYear();
            default -> null;
        };
    }

    /**
     * Builds the evaluation of a checked region for a year.
     *
     * @param checked       a finished check (the county's submissions, with its townships' if any)
     * @param kind          annual, midterm or final
     * @param year          the year covered (data through that year)
     * @param lang          "zh" or "en"
     * @param publicVersion true for the public version (no paths, hashes, internal notes or ids)
     * @return the evaluation
     * @throws InputException when the kind is unknown or the submissions hold no year of the plan period up to it
     */
    public static Evaluation evaluate(Checked checked, String kind, int year, String lang, boolean publicVersion)
            throws InputException {
        RuleSet rules = checked.rules();
        if (!KINDS.contains(kind)) {
            throw new InputException(List.of(new InputProblem("", 0, 0, "", Msg.text("monitoring.report-kind",
                    "kind", plancheck.model.Bounded.cut(kind), "kinds", String.join(", ", KINDS)))));
        }
        boolean present = checked.report().findings().stream().anyMatch(f -> f.year() == year
                && f.subject().equals(checked.report().region()));
        if (year <= rules.baseYear() || year > rules.targetYear() || !present) {
            throw new InputException(List.of(new InputProblem("", 0, 0, "", Msg.text("monitoring.report-year",
                    "year", year, "from", rules.baseYear() + 1, "to", rules.targetYear()))));
        }
        Responsibilities units = Responsibilities.of(rules);
        return new EvaluationBuilder(checked.report(), rules.targets(), PlanMonitoring.townships(rules), kind, year, lang,
                publicVersion, t -> responsibleUnit(units, t)).build();
    }

    /**
     * The unit responsible for a target (责任单位), for the grouping by responsible unit: the bureau that files the
     * indicator (the plan's responsible-units.yaml, {@link Responsibilities}). A plan without that file names
     * none: the reports then group by area and say so.
     *
     * @param units the plan's responsible units
     * @param t     the target
     * @return the unit's name, or null
     */
    public static String responsibleUnit(Responsibilities units, PlanTarget t) {
        String id = units.ownerOf(t.id());
        Responsibilities.Bureau b = id == null ? null : units.bureau(id);
        return b == null ? null : b.name();
    }

    /**
     * @param e the evaluation
     * @return the files to write, name → bytes: {@code <kind>-<year>[-public].docx} and {@code .html}
     */
    public static Map<String, byte[]> render(Evaluation e) {
        String base = e.kind() + "-" + e.year() + (e.publicVersion() ? "-public" : "");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(base + ".docx", EvaluationDocx.render(e));
        files.put(base + ".html", EvaluationHtml.render(e));
        return files;
    }
}
