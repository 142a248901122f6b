package plancheck.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import plancheck.app.RegionsRun.RegionResult;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The index of a run over several regions ({@code OUT/index.json}, {@code index.md}, {@code index.html}):
 * per region its plan, inputs and findings per status with a link to its own reports, the totals, and
 * the most serious findings across regions (VIOLATION before WARNING, binding first). Byte for byte the
 * same for the same reports.
 */
public final class IndexReport {
    private IndexReport() {}

    /** The format string of index.json. */
    public static final String FORMAT = "plancheck-index/1";

    /** The findings listed across regions, at most. */
    public static final int WORST = 50;

    /** Most serious first: status, binding before expected, then year, indicator, subject. */
    public static final Comparator<Finding> WORST_FIRST = Comparator
            .comparingInt((Finding f) -> f.status().severity())
            .thenComparing(f -> !f.binding())
            .thenComparing(Finding.REPORT_ORDER);

    /** A finding of a region. */
    private record Item(RegionResult region, Finding finding) {}

    private static List<Item> worst(List<RegionResult> regions) {
        List<Item> all = new ArrayList<>();
        regions.forEach(r -> r.worst().forEach(f -> all.add(new Item(r, f))));
        all.sort(Comparator.comparing((Item i) -> i.finding(), Comparator.comparingInt((Finding f) -> f.status().severity())
                .thenComparing(f -> !f.binding())).thenComparing(i -> i.region().region()).thenComparing(Item::finding, Finding.REPORT_ORDER));
        return all.size() > WORST ? all.subList(0, WORST) : all;
    }

    private static Map<Status, Integer> totals(List<RegionResult> regions) {
        Map<Status, Integer> t = new EnumMap<>(Status.class);
        Report.SUMMARY_ORDER.forEach(s -> t.put(s, 0));
        regions.forEach(r -> r.counts().forEach((s, n) -> t.merge(s, n, Integer::sum)));
        return t;
    }

    /** @return index.json: format, totals, regions (with their summaries and reports), worst findings */
    public static byte[] json(List<RegionResult> regions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonReport.generator(bytes)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("regionCount", regions.size());
            g.writeFieldName("summary");
            summary(g, totals(regions));
            g.writeArrayFieldStart("regions");
            for (RegionResult r : regions) {
                g.writeStartObject();
                g.writeStringField("region", r.region());
                g.writeStringField("plan", r.planDir());
                g.writeNumberField("inputs", r.inputs());
                g.writeStringField("report", r.dir().isEmpty() ? "report.json" : r.dir() + "/report.json");
                g.writeFieldName("summary");
                summary(g, r.counts());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("worst");
            for (Item i : worst(regions)) {
                Finding f = i.finding();
                g.writeStartObject();
                g.writeStringField("region", i.region().region());
                g.writeStringField("indicator", f.indicator());
                g.writeNumberField("year", f.year());
                g.writeStringField("subject", f.subject());
                g.writeStringField("status", f.status().name());
                g.writeBooleanField("binding", f.binding());
                g.writeStringField("rule", f.rule());
                g.writeObjectFieldStart("message");
                g.writeStringField("zh", f.message().zh());
                g.writeStringField("en", f.message().en());
                g.writeEndObject();
                g.writeStringField("report", i.region().dir() + "/report.json");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void summary(JsonGenerator g, Map<Status, Integer> counts) throws IOException {
        g.writeStartObject();
        for (Status s : Report.SUMMARY_ORDER) {
            g.writeNumberField(s.name(), counts.getOrDefault(s, 0));
        }
        g.writeEndObject();
    }

    /** @return index.md in {@code lang} */
    public static byte[] markdown(List<RegionResult> regions, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder b = new StringBuilder();
        b.append(en ? "# Plan compliance: " + regions.size() + " regions\n\n" : "# 规划目标核查汇总：" + regions.size() + "个地区\n\n");
        b.append(en ? "Each region is judged against its own plan; its full reports are in its folder.\n\n"
                : "各地区按其适用规划分别核查；完整报告见各地区文件夹。\n\n");
        b.append(en ? "| region | plan | inputs |" : "| 地区 | 规划 | 输入 |");
        Report.SUMMARY_ORDER.forEach(s -> b.append(' ').append(s.name()).append(" |"));
        b.append(en ? " report |\n|---|---|---|" : " 报告 |\n|---|---|---|");
        Report.SUMMARY_ORDER.forEach(s -> b.append("---|"));
        b.append("---|\n");
        Map<Status, Integer> t = totals(regions);
        for (RegionResult r : regions) {
            b.append("| ").append(cell(r.region())).append(" | `").append(r.planDir()).append("` | ").append(r.inputs()).append(" |");
            Report.SUMMARY_ORDER.forEach(s -> b.append(' ').append(r.counts().getOrDefault(s, 0)).append(" |"));
            b.append(" [report.md](").append(link(r.dir())).append("/report.md) |\n");
        }
        b.append(en ? "| **all** | | |" : "| **合计** | | |");
        Report.SUMMARY_ORDER.forEach(s -> b.append(" **").append(t.get(s)).append("** |"));
        b.append(" |\n\n");
        List<Item> worst = worst(regions);
        if (!worst.isEmpty()) {
            b.append(en ? "## The most serious findings\n\n" : "## 最严重的结论\n\n");
            b.append(en ? "| region | year | indicator | subject | status | explanation |\n|---|---|---|---|---|---|\n"
                    : "| 地区 | 年份 | 指标 | 对象 | 状态 | 说明 |\n|---|---|---|---|---|---|\n");
            for (Item i : worst) {
                Finding f = i.finding();
                b.append("| ").append(cell(i.region().region())).append(" | ").append(f.year()).append(" | `").append(f.indicator())
                        .append("` | ").append(cell(f.subject())).append(" | ").append(f.status().name()).append(" | ")
                        .append(cell(plancheck.model.Bounded.cut(f.message().in(lang)))).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return index.html in {@code lang} (template report/index) */
    public static byte[] html(List<RegionResult> regions, String lang) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("statuses", Report.SUMMARY_ORDER.stream().map(Status::name).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RegionResult r : regions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", r.region());
            m.put("plan", r.planDir());
            m.put("inputs", r.inputs());
            m.put("counts", Report.SUMMARY_ORDER.stream().map(s -> r.counts().getOrDefault(s, 0)).toList());
            m.put("link", link(r.dir()) + "/report.html");
            rows.add(m);
        }
        vars.put("regions", rows);
        Map<Status, Integer> t = totals(regions);
        vars.put("totals", Report.SUMMARY_ORDER.stream().map(t::get).toList());
        List<Map<String, Object>> worst = new ArrayList<>();
        for (Item i : worst(regions)) {
            Finding f = i.finding();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", i.region().region());
            m.put("year", f.year());
            m.put("indicator", f.indicator());
            m.put("subject", f.subject());
            m.put("status", f.status().name());
            m.put("message", f.message().in(lang));
            m.put("link", link(i.region().dir()) + "/report.html");
            worst.add(m);
        }
        vars.put("worst", worst);
        return Templates.render("report/index", lang, vars).getBytes(StandardCharsets.UTF_8);
    }

    private static String link(String dir) {
        return java.net.URLEncoder.encode(dir, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
