package plancheck.report;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import plancheck.load.Versions;
import plancheck.model.Finding;
import plancheck.model.Numbers;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * Writes {@code report.md}: the summary a bureau officer reads, in Chinese by default ({@code --lang en}
 * for English). Per year: one table of the 26 indicators of 专栏1 (indicator, value, expected, 2030
 * target, status, explanation, plan clause), violations and warnings first; then the plan's other
 * targets that have a verdict, and the list of those with no data; then findings on records
 * (monitoring sections, accidents, …).
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    private static final Map<Status, String[]> STATUS = Map.of(
            Status.VIOLATION, new String[] {"违规", "VIOLATION"},
            Status.WARNING, new String[] {"预警", "WARNING"},
            Status.PASS, new String[] {"达标", "PASS"},
            Status.NO_DATA, new String[] {"无数据", "NO_DATA"},
            Status.PENDING, new String[] {"待定", "PENDING"},
            Status.BASELINE, new String[] {"基期", "BASELINE"});

    /**
     * @param r         the report
     * @param catalogue the targets (for names and the table's order)
     * @param lang      "zh" or "en"
     * @return UTF-8 Markdown ending in a newline
     */
    public static byte[] render(Report r, List<PlanTarget> catalogue, String lang) {
        boolean en = "en".equals(lang);
        Map<String, PlanTarget> byId = new TreeMap<>();
        catalogue.forEach(t -> byId.put(t.id(), t));
        StringBuilder b = new StringBuilder();
        b.append(en ? "# Plan compliance report: " + r.region() + ", 15th Five-Year Plan (2026–2030)\n\n"
                : "# " + r.region() + "“十五五”规划目标核查报告\n\n");
        if (r.exampleWarning() != null) {
            b.append("> **").append(r.exampleWarning().in(en ? "en" : "zh")).append("**\n\n");
        }
        b.append(en ? "Plan: `" : "规划：`").append(r.planId()).append("`（").append(r.baseYear()).append("→")
                .append(r.targetYear()).append("）。");
        b.append(en ? " Rules: " : "规则：").append(r.ruleFiles().size()).append(en ? " files, sha256 `" : "个文件，sha256 `")
                .append(r.rulesSha(), 0, 12).append("…`。");
        b.append(en ? " plancheck " : "plancheck ").append(Versions.plancheck()).append(", Drools ")
                .append(Versions.drools()).append("\n\n");
        b.append(en ? "## Inputs\n\n| file | sha256 |\n|---|---|\n" : "## 输入\n\n| 文件 | sha256 |\n|---|---|\n");
        r.inputs().forEach((p, h) -> b.append("| `").append(p).append("` | `").append(h, 0, 12).append("…` |\n"));
        b.append('\n');

        Map<Status, Integer> sum = r.summary();
        b.append(en ? "## Summary\n\n" : "## 总览\n\n");
        b.append(en ? "| year |" : "| 年份 |");
        for (Status s : Report.SUMMARY_ORDER) {
            b.append(' ').append(label(s, en)).append(" |");
        }
        b.append("\n|---|");
        Report.SUMMARY_ORDER.forEach(s -> b.append("---|"));
        b.append('\n');
        TreeSet<Integer> years = r.findings().stream().map(Finding::year).collect(Collectors.toCollection(TreeSet::new));
        for (int y : years) {
            b.append("| ").append(y).append(" |");
            for (Status s : Report.SUMMARY_ORDER) {
                long n = r.findings().stream().filter(f -> f.year() == y && f.status() == s).count();
                b.append(' ').append(n).append(" |");
            }
            b.append('\n');
        }
        b.append(en ? "| all |" : "| 合计 |");
        for (Status s : Report.SUMMARY_ORDER) {
            b.append(" **").append(sum.get(s)).append("** |");
        }
        b.append("\n\n");
        b.append(en ? "Statuses: VIOLATION — a binding (约束性) target is broken; WARNING — an expected target is behind, a value is near a binding limit, or a data problem; NO_DATA — nothing submitted; PENDING — the target awaits the city's assignment; BASELINE — a starting year (≤ 2025), not judged. Records (sections, accidents …) and the totals they feed are counted separately: one 较大 accident is a violation on its record and makes the year's count of such accidents a violation too.\n\n"
                : "状态：违规——约束性指标未达到；预警——预期性指标滞后、接近约束性限值或数据有问题；无数据——未报送；待定——目标待市级下达；基期——2025年及以前的起点值，不评判。明细行（断面、事故等）与其汇总指标各自计数：一起较大事故既是一条事故明细违规，也使当年“较大及以上生产安全事故”起数违规。\n\n");

        Comparator<Finding> bySeverity = Comparator.comparingInt((Finding f) -> f.status().severity());
        for (int y : years) {
            List<Finding> ofYear = r.findings().stream().filter(f -> f.year() == y).toList();
            b.append(en ? "## " + y + "\n\n" : "## " + y + "年\n\n");
            List<Finding> table = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator())
                            && byId.get(f.indicator()).inTable())
                    .sorted(bySeverity.thenComparing(f -> byId.get(f.indicator()).table()))
                    .toList();
            b.append(en ? "### Table 专栏1: the 26 main indicators\n\n" : "### 专栏1 主要指标\n\n");
            header(b, en);
            for (Finding f : table) {
                row(b, f, byId.get(f.indicator()), en);
            }
            b.append('\n');
            List<Finding> others = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator())
                            && !byId.get(f.indicator()).inTable() && f.status() != Status.NO_DATA)
                    .sorted(bySeverity.thenComparing(Finding::indicator)).toList();
            List<String> noData = ofYear.stream()
                    .filter(f -> f.subject().equals(r.region()) && byId.containsKey(f.indicator())
                            && !byId.get(f.indicator()).inTable() && f.status() == Status.NO_DATA)
                    .map(f -> name(byId.get(f.indicator()), en)).toList();
            if (!others.isEmpty() || !noData.isEmpty()) {
                b.append(en ? "### Other targets of the plan\n\n" : "### 规划其他目标\n\n");
                if (!others.isEmpty()) {
                    header(b, en);
                    for (Finding f : others) {
                        row(b, f, byId.get(f.indicator()), en);
                    }
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
                b.append(en ? "| subject | indicator | status | explanation | clause |\n|---|---|---|---|---|\n"
                        : "| 对象 | 指标 | 状态 | 说明 | 依据 |\n|---|---|---|---|---|\n");
                for (Finding f : records) {
                    PlanTarget t = byId.get(f.indicator());
                    b.append("| ").append(cell(f.subject())).append(" | ")
                            .append(cell(t == null ? f.indicator() : name(t, en))).append(" | ")
                            .append(label(f.status(), en)).append(" | ").append(cell(f.message().in(en ? "en" : "zh")))
                            .append(" | ").append(cell(f.source())).append(" |\n");
                }
                b.append('\n');
                for (LongLists.Omitted o : shown.omitted()) {
                    PlanTarget t = byId.get(o.indicator());
                    b.append(o.text(t == null ? o.indicator() : name(t, en), en ? "en" : "zh")).append("\n\n");
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder b, boolean en) {
        b.append(en ? "| indicator | attribute | value | expected | 2030 target | status | explanation | clause |\n"
                : "| 指标 | 属性 | 数值 | 应达值 | 2030年目标 | 状态 | 说明 | 依据 |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
    }

    private static void row(StringBuilder b, Finding f, PlanTarget t, boolean en) {
        String unit = f.unit() == null ? "" : " " + f.unit();
        b.append("| ").append(cell(name(t, en))).append(" | ")
                .append(en ? t.attributeEn() : t.attributeZh()).append(" | ")
                .append(f.actual() == null ? "—" : Numbers.plain(f.actual()) + unit).append(" | ")
                .append(f.expected() == null ? "—" : (f.comparator() == null ? "" : f.comparator() + " ")
                        + Numbers.plain(f.expected()) + unit).append(" | ")
                .append(cell(t.target() == null ? "—" : t.target().text())).append(" | ")
                .append(status(f.status(), en)).append(" | ")
                .append(cell(f.message().in(en ? "en" : "zh"))).append(" | ")
                .append(cell(f.source())).append(" |\n");
    }

    private static String name(PlanTarget t, boolean en) {
        String n = en ? t.name().en() : t.name().zh();
        return t.inTable() ? (en ? t.table() + ". " : t.table() + "．") + n : n;
    }

    private static String label(Status s, boolean en) {
        return STATUS.get(s)[en ? 1 : 0];
    }

    private static String status(Status s, boolean en) {
        String l = label(s, en);
        return s == Status.VIOLATION || s == Status.WARNING ? "**" + l + "**" : l;
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

}
