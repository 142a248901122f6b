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
        return evaluate(checked, kind, year, lang, publicVersion, true);
    }

    /**
     * Builds the evaluation of a checked region for a year, refusing, unless a partial report is asked for, one
     * whose year some responsible unit filed nothing for.
     *
     * @param checked       a finished check
     * @param kind          annual, midterm or final
     * @param year          the year covered (for the final evaluation: the latest year submitted up to it)
     * @param lang          "zh" or "en"
     * @param publicVersion true for the public version
     * @param partial       true to write the report although units filed nothing (the report lists them)
     * @return the evaluation
     * @throws InputException when the kind is unknown, the year outside the plan or without submissions, or (not
     *                        partial) a responsible unit filed nothing for the year
     */
    public static Evaluation evaluate(Checked checked, String kind, int year, String lang, boolean publicVersion,
                                      boolean partial) throws InputException {
        RuleSet rules = checked.rules();
        if (!KINDS.contains(kind)) {
            throw new InputException(List.of(new InputProblem("", 0, 0, "", Msg.text("monitoring.report-kind",
                    "kind", plancheck.model.Bounded.cut(kind), "kinds", String.join(", ", KINDS)))));
        }
        if (year <= rules.baseYear() || year > rules.targetYear()) {
            throw new InputException(List.of(new InputProblem("--year " + year, 0, 0, "", Msg.text("monitoring.report-year-outside",
                    "year", year, "from", rules.baseYear() + 1, "to", rules.targetYear()))));
        }
        java.util.SortedSet<Integer> years = dataYears(checked);
        int y = year;
        if ("final".equals(kind) && !years.contains(year) && !years.headSet(year).isEmpty()) {
            // the final evaluation on whatever data there is: through the latest year submitted, saying what is missing
            y = years.headSet(year).last();
        }
        if (!years.contains(y)) {
            String zh = years.isEmpty() ? "—" : years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"));
            String en = years.isEmpty() ? "—" : years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            throw new InputException(List.of(new InputProblem(inputsWhere(checked), 0, 0, "", new plancheck.model.Text(
                    Msg.get("zh", "monitoring.report-year-nodata", "year", year, "years", zh),
                    Msg.get("en", "monitoring.report-year-nodata", "year", year, "years", en)))));
        }
        int last = "final".equals(kind) ? rules.targetYear() : y;
        List<Integer> missing = new java.util.ArrayList<>();
        for (int i = rules.baseYear() + 1; i <= last; i++) {
            if (!years.contains(i)) {
                missing.add(i);
            }
        }
        List<String> unfiled = unfiled(checked, y);
        if (!partial && !unfiled.isEmpty()) {
            List<String> shown = unfiled.subList(0, Math.min(unfiled.size(), 12));
            String more = unfiled.size() > 12 ? " …" : "";
            throw new InputException(List.of(new InputProblem(inputsWhere(checked), 0, 0, "", new plancheck.model.Text(
                    Msg.get("zh", "monitoring.report-unfiled", "year", y, "n", unfiled.size(), "names", String.join("、", shown) + more),
                    Msg.get("en", "monitoring.report-unfiled", "year", y, "n", unfiled.size(), "names", String.join(", ", shown) + more)))));
        }
        Responsibilities units = Responsibilities.of(rules);
        return new EvaluationBuilder(checked.report(), rules.targets(), PlanMonitoring.townships(rules), kind, y, lang,
                publicVersion, t -> responsibleUnit(units, t)).missing(missing, unfiled).annualDocuments(annualDocuments(rules))
                .sections(PlanMonitoring.sections(rules)).build();
    }

    /**
     * @param checked a finished check
     * @return the plan years for which the region's submissions gave anything (its findings' years)
     */
    public static java.util.SortedSet<Integer> dataYears(Checked checked) {
        RuleSet rules = checked.rules();
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        checked.report().findings().stream().filter(f -> f.subject().equals(checked.report().region())
                && f.year() > rules.baseYear() && f.year() <= rules.targetYear()).forEach(f -> years.add(f.year()));
        return years;
    }

    /**
     * The responsible units that filed nothing for a year: every target of theirs judged that year is without a
     * value (the report then lists them; the command line refuses such a report unless asked for a partial one).
     *
     * @param checked a finished check
     * @param year    the year
     * @return the units' names, in the plan's order of units
     */
    public static List<String> unfiled(Checked checked, int year) {
        Responsibilities units = Responsibilities.of(checked.rules());
        Map<String, Boolean> filed = new LinkedHashMap<>();
        for (plancheck.model.Finding f : checked.report().findings()) {
            if (f.year() != year || !f.subject().equals(checked.report().region())) {
                continue;
            }
            String owner = units.ownerOf(f.indicator());
            Responsibilities.Bureau b = owner == null ? null : units.bureau(owner);
            if (b != null) {
                filed.merge(b.name(), f.actual() != null, Boolean::logicalOr);
            }
        }
        return units.bureaus().stream().map(Responsibilities.Bureau::name).filter(n -> Boolean.FALSE.equals(filed.get(n))).toList();
    }

    private static Map<String, plancheck.model.Text> annualDocuments(RuleSet rules) {
        Map<String, plancheck.model.Text> docs = new LinkedHashMap<>();
        PlanMonitoring.annualTargets(rules).forEach(a -> docs.putIfAbsent(a.document().zh(), a.document()));
        return docs;
    }

    /** Where a report's inputs are, for a message: the folder (or file) holding them all. */
    private static String inputsWhere(Checked checked) {
        List<String> paths = List.copyOf(checked.report().inputs().keySet());
        if (paths.isEmpty()) {
            return "";
        }
        java.nio.file.Path common = java.nio.file.Path.of(paths.get(0));
        for (String p : paths) {
            while (common != null && !java.nio.file.Path.of(p).startsWith(common)) {
                common = common.getParent();
            }
        }
        return plancheck.model.Bounded.cut(common == null ? "." : common.toString());
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
     * @return the files to write, name → bytes: {@code <kind>-<year>[-public][-en].docx} and {@code .html} (the
     *         English version named apart, so that both languages can be written to one folder)
     */
    public static Map<String, byte[]> render(Evaluation e) {
        String base = e.kind() + "-" + e.year() + (e.publicVersion() ? "-public" : "") + ("en".equals(e.lang()) ? "-en" : "");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(base + ".docx", EvaluationDocx.render(e));
        files.put(base + ".html", EvaluationHtml.render(e));
        return files;
    }
}
