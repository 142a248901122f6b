package plancheck.load.sheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sheets and columns of a bureau's workbook (and of a CSV file, which holds one of them): what
 * {@code plancheck template} writes and what the reader recognises. Columns are found by their
 * headers, not their position, so a bureau may reorder them, add its own or hide some; sheets are
 * found by their names, and other sheets are left alone.
 */
public final class Layout {
    private Layout() {}

    /** How a column's cells are read. */
    public enum Type { TEXT, NUMBER, INTEGER, DATE, MONTH, IGNORED }

    /**
     * One column.
     *
     * @param key      the submission key it fills ({@code id}, {@code deaths}, a water item …)
     * @param header   the header the template writes (Chinese)
     * @param en       the header in English (also accepted)
     * @param aliases  other headers accepted
     * @param type     how its cells are read
     * @param required whether a row must fill it
     * @param choices  for an enumeration: the values a bureau picks from, each "written=key" (or the key
     *                 itself), the first written form is the template's drop-down
     * @param width    the column's width in the template, in characters
     */
    public record Column(String key, String header, String en, List<String> aliases, Type type, boolean required,
                         List<String> choices, int width) {

        /** @return true when a header names this column */
        public boolean matches(String h) {
            String k = norm(h);
            if (k.isEmpty()) {
                return false;
            }
            if (k.equals(norm(header)) || k.equals(norm(en)) || k.equals(norm(key))) {
                return true;
            }
            for (String a : aliases) {
                boolean ok = a.endsWith("*") ? k.startsWith(norm(a.substring(0, a.length() - 1)))
                        : a.startsWith("*") ? k.endsWith(norm(a.substring(1))) : k.equals(norm(a));
                if (ok) {
                    return true;
                }
            }
            return false;
        }

        /** @return the key for a value written in an enumeration column, or null when none matches */
        public String choice(String written) {
            String w = norm(written);
            for (String c : choices) {
                String[] kv = c.split("=", 2);
                if (w.equals(norm(kv[0])) || kv.length == 2 && w.equals(norm(kv[1]))) {
                    return kv.length == 2 ? kv[1] : kv[0];
                }
            }
            return null;
        }

        /** @return the written forms of the choices, for the drop-down and messages */
        public List<String> written() {
            return choices.stream().map(c -> c.split("=", 2)[0]).toList();
        }
    }

    /**
     * One sheet.
     *
     * @param list    the submission list it fills ({@code indicators}, {@code accidents} …)
     * @param name    the sheet's name in the template
     * @param en      its English name (also accepted)
     * @param aliases other names accepted
     * @param columns its columns, in the template's order
     */
    public record Sheet(String list, String name, String en, List<String> aliases, List<Column> columns) {

        /** @return true when a sheet of that name is this one */
        public boolean matches(String sheetName) {
            String k = norm(sheetName);
            return k.equals(norm(name)) || k.equals(norm(en)) || k.equals(norm(list))
                    || aliases.stream().anyMatch(a -> k.equals(norm(a)));
        }

        /** @return the column for a key, or null */
        public Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }

        /** @return the column a header names, or null */
        public Column byHeader(String header) {
            for (Column c : columns) {
                if (c.matches(header)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static Column col(String key, String header, String en, Type type, boolean required, int width,
                              String... aliases) {
        return new Column(key, header, en, List.of(aliases), type, required, List.of(), width);
    }

    private static Column choice(String key, String header, String en, boolean required, List<String> choices,
                                 String... aliases) {
        return new Column(key, header, en, List.of(aliases), Type.TEXT, required, choices, 12);
    }

    /** The indicators sheet 指标: one row per indicator the bureau reports. */
    public static final Sheet INDICATORS = new Sheet("indicators", "指标", "indicators", List.of("指标数值", "指标表"), List.of(
            col("no", "序号", "no.", Type.IGNORED, false, 6),
            col("name", "指标名称", "indicator", Type.TEXT, false, 36, "指标", "名称"),
            col("id", "id", "id", Type.TEXT, false, 26, "指标id", "指标代码", "代码"),
            col("unit", "单位", "unit", Type.TEXT, false, 12, "计量单位"),
            col("attribute", "属性", "attribute", Type.IGNORED, false, 10),
            col("baseline", "2025年基期值", "2025 baseline", Type.IGNORED, false, 14, "基期值", "*年基期值"),
            col("target", "2030年目标", "2030 target", Type.IGNORED, false, 14, "目标值", "*年目标"),
            col("previous", "上年数值", "previous year", Type.IGNORED, false, 12, "上年值", "上年"),
            col("value", "本年数值", "value", Type.NUMBER, false, 12, "本年值", "数值", "填报值"),
            col("caliber", "口径", "caliber", Type.TEXT, false, 14, "统计口径"),
            col("note", "备注", "note", Type.TEXT, false, 30, "说明"),
            col("result", "核查结果", "check result", Type.IGNORED, false, 40)));

    /** The accidents sheet 生产安全事故 (contract §2 accidents[]). */
    public static final Sheet ACCIDENTS = new Sheet("accidents", "生产安全事故", "accidents", List.of("事故", "事故记录"), List.of(
            col("id", "事故编号", "id", Type.TEXT, true, 14, "编号"),
            col("date", "发生日期", "date", Type.DATE, true, 12, "日期", "事故日期"),
            col("sector", "行业领域", "sector", Type.TEXT, false, 14, "行业", "领域"),
            col("deaths", "死亡人数（含失踪）", "deaths", Type.INTEGER, true, 12, "死亡人数", "死亡（含失踪）"),
            col("seriousInjuries", "重伤人数（含急性工业中毒）", "serious injuries", Type.INTEGER, false, 14, "重伤人数", "重伤"),
            col("directLossYuan", "直接经济损失（元）", "direct loss (yuan)", Type.NUMBER, false, 16, "直接经济损失(元)", "directLossYuan"),
            col("directLossWan", "直接经济损失（万元）", "direct loss (10,000 yuan)", Type.NUMBER, false, 16),
            col("note", "备注", "note", Type.TEXT, false, 24, "说明"),
            col("result", "核查结果", "check result", Type.IGNORED, false, 40)));

    /** Water items of GB 3838-2002 Table 1: key, Chinese name (the template's header is "name（key）"). */
    public static final List<String[]> WATER_ITEMS = List.of(
            new String[] {"pH", "pH值"}, new String[] {"DO", "溶解氧"}, new String[] {"CODMn", "高锰酸盐指数"},
            new String[] {"COD", "化学需氧量"}, new String[] {"BOD5", "五日生化需氧量"}, new String[] {"NH3-N", "氨氮"},
            new String[] {"TP", "总磷"}, new String[] {"TN", "总氮"}, new String[] {"Cu", "铜"}, new String[] {"Zn", "锌"},
            new String[] {"F", "氟化物"}, new String[] {"Se", "硒"}, new String[] {"As", "砷"}, new String[] {"Hg", "汞"},
            new String[] {"Cd", "镉"}, new String[] {"Cr6", "六价铬"}, new String[] {"Pb", "铅"}, new String[] {"CN", "氰化物"},
            new String[] {"Phenol", "挥发酚"}, new String[] {"Oil", "石油类"}, new String[] {"LAS", "阴离子表面活性剂"},
            new String[] {"S2", "硫化物"}, new String[] {"FecalColiform", "粪大肠菌群"});

    /** The water sheet 水质监测 (contract §2 waterSamples[]): one row per section and month. */
    public static final Sheet WATER = new Sheet("waterSamples", "水质监测", "water samples", List.of("地表水水质监测", "水质"),
            water());

    private static List<Column> water() {
        List<Column> cols = new ArrayList<>(List.of(
                col("section", "断面", "section", Type.TEXT, true, 16, "断面名称", "监测断面"),
                col("river", "河流", "river", Type.TEXT, false, 10, "所在河流", "河流名称"),
                choice("waterbody", "水体类型", "waterbody", true, List.of("河流=river", "湖库=lake", "湖泊=lake", "水库=lake")),
                choice("control", "控制级别", "control", false, List.of("国控=national", "市控=city", "县控=county"), "断面级别"),
                col("month", "监测月份", "month", Type.MONTH, true, 10, "月份", "监测时间")));
        for (String[] it : WATER_ITEMS) {
            cols.add(col("item:" + it[0], it[1] + "（" + it[0] + "）", it[0], Type.NUMBER, false, 12, it[1], it[1] + "*"));
        }
        cols.add(col("note", "备注", "note", Type.TEXT, false, 20, "说明"));
        cols.add(col("result", "核查结果", "check result", Type.IGNORED, false, 40));
        return List.copyOf(cols);
    }

    /** Pollutants of the air sheet: key, header. */
    public static final List<String[]> AIR_ITEMS = List.of(
            new String[] {"PM2.5", "PM2.5（μg/m³）"}, new String[] {"PM10", "PM10（μg/m³）"},
            new String[] {"SO2", "SO2（μg/m³）"}, new String[] {"NO2", "NO2（μg/m³）"},
            new String[] {"CO", "CO（mg/m³）"}, new String[] {"O3_8h", "O3日最大8小时平均（μg/m³）"});

    /** The air sheet 空气质量日均值 (contract §2 airDaily[]): one row per station and day. */
    public static final Sheet AIR = new Sheet("airDaily", "空气质量日均值", "air daily", List.of("空气质量", "空气质量日报"), air());

    private static List<Column> air() {
        List<Column> cols = new ArrayList<>(List.of(
                col("station", "站点", "station", Type.TEXT, true, 14, "监测站点", "站点名称"),
                col("date", "日期", "date", Type.DATE, true, 12, "监测日期")));
        for (String[] it : AIR_ITEMS) {
            String k = it[0].equals("O3_8h") ? "O3" : it[0];
            cols.add(col("item:" + it[0], it[1], it[0], Type.NUMBER, false, 12, k + "*"));
        }
        cols.add(col("note", "备注", "note", Type.TEXT, false, 20, "说明"));
        cols.add(col("result", "核查结果", "check result", Type.IGNORED, false, 40));
        return List.copyOf(cols);
    }

    /** The energy sheet 能源消费 (contract §2 energyUse[]). */
    public static final Sheet ENERGY = new Sheet("energyUse", "能源消费", "energy use", List.of("能源消费量"), List.of(
            col("carrier", "能源品种", "carrier", Type.TEXT, true, 14, "品种", "能源"),
            col("quantity", "消费量", "quantity", Type.NUMBER, true, 16, "实物量", "数量"),
            col("unit", "计量单位", "unit", Type.TEXT, true, 10, "单位"),
            col("note", "备注", "note", Type.TEXT, false, 20, "说明"),
            col("result", "核查结果", "check result", Type.IGNORED, false, 40)));

    /** The crops sheet 农作物产量 (docs/submissions.md cropOutput[]). */
    public static final Sheet CROPS = new Sheet("cropOutput", "农作物产量", "crop output", List.of("作物产量", "粮食产量"), List.of(
            col("crop", "作物", "crop", Type.TEXT, true, 12, "作物名称", "品种"),
            col("quantity", "产量", "quantity", Type.NUMBER, true, 14, "数量"),
            col("unit", "计量单位", "unit", Type.TEXT, true, 10, "单位"),
            choice("basis", "折算口径", "basis", false, List.of("折粮=grain", "鲜重=fresh", "鲜薯=fresh"), "口径"),
            col("note", "备注", "note", Type.TEXT, false, 20, "说明"),
            col("result", "核查结果", "check result", Type.IGNORED, false, 40)));

    /** Every sheet, indicators first. */
    public static final List<Sheet> SHEETS = List.of(INDICATORS, ACCIDENTS, WATER, AIR, ENERGY, CROPS);

    /** The sheet of instructions the template adds (never read). */
    public static final String INSTRUCTIONS = "填报说明";

    /** Labels of the filing's particulars written above a table: key, Chinese label, English, aliases. */
    public static final List<String[]> META = List.of(
            new String[] {"region", "地区", "region", "行政区划"},
            new String[] {"year", "年份", "year", "年度", "填报年份"},
            new String[] {"submitter", "填报单位", "submitter", "报送单位"},
            new String[] {"stage", "阶段", "stage", "数据阶段"});

    /** Values of 阶段: written=key. */
    public static final List<String> STAGES = List.of("正式=final", "初步=preliminary", "final=final",
            "preliminary=preliminary", "快报=preliminary");

    /** @return the sheet a workbook's sheet name is, or null */
    public static Sheet sheetNamed(String name) {
        for (Sheet s : SHEETS) {
            if (s.matches(name)) {
                return s;
            }
        }
        return null;
    }

    /** @return the particulars' key a label names (region, year, submitter, stage), or null */
    public static String metaKey(String label) {
        String k = norm(label).replaceAll("[:：]$", "");
        for (String[] m : META) {
            for (int i = 1; i < m.length; i++) {
                if (k.equals(norm(m[i]))) {
                    return m[0];
                }
            }
        }
        return null;
    }

    /** @return the text compared: NFKC, no spaces, lower case, ( ) for （ ） */
    public static String norm(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
