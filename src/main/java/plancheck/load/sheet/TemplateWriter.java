package plancheck.load.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import plancheck.model.Bureau;
import plancheck.model.Numbers;
import plancheck.model.PlanTarget;
import plancheck.model.UnitTable;

/**
 * Writes a bureau's template for a year (docs/spreadsheets.md): the sheet 指标 with one row per
 * indicator the bureau answers for (序号, 指标名称, id, 单位 with a drop-down of the accepted units, the
 * plan's printed unit first, 属性, 2025年基期值, 2030年目标, 上年数值, 本年数值 to fill, 口径, 备注), one sheet
 * per record list it files, with Chinese headers and data validation (dates in the year, non-negative
 * numbers, enumerations), and the sheet 填报说明. The same tables as CSV files for bureaus that prefer
 * them. What the reader ({@link SheetReader}) reads back is exactly this layout ({@link Layout}).
 */
public final class TemplateWriter {

    /** Rows of a record sheet the validation covers. */
    static final int RECORD_ROWS = 2000;

    /**
     * What a template is made of.
     *
     * @param region   the region (垫江县)
     * @param year     the year to fill
     * @param bureau   the unit
     * @param targets  the indicators it answers for, in the template's order
     * @param previous the previous year's value of an indicator (in its catalogue unit), by id
     * @param units    the unit table (the drop-down of accepted units)
     * @param planName the plan's name
     * @param current  this year's values already filed (in the catalogue unit), by id: written in 本年数值 with
     *                 the catalogue unit, so that the empty cells are what the unit still has to file; may be empty
     */
    public record Spec(String region, int year, Bureau bureau, List<PlanTarget> targets, Map<String, BigDecimal> previous,
                       UnitTable units, String planName, Map<String, BigDecimal> current) {
        /** Null becomes empty. */
        public Spec {
            current = current == null ? Map.of() : current;
        }

        /** A template with nothing filed yet. */
        public Spec(String region, int year, Bureau bureau, List<PlanTarget> targets, Map<String, BigDecimal> previous,
                    UnitTable units, String planName) {
            this(region, year, bureau, targets, previous, units, planName, Map.of());
        }
    }

    private TemplateWriter() {}

    /** @return the indicators a unit answers for: 专栏1 first by its number, then by area and name */
    public static List<PlanTarget> targetsOf(List<PlanTarget> all, String bureauId) {
        List<PlanTarget> out = new ArrayList<>(all.stream().filter(t -> t.responsible().contains(bureauId))
                .filter(t -> !"record".equals(t.judge())).toList());
        out.sort(Comparator.comparing((PlanTarget t) -> t.table() == null ? 1000 : t.table())
                .thenComparing(t -> t.area() == null ? "" : t.area()).thenComparing(t -> t.name().zh()));
        return out;
    }

    /**
     * @param t     a target
     * @param units the unit table
     * @return the units a value of it may be written in: the plan's printed unit first, then the
     *         catalogue's, its aliases and the units of the same dimension
     */
    public static List<String> acceptedUnits(PlanTarget t, UnitTable units) {
        Set<String> out = new LinkedHashSet<>();
        if (t.printedUnit() != null && !t.printedUnit().isEmpty()) {
            out.add(t.printedUnit());
        }
        out.add(t.unit());
        t.unitAliases().keySet().stream().filter(k -> !k.isEmpty()).forEach(out::add);
        units.find(t.unit()).ifPresent(u -> units.names().stream()
                .filter(n -> units.find(n).map(x -> x.dimension().equals(u.dimension())).orElse(false)).forEach(out::add));
        return List.copyOf(out);
    }

    // ---- XLSX ---------------------------------------------------------------------------------

    /** @return the workbook */
    public static byte[] xlsx(Spec s) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.empty()); // no clock time
            Styles st = new Styles(wb);
            indicators(wb, st, s);
            for (String list : s.bureau().records()) {
                Layout.Sheet ls = Layout.SHEETS.stream().filter(x -> x.list().equals(list)).findFirst().orElse(null);
                if (ls != null) {
                    records(wb, st, s, ls);
                }
            }
            instructions(wb, st, s);
            wb.setActiveSheet(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return OfficeZip.withFixedTimes(out.toByteArray());
        }
    }

    /** Cell styles of the template. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle header;
        final CellStyle fixed;
        final CellStyle fill;
        final CellStyle fillDate;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            label = wb.createCellStyle();
            label.setFont(bold);
            label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header = wb.createCellStyle();
            header.cloneStyleFrom(label);
            header.setWrapText(true);
            border(header);
            fixed = wb.createCellStyle();
            border(fixed);
            fill = wb.createCellStyle();
            fill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            border(fill);
            fillDate = wb.createCellStyle();
            fillDate.cloneStyleFrom(fill);
            fillDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            note = wb.createCellStyle();
            note.setWrapText(true);
        }

        private static void border(CellStyle c) {
            c.setBorderBottom(BorderStyle.THIN);
            c.setBorderTop(BorderStyle.THIN);
            c.setBorderLeft(BorderStyle.THIN);
            c.setBorderRight(BorderStyle.THIN);
        }
    }

    private static org.apache.poi.ss.usermodel.Cell put(Row r, int col, Object v, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell c = r.createCell(col);
        if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (v != null) {
            c.setCellValue(String.valueOf(v));
        }
        if (style != null) {
            c.setCellStyle(style);
        }
        return c;
    }

    private static void indicators(XSSFWorkbook wb, Styles st, Spec s) {
        Sheet sh = wb.createSheet(Layout.INDICATORS.name());
        List<Layout.Column> cols = Layout.INDICATORS.columns().stream().filter(c -> !c.key().equals("result")).toList();
        Row t = sh.createRow(0);
        put(t, 0, s.region() + "“十五五”规划指标年度填报表——" + s.bureau().name().zh() + " " + s.year() + "年", st.title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, cols.size() - 1));
        Row m = sh.createRow(1);
        put(m, 0, "地区", st.label);
        put(m, 1, s.region(), st.fill);
        put(m, 2, "年份", st.label);
        put(m, 3, s.year(), st.fill);
        put(m, 4, "填报单位", st.label);
        put(m, 5, s.bureau().fullName() == null ? s.bureau().name().zh() : s.bureau().fullName(), st.fill);
        put(m, 6, "阶段", st.label);
        put(m, 7, "正式", st.fill);
        DataValidationHelper dv = sh.getDataValidationHelper();
        list(sh, dv, new CellRangeAddressList(1, 1, 7, 7), List.of("正式", "初步"), "阶段", "正式：正式数据；初步：快报等初步数据（正式数据报送后取代初步数据）");
        Row n = sh.createRow(2);
        put(n, 0, "黄色单元格为填报项。单位可从下拉列表选择（第一项为规划所列单位）；无数值的指标请在“本年数值”填“——”并在“备注”说明原因；不填的行视为未报送。详见“填报说明”表。", st.note);
        sh.addMergedRegion(new CellRangeAddress(2, 2, 0, cols.size() - 1));
        n.setHeightInPoints(32);
        Row h = sh.createRow(3);
        for (int i = 0; i < cols.size(); i++) {
            put(h, i, cols.get(i).header(), st.header);
            sh.setColumnWidth(i, cols.get(i).width() * 256 + 256);
        }
        int r = 4;
        int no = 1;
        for (PlanTarget tg : s.targets()) {
            Row row = sh.createRow(r);
            List<String> units = acceptedUnits(tg, s.units());
            for (int i = 0; i < cols.size(); i++) {
                String k = cols.get(i).key();
                switch (k) {
                    case "no" -> put(row, i, no, st.fixed);
                    case "name" -> put(row, i, tg.name().zh(), st.fixed);
                    case "id" -> put(row, i, tg.id(), st.fixed);
                    case "unit" -> {
                        put(row, i, s.current().containsKey(tg.id()) ? tg.unit() : "".equals(tg.printedUnit()) ? null
                                : units.get(0), st.fill);
                        list(sh, dv, new CellRangeAddressList(r, r, i, i), units.size() > 1 || !"".equals(tg.printedUnit())
                                ? fit(units) : units, "单位", "可选：" + String.join("、", fit(units)));
                    }
                    case "attribute" -> put(row, i, tg.attributeZh(), st.fixed);
                    case "baseline" -> put(row, i, tg.baseline() == null ? "——" : tg.baseline().text(), st.fixed);
                    case "target" -> put(row, i, tg.target() == null ? "——" : tg.target().text(), st.fixed);
                    case "previous" -> {
                        BigDecimal p = s.previous().get(tg.id());
                        put(row, i, p == null ? null : p, st.fixed);
                    }
                    case "value" -> {
                        put(row, i, s.current().get(tg.id()), st.fill);
                        number(sh, dv, r, i, tg.min(), tg.max());
                    }
                    case "caliber" -> {
                        if (tg.caliber() != null && !tg.calibers().isEmpty()) {
                            List<String> names = tg.calibers().values().stream().map(x -> x.zh().replaceAll("[（(].*$", "")).toList();
                            put(row, i, tg.caliberName(tg.caliber()).zh().replaceAll("[（(].*$", ""), st.fill);
                            list(sh, dv, new CellRangeAddressList(r, r, i, i), names, "口径", "2030年目标采用"
                                    + tg.caliberName(tg.caliber()).zh());
                        } else {
                            put(row, i, null, st.fixed);
                        }
                    }
                    case "note" -> put(row, i, null, st.fill);
                    default -> put(row, i, null, st.fixed);
                }
            }
            r++;
            no++;
        }
        sh.createFreezePane(3, 4);
    }

    /** At most what a list constraint holds (255 characters in all). */
    private static List<String> fit(List<String> items) {
        List<String> out = new ArrayList<>();
        int len = 0;
        for (String i : items) {
            if (len + i.length() + 1 > 250) {
                break;
            }
            out.add(i);
            len += i.length() + 1;
        }
        return out;
    }

    private static void list(Sheet sh, DataValidationHelper dv, CellRangeAddressList where, List<String> items, String title,
                             String prompt) {
        if (items.isEmpty()) {
            return;
        }
        DataValidationConstraint c = dv.createExplicitListConstraint(items.toArray(String[]::new));
        DataValidation v = dv.createValidation(c, where);
        v.setSuppressDropDownArrow(true);
        v.setShowErrorBox(true);
        v.createErrorBox(title, "请从下拉列表中选择：" + String.join("、", items));
        v.setShowPromptBox(true);
        v.createPromptBox(title, prompt.length() > 250 ? prompt.substring(0, 250) : prompt);
        sh.addValidationData(v);
    }

    private static void number(Sheet sh, DataValidationHelper dv, int row, int col, BigDecimal min, BigDecimal max) {
        String lo = min == null ? "-1E+15" : min.toPlainString();
        String hi = max == null ? "1E+15" : max.toPlainString();
        DataValidationConstraint c = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, lo, hi);
        DataValidation v = dv.createValidation(c, new CellRangeAddressList(row, row, col, col));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        v.createErrorBox("数值", "应为数字" + (min != null || max != null ? "，合理范围" + "[" + Numbers.plain(min)
                + ", " + (max == null ? "∞" : Numbers.plain(max)) + "]" : "") + "；无数值请填“——”");
        sh.addValidationData(v);
    }

    private static void records(XSSFWorkbook wb, Styles st, Spec s, Layout.Sheet ls) {
        Sheet sh = wb.createSheet(ls.name());
        List<Layout.Column> cols = ls.columns().stream()
                .filter(c -> !c.key().equals("result") && !c.key().equals("directLossWan")).toList();
        Row t = sh.createRow(0);
        put(t, 0, ls.name() + "（" + s.year() + "年，" + s.bureau().name().zh() + "）", st.title);
        Row n = sh.createRow(1);
        put(n, 0, hint(ls), st.note);
        sh.addMergedRegion(new CellRangeAddress(1, 1, 0, Math.min(cols.size() - 1, 12)));
        n.setHeightInPoints(32);
        Row h = sh.createRow(2);
        DataValidationHelper dv = sh.getDataValidationHelper();
        for (int i = 0; i < cols.size(); i++) {
            Layout.Column c = cols.get(i);
            put(h, i, c.header(), st.header);
            sh.setColumnWidth(i, c.width() * 256 + 256);
            CellRangeAddressList rows = new CellRangeAddressList(3, 3 + RECORD_ROWS - 1, i, i);
            switch (c.type()) {
                case DATE -> {
                    DataValidationConstraint dc = dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "Date(" + s.year() + ",1,1)", "Date(" + s.year() + ",12,31)", "yyyy-mm-dd");
                    DataValidation v = dv.createValidation(dc, rows);
                    v.setShowErrorBox(true);
                    v.createErrorBox(c.header(), "应为" + s.year() + "年内的日期，如" + s.year() + "-04-18");
                    sh.addValidationData(v);
                }
                case INTEGER -> {
                    DataValidation v = dv.createValidation(dv.createIntegerConstraint(
                            DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), rows);
                    v.setShowErrorBox(true);
                    v.createErrorBox(c.header(), "应为不小于0的整数");
                    sh.addValidationData(v);
                }
                case NUMBER -> {
                    DataValidation v = dv.createValidation(dv.createDecimalConstraint(
                            DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), rows);
                    v.setShowErrorBox(true);
                    v.createErrorBox(c.header(), "应为不小于0的数字");
                    sh.addValidationData(v);
                }
                case MONTH -> {
                    DataValidation v = dv.createValidation(dv.createExplicitListConstraint(months(s.year())), rows);
                    v.setShowErrorBox(true);
                    v.createErrorBox(c.header(), "应为" + s.year() + "年的月份，如" + s.year() + "-01");
                    sh.addValidationData(v);
                }
                default -> {
                    if (!c.choices().isEmpty()) {
                        List<String> w = c.written().stream().distinct().toList();
                        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(w.toArray(String[]::new)), rows);
                        v.setShowErrorBox(true);
                        v.createErrorBox(c.header(), "请从下拉列表中选择：" + String.join("、", w));
                        sh.addValidationData(v);
                    }
                }
            }
        }
        // the date columns are shown as dates when typed as such
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).type() == Layout.Type.DATE) {
                sh.setDefaultColumnStyle(i, st.fillDate);
            }
        }
        sh.createFreezePane(0, 3);
    }

    private static String[] months(int year) {
        String[] m = new String[12];
        for (int i = 0; i < 12; i++) {
            m[i] = String.format(java.util.Locale.ROOT, "%04d-%02d", year, i + 1);
        }
        return m;
    }

    private static String hint(Layout.Sheet ls) {
        return switch (ls.list()) {
            case "accidents" -> "每起生产安全事故一行。死亡人数含失踪；重伤人数含急性工业中毒；直接经济损失以元为单位（不是万元）。"
                    + "事故等级由plancheck按《生产安全事故报告和调查处理条例》（国务院令第493号）第三条判定。";
            case "waterSamples" -> "每个断面每月一行。监测值单位为mg/L（pH无量纲，粪大肠菌群为个/L）；未监测的项目留空。"
                    + "水体类型：河流或湖库（湖泊、水库的总磷、总氮限值不同）。";
            case "airDaily" -> "每个站点每天一行：24小时平均浓度，PM2.5、PM10、SO2、NO2单位μg/m³，CO单位mg/m³；O3为日最大8小时平均。未监测的污染物留空。";
            case "energyUse" -> "本年全县各能源品种消费量，一行一种：能源品种如原煤、天然气、电力、汽油、柴油；计量单位如吨、万立方米、万千瓦时。按GB/T 2589折标准煤。";
            case "cropOutput" -> "每种作物一行：稻谷、小麦、玉米、豆类、薯类……；单位吨、万吨或公斤。薯类按折粮报送，若报鲜重请选“鲜重”（按5:1折粮）。";
            default -> "";
        };
    }

    private static void instructions(XSSFWorkbook wb, Styles st, Spec s) {
        Sheet sh = wb.createSheet(Layout.INSTRUCTIONS);
        sh.setColumnWidth(0, 110 * 256);
        List<String> lines = new ArrayList<>(List.of(
                "填报说明（" + s.bureau().name().zh() + "，" + s.year() + "年）",
                "",
                "1. 本工作簿用于报送" + s.planName() + "的年度指标数值，由plancheck核查。",
                "2. “指标”表：每行一个本单位负责的指标。只填黄色单元格：本年数值、单位（默认为规划所列单位）、口径（如有）、备注。",
                "   · 数值直接填写数字，可带百分号（如12.5%），不要加“约”“左右”等文字；",
                "   · 无数值（如统计年鉴尚未公布）：“本年数值”填“——”，并在“备注”说明原因；",
                "   · 不填的行视为未报送，核查结果为“无数据”。",
                "3. 表头之上的“地区”“年份”“填报单位”“阶段”请勿删除；阶段为“初步”的数据在正式数据报送后被取代。",
                "4. 明细表（如生产安全事故、水质监测）：每条记录一行，日期写成" + s.year() + "-04-18的形式。",
                "5. 可以调整列的顺序、增加本单位自用的列或工作表，plancheck按表头名称识别各列，自用的列和表不读取。",
                "6. 核查：plancheck check 本文件.xlsx（或连同其他单位的文件一起核查）；问题会指明单元格，如“指标!I7”。",
                "   只核查本单位的文件时，依赖其他单位数据的指标（如死亡率依赖统计局的地区生产总值）显示为“暂无法评判”。",
                "7. 核查结果：reports/report.xlsx 每条结论一行；本文件的批注副本（文件名加“-核查结果”）在每行旁边写明结论。",
                "",
                "本单位负责的指标（" + s.targets().size() + "项）："));
        for (PlanTarget t : s.targets()) {
            lines.add("   · " + t.name().zh() + "（" + t.id() + "，" + ("".equals(t.printedUnit()) ? "无单位" : t.unit()) + "）：" + t.source());
        }
        for (int i = 0; i < lines.size(); i++) {
            put(sh.createRow(i), 0, lines.get(i), i == 0 ? st.title : st.note);
        }
    }

    // ---- CSV ----------------------------------------------------------------------------------

    /**
     * The same tables as CSV files (UTF-8 with a byte-order mark, which Excel opens as Unicode): the
     * indicators in {@code <name>.csv}, each record list in {@code <name>-<sheet>.csv}.
     *
     * @param s    the template
     * @param stem the file name without ".csv"
     * @return file name → bytes
     */
    public static Map<String, byte[]> csv(Spec s, String stem) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        StringBuilder b = new StringBuilder("\uFEFF");
        String meta = "地区," + csv(s.region()) + ",年份," + s.year() + ",填报单位,"
                + csv(s.bureau().fullName() == null ? s.bureau().name().zh() : s.bureau().fullName()) + ",阶段,正式\r\n";
        b.append(meta);
        List<Layout.Column> cols = Layout.INDICATORS.columns().stream().filter(c -> !c.key().equals("result")).toList();
        b.append(String.join(",", cols.stream().map(c -> csv(c.header())).toList())).append("\r\n");
        int no = 1;
        for (PlanTarget t : s.targets()) {
            List<String> cells = new ArrayList<>();
            for (Layout.Column c : cols) {
                cells.add(switch (c.key()) {
                    case "no" -> String.valueOf(no);
                    case "name" -> csv(t.name().zh());
                    case "id" -> t.id();
                    case "unit" -> csv(s.current().containsKey(t.id()) ? t.unit()
                            : "".equals(t.printedUnit()) ? "" : acceptedUnits(t, s.units()).get(0));
                    case "attribute" -> csv(t.attributeZh());
                    case "baseline" -> csv(t.baseline() == null ? "——" : t.baseline().text());
                    case "target" -> csv(t.target() == null ? "——" : t.target().text());
                    case "previous" -> s.previous().get(t.id()) == null ? "" : Numbers.plain(s.previous().get(t.id()));
                    case "value" -> s.current().get(t.id()) == null ? "" : Numbers.plain(s.current().get(t.id()));
                    case "caliber" -> t.caliber() != null && !t.calibers().isEmpty()
                            ? csv(t.caliberName(t.caliber()).zh().replaceAll("[（(].*$", "")) : "";
                    default -> "";
                });
            }
            b.append(String.join(",", cells)).append("\r\n");
            no++;
        }
        out.put(stem + ".csv", b.toString().getBytes(StandardCharsets.UTF_8));
        for (String list : s.bureau().records()) {
            Layout.Sheet ls = Layout.SHEETS.stream().filter(x -> x.list().equals(list)).findFirst().orElse(null);
            if (ls == null) {
                continue;
            }
            StringBuilder r = new StringBuilder("\uFEFF").append(meta);
            r.append(String.join(",", ls.columns().stream()
                    .filter(c -> !c.key().equals("result") && !c.key().equals("directLossWan")).map(c -> csv(c.header())).toList()))
                    .append("\r\n");
            out.put(stem + "-" + ls.name() + ".csv", r.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** @return the column letter of a column of the indicators sheet in the template (for instructions and tests) */
    public static String columnOf(String key) {
        List<Layout.Column> cols = Layout.INDICATORS.columns().stream().filter(c -> !c.key().equals("result")).toList();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).key().equals(key)) {
                return CellReference.convertNumToColString(i);
            }
        }
        return null;
    }
}
