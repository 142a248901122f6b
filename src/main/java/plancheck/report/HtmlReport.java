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
 * Writes {@code report.html}: one self-contained page an officer reads first (Chinese by default,
 * {@code --lang en} for English), from the Thymeleaf template {@code plancheck/templates/report/report.html}
 * ({@link Templates}). No scripts, no network: styles are inline, charts are inline SVG, and a
 * Content-Security-Policy forbids loading anything. In reading order:
 * <ul>
 *   <li>what needs action — violations, data problems (their own colour), warnings — grouped by
 *       responsible unit, each linked to its finding;</li>
 *   <li>when the report centres on one unit, that unit's targets, with what they wait for from other
 *       units ("cannot be judged yet");</li>
 *   <li>a summary per year (count per status, data problems among the warnings);</li>
 *   <li>a table per area (经济发展, 产业创新, 绿色生态, 安全韧性, 粮食安全, 民生福祉, …): per indicator its
 *       attribute, 2025 value, 2030 target, one cell per year (status and value, rounded to the
 *       indicator's precision; a click opens the explanation in a pop-up that stays inside the window),
 *       and a chart of its series against the straight path to the 2030 target (contract §5);</li>
 *   <li>findings on records (monitoring sections, stations, accidents);</li>
 *   <li>an appendix: the inputs with who filed them and their SHA-256, the rules files, the versions.</li>
 * </ul>
 * A print stylesheet lays it out on A4 with every chart whole. The page is byte-for-byte the same for
 * the same report (no clock time).
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
        return render(r, Audience.of(catalogue), lang);
    }

    /**
     * @param r    the report
     * @param a    who it speaks to: the plan's units, who filed each input, the unit it centres on
     * @param lang "zh" (default) or "en"
     * @return the page as UTF-8 bytes
     */
    public static byte[] render(Report r, Audience a, String lang) {
        OfficerView v = new OfficerView(r, a, lang);
        boolean en = v.en;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("htmlLang", en ? "en" : "zh-CN");
        m.put("title", en ? "Plan compliance report: " + r.region() + ", 15th Five-Year Plan (2026–2030)"
                : r.region() + "“十五五”规划目标核查报告");
        m.put("example", r.exampleWarning() == null ? null : r.exampleWarning().in(lang));
        m.put("focus", a.focus() == null ? null : en ? "Centred on " + a.focus().name().en() + ": its own targets first; "
                + "the other units' targets without data are left out."
                : "本报告以" + a.focus().name().zh() + "为中心：先列本单位负责的指标；其他单位负责、本次未报送的指标从略。");
        String c = v.counts(v.totals());
        m.put("meta", (en ? "Years checked: " : "核查年份：") + String.join(en ? ", " : "、",
                v.years.stream().map(y -> en ? String.valueOf(y) : y + "年").toList())
                + (en ? " · " + r.inputs().size() + " submission(s) (appendix) · " : " · 报送" + r.inputs().size() + "份（见附录） · ")
                + (c.isEmpty() ? (en ? "nothing needs action" : "无需处理的事项") : (en ? "needs action: " : "需处理：") + c));
        m.put("legend", legend(en));

        // anchors: one per finding, unique
        Map<Finding, String> anchors = new java.util.IdentityHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Finding f : r.findings()) {
            String base = anchor(f);
            String id = base;
            for (int i = 2; !used.add(id); i++) {
                id = base + "-" + i;
            }
            anchors.put(f, id);
        }

        List<Object> groups = new ArrayList<>();
        for (OfficerView.Group g : v.actions()) {
            List<Object> rows = new ArrayList<>();
            for (Finding f : g.findings()) {
                rows.add(map("year", f.year(), "name", v.name(f), "subject", f.subject().equals(r.region()) ? "" : f.subject(),
                        "cls", v.statusClass(f), "label", Triage.label(Triage.of(f), lang), "value", v.value(f),
                        "expected", v.expected(f), "message", v.message(f), "filedBy", v.filedBy(f), "href", "#" + anchors.get(f)));
            }
            groups.add(map("name", g.name(), "counts", v.counts(g.counts()), "rows", rows, "more", v.more(g)));
        }
        m.put("groups", groups);

        List<Object> mine = new ArrayList<>();
        for (Finding f : v.mine()) {
            mine.add(map("year", f.year(), "name", v.name(f), "cls", v.statusClass(f), "status", v.status(f),
                    "value", v.value(f), "expected", v.expected(f), "message", v.message(f), "href", "#" + anchors.get(f)));
        }
        m.put("mine", mine);
        m.put("mineTitle", a.focus() == null ? null : en ? a.focus().name().en() + ": its targets" : a.focus().name().zh() + "负责的指标");
        long others = v.othersWithoutData();
        m.put("others", a.focus() == null || others == 0 ? null : en ? others + " targets of other units have no data in these inputs (not this unit's; left out)."
                : "其他单位负责的" + others + "项指标本次无数据（不属本单位，从略）。");

        // summary per year
        List<Object> heads = new ArrayList<>();
        for (Status s : Report.SUMMARY_ORDER) {
            heads.add(map("cls", s.name(), "label", ExplainText.status(s.name(), lang)));
        }
        m.put("statusHeads", heads);
        List<Object> sumRows = new ArrayList<>();
        for (int y : v.years) {
            List<Object> cells = new ArrayList<>();
            for (Status s : Report.SUMMARY_ORDER) {
                cells.add(v.count(y, s));
            }
            sumRows.add(map("year", y, "cells", cells, "data", v.dataProblems(y)));
        }
        m.put("summaryRows", sumRows);

        // the areas' grids
        TreeSet<Integer> years = v.years;
        m.put("years", new ArrayList<>(years));
        Map<String, Map<Integer, Finding>> grid = new TreeMap<>();
        List<Finding> records = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (!v.shown(f)) {
                continue;
            }
            if (f.subject().equals(r.region()) && a.target(f.indicator()) != null) {
                grid.computeIfAbsent(f.indicator(), k -> new TreeMap<>()).put(f.year(), f);
            } else {
                records.add(f);
            }
        }
        List<String> areas = new ArrayList<>(AREA_ORDER);
        grid.keySet().stream().map(id -> a.target(id).area()).filter(x -> x != null && !areas.contains(x)).distinct()
                .sorted().forEach(areas::add);
        List<Object> areaList = new ArrayList<>();
        for (String area : areas) {
            List<PlanTarget> ts = grid.keySet().stream().map(a::target).filter(t -> area.equals(t.area()))
                    .sorted(java.util.Comparator.comparing((PlanTarget t) -> t.table() == null ? 1000 : t.table())
                            .thenComparing(PlanTarget::id)).toList();
            if (ts.isEmpty()) {
                continue;
            }
            String[] an = AREA.getOrDefault(area, new String[] {area, area});
            List<Object> withData = new ArrayList<>();
            List<Object> without = new ArrayList<>();
            for (PlanTarget t : ts) {
                Map<Integer, Finding> row = grid.get(t.id());
                boolean has = row.values().stream().anyMatch(f -> f.actual() != null);
                List<Object> cells = new ArrayList<>();
                for (int y : years) {
                    Finding f = row.get(y);
                    cells.add(f == null ? null : cell(f, t, r, a, v, anchors.get(f)));
                }
                Map<String, Object> tr = map("no", t.table(), "name", t.name().in(lang), "unit", "".equals(t.printedUnit()) ? "" : t.unit(),
                        "attribute", en ? t.attributeEn() : t.attributeZh(),
                        "baseline", t.baseline() == null ? "—" : t.baseline().text(),
                        "target", t.target() == null ? "—" : t.target().text(), "cells", cells,
                        "unitName", t.lead() == null ? "" : Audience.name(a.bureaus().get(t.lead()), lang),
                        "chart", has ? chart(t, row, r, en) : "");
                (has ? withData : without).add(tr);
            }
            areaList.add(map("id", "area-" + area, "name", an[en ? 1 : 0], "count", ts.size(), "withData", withData,
                    "without", without, "withoutLabel", en ? without.size() + " more targets without any value (click to show)"
                            : "另有" + without.size() + "项目标无任何数值（点击展开）"));
        }
        m.put("areas", areaList);
        List<Object> recs = new ArrayList<>();
        // report order (year, indicator, subject); a long group shows its most serious findings first
        // (LongLists), the rest counted
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
                PlanTarget t = a.target(f.indicator());
                recs.add(map("year", f.year(), "subject", f.subject(), "name", v.name(f), "cell", cell(f, t, r, a, v, anchors.get(f)),
                        "message", v.message(f), "omitted", null));
            }
            for (LongLists.Omitted o : shown.omitted()) {
                PlanTarget t = a.target(o.indicator());
                recs.add(map("year", group.get(0).year(), "omitted", o.text(t == null ? o.indicator() : t.name().in(lang), lang)));
            }
            i = j;
        }
        m.put("records", recs);

        // appendix
        List<Object> inputs = new ArrayList<>();
        r.inputs().forEach((p, h) -> inputs.add(map("path", p, "filer", v.filer(p), "sha", h)));
        m.put("inputs", inputs);
        List<Object> rules = new ArrayList<>();
        r.ruleFiles().forEach((p, h) -> rules.add(map("path", p, "sha", h)));
        m.put("ruleFiles", rules);
        m.put("versions", (en ? "Plan " : "规划 ") + r.planId() + " (" + r.baseYear() + "→" + r.targetYear() + ") · "
                + (en ? "rules sha256 " : "规则 sha256 ") + r.rulesSha() + " · plancheck " + Versions.plancheck()
                + " · Drools " + Versions.drools());
        String html = Templates.render("report/report", lang, m);
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }

    private static final java.util.regex.Pattern PARAM_LINE = java.util.regex.Pattern.compile("^(参数|Parameter) \\S+ = ");
    private static final java.util.regex.Pattern TAIL_FILE = java.util.regex.Pattern.compile(" \\[[^\\]]*\\]$");
    private static final java.util.regex.Pattern RULE_TAIL = java.util.regex.Pattern.compile(" \\[规则“[^”]*”\\]| \\[rule \"[^\"]*\"\\]");

    /** A cell: a status badge with the value; a click opens the explanation (details/summary, no script). */
    private static Map<String, Object> cell(Finding f, PlanTarget t, Report r, Audience a, OfficerView v, String anchor) {
        String lang = v.lang;
        List<Object> lines = new ArrayList<>();
        Map<String, Object> json = JsonReport.finding(f, r.baseYear(), r.targetYear(), JsonReport.Form.WITHOUT);
        String name = t == null ? null : t.name().in(lang);
        boolean first = true;
        for (ExplainText.Line l : ExplainText.lines(json, name, lang, null)) {
            String text = l.text();
            if (first) {
                first = false;
                text = (name == null ? v.name(f) : name) + " · " + f.year() + ("en".equals(lang) ? "" : "年") + " · " + f.subject()
                        + " — " + v.status(f);
            } else if (l.kind().equals("rule") && (text.startsWith("规则：") || text.startsWith("Rule: "))) {
                continue; // the rule's name and kind: in plancheck explain and report.json
            } else if (text.startsWith("参数 ") || text.startsWith("Parameter ")) {
                text = PARAM_LINE.matcher(text).replaceFirst("$1 = ");
                text = TAIL_FILE.matcher(text).replaceAll("");
            } else if (text.startsWith("说明：") || text.startsWith("Message: ")) {
                text = ("en".equals(lang) ? "Message: " : "说明：") + v.message(f);
                lines.add(map("cls", "l" + l.level() + " " + l.kind(), "text", text));
                continue;
            }
            text = RULE_TAIL.matcher(text).replaceAll("");
            lines.add(map("cls", "l" + l.level() + " " + l.kind(), "text", a.readable(text, f, lang)));
        }
        return map("id", anchor, "cls", v.statusClass(f), "label", v.status(f),
                "value", f.actual() == null ? null : Audience.number(f.actual(), t, f.expected(),
                        t == null ? null : t.warnAt(), f.target()), "lines", lines);
    }

    private static String anchor(Finding f) {
        String s = f.year() + "-" + f.indicator() + "-" + f.subject();
        StringBuilder a = new StringBuilder("f-");
        for (char c : s.toCharArray()) {
            a.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return a.toString();
    }

    private static String legend(boolean en) {
        return en ? "VIOLATION — a binding (约束性) target is broken · DATA PROBLEM — a figure to correct (the data, not the target) · WARNING — an expected target is behind or a value is near a binding limit · NO_DATA — nothing submitted · PENDING — awaits the city's assignment · BASELINE — a starting year, not judged. Click a cell for how its verdict was reached. In the charts the dotted line carries the latest value to 2030 at the pace so far (green on track, orange at risk, red off track)."
                : "违规——约束性指标未达到；数据问题——数据需更正（不是目标滞后）；预警——预期性指标滞后或接近约束性限值；无数据——未报送；待定——目标待市级下达；基期——起点年份，不评判。点击单元格查看判断依据与计算过程。图中点线为按当前速度推算至2030年的走势（绿：进展正常；橙：存在风险；红：进度滞后）。";
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
                .append(en ? ": " : "年：").append(esc(Audience.number(v, t))).append(' ').append(esc(t.unit())).append(" · ")
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

}
