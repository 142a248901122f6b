package plancheck.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import plancheck.model.Bureau;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;

/**
 * The findings as a table a bureau works through in Excel: {@code report.xlsx} (written as a stream,
 * POI's SXSSF, so that 50,000 findings on accidents take little memory) with the sheet 需处理事项 (every
 * finding that needs action, by responsible unit) and 全部结论 (every finding on the region's targets,
 * and of the findings on records — monitoring sections, stations, accidents — at most
 * {@link #RECORDS_SHOWN} per rule and year, the most serious first, then a row counting the rest), and
 * {@code findings.csv} (every finding, the complete table). One row per finding: responsible unit, what it asks for, status, year, indicator, subject,
 * value, expected, 2030 target, gap, unit, explanation, who filed it, the input (file and sheet!cell or
 * JSON pointer), rule and plan clause.
 */
public final class FindingsSheet {
    private FindingsSheet() {}

    /** The most input places listed in one cell. */
    static final int MAX_INPUTS = 12;

    /**
     * Findings on records (a subject other than the region, or an indicator outside the plan) listed in
     * the sheet 全部结论 per rule and year; a longer list shows its most serious ones and a row counting the
     * rest (all are in findings.csv and report.json).
     */
    public static final int RECORDS_SHOWN = 100;

    private static final String[][] COLUMNS = {
            {"责任单位", "responsible unit"}, {"类别", "action"}, {"状态", "status"}, {"年份", "year"},
            {"指标", "indicator"}, {"id", "id"}, {"对象", "subject"}, {"数值", "value"}, {"应达值", "expected"},
            {"2030年目标", "2030 target"}, {"差距", "gap"}, {"单位", "unit"}, {"说明", "explanation"},
            {"报送单位", "filed by"}, {"输入（文件与单元格）", "input (file and cell)"}, {"规则", "rule"},
            {"规划依据", "plan clause"}};

    /** One row's values (numbers as BigDecimal). */
    private static List<Object> row(Finding f, Report r, Audience a, String lang) {
        boolean en = "en".equals(lang);
        PlanTarget t = a.target(f.indicator());
        List<Object> v = new ArrayList<>();
        v.add(Audience.name(a.lead(f), lang));
        v.add(Triage.label(Triage.of(f), lang));
        v.add(ExplainText.status(f.status().name(), lang));
        v.add(f.year());
        String name = a.nameOf(f.indicator(), lang);
        v.add(name == null ? f.indicator() : name);
        v.add(f.indicator());
        v.add(f.subject());
        v.add(f.actual());
        v.add(f.expected() == null ? null : f.expected());
        v.add(target(f, a));
        Object margin = f.details().get("margin");
        v.add(margin instanceof BigDecimal m ? m : null);
        v.add(f.unit());
        v.add(a.readable(f.message().in(lang), f, lang));
        v.add(String.join(en ? ", " : "、", a.filedBy(f, lang)));
        v.add(inputs(f.evidence(), en));
        v.add(f.rule());
        v.add(f.source());
        return v;
    }

    /**
     * @return the 2030 target: the number, or the plan's words where the plan prints no number for it
     *         ("持续提升" is judged as "more than 0", but 0 is not what the plan says)
     */
    static Object target(Finding f, Audience a) {
        plancheck.model.PlanTarget t = a.target(f.indicator());
        if (f.target() == null || t == null || t.target() == null || t.targetValue() == null
                || f.target().compareTo(t.targetValue()) != 0) {
            return f.target();
        }
        String text = t.target().text();
        try {
            return new BigDecimal(text.strip()).compareTo(f.target()) == 0 ? f.target() : text;
        } catch (NumberFormatException e) {
            return text.matches(".*\\d.*") ? f.target() : text;
        }
    }

    /** @return the inputs of a finding: "file sheet!cell" or "file#pointer", at most {@link #MAX_INPUTS} */
    static String inputs(List<Evidence> ev, boolean en) {
        List<String> out = new ArrayList<>();
        for (Evidence e : ev) {
            if (out.size() == MAX_INPUTS) {
                out.add((en ? "… " : "……另") + (ev.size() - MAX_INPUTS) + (en ? " more" : "处"));
                break;
            }
            out.add(e.input() + (e.pointer().startsWith("/") || e.pointer().isEmpty() ? "#" : " ") + e.pointer());
        }
        return String.join("; ", out);
    }

    /** Findings that need action, by responsible unit (the plan's order of units), most urgent first. */
    static List<Finding> actions(Report r, Audience a) {
        List<String> order = a.bureaus().all().stream().map(Bureau::id).toList();
        return r.findings().stream().filter(f -> Triage.of(f) != Triage.Action.NONE)
                .sorted(Comparator.comparingInt((Finding f) -> {
                    Bureau b = a.lead(f);
                    int i = b == null ? -1 : order.indexOf(b.id());
                    return a.mine(f) ? -1 : i < 0 ? order.size() : i;
                }).thenComparing(f -> Triage.of(f).ordinal()).thenComparing(Finding.REPORT_ORDER))
                .toList();
    }

    /**
     * @param r    the report
     * @param a    its audience
     * @param lang "zh" or "en"
     * @return report.xlsx
     */
    public static byte[] xlsx(Report r, Audience a, String lang) throws IOException {
        boolean en = "en".equals(lang);
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.empty()); // no clock time
        try {
            wb.setCompressTempFiles(true);
            CellStyle head = headStyle(wb);
            Map<Triage.Action, CellStyle> colour = new EnumMap<>(Triage.Action.class);
            colour.put(Triage.Action.VIOLATION, fill(wb, IndexedColors.ROSE));
            colour.put(Triage.Action.DATA_PROBLEM, fill(wb, IndexedColors.LAVENDER));
            colour.put(Triage.Action.WARNING, fill(wb, IndexedColors.LIGHT_ORANGE));
            Map<Finding, List<Object>> rows = new java.util.IdentityHashMap<>();
            sheet(wb, en ? "needs action" : "需处理事项", new ArrayList<>(actions(r, a)), rows, r, a, lang, head, colour);
            sheet(wb, en ? "all findings" : "全部结论", summarised(r, a, lang), rows, r, a, lang, head, colour);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return plancheck.load.sheet.OfficeZip.withFixedTimes(out.toByteArray());
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    /** @return the style of the header row: bold on grey, wrapped */
    static CellStyle headStyle(org.apache.poi.ss.usermodel.Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        head.setWrapText(true);
        return head;
    }

    private static CellStyle fill(SXSSFWorkbook wb, IndexedColors c) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(c.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    /** A row of 全部结论 that stands for findings not listed: what they are, how many, where they are. */
    record More(int year, String indicator, String name, String rule, String text) {
        List<Object> row() {
            List<Object> v = new ArrayList<>(java.util.Collections.nCopies(COLUMNS.length, null));
            v.set(3, year);
            v.set(4, name);
            v.set(5, indicator);
            v.set(12, text);
            v.set(15, rule);
            return v;
        }
    }

    /** @return true for a finding on a record (a section, station, accident …), not on a target of the region */
    static boolean onRecord(Finding f, Report r, Audience a) {
        return !f.subject().equals(r.region()) || a.target(f.indicator()) == null;
    }

    /**
     * The rows of 全部结论: the findings in report order, except that the findings on records of one rule
     * and year beyond {@link #RECORDS_SHOWN} are shown as their most serious {@link #RECORDS_SHOWN} (in
     * report order among the same status), where the first of them stood, followed by a {@link More}.
     *
     * @return findings and {@link More} rows
     */
    static List<Object> summarised(Report r, Audience a, String lang) {
        Map<String, List<Finding>> groups = new java.util.HashMap<>();
        for (Finding f : r.findings()) {
            if (onRecord(f, r, a)) {
                groups.computeIfAbsent(f.year() + "\u0000" + f.rule(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Object> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Finding f : r.findings()) {
            List<Finding> g = onRecord(f, r, a) ? groups.get(f.year() + "\u0000" + f.rule()) : null;
            if (g == null || g.size() <= RECORDS_SHOWN) {
                out.add(f);
                continue;
            }
            if (!done.add(f.year() + "\u0000" + f.rule())) {
                continue;
            }
            List<Finding> worst = g.stream().sorted(Comparator.comparingInt((Finding x) -> x.status().severity()))
                    .limit(RECORDS_SHOWN).toList();
            out.addAll(worst);
            Map<plancheck.model.Status, Integer> left = new EnumMap<>(plancheck.model.Status.class);
            g.forEach(x -> left.merge(x.status(), 1, Integer::sum));
            worst.forEach(x -> left.merge(x.status(), -1, Integer::sum));
            boolean en = "en".equals(lang);
            List<String> parts = new ArrayList<>();
            left.forEach((s, n) -> {
                if (n > 0) {
                    parts.add(en ? s.name() + " " + n : ExplainText.status(s.name(), "zh") + n);
                }
            });
            String name = a.nameOf(f.indicator(), lang);
            name = name == null ? f.indicator() : name;
            out.add(new More(f.year(), f.indicator(), name, f.rule(), plancheck.i18n.Msg.get(lang, "officer.sheet-more",
                    "name", name, "year", f.year(), "rule", f.rule(), "total", g.size(), "shown", RECORDS_SHOWN,
                    "more", g.size() - RECORDS_SHOWN, "counts", String.join(en ? ", " : "、", parts))));
        }
        return out;
    }

    private static void sheet(SXSSFWorkbook wb, String name, List<Object> fs, Map<Finding, List<Object>> rows, Report r,
                              Audience a, String lang, CellStyle head, Map<Triage.Action, CellStyle> colour) {
        boolean en = "en".equals(lang);
        SXSSFSheet sh = wb.createSheet(name);
        int[] widths = {16, 10, 8, 6, 28, 22, 14, 12, 12, 12, 10, 10, 60, 16, 40, 28, 30};
        Row h = sh.createRow(0);
        for (int i = 0; i < COLUMNS.length; i++) {
            org.apache.poi.ss.usermodel.Cell c = h.createCell(i);
            c.setCellValue(COLUMNS[i][en ? 1 : 0]);
            c.setCellStyle(head);
            sh.setColumnWidth(i, widths[i] * 256);
        }
        // cells without a style of their own get the workbook's default explicitly: the same file, and POI
        // does not search the sheet's column definitions for a default style at every cell it writes
        CellStyle plain = wb.getCellStyleAt(0);
        int n = 1;
        for (Object o : fs) {
            Row row = sh.createRow(n++);
            Finding f = o instanceof Finding x ? x : null;
            List<Object> v = f == null ? ((More) o).row() : rows.computeIfAbsent(f, x -> row(x, r, a, lang));
            for (int i = 0; i < v.size(); i++) {
                Object x = v.get(i);
                if (x == null) {
                    continue;
                }
                org.apache.poi.ss.usermodel.Cell c = row.createCell(i);
                if (x instanceof BigDecimal d) {
                    c.setCellValue(d.doubleValue());
                } else if (x instanceof Integer k) {
                    c.setCellValue(k);
                } else {
                    String s = String.valueOf(x);
                    c.setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) + "…" : s);
                }
                c.setCellStyle(i == 1 && f != null && colour.containsKey(Triage.of(f)) ? colour.get(Triage.of(f)) : plain);
            }
        }
        sh.createFreezePane(0, 1);
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, COLUMNS.length - 1));
    }

    /**
     * @param r    the report
     * @param a    its audience
     * @param lang "zh" or "en"
     * @return findings.csv: every finding, UTF-8 with a byte-order mark (Excel opens it as Unicode)
     */
    public static byte[] csv(Report r, Audience a, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder b = new StringBuilder("\uFEFF");
        List<String> head = new ArrayList<>();
        for (String[] c : COLUMNS) {
            head.add(field(c[en ? 1 : 0]));
        }
        b.append(String.join(",", head)).append("\r\n");
        for (Finding f : r.findings()) {
            List<String> cells = new ArrayList<>();
            for (Object x : row(f, r, a, lang)) {
                cells.add(x == null ? "" : x instanceof BigDecimal d ? plancheck.model.Numbers.plain(d) : field(String.valueOf(x)));
            }
            b.append(String.join(",", cells)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String s) {
        // a leading = + - @ would make Excel read a formula: quoted as text
        String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
