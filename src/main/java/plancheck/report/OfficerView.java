package plancheck.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import plancheck.model.Bureau;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * What report.md and report.html show an officer, in the order they read it: what needs action
 * (violations, data problems, warnings) grouped by responsible unit, the unit's own targets when the
 * report centres on one unit, then the year tables; the inputs' hashes last. Texts are in the report's
 * language, free of developer text ({@link Audience#readable}).
 */
final class OfficerView {

    final Report r;
    final Audience a;
    final String lang;
    final boolean en;
    final TreeSet<Integer> years = new TreeSet<>();

    OfficerView(Report r, Audience a, String lang) {
        this.r = r;
        this.a = a;
        this.lang = lang;
        this.en = "en".equals(lang);
        r.findings().forEach(f -> years.add(f.year()));
    }

    /** Findings that need action listed per unit, at most; the rest are counted (all are in report.xlsx). */
    static final int SHOWN = 40;

    /** The findings that need action of one unit: the first {@link #SHOWN}, and how many more. */
    record Group(Bureau unit, String name, List<Finding> findings, Map<Triage.Action, Integer> counts, int more) {}

    /** @return what needs action, by unit: the focus unit first, then the plan's order of units */
    List<Group> actions() {
        Map<String, List<Finding>> by = new LinkedHashMap<>();
        Map<String, Bureau> unit = new LinkedHashMap<>();
        for (Finding f : FindingsSheet.actions(r, a)) {
            Bureau b = a.focus() != null && a.mine(f) ? a.focus() : a.lead(f);
            String k = b == null ? "" : b.id();
            by.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
            unit.putIfAbsent(k, b);
        }
        List<Group> out = new ArrayList<>();
        by.forEach((k, fs) -> {
            Map<Triage.Action, Integer> c = new EnumMap<>(Triage.Action.class);
            fs.forEach(f -> c.merge(Triage.of(f), 1, Integer::sum));
            out.add(new Group(unit.get(k), Audience.name(unit.get(k), lang), fs.size() > SHOWN ? fs.subList(0, SHOWN) : fs,
                    c, Math.max(0, fs.size() - SHOWN)));
        });
        // the focus unit first; then the units with violations, then data problems, then warnings
        List<Group> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparingInt((Group g) -> a.focus() != null && g.unit() != null
                && g.unit().id().equals(a.focus().id()) ? -1 : g.counts().keySet().stream().mapToInt(Enum::ordinal).min().orElse(9)));
        return sorted;
    }

    /** @return "……另有12条未列出，全部见report.xlsx" for a group cut short, or null */
    String more(Group g) {
        if (g.more() == 0) {
            return null;
        }
        return en ? "… " + g.more() + " more not listed here; every one is in report.xlsx and report.json."
                : "……另有" + g.more() + "条未在此列出，全部见report.xlsx与report.json。";
    }

    /** @return "违规2条、数据问题1条、预警3条" */
    String counts(Map<Triage.Action, Integer> c) {
        List<String> parts = new ArrayList<>();
        for (Triage.Action act : List.of(Triage.Action.VIOLATION, Triage.Action.DATA_PROBLEM, Triage.Action.WARNING)) {
            int n = c.getOrDefault(act, 0);
            if (n > 0) {
                parts.add(en ? n + " " + Triage.label(act, lang) + (n > 1 ? "s" : "") : Triage.label(act, lang) + n + "条");
            }
        }
        return String.join(en ? ", " : "、", parts);
    }

    /** @return the counts of every action in the report */
    Map<Triage.Action, Integer> totals() {
        Map<Triage.Action, Integer> c = new EnumMap<>(Triage.Action.class);
        r.findings().forEach(f -> c.merge(Triage.of(f), 1, Integer::sum));
        return c;
    }

    /** @return the focus unit's findings on the region, by year then the table's order */
    List<Finding> mine() {
        if (a.focus() == null) {
            return List.of();
        }
        return r.findings().stream().filter(f -> a.mine(f) && f.subject().equals(r.region()))
                .sorted(java.util.Comparator.comparingInt(Finding::year).thenComparing(f -> order(a.target(f.indicator()))))
                .toList();
    }

    /** @return targets of other units without any value (left out of a report centred on one unit) */
    long othersWithoutData() {
        return r.findings().stream().filter(f -> f.subject().equals(r.region()) && !a.mine(f) && f.actual() == null)
                .map(Finding::indicator).distinct().count();
    }

    /** @return true when the finding belongs in a report centred on the focus unit (always without focus) */
    boolean shown(Finding f) {
        if (a.focus() == null || a.mine(f)) {
            return true;
        }
        return f.actual() != null || Triage.of(f) != Triage.Action.NONE;
    }

    private static String order(PlanTarget t) {
        return t == null ? "z" : t.table() == null ? "b" + t.id() : String.format("a%03d", t.table());
    }

    /** @return the indicator's name (专栏1 with its number) */
    String name(Finding f) {
        PlanTarget t = a.target(f.indicator());
        if (t == null) {
            String n = a.nameOf(f.indicator(), lang);
            return n != null ? n : a.readable(f.indicator(), f, lang);
        }
        String n = t.name().in(lang);
        return t.inTable() ? (en ? t.table() + ". " : t.table() + "．") + n : n;
    }

    /** @return the value with its unit, rounded to the indicator's precision */
    String value(Finding f) {
        if (f.actual() == null) {
            return "—";
        }
        PlanTarget t = a.target(f.indicator());
        return Audience.number(f.actual(), t, f.expected(), t == null ? null : t.warnAt(), f.target()) + unit(f);
    }

    /** @return what the year had to reach, with ≥ ≤ and its unit */
    String expected(Finding f) {
        if (f.expected() == null) {
            return "—";
        }
        String c = Audience.symbol(f.comparator());
        return (c.isEmpty() ? "" : c + " ") + Audience.number(f.expected(), a.target(f.indicator()), f.actual()) + unit(f);
    }

    private String unit(Finding f) {
        return f.unit() == null || f.unit().isEmpty() ? "" : (en ? " " : "") + f.unit();
    }

    /** @return the 2030 target as the plan prints it */
    String target(Finding f) {
        PlanTarget t = a.target(f.indicator());
        return t == null || t.target() == null ? "—" : t.target().text();
    }

    /** @return the finding's explanation as an officer reads it, with what it waits for */
    String message(Finding f) {
        String m = a.readable(f.message().in(lang), f, lang);
        if (a.focus() != null && a.mine(f) && !Triage.dataProblem(f)) {
            // (a data problem is the unit's own figure to correct, whatever else the target needs)
            List<String> deps = new ArrayList<>();
            for (Audience.Dependency d : a.dependencies(f, r.findings(), r.region())) {
                deps.add(plancheck.i18n.Msg.get(lang, d.available() ? "officer.depends" : "officer.depends-not-filed",
                        "unit", Audience.name(d.unit(), lang), "name", d.name().in(lang)));
            }
            if (!deps.isEmpty()) {
                String dep = String.join(en ? "; " : "；", deps);
                m = waits(f) ? plancheck.i18n.Msg.get(lang, "officer.waiting-for", "dependencies", dep)
                        : plancheck.i18n.Msg.get(lang, "officer.with-dependencies", "message", m, "dependencies", dep);
            }
        }
        return m;
    }

    /**
     * @return true for the focus unit's finding that has no value because another unit's figure is
     *         missing (暂无法评判); a data problem is never that: its own figure is to be corrected
     */
    private boolean waits(Finding f) {
        return a.focus() != null && a.mine(f) && !Triage.dataProblem(f) && !faulty().contains(f.indicator() + "|" + f.year())
                && a.waiting(f, r.findings(), r.region());
    }

    private java.util.Set<String> faulty;

    /** @return "indicator|year" of every data problem: a value to correct, whatever else it needs */
    private java.util.Set<String> faulty() {
        if (faulty == null) {
            faulty = new java.util.HashSet<>();
            r.findings().stream().filter(Triage::dataProblem).forEach(f -> faulty.add(f.indicator() + "|" + f.year()));
        }
        return faulty;
    }

    /** @return the status as shown: 违规, 数据问题, 预警, 达标 …, or 暂无法评判 while waiting for another unit */
    String status(Finding f) {
        if (waits(f)) {
            return plancheck.i18n.Msg.get(lang, "officer.waiting");
        }
        Triage.Action act = Triage.of(f);
        return act == Triage.Action.DATA_PROBLEM ? Triage.label(act, lang) : ExplainText.status(f.status().name(), lang);
    }

    /** @return the CSS class of the status: VIOLATION, DATA, WARNING, PASS, NO_DATA, WAIT … */
    String statusClass(Finding f) {
        if (waits(f)) {
            return "WAIT";
        }
        return Triage.of(f) == Triage.Action.DATA_PROBLEM ? "DATA" : f.status().name();
    }

    /** @return who filed the finding's inputs */
    String filedBy(Finding f) {
        return String.join(en ? ", " : "、", a.filedBy(f, lang));
    }

    /** @return the plan clause, without references to the contract */
    String clause(Finding f) {
        return a.clause(f.source());
    }

    /** @return the attribute as the plan states it */
    String attribute(Finding f) {
        PlanTarget t = a.target(f.indicator());
        return t == null ? "" : en ? t.attributeEn() : t.attributeZh();
    }

    /** @return count per status and year, and the data problems among the warnings */
    long count(int year, Status s) {
        return r.findings().stream().filter(f -> f.year() == year && f.status() == s).count();
    }

    long dataProblems(int year) {
        return r.findings().stream().filter(f -> f.year() == year && Triage.dataProblem(f)).count();
    }

    /** @return who filed each input, for the appendix */
    String filer(String input) {
        String w = a.filer(input, lang);
        return w == null ? "" : w;
    }
}
