package plancheck.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import plancheck.i18n.Msg;
import plancheck.load.PlanMonitoring;
import plancheck.load.Versions;
import plancheck.model.AdditiveFigure;
import plancheck.model.Comparator;
import plancheck.model.Finding;
import plancheck.model.Numbers;
import plancheck.model.PlanTarget;
import plancheck.model.Status;
import plancheck.model.Township;

/**
 * Builds an {@link Evaluation} from a checked report: the verdicts of the year (and, for the mid-term and final
 * evaluation, of the years before it), the early warnings in their details, the annual plan's and the townships'
 * findings. Nothing is judged here: every status comes from the rules; this class counts, groups and words them.
 */
public final class EvaluationBuilder {

    /** The kinds of report. */
    public static final List<String> KINDS = List.of("annual", "midterm", "final");

    /** At most this many names in one sentence (the rest are counted). */
    static final int NAMES = 12;

    private static final List<String> AREA_ORDER = List.of("economy", "innovation", "livelihood", "environment", "safety",
            "grain", "urban", "society");

    private final Report report;
    private final Map<String, PlanTarget> byId = new TreeMap<>();
    private final PlanMonitoring.Townships towns;
    private final String kind;
    private final int year;
    private final String lang;
    private final boolean pub;
    private final Function<PlanTarget, String> responsible;
    private final int span;
    private final int elapsed;
    private List<Integer> missingYears = List.of();
    private List<String> unfiled = List.of();
    private Map<String, plancheck.model.Text> documents = Map.of();
    private List<PlanMonitoring.Section> sections = List.of();

    /**
     * @param report      the checked report (findings of every year submitted)
     * @param catalogue   the plan's targets
     * @param towns       the plan's townships
     * @param kind        annual, midterm or final
     * @param year        the year covered
     * @param lang        "zh" or "en"
     * @param pub         true for the public version
     * @param responsible the responsible unit of a target, or null where the catalogue names none (the seam for
     *                    the catalogue's responsible units)
     */
    public EvaluationBuilder(Report report, List<PlanTarget> catalogue, PlanMonitoring.Townships towns, String kind,
                             int year, String lang, boolean pub, Function<PlanTarget, String> responsible) {
        this.report = report;
        catalogue.forEach(t -> byId.put(t.id(), t));
        this.towns = towns;
        this.kind = kind;
        this.year = year;
        this.lang = "en".equals(lang) ? "en" : "zh";
        this.pub = pub;
        this.responsible = responsible == null ? t -> null : responsible;
        this.span = report.targetYear() - report.baseYear();
        this.elapsed = year - report.baseYear();
    }

    /**
     * What the data lacks, for the report to say (never filled in): the plan years without any submission up to
     * the year covered (for the final evaluation, up to the plan's end), and the responsible units that filed
     * nothing for the year.
     *
     * @param missingYears the years without data
     * @param unfiled      the units' names
     * @return this
     */
    public EvaluationBuilder missing(List<Integer> missingYears, List<String> unfiled) {
        this.missingYears = List.copyOf(missingYears);
        this.unfiled = List.copyOf(unfiled);
        return this;
    }

    /**
     * @param documents the annual plans' documents by their Chinese title (the findings' source), for the English
     *                  report to name them in English
     * @return this
     */
    public EvaluationBuilder annualDocuments(Map<String, plancheck.model.Text> documents) {
        this.documents = Map.copyOf(documents);
        return this;
    }

    /**
     * @param sections the plan's main table's sections (专栏1 一、经济发展 …), to group its rows by as the plan
     *                 does; none: by the targets' areas
     * @return this
     */
    public EvaluationBuilder sections(List<PlanMonitoring.Section> sections) {
        this.sections = List.copyOf(sections);
        return this;
    }

    /** A final evaluation before the plan's last year has data: nothing is said of the end of the period. */
    private boolean finalSoFar() {
        return "final".equals(kind) && year < report.targetYear();
    }

    private String m(String key, Object... args) {
        return Msg.get(lang, "evaluation." + key, args);
    }

    private boolean en() {
        return "en".equals(lang);
    }

    /** @return the evaluation */
    public Evaluation build() {
        String region = report.region();
        String plan = en() ? Msg.get(lang, "evaluation.plan-ordinal", "n", ordinal()) : Msg.get(lang, "evaluation.plan-ordinal",
                "n", chineseNumber(ordinal()));
        String title = m("title." + kind, "region", region, "plan", plan, "year", year) + (pub ? m("public") : "");
        String subtitle = switch (kind) {
            case "annual" -> m("subtitle.annual", "year", year);
            default -> m("subtitle." + kind, "from", report.baseYear() + 1, "to", report.targetYear(),
                    "first", report.baseYear() + 1, "year", year, "elapsed", elapsed,
                    "time", Numbers.plain(Progress.timeShare(elapsed, span)));
        };
        List<String> notes = new ArrayList<>();
        if (!report.exampleInputs().isEmpty()) {
            notes.add(m("example"));
        }
        String missing = missingYears.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(m("counts.list-sep")));
        if (finalSoFar()) {
            notes.add(m("missing.final", "year", year, "to", report.targetYear(), "missing", missing));
        } else if (!missingYears.isEmpty()) {
            notes.add(m("missing.years", "missing", missing));
        }
        if (!unfiled.isEmpty()) {
            notes.add(m("missing.units", "year", year, "n", unfiled.size(), "names", names(unfiled, NAMES)));
        }
        // region verdicts of the year
        Map<String, Finding> verdicts = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.year() == year && f.subject().equals(region) && byId.containsKey(f.indicator())) {
                verdicts.put(f.indicator(), f);
            }
        }
        List<AnnualInfo> annualInfo = annual(region);
        annualInfo.stream().filter(a -> a.fictional).map(a -> a.document).distinct()
                .forEach(d -> notes.add(m("annual-fictional", "document", d)));
        Map<String, AnnualInfo> annualById = new TreeMap<>();
        annualInfo.forEach(a -> annualById.put(a.id, a));

        List<Evaluation.Row> rows = new ArrayList<>();
        byId.values().stream().filter(PlanTarget::inTable).sorted(java.util.Comparator.comparing(PlanTarget::table))
                .forEach(t -> rows.add(row(t, verdicts.get(t.id()), annualById.get(t.id()))));
        List<Evaluation.Row> otherRows = new ArrayList<>();
        List<String> otherNoData = new ArrayList<>();
        byId.values().stream().filter(t -> !t.inTable()).forEach(t -> {
            Finding f = verdicts.get(t.id());
            if (f == null) {
                return;
            }
            if (f.status() == Status.NO_DATA) {
                otherNoData.add(t.name().in(lang));
            } else {
                otherRows.add(row(t, f, annualById.get(t.id())));
            }
        });

        List<Evaluation.Warn> warnings = new ArrayList<>();
        List<Evaluation.Warn> adjustments = new ArrayList<>();
        for (Evaluation.Row r : concat(rows, otherRows)) {
            if (r.warningCode().equals("at_risk") || r.warningCode().equals("off_track")) {
                warnings.add(new Evaluation.Warn(display(r), r.warning(), r.warningCode(), r.warningText()));
            }
        }
        for (Evaluation.Row r : concat(rows, otherRows)) {
            Finding f = verdicts.get(r.id());
            if (f != null && f.details().get("projection") instanceof Map<?, ?> pj && "off_track".equals(pj.get("level"))
                    && Boolean.TRUE.equals(pj.get("beyondBest")) && (!"final".equals(kind) || finalSoFar())) {
                adjustments.add(new Evaluation.Warn(display(r), m("adjust"), "off_track", r.warningText()));
            }
        }

        List<Evaluation.TownshipView> townshipViews = townships();
        if (!townshipViews.isEmpty()) {
            towns.targets().stream().filter(t -> t.fictional()).map(t -> t.document().in(lang)).distinct()
                    .forEach(d -> notes.add(m("townships-fictional", "document", d)));
        }
        List<Evaluation.Reconciliation> rec = reconciliations(region);
        List<String> problems = new ArrayList<>();
        for (Evaluation.Row r : concat(rows, otherRows)) {
            if ("problem".equals(r.doneCode())) {
                problems.add(m("problem.value", "name", display(r)));
            }
        }
        for (Evaluation.Reconciliation r : rec) {
            if (r.code().equals("differs") || r.code().equals("exceeds")) {
                problems.add(m("problem.reconcile", "figure", r.figure(), "sum", r.sum(), "county", r.county(),
                        "difference", r.difference().replaceFirst("^[+-]", ""), "unit", r.unit()));
            }
        }
        if (problems.isEmpty()) {
            problems.add(m("problems-none"));
        }

        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : Msg.area("evaluation").keySet()) {
            if (k.startsWith("evaluation.h.") || k.startsWith("evaluation.col.")) {
                labels.put(k.substring("evaluation.".length()), Msg.get(lang, k));
            }
        }
        Evaluation.Internal internal = null;
        if (!pub) {
            List<String[]> inputs = new ArrayList<>();
            report.inputs().forEach((p, h) -> inputs.add(new String[] {p, h}));
            internal = new Evaluation.Internal(inputs, m("audit.rules", "plan", report.planId(), "planDir", report.planDir(),
                    "rulesDir", report.rulesDir(), "sha", report.rulesSha(), "version", Versions.plancheck()));
        }
        List<Evaluation.Group> units = byUnit(rows);
        return new Evaluation(kind, year, lang, pub, region, title, subtitle, m("clause"), List.copyOf(notes),
                countsSentence(rows), warningSentence(rows), paceSentence(rows), annualSentence(annualInfo),
                List.copyOf(rows), bySection(rows), units, units.isEmpty() ? m("units-seam") : null, List.copyOf(warnings),
                List.copyOf(adjustments), annualInfo.stream().map(a -> a.row).toList(), group(otherRows),
                otherNoData.isEmpty() ? null : m("others-nodata", "n", otherNoData.size(), "names", names(otherNoData, 40)),
                townshipViews, rec, List.copyOf(problems), internal, m("footer"), labels);
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    private Evaluation.Row row(PlanTarget t, Finding f, AnnualInfo a) {
        String unit = t.unit();
        String name = t.name().in(lang);
        String attribute = en() ? t.attributeEn() : t.attributeZh();
        String area = areaName(t.area());
        String base = t.baseline() == null ? "—" : t.baseline().text();
        String target = t.target() == null ? "—" : t.target().text();
        String annual = a == null ? "—" : a.text;
        if (f == null) {
            return new Evaluation.Row(t.table(), t.id(), name, display(t), unit, attribute, t.binding(), area, responsible.apply(t), base,
                    annual, "—", target, "—", m("done.nodata"), "nodata", "—", "", "", "—", "—", "", pub ? null : "",
                    t.source());
        }
        String doneCode = doneCode(f, t);
        String path = f.expected() == null ? "—" : symbol(f.comparator()) + Numbers.plain(f.expected());
        String actual = actual(f, t);
        String warning = "—";
        String warningCode = "";
        String warningText = "";
        if (f.details().get("projection") instanceof Map<?, ?> pj) {
            warningCode = String.valueOf(pj.get("level"));
            warning = m("warn." + warningCode);
            if (pj.get("text") instanceof Map<?, ?> tx) {
                warningText = String.valueOf(tx.get(lang));
            }
        }
        String progress = "—";
        String pace = "—";
        String paceCode = "";
        if (!"annual".equals(kind)) {
            BigDecimal p = progress(f, t);
            if (p != null) {
                // cut, not rounded: 59.99 % shows as 59.9 %, never as the 60 % it does not reach
                progress = Numbers.plain(p.setScale(1, java.math.RoundingMode.DOWN)) + "%";
                boolean complete = "final".equals(kind);
                boolean ok = complete ? p.compareTo(BigDecimal.valueOf(100)) >= 0 : Progress.keepsPace(p, elapsed, span);
                paceCode = complete ? (ok ? "complete" : "incomplete") : (ok ? "keeps" : "lags");
            } else {
                paceCode = everyYear(t);
            }
            pace = paceCode.isEmpty() ? "—" : m("pace." + paceCode + (finalSoFar() && paceCode.equals("incomplete") ? "-so-far" : ""));
        }
        return new Evaluation.Row(t.table(), t.id(), name, display(t), unit, attribute, t.binding(), area, responsible.apply(t), base,
                annual, path, target, actual, m("done." + doneCode), doneCode, warning, warningCode, warningText, progress,
                pace, paceCode, pub ? null : f.message().in(lang), f.source());
    }

    /** met, met-near, notmet, reached, missed, nodata, pending, problem — from the verdict's status and numbers. */
    static String doneCode(Finding f, PlanTarget t) {
        boolean b = t.binding();
        return switch (f.status()) {
            case PASS -> b ? "met" : "reached";
            case VIOLATION -> "notmet";
            case NO_DATA, BASELINE -> "nodata";
            case PENDING -> "pending";
            case WARNING -> {
                if (f.actual() == null || f.expected() == null || f.comparator() == null || "data".equals(f.kind())) {
                    yield "problem";
                }
                if (Comparator.parse(f.comparator()).meets(f.actual(), f.expected())) {
                    yield b ? "met-near" : "reached";
                }
                yield b ? "notmet" : "missed";
            }
        };
    }

    /** The year's value; for averages and running totals the year's own value with the running figure. */
    private String actual(Finding f, PlanTarget t) {
        if (f.actual() == null) {
            return "—";
        }
        Object yv = f.details().get("yearValue");
        String judge = t.judge() == null ? "" : t.judge();
        if (yv instanceof BigDecimal v && f.year() > report.baseYear()) {
            String first = String.valueOf(f.details().getOrDefault("firstYear", report.baseYear() + 1));
            String period = first.equals(String.valueOf(f.year())) ? String.valueOf(f.year())
                    : first + (en() ? "–" : "—") + f.year();
            if ("average_growth".equals(judge)) {
                return m("actual.average", "value", Numbers.plain(v), "period", period,
                        "average", Numbers.shown(f.actual(), false));
            }
            if ("cumulative".equals(judge) || "new_items".equals(judge)) {
                return m("actual.total", "value", Numbers.plain(v), "total", Numbers.plain(f.actual()));
            }
        }
        return Numbers.plain(f.actual());
    }

    /** 完成进度 by the way the target is judged; null where it has no progress share. */
    private BigDecimal progress(Finding f, PlanTarget t) {
        if (f.actual() == null || f.status() == Status.PENDING) {
            return null;
        }
        String judge = t.judge() == null ? "" : t.judge();
        BigDecimal target = f.target() != null ? f.target() : t.targetValue();
        switch (judge) {
            case "path" -> {
                return f.details().get("baseline") instanceof BigDecimal b ? Progress.path(f.actual(), b, target) : null;
            }
            case "cumulative", "new_items" -> {
                return Progress.total(f.actual(), target);
            }
            case "average_growth" -> {
                List<BigDecimal> rates = new ArrayList<>();
                if (f.details().get("observations") instanceof List<?> obs) {
                    for (Object o : obs) {
                        if (o instanceof Map<?, ?> ob && t.id().equals(ob.get("indicator")) && ob.get("year") instanceof Integer y
                                && y > report.baseYear() && y <= year && ob.get("value") instanceof BigDecimal v) {
                            rates.add(v);
                        }
                    }
                }
                return Progress.growth(rates, target, elapsed, span);
            }
            default -> {
                return null;
            }
        }
    }

    /** For targets judged year by year: every-year when every judged year so far met it, some-year otherwise. */
    private String everyYear(PlanTarget t) {
        int judged = 0;
        boolean all = true;
        for (Finding f : report.findings()) {
            if (f.indicator().equals(t.id()) && f.subject().equals(report.region()) && f.year() > report.baseYear()
                    && f.year() <= year) {
                String c = doneCode(f, t);
                if (c.equals("met") || c.equals("met-near") || c.equals("reached")) {
                    judged++;
                } else if (c.equals("notmet") || c.equals("missed")) {
                    judged++;
                    all = false;
                }
            }
        }
        return judged == 0 ? "" : all ? "every-year" : "some-year";
    }

    // ---- sentences ------------------------------------------------------------------------------------------------

    private String countsSentence(List<Evaluation.Row> rows) {
        List<Evaluation.Row> b = rows.stream().filter(Evaluation.Row::binding).toList();
        List<Evaluation.Row> e = rows.stream().filter(r -> !r.binding()).toList();
        String lead = finalSoFar() ? "final-so-far" : "midterm".equals(kind) && 2 * elapsed < span ? "midterm-early" : kind;
        StringBuilder s = new StringBuilder(m("counts.lead." + lead, "year", year, "total", rows.size(), "to", report.targetYear(),
                "time", Numbers.plain(Progress.timeShare(elapsed, span))));
        s.append(attributeCounts(b, "binding", "met", "counts.met", "notmet", "counts.notmet"));
        List<Evaluation.Row> near = b.stream().filter(r -> r.doneCode().equals("met-near")).toList();
        if (!near.isEmpty()) {
            s.append(m("counts.sep")).append(m("counts.near", "names", names(near.stream().map(this::display).toList(), NAMES)));
        }
        s.append(m("counts.join"));
        s.append(attributeCounts(e, "expected", "reached", "counts.reached", "missed", "counts.missed"));
        return s.append(m("counts.end")).toString();
    }

    /** “7项约束性指标全部完成” or “7项约束性指标中，5项完成，1项未完成（…）…” for one attribute's rows. */
    private String attributeCounts(List<Evaluation.Row> rows, String attribute, String okCode, String okKey,
                                   String badCode, String badKey) {
        long ok = rows.stream().filter(r -> r.doneCode().startsWith(okCode)).count();
        if (ok == rows.size()) {
            return m("counts." + attribute + "-all", "n", rows.size());
        }
        List<String> parts = new ArrayList<>();
        add(parts, okKey, ok, List.of());
        add(parts, badKey, rows, badCode);
        add(parts, "counts.pending", rows, "pending");
        add(parts, "counts.nodata", rows, "nodata");
        add(parts, "counts.problem", rows, "problem");
        return m("counts." + attribute, "n", rows.size(), "parts", String.join(m("counts.sep"), parts));
    }

    private void add(List<String> parts, String key, List<Evaluation.Row> rows, String code) {
        List<String> n = rows.stream().filter(r -> r.doneCode().equals(code)).map(this::display).toList();
        add(parts, key, n.size(), n);
    }

    private void add(List<String> parts, String key, long count, List<String> names) {
        if (count > 0) {
            parts.add(names.isEmpty() ? m(key, "n", count) : m(key, "n", count, "names", names(names, NAMES)));
        }
    }

    private String warningSentence(List<Evaluation.Row> rows) {
        List<String> risk = rows.stream().filter(r -> r.warningCode().equals("at_risk")).map(this::display).toList();
        List<String> off = rows.stream().filter(r -> r.warningCode().equals("off_track")).map(this::display).toList();
        long on = rows.stream().filter(r -> r.warningCode().equals("on_track")).count();
        return m("warning-sentence", "onTrack", on, "atRisk", risk.size(), "riskNames", names(risk, NAMES),
                "offTrack", off.size(), "offNames", names(off, NAMES));
    }

    private String paceSentence(List<Evaluation.Row> rows) {
        if ("annual".equals(kind)) {
            return null;
        }
        List<Evaluation.Row> withProgress = rows.stream().filter(r -> !r.progress().equals("—")).toList();
        if ("final".equals(kind)) {
            List<String> late = withProgress.stream().filter(r -> r.paceCode().equals("incomplete")).map(this::display).toList();
            return m(finalSoFar() ? "final-sentence-so-far" : "final-sentence", "to", report.targetYear(), "year", year, "n", withProgress.size(), "ok", withProgress.size() - late.size(), "late", late.size(),
                    "names", names(late, NAMES));
        }
        List<String> lags = withProgress.stream().filter(r -> r.paceCode().equals("lags")).map(this::display).toList();
        List<Evaluation.Row> yearly = rows.stream().filter(r -> r.paceCode().equals("every-year") || r.paceCode().equals("some-year")).toList();
        List<String> some = yearly.stream().filter(r -> r.paceCode().equals("some-year")).map(this::display).toList();
        return m("pace-sentence", "time", Numbers.plain(Progress.timeShare(elapsed, span)), "n", withProgress.size(),
                "ok", withProgress.size() - lags.size(), "late", lags.size(), "names", names(lags, NAMES), "m", yearly.size(),
                "every", yearly.size() - some.size(), "some", some.size(), "names2", names(some, NAMES));
    }

    private String annualSentence(List<AnnualInfo> annual) {
        if (annual.isEmpty()) {
            return null;
        }
        // as the five-year table words them: a binding target 完成 / 未完成, an expected one 达到预期 / 未达预期
        List<String> parts = new ArrayList<>();
        for (boolean binding : new boolean[] {true, false}) {
            List<Evaluation.AnnualRow> rows = annual.stream().filter(a -> a.binding == binding).map(a -> a.row).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> bad = rows.stream().filter(r -> r.doneCode().equals(binding ? "notmet" : "missed")).map(Evaluation.AnnualRow::name).toList();
            List<String> nodata = rows.stream().filter(r -> r.doneCode().equals("nodata")).map(Evaluation.AnnualRow::name).toList();
            long ok = rows.stream().filter(r -> r.doneCode().equals(binding ? "met" : "reached")).count();
            String k = binding ? "binding" : "expected";
            if (ok == rows.size()) {
                parts.add(m("annual-" + k + "-all", "n", rows.size()));
                continue;
            }
            parts.add(m("annual-" + k, "n", rows.size(), "ok", ok,
                    "bad", bad.isEmpty() ? "" : m("annual-" + k + "-bad", "n", bad.size(), "names", names(bad, NAMES)),
                    "nodata", nodata.isEmpty() ? "" : m("annual-nodata", "n", nodata.size(), "names", names(nodata, NAMES))));
        }
        return m("annual-sentence", "year", year, "n", annual.size(), "parts", String.join(m("counts.join"), parts));
    }

    // ---- the annual plan, townships, reconciliations ---------------------------------------------------------------

    /** One annual-plan target of the year, with its row. */
    private record AnnualInfo(String id, String text, String document, boolean fictional, boolean binding, Evaluation.AnnualRow row) {}

    private List<AnnualInfo> annual(String region) {
        List<AnnualInfo> out = new ArrayList<>();
        String subject = region + "·年度计划";
        report.findings().stream().filter(f -> f.year() == year && f.subject().equals(subject) && byId.containsKey(f.indicator()))
                .sorted(java.util.Comparator.comparing((Finding f) -> byId.get(f.indicator()).table() == null ? 1000
                        : byId.get(f.indicator()).table()).thenComparing(Finding::indicator))
                .forEach(f -> {
                    PlanTarget t = byId.get(f.indicator());
                    String text = String.valueOf(f.details().getOrDefault("annualText", "—"));
                    String code = f.status() == Status.NO_DATA ? "nodata" : f.status() == Status.PASS
                            ? (t.binding() ? "met" : "reached") : (t.binding() ? "notmet" : "missed");
                    String name = display(t);
                    String doc = f.source() == null ? "" : f.source();
                    if (documents.get(doc) != null) {
                        doc = documents.get(doc).in(lang);
                    }
                    out.add(new AnnualInfo(t.id(), text, doc, "true".equals(f.details().get("annualFictional")), t.binding(),
                            new Evaluation.AnnualRow(name, t.unit(), text, f.actual() == null ? "—" : Numbers.plain(f.actual()),
                                    m("done." + code), code, doc)));
                });
        return out;
    }

    private List<Evaluation.TownshipView> townships() {
        List<Evaluation.TownshipView> out = new ArrayList<>();
        Map<String, List<String[]>> figures = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.year() == year && f.subject().equals(report.region() + "·乡镇汇总") && f.details().get("values") instanceof List<?> vs) {
                String fig = figureName(f.indicator());
                for (Object o : vs) {
                    if (o instanceof Map<?, ?> v) {
                        figures.computeIfAbsent(String.valueOf(v.get("township")), k -> new ArrayList<>()).add(new String[] {
                                fig, Numbers.plain((BigDecimal) v.get("value")) + " " + f.unit()});
                    }
                }
            }
        }
        for (Township tw : towns.townships()) {
            List<Evaluation.TownshipRow> rows = new ArrayList<>();
            report.findings().stream().filter(f -> f.year() == year && f.subject().equals(tw.name()) && byId.containsKey(f.indicator()))
                    .forEach(f -> {
                        PlanTarget t = byId.get(f.indicator());
                        String code = f.status() == Status.NO_DATA ? "nodata" : f.status() == Status.PASS
                            ? (t.binding() ? "met" : "reached") : (t.binding() ? "notmet" : "missed");
                        rows.add(new Evaluation.TownshipRow(display(t), t.unit(), String.valueOf(f.details().getOrDefault("assignedText", "—")),
                                f.actual() == null ? "—" : Numbers.plain(f.actual()), m("done." + code), code));
                    });
            List<String[]> figs = figures.getOrDefault(tw.name(), List.of());
            if (!rows.isEmpty() || !figs.isEmpty()) {
                out.add(new Evaluation.TownshipView(tw.name(), tw.kind(), List.copyOf(rows), List.copyOf(figs)));
            }
        }
        return out;
    }

    private List<Evaluation.Reconciliation> reconciliations(String region) {
        List<Evaluation.Reconciliation> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.year() != year || !f.subject().equals(region + "·乡镇汇总")) {
                continue;
            }
            String code = f.details().get("outcome") == null ? "no-county" : String.valueOf(f.details().get("outcome"));
            Object diff = f.details().get("difference");
            out.add(new Evaluation.Reconciliation(figureName(f.indicator()), f.unit(), f.expected() == null ? "—" : Numbers.plain(f.expected()),
                    Numbers.plain(f.actual()), diff instanceof BigDecimal d ? Numbers.shown(d, true) : "—",
                    f.details().get("townshipsFiled") + "/" + f.details().get("townships"), m("reconcile." + code), code));
        }
        return out;
    }

    private String figureName(String id) {
        AdditiveFigure a = towns.figure(id);
        if (a != null) {
            return a.name().in(lang);
        }
        PlanTarget t = byId.get(id);
        return t == null ? id : t.name().in(lang);
    }

    // ---- grouping and wording helpers -------------------------------------------------------------------------------

    private List<Evaluation.Group> group(List<Evaluation.Row> rows) {
        Map<String, List<Evaluation.Row>> by = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(AREA_ORDER);
        rows.stream().map(r -> byId.get(r.id()).area()).filter(a -> a != null && !order.contains(a)).distinct().sorted()
                .forEach(order::add);
        for (String a : order) {
            List<Evaluation.Row> g = rows.stream().filter(r -> a.equals(byId.get(r.id()).area())).toList();
            if (!g.isEmpty()) {
                by.put(areaName(a), g);
            }
        }
        List<Evaluation.Row> none = rows.stream().filter(r -> byId.get(r.id()).area() == null).toList();
        if (!none.isEmpty()) {
            by.put(m("area.other"), none);
        }
        List<Evaluation.Group> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Evaluation.Group(k, v, summary(v))));
        return out;
    }

    /** The main table's rows by the plan's sections, where the plan gives them (else, and for rows in none, by area). */
    private List<Evaluation.Group> bySection(List<Evaluation.Row> rows) {
        if (sections.isEmpty()) {
            return group(rows);
        }
        List<Evaluation.Group> out = new ArrayList<>();
        for (PlanMonitoring.Section sec : sections) {
            List<Evaluation.Row> g = rows.stream().filter(r -> sec.holds(r.no())).toList();
            if (!g.isEmpty()) {
                out.add(new Evaluation.Group(sec.name().in(lang), g, summary(g)));
            }
        }
        out.addAll(group(rows.stream().filter(r -> sections.stream().noneMatch(sec -> sec.holds(r.no()))).toList()));
        return out;
    }

    private List<Evaluation.Group> byUnit(List<Evaluation.Row> rows) {
        if (rows.stream().allMatch(r -> r.responsible() == null)) {
            return List.of();
        }
        // in the table's order: the unit of its first row first
        Map<String, List<Evaluation.Row>> by = new LinkedHashMap<>();
        for (Evaluation.Row r : rows) {
            by.computeIfAbsent(r.responsible() == null ? m("unit-unknown") : r.responsible(), k -> new ArrayList<>()).add(r);
        }
        List<Evaluation.Group> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Evaluation.Group(k, List.copyOf(v), summary(v))));
        return out;
    }

    /** "3项：完成2项，未达预期1项" — the group's rows counted by their status in words. */
    private String summary(List<Evaluation.Row> rows) {
        // in the order of the counts sentence: 完成, 未完成, 达到预期, 未达预期, 待市级下达, 暂无数据, 数据存疑
        List<String> order = List.of("met", "met-near", "notmet", "reached", "missed", "pending", "nodata", "problem");
        Map<String, Integer> by = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparingInt((Evaluation.Row r) -> order.indexOf(r.doneCode()) < 0
                ? order.size() : order.indexOf(r.doneCode()))).forEach(r -> by.merge(r.done(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        by.forEach((k, v) -> parts.add(m("group-part", "status", k, "n", v)));
        return m("group-summary", "n", rows.size(), "parts", String.join(m("counts.sep"), parts));
    }

    private String areaName(String area) {
        if (area == null) {
            return m("area.other");
        }
        try {
            return m("area." + area);
        } catch (IllegalStateException e) {
            return area;
        }
    }

    private String display(Evaluation.Row r) {
        return r.label();
    }

    private String display(PlanTarget t) {
        String n = t.name().in(lang);
        return t.inTable() ? (en() ? t.table() + ". " : t.table() + "．") + n : n;
    }

    private String names(List<String> names, int max) {
        if (names.isEmpty()) {
            return m("none");
        }
        String sep = en() ? ", " : "、";
        if (names.size() <= max) {
            return String.join(sep, names);
        }
        return String.join(sep, names.subList(0, max)) + m("names-more", "total", names.size());
    }

    private static String symbol(String comparator) {
        if (comparator == null) {
            return "";
        }
        return switch (comparator) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> comparator;
        };
    }

    /** The plan's ordinal: 15 for a plan starting in 2026 (the first five-year plan began in 1953). */
    private int ordinal() {
        return (report.baseYear() + 1 - 1953) / 5 + 1;
    }

    private static String chineseNumber(int n) {
        String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return d[n];
        }
        return (n / 10 == 1 ? "" : d[n / 10]) + "十" + d[n % 10];
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
