package plancheck.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import plancheck.load.Versions;
import plancheck.model.Finding;
import plancheck.model.Numbers;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * Writes {@code report.html}: one self-contained page for people (Chinese by default, {@code --lang en}
 * for English). No scripts, no network: styles are inline, charts are inline SVG, and a
 * Content-Security-Policy forbids loading anything. Contents:
 * <ul>
 *   <li>the plan, region, rules (SHA-256), tool versions and inputs (path, SHA-256);</li>
 *   <li>a summary per year (count per status) with the year's violations and warnings;</li>
 *   <li>a table per area (经济发展, 产业创新, 绿色生态, 安全韧性, 粮食安全, 民生福祉, …): per indicator its
 *       attribute, 2025 value, 2030 target, one cell per year (status and value; a click opens the
 *       finding's explanation, {@link ExplainText}), and a chart of its series from the baseline year
 *       to the latest year against the straight path to the 2030 target (contract §5). Indicators
 *       without any value are folded into one list per area;</li>
 *   <li>findings on records (monitoring sections, stations, accidents), each with its explanation.</li>
 * </ul>
 * The page is byte-for-byte the same for the same report (no clock time).
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final List<String> AREA_ORDER = List.of("economy", "innovation", "environment", "safety", "grain",
            "livelihood", "urban", "society");
    private static final Map<String, String[]> AREA = Map.of(
            "economy", new String[] {"经济发展", "Economy"},
            "innovation", new String[] {"产业创新", "Industry and innovation"},
            "environment", new String[] {"绿色生态", "Environment"},
            "safety", new String[] {"安全韧性", "Safety"},
            "grain", new String[] {"粮食安全", "Grain and agriculture"},
            "livelihood", new String[] {"民生福祉", "Livelihood"},
            "urban", new String[] {"城乡建设", "Urban and rural development"},
            "society", new String[] {"社会治理", "Society and governance"});
    private static final Map<Status, String> COLOR = Map.of(
            Status.VIOLATION, "#c62828", Status.WARNING, "#ef6c00", Status.PASS, "#2e7d32",
            Status.NO_DATA, "#757575", Status.PENDING, "#6a1b9a", Status.BASELINE, "#1565c0");

    /**
     * @param r         the report
     * @param catalogue the targets (names, areas, baselines, order)
     * @param lang      "zh" (default) or "en"
     * @return the page as UTF-8 bytes
     */
    public static byte[] render(Report r, List<PlanTarget> catalogue, String lang) {
        boolean en = "en".equals(lang);
        Map<String, PlanTarget> byId = new TreeMap<>();
        catalogue.forEach(t -> byId.put(t.id(), t));
        TreeSet<Integer> years = new TreeSet<>();
        r.findings().forEach(f -> years.add(f.year()));
        StringBuilder b = new StringBuilder(1 << 20);
        String title = en ? "Plan compliance report: " + r.region() + ", 15th Five-Year Plan (2026–2030)"
                : r.region() + "“十五五”规划目标核查报告";
        b.append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "zh-CN").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
                .append(en ? "Plan " : "规划 ").append("<code>").append(esc(r.planId())).append("</code> (").append(r.baseYear())
                .append("→").append(r.targetYear()).append(") · ").append(en ? "rules sha256 " : "规则 sha256 ")
                .append("<code>").append(esc(r.rulesSha().substring(0, 12))).append("…</code> (").append(r.ruleFiles().size())
                .append(en ? " files)" : "个文件)").append(" · plancheck ").append(esc(Versions.plancheck())).append(" · Drools ")
                .append(esc(Versions.drools())).append("</p>\n");
        if (r.exampleWarning() != null) {
            b.append("<p class=\"example\">").append(esc(r.exampleWarning().in(en ? "en" : "zh"))).append("</p>\n");
        }
        b.append("<details class=\"inputs\"><summary>").append(en ? "Inputs (" : "输入（").append(r.inputs().size())
                .append(en ? " files) and rules files" : "个文件）与规则文件").append("</summary>\n<table class=\"files\"><tr><th>")
                .append(en ? "file" : "文件").append("</th><th>sha256</th></tr>\n");
        r.inputs().forEach((p, h) -> b.append("<tr><td><code>").append(esc(p)).append("</code></td><td><code>").append(esc(h))
                .append("</code></td></tr>\n"));
        r.ruleFiles().forEach((p, h) -> b.append("<tr class=\"rf\"><td><code>").append(esc(p)).append("</code></td><td><code>")
                .append(esc(h)).append("</code></td></tr>\n"));
        b.append("</table></details>\n");
        b.append("<p class=\"legend\">").append(legend(en)).append("</p>\n</header>\n<main>\n");

        summary(b, r, years, byId, en);

        // Findings on the region's targets, by indicator and year.
        Map<String, Map<Integer, Finding>> grid = new TreeMap<>();
        List<Finding> records = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.subject().equals(r.region()) && byId.containsKey(f.indicator())) {
                grid.computeIfAbsent(f.indicator(), k -> new TreeMap<>()).put(f.year(), f);
            } else {
                records.add(f);
            }
        }
        List<String> areas = new ArrayList<>(AREA_ORDER);
        grid.keySet().stream().map(id -> byId.get(id).area()).filter(a -> a != null && !areas.contains(a)).distinct()
                .sorted().forEach(areas::add);
        for (String area : areas) {
            List<PlanTarget> ts = grid.keySet().stream().map(byId::get).filter(t -> area.equals(t.area()))
                    .sorted(java.util.Comparator.comparing((PlanTarget t) -> t.table() == null ? 1000 : t.table())
                            .thenComparing(PlanTarget::id))
                    .toList();
            if (ts.isEmpty()) {
                continue;
            }
            String[] an = AREA.getOrDefault(area, new String[] {area, area});
            List<PlanTarget> withData = ts.stream().filter(t -> hasValue(grid.get(t.id()))).toList();
            List<PlanTarget> without = ts.stream().filter(t -> !hasValue(grid.get(t.id()))).toList();
            b.append("<section class=\"area\" id=\"area-").append(esc(area)).append("\">\n<h2>").append(esc(an[en ? 1 : 0]))
                    .append(" <small>").append(ts.size()).append(en ? " targets" : "项目标").append("</small></h2>\n");
            if (!withData.isEmpty()) {
                table(b, withData, grid, years, r, en, true);
            }
            if (!without.isEmpty()) {
                b.append("<details class=\"nodata\"><summary>").append(en ? without.size() + " more targets without any value (click to show)"
                        : "另有" + without.size() + "项目标无任何数值（点击展开）").append("</summary>\n");
                table(b, without, grid, years, r, en, false);
                b.append("</details>\n");
            }
            b.append("</section>\n");
        }
        if (!records.isEmpty()) {
            b.append("<section class=\"area\" id=\"records\">\n<h2>").append(en ? "Records: sections, stations, accidents, data checks"
                    : "明细：断面、站点、事故、数据核查").append("</h2>\n<table class=\"grid\"><tr><th>").append(en ? "year" : "年份")
                    .append("</th><th>").append(en ? "subject" : "对象").append("</th><th>").append(en ? "indicator" : "指标")
                    .append("</th><th>").append(en ? "finding" : "结论").append("</th></tr>\n");
            // report order (year, indicator, subject); a long group shows its most serious findings first
            for (int i = 0; i < records.size(); ) {
                int j = i;
                while (j < records.size() && records.get(j).year() == records.get(i).year()
                        && records.get(j).indicator().equals(records.get(i).indicator())) {
                    j++;
                }
                List<Finding> group = records.subList(i, j);
                LongLists.Shown shown = LongLists.shown(group.size() <= LongLists.SHOWN ? group : group.stream()
                        .sorted(java.util.Comparator.comparingInt((Finding f) -> f.status().severity())).toList());
                for (Finding f : shown.rows()) {
                    PlanTarget t = byId.get(f.indicator());
                    b.append("<tr><td>").append(f.year()).append("</td><td>").append(esc(f.subject())).append("</td><td>")
                            .append(esc(t == null ? f.indicator() : t.name().in(lang))).append("</td><td>");
                    cell(b, f, t, r, en);
                    b.append("</td></tr>\n");
                }
                for (LongLists.Omitted o : shown.omitted()) {
                    PlanTarget t = byId.get(o.indicator());
                    b.append("<tr class=\"omitted\"><td>").append(group.get(0).year()).append("</td><td colspan=\"3\">")
                            .append(esc(o.text(t == null ? o.indicator() : t.name().in(lang), lang))).append("</td></tr>\n");
                }
                i = j;
            }
            b.append("</table>\n</section>\n");
        }
        b.append("</main>\n<footer>").append(en ? "Written by plancheck from report.json; re-check with "
                : "由plancheck根据report.json生成；复核：").append("<code>plancheck verify reports/report.json</code>")
                .append(en ? "; explain one finding with " : "；查看单项推导：")
                .append("<code>plancheck explain reports/report.json --indicator ID --year Y</code></footer>\n</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Violations and warnings linked from a year's summary line, at most. */
    private static final int CHIPS = 40;

    private static boolean hasValue(Map<Integer, Finding> row) {
        return row.values().stream().anyMatch(f -> f.actual() != null);
    }

    private static void summary(StringBuilder b, Report r, TreeSet<Integer> years, Map<String, PlanTarget> byId, boolean en) {
        b.append("<section id=\"summary\"><h2>").append(en ? "Summary by year" : "年度总览").append("</h2>\n<table class=\"summary\"><tr><th>")
                .append(en ? "year" : "年份").append("</th>");
        for (Status s : Report.SUMMARY_ORDER) {
            b.append("<th>").append(badge(s, en)).append("</th>");
        }
        b.append("</tr>\n");
        for (int y : years) {
            b.append("<tr><th>").append(y).append("</th>");
            for (Status s : Report.SUMMARY_ORDER) {
                long n = r.findings().stream().filter(f -> f.year() == y && f.status() == s).count();
                b.append("<td class=\"n").append(n == 0 ? " zero" : "").append("\">").append(n).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        for (int y : years) {
            List<Finding> bad = r.findings().stream().filter(f -> f.year() == y
                    && (f.status() == Status.VIOLATION || f.status() == Status.WARNING))
                    .sorted(java.util.Comparator.comparingInt((Finding f) -> f.status().severity()).thenComparing(Finding::indicator))
                    .toList();
            if (bad.isEmpty()) {
                continue;
            }
            b.append("<p class=\"yearlist\"><b>").append(y).append(en ? "" : "年").append("</b> ");
            if (bad.size() > CHIPS) {
                bad = bad.subList(0, CHIPS);
            }
            for (Finding f : bad) {
                PlanTarget t = byId.get(f.indicator());
                String name = t == null ? f.indicator() : t.name().in(en ? "en" : "zh");
                b.append("<a class=\"chip ").append(f.status().name()).append("\" href=\"#").append(anchor(f)).append("\">")
                        .append(esc(name)).append(f.subject().equals(r.region()) ? "" : " · " + esc(f.subject()))
                        .append("</a> ");
            }
            long all = r.findings().stream().filter(f -> f.year() == y
                    && (f.status() == Status.VIOLATION || f.status() == Status.WARNING)).count();
            if (all > CHIPS) {
                b.append(en ? "… and " + (all - CHIPS) + " more (see the tables below and report.json)"
                        : "……另有" + (all - CHIPS) + "项（见下表及report.json）");
            }
            b.append("</p>\n");
        }
        b.append("</section>\n");
    }

    private static void table(StringBuilder b, List<PlanTarget> ts, Map<String, Map<Integer, Finding>> grid,
                              TreeSet<Integer> years, Report r, boolean en, boolean charts) {
        b.append("<table class=\"grid\"><tr><th>").append(en ? "indicator" : "指标").append("</th><th>")
                .append(en ? "attribute" : "属性").append("</th><th>").append(en ? "2025" : "2025年").append("</th><th>")
                .append(en ? "2030 target" : "2030年目标").append("</th>");
        for (int y : years) {
            b.append("<th>").append(y).append("</th>");
        }
        if (charts) {
            b.append("<th>").append(en ? "series against the path to 2030" : "走势与2030年目标路径").append("</th>");
        }
        b.append("</tr>\n");
        for (PlanTarget t : ts) {
            Map<Integer, Finding> row = grid.get(t.id());
            b.append("<tr><th class=\"name\">").append(t.inTable() ? "<span class=\"no\">" + t.table() + "</span> " : "")
                    .append(esc(t.name().in(en ? "en" : "zh"))).append("<br><code>").append(esc(t.id())).append("</code> <span class=\"unit\">")
                    .append(esc(t.unit())).append("</span></th><td>").append(esc(en ? t.attributeEn() : t.attributeZh())).append("</td><td>")
                    .append(esc(t.baseline() == null ? "—" : t.baseline().text())).append("</td><td>")
                    .append(esc(t.target() == null ? "—" : t.target().text())).append("</td>");
            for (int y : years) {
                Finding f = row.get(y);
                b.append("<td>");
                if (f != null) {
                    cell(b, f, t, r, en);
                }
                b.append("</td>");
            }
            if (charts) {
                b.append("<td class=\"chart\">").append(chart(t, row, r, en)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** A status badge with the value; a click opens the explanation (details/summary, no script). */
    private static void cell(StringBuilder b, Finding f, PlanTarget t, Report r, boolean en) {
        b.append("<details class=\"f\" id=\"").append(anchor(f)).append("\"><summary>").append(badge(f.status(), en));
        if (f.actual() != null) {
            b.append(" <span class=\"v\">").append(esc(Numbers.plain(f.actual()))).append("</span>");
        }
        b.append("</summary>\n<div class=\"ex\">");
        Map<String, Object> json = JsonReport.finding(f, r.baseYear(), r.targetYear());
        for (ExplainText.Line l : ExplainText.lines(json, t == null ? null : t.name().in(en ? "en" : "zh"), en ? "en" : "zh", null)) {
            b.append("<div class=\"l").append(l.level()).append(' ').append(l.kind()).append("\">").append(esc(l.text())).append("</div>");
        }
        b.append("</div></details>");
    }

    private static String anchor(Finding f) {
        String s = f.year() + "-" + f.indicator() + "-" + f.subject();
        StringBuilder a = new StringBuilder("f-");
        for (char c : s.toCharArray()) {
            a.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return a.toString();
    }

    private static String badge(Status s, boolean en) {
        return "<span class=\"b " + s.name() + "\">" + ExplainText.status(s.name(), en ? "en" : "zh") + "</span>";
    }

    private static String legend(boolean en) {
        return en ? "VIOLATION — a binding (约束性) target is broken · WARNING — an expected target is behind, a value is near a binding limit, or a data problem · NO_DATA — nothing submitted · PENDING — awaits the city's assignment · BASELINE — a starting year, not judged. Click a cell for how its verdict was reached. In the charts the dotted line carries the latest value to 2030 at the pace so far (green on track, orange at risk, red off track)."
                : "违规——约束性指标未达到；预警——预期性指标滞后、接近约束性限值或数据有问题；无数据——未报送；待定——目标待市级下达；基期——起点年份，不评判。点击单元格查看判断依据与计算链条。图中点线为按当前速度推算至2030年的走势（绿：进展正常；橙：存在风险；红：进度滞后）。";
    }

    // ---- the chart ---------------------------------------------------------------------------

    private static final int W = 260;
    private static final int H = 110;
    private static final int L = 44;
    private static final int R = 10;
    private static final int T = 10;
    private static final int B = 22;

    /**
     * Inline SVG: the values per year (dots coloured by status, joined by a line) from the base year
     * to the latest year, the straight path from the 2025 value to the 2030 target (dashed; a level
     * line for every-year limits and averages; from 0 for running totals), each year's expected
     * value (hollow rings), and the early warning: the latest value carried to 2030 at the pace so far
     * (dotted, coloured by the warning level, {@code details.projection}).
     */
    static String chart(PlanTarget t, Map<Integer, Finding> row, Report r, boolean en) {
        int base = r.baseYear();
        int end = r.targetYear();
        TreeMap<Integer, BigDecimal> series = new TreeMap<>();
        TreeMap<Integer, Status> status = new TreeMap<>();
        TreeMap<Integer, BigDecimal> expected = new TreeMap<>();
        for (Map.Entry<Integer, Finding> e : row.entrySet()) {
            int y = e.getKey();
            if (y < base || y > end) {
                continue;
            }
            Finding f = e.getValue();
            boolean runningTotal = "cumulative".equals(t.judge()) || "new_items".equals(t.judge());
            if (f.actual() != null && !(runningTotal && y <= base)) {
                series.put(y, f.actual());
                status.put(y, f.status());
            }
            if (f.expected() != null && y > base) {
                expected.put(y, f.expected());
            }
        }
        if (series.isEmpty()) {
            return "";
        }
        BigDecimal target = t.targetValue();
        Finding anyJudged = row.values().stream().filter(f -> f.year() > base && f.target() != null).findFirst().orElse(null);
        if (anyJudged != null) {
            target = anyJudged.target();
        }
        BigDecimal start = null;
        String judge = t.judge() == null ? "" : t.judge();
        if (target != null) {
            switch (judge) {
                case "path", "caliber" -> {
                    start = t.caliber() == null ? t.baselineValue() : null;
                    if (start == null) {
                        Finding b0 = row.get(base);
                        start = b0 != null && b0.actual() != null && (t.caliber() == null
                                || t.caliber().equals(b0.details().get("caliber"))) ? b0.actual() : null;
                    }
                }
                case "cumulative" -> start = BigDecimal.ZERO;
                default -> start = target;
            }
        }
        // The early warning of the latest year that has one: from its value to the 2030 value at the pace so far.
        Finding projFrom = null;
        BigDecimal projected = null;
        for (Finding f : row.values()) {
            if (f.year() > base && f.actual() != null && f.details().get("projection") instanceof Map<?, ?> pj
                    && pj.get("projected") instanceof BigDecimal pv && pj.get("remaining") instanceof Integer left && left > 0
                    && (projFrom == null || f.year() > projFrom.year())) {
                projFrom = f;
                projected = pv;
            }
        }
        List<BigDecimal> all = new ArrayList<>(series.values());
        all.addAll(expected.values());
        if (projected != null) {
            all.add(projected);
        }
        if (target != null && start != null) {
            all.add(target);
            all.add(start);
        }
        BigDecimal lo0 = all.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal hi0 = all.stream().max(BigDecimal::compareTo).orElseThrow();
        if (lo0.compareTo(hi0) == 0) {
            BigDecimal pad = lo0.abs().signum() == 0 ? BigDecimal.ONE : lo0.abs().multiply(new BigDecimal("0.05"));
            lo0 = lo0.subtract(pad);
            hi0 = hi0.add(pad);
        } else {
            BigDecimal pad = hi0.subtract(lo0).multiply(new BigDecimal("0.08"));
            lo0 = lo0.subtract(pad);
            hi0 = hi0.add(pad);
        }
        BigDecimal min = all.stream().min(BigDecimal::compareTo).orElseThrow();
        if (min.signum() >= 0 && lo0.signum() < 0) {
            lo0 = BigDecimal.ZERO; // counts, totals and rates are never negative: the axis starts at 0
        }
        final BigDecimal lo = lo0.setScale(Math.max(0, Math.min(lo0.scale(), 2)), java.math.RoundingMode.FLOOR);
        final BigDecimal hi = hi0.setScale(Math.max(0, Math.min(hi0.scale(), 2)), java.math.RoundingMode.CEILING);
        StringBuilder s = new StringBuilder();
        String label = t.name().in(en ? "en" : "zh") + (en ? ": values against the path to the 2030 target" : "：实际值与2030年目标路径");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-label=\"")
                .append(esc(label)).append("\"><title>").append(esc(label)).append("</title>");
        // axes and year ticks
        s.append("<line x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - R).append("\" y2=\"")
                .append(H - B).append("\" class=\"ax\"/>");
        for (int y = base; y <= end; y++) {
            double x = x(y, base, end);
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - 6).append("\" class=\"tk\">").append(y).append("</text>");
        }
        s.append("<text x=\"").append(L - 4).append("\" y=\"").append(T + 8).append("\" class=\"yl\">").append(esc(Numbers.plain(round(hi))))
                .append("</text><text x=\"").append(L - 4).append("\" y=\"").append(H - B).append("\" class=\"yl\">")
                .append(esc(Numbers.plain(round(lo)))).append("</text>");
        // the path to the 2030 target
        if (target != null && start != null) {
            s.append("<line x1=\"").append(fmt(x(base, base, end))).append("\" y1=\"").append(fmt(y(start, lo, hi)))
                    .append("\" x2=\"").append(fmt(x(end, base, end))).append("\" y2=\"").append(fmt(y(target, lo, hi)))
                    .append("\" class=\"path\"><title>").append(esc((en ? "path to the 2030 target " : "2030年目标路径 ")
                            + Numbers.plain(start) + " → " + Numbers.plain(target))).append("</title></line>");
            s.append("<circle cx=\"").append(fmt(x(end, base, end))).append("\" cy=\"").append(fmt(y(target, lo, hi)))
                    .append("\" r=\"3.5\" class=\"tgt\"/>");
        }
        if (projFrom != null) {
            Map<?, ?> pj = (Map<?, ?>) projFrom.details().get("projection");
            String level = String.valueOf(pj.get("level"));
            String tip = (en ? "at the pace so far: about " : "按当前速度推算2030年约")
                    + Numbers.plain(projected.round(new MathContext(4))) + (en ? " in 2030 (" : "（")
                    + levelName(level, en) + (en ? ")" : "）");
            s.append("<line x1=\"").append(fmt(x(projFrom.year(), base, end))).append("\" y1=\"")
                    .append(fmt(y(projFrom.actual(), lo, hi))).append("\" x2=\"").append(fmt(x(end, base, end)))
                    .append("\" y2=\"").append(fmt(y(projected, lo, hi))).append("\" class=\"proj ").append(esc(level))
                    .append("\"><title>").append(esc(tip)).append("</title></line>");
            s.append("<circle cx=\"").append(fmt(x(end, base, end))).append("\" cy=\"").append(fmt(y(projected, lo, hi)))
                    .append("\" r=\"3\" class=\"projend ").append(esc(level)).append("\"><title>").append(esc(tip))
                    .append("</title></circle>");
        }
        for (Map.Entry<Integer, BigDecimal> e : expected.entrySet()) {
            s.append("<circle cx=\"").append(fmt(x(e.getKey(), base, end))).append("\" cy=\"").append(fmt(y(e.getValue(), lo, hi)))
                    .append("\" r=\"4\" class=\"exp\"><title>").append(e.getKey()).append(en ? " expected " : "年应达值 ")
                    .append(esc(Numbers.plain(e.getValue()))).append("</title></circle>");
        }
        if (series.size() > 1) {
            s.append("<polyline class=\"ser\" points=\"");
            series.forEach((y, v) -> s.append(fmt(x(y, base, end))).append(',').append(fmt(y(v, lo, hi))).append(' '));
            s.setLength(s.length() - 1);
            s.append("\"/>");
        }
        series.forEach((y, v) -> s.append("<circle cx=\"").append(fmt(x(y, base, end))).append("\" cy=\"").append(fmt(y(v, lo, hi)))
                .append("\" r=\"3.5\" fill=\"").append(COLOR.get(status.get(y))).append("\"><title>").append(y)
                .append(en ? ": " : "年：").append(esc(Numbers.plain(v))).append(' ').append(esc(t.unit())).append(" · ")
                .append(ExplainText.status(status.get(y).name(), en ? "en" : "zh")).append("</title></circle>"));
        s.append("</svg>");
        return s.toString();
    }

    /** The warning level's name: 进展正常 / 存在风险 / 进度滞后. */
    private static String levelName(String level, boolean en) {
        return switch (level) {
            case "on_track" -> en ? "on track" : "进展正常";
            case "at_risk" -> en ? "at risk" : "存在风险";
            default -> en ? "off track" : "进度滞后";
        };
    }

    private static BigDecimal round(BigDecimal v) {
        return v.round(new MathContext(4));
    }

    private static double x(int year, int base, int end) {
        return L + (W - L - R) * (double) (year - base) / (end - base);
    }

    private static double y(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        double f = v.subtract(lo).doubleValue() / hi.subtract(lo).doubleValue();
        return H - B - f * (H - B - T);
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /** @return the text with &amp;, &lt;, &gt; and quotes escaped for HTML. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#fafafa;font-size:14px}
            header,main,footer{max-width:1500px;margin:0 auto;padding:0 16px}
            header h1{font-size:22px;margin:16px 0 4px}
            .meta,.legend{color:#555;font-size:12.5px;margin:4px 0}
            .example{background:#fff4e5;border:1px solid #f0a030;color:#7a4500;font-weight:600;padding:6px 10px;margin:6px 0}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
            h2{font-size:18px;border-bottom:2px solid #ddd;padding-bottom:4px;margin:26px 0 10px}
            h2 small{font-weight:normal;color:#777;font-size:13px}
            table{border-collapse:collapse;background:#fff}
            th,td{border:1px solid #e0e0e0;padding:4px 6px;vertical-align:top;text-align:left}
            table.grid{width:100%}
            table.grid th.name{font-weight:normal;min-width:180px;max-width:300px}
            .no{display:inline-block;min-width:18px;color:#fff;background:#455a64;border-radius:3px;text-align:center;font-size:11px}
            .unit{color:#777;font-size:12px}
            table.summary td.n{text-align:right;min-width:60px;font-size:15px}
            table.summary td.zero{color:#bbb}
            .b{display:inline-block;padding:1px 6px;border-radius:3px;color:#fff;font-size:12px;white-space:nowrap}
            .b.VIOLATION{background:#c62828}.b.WARNING{background:#ef6c00}.b.PASS{background:#2e7d32}
            .b.NO_DATA{background:#9e9e9e}.b.PENDING{background:#6a1b9a}.b.BASELINE{background:#1565c0}
            .chip{display:inline-block;margin:2px;padding:1px 6px;border-radius:10px;text-decoration:none;font-size:12.5px;border:1px solid}
            .chip.VIOLATION{color:#c62828;border-color:#c62828}.chip.WARNING{color:#ef6c00;border-color:#ef6c00}
            .yearlist{margin:6px 0}
            details.f{position:relative}
            details.f>summary{cursor:pointer;list-style:none;white-space:nowrap}
            details.f>summary::-webkit-details-marker{display:none}
            details.f .v{font-variant-numeric:tabular-nums}
            details.f[open]>summary{outline:2px solid #90caf9}
            details.f .ex{position:absolute;z-index:5;left:0;top:1.8em;width:640px;max-width:80vw;background:#fff;border:1px solid #90caf9;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:8px 10px;font-size:12.5px;white-space:normal}
            .ex .l0{font-weight:bold}.ex .l1{padding-left:1em}.ex .l2{padding-left:2em}.ex .l3{padding-left:3em;color:#555}.ex .l4{padding-left:4em;color:#555}.ex .l5{padding-left:5em;color:#555}
            .ex .verdict{color:#0d47a1}.ex .from{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11.5px;word-break:break-all}
            details.nodata>summary,details.inputs>summary{cursor:pointer;color:#555;margin:6px 0}
            table.files td{font-size:12px}
            td.chart{padding:2px;width:262px}
            svg .ax{stroke:#999;stroke-width:1}
            svg .tk{font-size:9px;fill:#777;text-anchor:middle}
            svg .yl{font-size:9px;fill:#777;text-anchor:end}
            svg .path{stroke:#1565c0;stroke-width:1.5;stroke-dasharray:5 3}
            svg .tgt{fill:#1565c0}
            svg .exp{fill:none;stroke:#1565c0;stroke-width:1}
            svg .ser{fill:none;stroke:#333;stroke-width:1.5}
            svg .proj{stroke-width:1.5;stroke-dasharray:2 2}
            svg .proj.on_track{stroke:#2e7d32}svg .proj.at_risk{stroke:#ef6c00}svg .proj.off_track{stroke:#c62828}
            svg .projend{fill:#fff;stroke-width:1.5}
            svg .projend.on_track{stroke:#2e7d32}svg .projend.at_risk{stroke:#ef6c00}svg .projend.off_track{stroke:#c62828}
            footer{color:#777;font-size:12px;margin:30px auto 40px}
            """;
}
