package plancheck.report;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.load.Versions;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * Writes {@code report.md}: the report an officer reads first, in Chinese by default ({@code --lang en}
 * for English). It opens with what needs action — violations, data problems, warnings — grouped by
 * responsible unit (the unit the report centres on first, with its own targets and what they wait for
 * from other units); then per year the table of the 26 indicators of 专栏1, the plan's other targets
 * and the findings on records; the inputs and their SHA-256 in an appendix. Numbers are rounded to the
 * indicator's precision, comparisons written ≥ and ≤, and no developer text (ids, file paths, rule
 * names, the contract) appears outside the appendix: those are in report.json and {@code plancheck explain}.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    /**
     * @param r         the report
     * @param catalogue the targets (for names and the table's order)
     * @param lang      "zh" or "en"
     * @return UTF-8 Markdown ending in a newline
     */
    public static byte[] render(Report r, List<PlanTarget> catalogue, String lang) {
        return render(r, Audience.of(catalogue), lang);
    }

    /**
     * @param r    the report
     * @param a    who it speaks to: the plan's units, who filed each input, the unit it centres on
     * @param lang "zh" or "en"
     * @return UTF-8 Markdown ending in a newline
     */
    public static byte[] render(Report r, Audience a, String lang) {
        OfficerView v = new OfficerView(r, a, lang);
        boolean en = v.en;
        StringBuilder b = new StringBuilder();
        b.append(en ? "# Plan compliance report: " + r.region() + ", 15th Five-Year Plan (2026–2030)\n\n"
                : "# " + r.region() + "“十五五”规划目标核查报告\n\n");
        if (r.exampleWarning() != null) {
            b.append("> **").append(r.exampleWarning().in(lang)).append("**\n\n");
        }
        if (a.focus() != null) {
            b.append(en ? "This report is centred on " + a.focus().name().en() + ": its own targets come first; the "
                    + "other units' targets without data are left out.\n\n"
                    : "本报告以" + a.focus().name().zh() + "为中心：先列本单位负责的指标；其他单位负责、本次未报送的指标从略。\n\n");
        }
        Map<Triage.Action, Integer> tot = v.totals();
        b.append(en ? "Years checked: " : "核查年份：").append(String.join(en ? ", " : "、",
                v.years.stream().map(y -> en ? String.valueOf(y) : y + "年").toList()))
                .append(en ? "; " + r.inputs().size() + " submission(s) (appendix). " : "；报送" + r.inputs().size() + "份（见附录）。");
        String c = v.counts(tot);
        b.append(c.isEmpty() ? (en ? "Nothing needs action." : "无需处理的事项。") : (en ? "Needs action: " + c + "." : "需处理：" + c + "。"))
                .append("\n\n");

        // 1. what needs action, by unit
        b.append(en ? "## What needs action\n\n" : "## 需要处理的事项\n\n");
        List<OfficerView.Group> groups = v.actions();
        if (groups.isEmpty()) {
            b.append(en ? "No violation, data problem or warning.\n\n" : "没有违规、数据问题或预警。\n\n");
        } else {
            b.append(en ? "Violations (a binding target broken), data problems (a figure to correct: the data, not the target) "
                    + "and warnings (an expected target behind, a value near a limit), by the unit that answers for the target. "
                    + "How each verdict was reached: report.html (click the cell) or `plancheck explain`.\n\n"
                    : "违规（约束性指标未达到）、数据问题（数据需更正，不是目标滞后）与预警（预期性指标滞后、接近限值等），按指标的责任单位列出。"
                    + "每条结论的计算过程见report.html（点击单元格）。\n\n");
            for (OfficerView.Group g : groups) {
                b.append("### ").append(g.name()).append(en ? " (" : "（").append(v.counts(g.counts())).append(en ? ")\n\n" : "）\n\n");
                b.append(en ? "| year | indicator | subject | action | value | expected | explanation | filed by |\n"
                        : "| 年份 | 指标 | 对象 | 类别 | 数值 | 应达值 | 说明 | 报送单位 |\n");
                b.append("|---|---|---|---|---|---|---|---|\n");
                for (Finding f : g.findings()) {
                    b.append("| ").append(f.year()).append(" | ").append(cell(v.name(f))).append(" | ")
                            .append(cell(f.subject().equals(r.region()) ? "" : f.subject())).append(" | **")
                            .append(Triage.label(Triage.of(f), lang)).append("** | ").append(cell(v.value(f))).append(" | ")
                            .append(cell(v.expected(f))).append(" | ").append(cell(v.message(f))).append(" | ")
                            .append(cell(v.filedBy(f))).append(" |\n");
                }
                b.append('\n');
                if (v.more(g) != null) {
                    b.append(v.more(g)).append("\n\n");
                }
            }
        }

        // 2. the focus unit's targets
        List<Finding> mine = v.mine();
        if (!mine.isEmpty()) {
            b.append(en ? "## " + a.focus().name().en() + ": its targets\n\n" : "## " + a.focus().name().zh() + "负责的指标\n\n");
            b.append(en ? "| year | indicator | status | value | expected | explanation |\n" : "| 年份 | 指标 | 状态 | 数值 | 应达值 | 说明 |\n");
            b.append("|---|---|---|---|---|---|\n");
            for (Finding f : mine) {
                b.append("| ").append(f.year()).append(" | ").append(cell(v.name(f))).append(" | ").append(status(v, f))
                        .append(" | ").append(cell(v.value(f))).append(" | ").append(cell(v.expected(f))).append(" | ")
                        .append(cell(v.message(f))).append(" |\n");
            }
            b.append('\n');
            long others = v.othersWithoutData();
            if (others > 0) {
                b.append(en ? others + " targets of other units have no data in these inputs (not this unit's; left out).\n\n"
                        : "其他单位负责的" + others + "项指标本次无数据（不属本单位，从略）。\n\n");
            }
        }

        // 3. the summary and the year tables
        b.append(en ? "## Summary\n\n| year |" : "## 总览\n\n| 年份 |");
        for (Status s : Report.SUMMARY_ORDER) {
            b.append(' ').append(ExplainText.status(s.name(), lang)).append(" |");
        }
        b.append(en ? " of the warnings: data problems |\n|---|" : " 预警中的数据问题 |\n|---|");
        Report.SUMMARY_ORDER.forEach(s -> b.append("---|"));
        b.append("---|\n");
        for (int y : v.years) {
            b.append("| ").append(y).append(" |");
            for (Status s : Report.SUMMARY_ORDER) {
                b.append(' ').append(v.count(y, s)).append(" |");
            }
            b.append(' ').append(v.dataProblems(y)).append(" |\n");
        }
        Map<Status, Integer> sum = r.summary();
        b.append(en ? "| all |" : "| 合计 |");
        for (Status s : Report.SUMMARY_ORDER) {
            b.append(" **").append(sum.get(s)).append("** |");
        }
        b.append(" **").append(tot.getOrDefault(Triage.Action.DATA_PROBLEM, 0)).append("** |\n\n");
        b.append(en ? "Statuses: VIOLATION — a binding (约束性) target is broken; WARNING — an expected target is behind, a value is near a binding limit, or a data problem; NO_DATA — nothing submitted; PENDING — the target awaits the city's assignment; BASELINE — a starting year (≤ 2025), not judged. Records (sections, accidents …) and the totals they feed are counted separately: one 较大 accident is a violation on its record and makes the year's count of such accidents a violation too.\n\n"
                : "状态：违规——约束性指标未达到；预警——预期性指标滞后、接近约束性限值或数据有问题（其中的数据问题另行计数）；无数据——未报送；待定——目标待市级下达；基期——2025年及以前的起点值，不评判。明细行（断面、事故等）与其汇总指标各自计数：一起较大事故既是一条事故明细违规，也使当年“较大及以上生产安全事故”起数违规。\n\n");

        Map<String, PlanTarget> byId = new TreeMap<>();
        r.findings().forEach(f -> {
            PlanTarget t = a.target(f.indicator());
            if (t != null) {
                byId.put(t.id(), t);
            }
        });
        Comparator<Finding> bySeverity = Comparator.comparingInt((Finding f) -> f.status().severity())
                .thenComparingInt(f -> Triage.of(f).ordinal());
        for (int y : v.years) {
            List<Finding> ofYear = r.findings().stream().filter(f -> f.year() == y && v.shown(f)).toList();
            b.append(en ? "## " + y + "\n\n" : "## " + y + "年\n\n");
            List<Finding> table = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator()) && byId.get(f.indicator()).inTable())
                    .sorted(bySeverity.thenComparing(f -> byId.get(f.indicator()).table())).toList();
            if (!table.isEmpty()) {
                b.append(en ? "### Table 专栏1: the 26 main indicators\n\n" : "### 专栏1 主要指标\n\n");
                header(b, en);
                table.forEach(f -> row(b, v, f));
                b.append('\n');
            }
            List<Finding> others = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator())
                            && !byId.get(f.indicator()).inTable() && f.status() != Status.NO_DATA)
                    .sorted(bySeverity.thenComparing(Finding::indicator)).toList();
            List<String> noData = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator())
                            && !byId.get(f.indicator()).inTable() && f.status() == Status.NO_DATA)
                    .map(v::name).toList();
            if (!others.isEmpty() || !noData.isEmpty()) {
                b.append(en ? "### Other targets of the plan\n\n" : "### 规划其他目标\n\n");
                if (!others.isEmpty()) {
                    header(b, en);
                    others.forEach(f -> row(b, v, f));
                    b.append('\n');
                }
                if (!noData.isEmpty()) {
                    b.append(en ? "No data submitted (NO_DATA) for " + noData.size() + " other targets: "
                            : "另有" + noData.size() + "项目标未报送数据（无数据）：");
                    b.append(String.join(en ? "; " : "；", noData)).append(en ? ".\n\n" : "。\n\n");
                }
            }
            List<Finding> allRecords = ofYear.stream().filter(f -> !f.subject().equals(r.region()) || !byId.containsKey(f.indicator()))
                    .sorted(bySeverity.thenComparing(Finding::indicator).thenComparing(Finding::subject)).toList();
            LongLists.Shown shown = LongLists.shown(allRecords);
            List<Finding> records = shown.rows();
            if (!records.isEmpty()) {
                b.append(en ? "### Records (monitoring sections, stations, accidents, data checks)\n\n"
                        : "### 明细（断面、站点、事故、数据核查）\n\n");
                b.append(en ? "| subject | indicator | status | explanation | filed by | clause |\n|---|---|---|---|---|---|\n"
                        : "| 对象 | 指标 | 状态 | 说明 | 报送单位 | 依据 |\n|---|---|---|---|---|---|\n");
                for (Finding f : records) {
                    b.append("| ").append(cell(f.subject())).append(" | ").append(cell(v.name(f))).append(" | ")
                            .append(status(v, f)).append(" | ").append(cell(v.message(f))).append(" | ")
                            .append(cell(v.filedBy(f))).append(" | ").append(cell(v.clause(f))).append(" |\n");
                }
                b.append('\n');
                for (LongLists.Omitted o : shown.omitted()) {
                    PlanTarget t = byId.get(o.indicator());
                    b.append(o.text(t == null ? o.indicator() : t.name().in(lang), lang)).append("\n\n");
                }
            }
        }

        // 4. appendix: inputs, rules, versions
        b.append(en ? "## Appendix: inputs, rules and versions\n\n" : "## 附录：输入文件、规则与版本\n\n");
        b.append(en ? "Plan `" : "规划：`").append(r.planId()).append("`（").append(r.baseYear()).append("→")
                .append(r.targetYear()).append("）。");
        b.append(en ? " Rules: " : "规则：").append(r.ruleFiles().size()).append(en ? " files, sha256 `" : "个文件，sha256 `")
                .append(r.rulesSha(), 0, 12).append("…`。");
        b.append(" plancheck ").append(Versions.plancheck()).append(", Drools ").append(Versions.drools()).append("\n\n");
        b.append(en ? "| file | filed by | sha256 |\n|---|---|---|\n" : "| 文件 | 报送单位 | sha256 |\n|---|---|---|\n");
        r.inputs().forEach((p, h) -> b.append("| `").append(p).append("` | ").append(cell(v.filer(p))).append(" | `")
                .append(h, 0, 12).append("…` |\n"));
        b.append('\n');
        b.append(en ? "Re-check this report with `plancheck verify reports/report.json`; the chain behind any verdict with "
                + "`plancheck explain reports/report.json --indicator ID --year Y`.\n"
                : "复核：`plancheck verify reports/report.json`；单项结论的推导：`plancheck explain reports/report.json --indicator ID --year Y`。\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder b, boolean en) {
        b.append(en ? "| indicator | attribute | value | expected | 2030 target | status | explanation | filed by | clause |\n"
                : "| 指标 | 属性 | 数值 | 应达值 | 2030年目标 | 状态 | 说明 | 报送单位 | 依据 |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
    }

    private static void row(StringBuilder b, OfficerView v, Finding f) {
        b.append("| ").append(cell(v.name(f))).append(" | ").append(cell(v.attribute(f))).append(" | ")
                .append(cell(v.value(f))).append(" | ").append(cell(v.expected(f))).append(" | ")
                .append(cell(v.target(f))).append(" | ").append(status(v, f)).append(" | ")
                .append(cell(v.message(f))).append(" | ").append(cell(v.filedBy(f))).append(" | ")
                .append(cell(v.clause(f))).append(" |\n");
    }

    private static String status(OfficerView v, Finding f) {
        String l = v.status(f);
        return f.status() == Status.VIOLATION || f.status() == Status.WARNING ? "**" + l + "**" : l;
    }

    /** A table cell: no line breaks, | escaped, and only what Markdown would read as a tag escaped. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("|", "\\|").replace("\n", " ").replaceAll("<(?=[A-Za-z/!?])", "&lt;");
    }
}
