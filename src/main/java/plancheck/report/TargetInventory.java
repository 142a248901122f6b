package plancheck.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.PlanTarget;
import plancheck.model.Text;

/**
 * The inventory of the plan's quantitative targets (docs/targets.md), built from the rules folder
 * only, so that it cannot drift from what is encoded:
 * <ul>
 *   <li>every catalogue target of {@code catalogue/*.yaml} (encoded; {@code judge: record} entries are
 *       review values, listed apart and not counted);</li>
 *   <li>{@code inventory/*.yaml}: {@code notEncoded} (quantitative targets not encoded, with the reason;
 *       counted), {@code repeats} (text that restates a 专栏1 indicator) and {@code notTargets}
 *       (statements considered and not counted).</li>
 * </ul>
 * Rows are grouped by area and ordered as the plan is (chapter, then section, then id); the output is a
 * pure function of the folder's content: no clock, no absolute paths.
 *
 * <p>Errors: a catalogue that does not load (see {@link RulesLoader}) or an inventory entry that lacks
 * a key or reuses a catalogue id is an {@link InputException} listing every problem.
 */
public final class TargetInventory {
    private TargetInventory() {}

    /**
     * One line of the inventory.
     *
     * @param id        catalogue id (encoded) or reference id (not encoded)
     * @param table     专栏1 item number, or null
     * @param area      area (economy, innovation, urban, livelihood, society, grain, environment, safety)
     * @param name      names, zh and en
     * @param value     the value as the plan prints it, with the 2025 value when the plan gives one
     * @param unit      unit
     * @param year      when it is due or how often it is checked, e.g. "2030", "每年 2026–2030"
     * @param attribute 约束性 binding, 预期性 expected, or 未明确 not stated, as the plan states it
     * @param kind      the judge kind (catalogue) or the kind it would need (not encoded)
     * @param clause    the plan clause(s)
     * @param file      the catalogue file (relative to the rules folder) when encoded, else null
     * @param reason    why it is not encoded, or null when encoded
     */
    public record Row(String id, Integer table, String area, Text name, String value, String unit, String year,
                      String attribute, String kind, String clause, String file, Text reason) {
        /** @return true when a catalogue target encodes it. */
        public boolean encoded() { return file != null; }
    }

    /** A statement of the text that restates a 专栏1 indicator. */
    public record Repeat(String id, String clause, String text, Text remark) {}

    /** A statement considered and not counted as a quantitative target. */
    public record NotTarget(String clause, String text, Text reason) {}

    /**
     * The whole inventory.
     *
     * @param rows       every quantitative target, encoded or not, in document order
     * @param repeats    text restating 专栏1 indicators
     * @param notTargets statements not counted
     * @param records    review values recorded without a target (judge: record)
     */
    public record Inventory(List<Row> rows, List<Repeat> repeats, List<NotTarget> notTargets, List<PlanTarget> records) {
        /** @return the number of rows that are encoded. */
        public long encodedCount() { return rows.stream().filter(Row::encoded).count(); }
    }

    /** Areas in the order the document lists them, with their headings. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();
    static {
        AREAS.put("table", "专栏1 主要目标 / Table 1: the main targets");
        AREAS.put("economy", "经济、产业、消费、开放 / Economy, industry, consumption, opening up");
        AREAS.put("innovation", "科技创新 / Innovation");
        AREAS.put("urban", "城镇化与城市建设 / Urbanization and the city");
        AREAS.put("grain", "农业农村 / Agriculture and rural areas");
        AREAS.put("society", "乡村建设与社会治理 / Rural development and social governance");
        AREAS.put("livelihood", "民生：就业、社保、教育、文化、体育、卫生、养老 / Livelihood");
        AREAS.put("environment", "生态环境 / Environment");
        AREAS.put("safety", "安全 / Safety");
    }

    /** How each judge kind reads in the inventory. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put("path", "路径 path");
        KINDS.put("limit", "每年限值 every-year limit");
        KINDS.put("average_growth", "年均增速 average growth");
        KINDS.put("growth_from_levels", "由水平值算年均增速 average growth from levels");
        KINDS.put("cumulative", "累计 cumulative");
        KINDS.put("new_items", "新增个数 count of new items since 2025");
        KINDS.put("hold", "保持水平 keep at level");
        KINDS.put("trend", "逐年方向 year-on-year direction");
        KINDS.put("level_growth", "比上年增长 growth on last year");
        KINDS.put("relational", "与相关指标比 relational");
        KINDS.put("city_assigned", "市级下达 city-assigned");
        KINDS.put("caliber", "口径变化下的路径 path in the target's caliber");
    }

    /** The boxes (专栏) and the chapter each stands in, for ordering rows as the plan is. */
    private static final int[] BOX_CHAPTER = {0, 3, 4, 7, 8, 9, 13, 14, 16, 16, 20, 28, 34, 35, 39, 42, 43, 45};

    /**
     * Reads the inventory from a rules folder.
     *
     * @param rulesDir the rules folder (e.g. {@code rules})
     * @return the inventory
     * @throws InputException when the catalogue or the inventory files are malformed (every problem)
     * @throws IOException    when a file cannot be read
     */
    public static Inventory read(Path rulesDir) throws InputException, IOException {
        return read(rulesDir, plancheck.load.PlanFolders.planFor(rulesDir, null));
    }

    /**
     * Reads the inventory of a plan.
     *
     * @param rulesDir the rules folder (e.g. {@code rules})
     * @param planDir  the plan folder (e.g. {@code plans/dianjiang-15th}): catalogue/ and inventory/
     * @return the inventory
     * @throws InputException when the catalogue or the inventory files are malformed (every problem)
     * @throws IOException    when a file cannot be read
     */
    public static Inventory read(Path rulesDir, Path planDir) throws InputException, IOException {
        RuleSet rules = RulesLoader.load(rulesDir, planDir);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, JsonNode> raw = rawCatalogue(planDir.resolve("catalogue"));
        List<Row> rows = new ArrayList<>();
        List<PlanTarget> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PlanTarget t : rules.targets()) {
            ids.add(t.id());
            if ("record".equals(t.judge())) {
                records.add(t);
                continue;
            }
            JsonNode n = raw.getOrDefault(t.id(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            String file = "catalogue/" + Path.of(t.file()).getFileName();
            rows.add(new Row(t.id(), t.table(), t.inTable() ? "table" : t.area(), t.name(), valueText(t), t.unit(),
                    yearText(n.path("year").isMissingNode() || n.path("year").isNull() ? null : n.path("year").asText(),
                            t.judge()),
                    attributeText(t, n.path("attribute").isMissingNode() ? null : n.path("attribute").asText(null)),
                    t.judge(), t.source(), file, null));
        }
        List<Repeat> repeats = new ArrayList<>();
        List<NotTarget> notTargets = new ArrayList<>();
        Path invDir = planDir.resolve("inventory");
        if (Files.isDirectory(invDir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(invDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path f : files) {
                readInventory(f, ids, rows, repeats, notTargets, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        rows.sort(ROW_ORDER);
        repeats.sort(Comparator.comparing((Repeat r) -> order(r.clause()), TargetInventory::compareKeys).thenComparing(Repeat::id));
        return new Inventory(List.copyOf(rows), List.copyOf(repeats), List.copyOf(notTargets), List.copyOf(records));
    }

    private static Map<String, JsonNode> rawCatalogue(Path dir) throws IOException {
        Map<String, JsonNode> raw = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return raw;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode root = RulesLoader.yaml().readTree(f.toFile());
            if (root == null) {
                continue;
            }
            for (JsonNode n : root.path("targets")) {
                raw.put(n.path("id").asText(), n);
            }
        }
        return raw;
    }

    private static void readInventory(Path f, Set<String> ids, List<Row> rows, List<Repeat> repeats,
                                      List<NotTarget> notTargets, List<InputProblem> problems) throws IOException {
        String disp = Paths2.display(f);
        JsonNode root;
        try {
            root = RulesLoader.yaml().readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(new InputProblem(disp, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0, "",
                    Msg.text("targets.not-yaml", "detail", Bounded.cut(String.valueOf(e.getOriginalMessage()), 200))));
            return;
        }
        if (root == null) {
            return;
        }
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!Set.of("notEncoded", "repeats", "notTargets").contains(k)) {
                problems.add(new InputProblem(disp, 0, 0, "/" + k, Msg.text("targets.unknown-key", "key", quote(k))));
            }
        }
        JsonNode list = root.path("notEncoded");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String ptr = "/notEncoded/" + i;
            int before = problems.size();
            for (String k : List.of("id", "area", "value", "unit", "year", "attribute", "kind", "clause")) {
                if (n.path(k).isMissingNode() || n.path(k).isNull() || n.path(k).asText().isBlank()) {
                    problems.add(new InputProblem(disp, 0, 0, ptr + "/" + k, Msg.text("targets.missing", "key", quote(k))));
                }
            }
            Text name = pair(n.path("name"));
            Text reason = pair(n.path("reason"));
            if (name == null) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/name", Msg.text("targets.name-pair")));
            }
            if (reason == null) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/reason", Msg.text("targets.reason-pair")));
            }
            String id = n.path("id").asText();
            if (ids.contains(id)) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/id", Msg.text("targets.encoded-and-not", "id", quote(id))));
            }
            ids.add(id);
            if (problems.size() > before) {
                continue;
            }
            String attr = n.path("attribute").asText();
            rows.add(new Row(id, null, n.path("area").asText(), name, n.path("value").asText(), n.path("unit").asText(),
                    n.path("year").asText(), attributeText(null, attr), n.path("kind").asText(),
                    n.path("clause").asText(), null, reason));
        }
        JsonNode rep = root.path("repeats");
        for (int i = 0; i < rep.size(); i++) {
            JsonNode n = rep.get(i);
            String id = n.path("id").asText("");
            if (!ids.contains(id)) {
                problems.add(new InputProblem(disp, 0, 0, "/repeats/" + i + "/id", Msg.text("targets.repeat-unknown", "id", quote(id))));
                continue;
            }
            repeats.add(new Repeat(id, n.path("clause").asText(), n.path("text").asText(), pair(n.path("remark"))));
        }
        JsonNode nt = root.path("notTargets");
        for (int i = 0; i < nt.size(); i++) {
            JsonNode n = nt.get(i);
            Text r = pair(n.path("reason"));
            if (r == null || n.path("text").asText("").isBlank()) {
                problems.add(new InputProblem(disp, 0, 0, "/notTargets/" + i, Msg.text("targets.not-target")));
                continue;
            }
            notTargets.add(new NotTarget(n.path("clause").asText(), n.path("text").asText(), r));
        }
    }

    /** @return a value of the file in single quotes, cut ({@link Bounded}) */
    private static String quote(String v) {
        return "'" + Bounded.cut(v) + "'";
    }

    private static Text pair(JsonNode n) {
        String zh = n.path("zh").asText("");
        String en = n.path("en").asText("");
        return zh.isBlank() || en.isBlank() ? null : new Text(zh, en);
    }

    private static String valueText(PlanTarget t) {
        String v = t.target() == null ? "——" : t.target().text();
        if (t.baseline() != null && !t.baseline().missing()) {
            v += "（2025年：" + t.baseline().text() + "）";
        }
        return v;
    }

    /** When the target is due or how often it is checked. */
    static String yearText(String explicit, String judge) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return switch (judge) {
            case "path", "caliber" -> "2030（逐年路径）";
            case "limit", "hold", "relational", "city_assigned" -> "每年 2026–2030";
            case "trend", "level_growth" -> "每年（比上年）";
            case "average_growth", "growth_from_levels" -> "2026–2030 年均";
            case "cumulative", "new_items" -> "2026–2030 累计";
            default -> "2030";
        };
    }

    /** The attribute as the plan states it: 专栏1 has a column; elsewhere the plan states none. */
    static String attributeText(PlanTarget t, String raw) {
        if (t != null && t.inTable()) {
            return t.binding() ? "约束性 binding" : "预期性 expected";
        }
        String judged = t != null && t.binding() ? "（按约束性评判 judged as binding）" : "";
        if (raw == null || raw.isBlank() || raw.equals("not_stated")) {
            return "未明确 not stated" + judged;
        }
        return switch (raw) {
            case "binding" -> "约束性 binding";
            case "expected" -> "预期性 expected";
            default -> "未明确 not stated（" + raw + "）" + judged;
        };
    }

    private static final Pattern CHAPTER = Pattern.compile("第([一二三四五六七八九十]+)章");
    private static final Pattern BOX = Pattern.compile("专栏(\\d+)");
    private static final Pattern SECTION = Pattern.compile("第([一二三四五六七八九十]+)节");
    private static final Pattern ITEM = Pattern.compile("第(\\d+)项");

    /** Sort key of a clause: chapter, box (or 0), section, item — from the first clause named. */
    static int[] order(String clause) {
        Matcher c = CHAPTER.matcher(clause);
        Matcher b = BOX.matcher(clause);
        int cPos = c.find() ? c.start() : Integer.MAX_VALUE;
        int bPos = b.find() ? b.start() : Integer.MAX_VALUE;
        if (cPos == Integer.MAX_VALUE && bPos == Integer.MAX_VALUE) {
            return new int[] {999, 0, 0, 0};
        }
        if (bPos < cPos) {
            int box = Integer.parseInt(b.group(1));
            int chapter = box < BOX_CHAPTER.length ? BOX_CHAPTER[box] : 999;
            Matcher it = ITEM.matcher(clause.substring(b.end()));
            int item = it.lookingAt() || it.find() ? Integer.parseInt(it.group(1)) : 0;
            return new int[] {chapter, 100 + box, 0, item};
        }
        int chapter = numeral(c.group(1));
        Matcher s = SECTION.matcher(clause.substring(c.end()));
        int section = s.lookingAt() ? numeral(s.group(1)) : 0;
        return new int[] {chapter, 0, section, 0};
    }

    /** @return the value of a Chinese numeral up to 99 (一 … 九十九). */
    static int numeral(String s) {
        String digits = "一二三四五六七八九";
        int i = s.indexOf('十');
        if (i < 0) {
            return digits.indexOf(s.charAt(0)) + 1;
        }
        int tens = i == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int units = i == s.length() - 1 ? 0 : digits.indexOf(s.charAt(i + 1)) + 1;
        return tens * 10 + units;
    }

    private static int areaRank(String area) {
        int i = 0;
        for (String a : AREAS.keySet()) {
            if (a.equals(area)) {
                return i;
            }
            i++;
        }
        return AREAS.size();
    }

    private static final Comparator<Row> ROW_ORDER = Comparator
            .comparingInt((Row r) -> areaRank(r.area()))
            .thenComparing(Row::area)
            .thenComparingInt(r -> r.table() == null ? 0 : r.table())
            .thenComparing((Row r) -> order(r.clause()), TargetInventory::compareKeys)
            .thenComparing(Row::id);

    private static int compareKeys(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Renders the inventory as Markdown (docs/targets.md).
     *
     * @param inv the inventory
     * @return the document, '\n' line ends, ending with a newline
     */
    public static String markdown(Inventory inv) {
        StringBuilder b = new StringBuilder();
        List<Row> rows = inv.rows();
        long enc = inv.encodedCount();
        long table = rows.stream().filter(r -> r.table() != null).count();
        b.append("# 规划目标清单 / Inventory of the plan's quantitative targets\n\n");
        b.append("<!-- Generated by `plancheck targets` from plans/dianjiang-15th/catalogue/*.yaml and plans/dianjiang-15th/inventory/*.yaml. "
                + "Do not edit: change the rules folder and run "
                + "`java -jar target/plancheck.jar targets --out docs/targets.md`. "
                + "CI: `java -jar target/plancheck.jar targets --check docs/targets.md`. -->\n\n");
        b.append("垫江县“十五五”规划纲要（2026—2030）的每一个量化目标：专栏1的26项，以及各章、各专栏正文中的目标。"
                + "每行写明规划所列数值、单位、年份、属性（规划只在专栏1写明约束性/预期性）、评判方式、条款，"
                + "以及是否已编码为可评判的目标（未编码的写明原因）。\n\n");
        b.append("Every quantitative target of the Dianjiang County 15th Five-Year Plan: the 26 items of Table 1 (专栏1) "
                + "and those in the chapters and boxes. Each row gives the value, unit, year, attribute as the plan states it "
                + "(the plan states 约束性/预期性 only in 专栏1), how progress is judged, the clause, and whether it is "
                + "encoded as a judged target (and if not, why). The judging kinds are described in docs/catalogue.md.\n\n");
        b.append("## 汇总 / Summary\n\n");
        b.append("| | 数量 count |\n|---|---|\n");
        b.append("| 量化目标 quantitative targets listed | ").append(rows.size()).append(" |\n");
        b.append("| 已编码 encoded | ").append(enc).append("（").append(percent(enc, rows.size())).append("） |\n");
        b.append("| 其中专栏1 of which 专栏1 | ").append(table).append(" |\n");
        b.append("| 其中正文及其他专栏 of which chapters and other boxes | ").append(enc - table).append(" |\n");
        b.append("| 未编码（附原因） not encoded (reason given) | ").append(rows.size() - enc).append(" |\n");
        b.append("| 正文重述专栏1（不重复计数） restatements of 专栏1 (not counted again) | ").append(inv.repeats().size()).append(" |\n");
        b.append("| 已审阅、不计为量化目标的表述 statements reviewed, not counted | ").append(inv.notTargets().size()).append(" |\n");
        b.append("| 回顾指标（仅记录） review values recorded, no target | ").append(inv.records().size()).append(" |\n\n");
        Map<String, long[]> byKind = new TreeMap<>();
        for (Row r : rows) {
            long[] c = byKind.computeIfAbsent(r.kind(), k -> new long[2]);
            c[r.encoded() ? 0 : 1]++;
        }
        b.append("| 评判方式 judged | 已编码 encoded | 未编码 not encoded |\n|---|---|---|\n");
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            b.append("| `").append(e.getKey()).append("` ").append(KINDS.getOrDefault(e.getKey(), "")).append(" | ")
                    .append(e.getValue()[0]).append(" | ").append(e.getValue()[1]).append(" |\n");
        }
        b.append('\n');
        int no = 0;
        String area = null;
        for (Row r : rows) {
            if (!r.area().equals(area)) {
                area = r.area();
                String title = AREAS.getOrDefault(area, area);
                long n = rows.stream().filter(x -> x.area().equals(r.area())).count();
                long e = rows.stream().filter(x -> x.area().equals(r.area()) && x.encoded()).count();
                b.append("## ").append(title).append("（").append(n).append("，已编码 ").append(e).append("）\n\n");
                b.append("| # | id | 指标 target | 目标值 value | 单位 unit | 年份 year | 属性 attribute | 评判 judged | 条款 clause | 编码 encoded |\n");
                b.append("|---|---|---|---|---|---|---|---|---|---|\n");
            }
            no++;
            b.append("| ").append(no).append(r.table() != null ? "（专栏1第" + r.table() + "项）" : "")
                    .append(" | `").append(r.id()).append("` | ")
                    .append(cell(r.name().zh())).append("<br>").append(cell(r.name().en())).append(" | ")
                    .append(cell(r.value())).append(" | ").append(cell(r.unit())).append(" | ")
                    .append(cell(r.year())).append(" | ").append(cell(r.attribute())).append(" | `")
                    .append(r.kind()).append("` | ").append(cell(r.clause())).append(" | ")
                    .append(r.encoded() ? "✔ `" + r.file() + "`"
                            : "✘ 未编码 not encoded: " + cell(r.reason().zh()) + "<br>" + cell(r.reason().en()))
                    .append(" |\n");
        }
        b.append('\n');
        b.append("## 正文重述专栏1的表述 / Text restating a 专栏1 indicator\n\n");
        b.append("不重复计数；以专栏1所列数值为准，差异见备注。 Not counted again; the table's value governs, differences noted.\n\n");
        b.append("| 专栏1 id | 条款 clause | 正文 text | 备注 remark |\n|---|---|---|---|\n");
        for (Repeat r : inv.repeats()) {
            b.append("| `").append(r.id()).append("` | ").append(cell(r.clause())).append(" | ").append(cell(r.text()))
                    .append(" | ").append(r.remark() == null ? "" : cell(r.remark().zh()) + "<br>" + cell(r.remark().en()))
                    .append(" |\n");
        }
        b.append('\n');
        b.append("## 已审阅、不计为量化目标的表述 / Statements reviewed and not counted as quantitative targets\n\n");
        b.append("称号、点名项目及其规模、结构描述、规划期以外的远景：没有可逐年报送、可评判的数值。 "
                + "Designations, named projects and their sizes, structures, descriptions and goals beyond 2030: "
                + "nothing a bureau reports yearly that could be judged.\n\n");
        b.append("| 条款 clause | 表述 statement | 原因 reason |\n|---|---|---|\n");
        for (NotTarget t : inv.notTargets()) {
            b.append("| ").append(cell(t.clause())).append(" | ").append(cell(t.text())).append(" | ")
                    .append(cell(t.reason().zh())).append("<br>").append(cell(t.reason().en())).append(" |\n");
        }
        b.append('\n');
        b.append("## 回顾指标（仅记录，不是目标） / Review values recorded, no target\n\n");
        b.append("第一章“十四五”回顾所列数值，录入为2025年基期并在≤2025年记录（`judge: record`），规划期内不评判。 "
                + "Values of the 2021–2025 review (chapter 1), recorded as baselines up to 2025 and not judged afterwards.\n\n");
        b.append("| id | 指标 indicator | 2025 | 单位 unit | 条款 clause |\n|---|---|---|---|---|\n");
        for (PlanTarget t : inv.records()) {
            b.append("| `").append(t.id()).append("` | ").append(cell(t.name().zh())).append("<br>").append(cell(t.name().en()))
                    .append(" | ").append(cell(t.baseline() == null ? "——" : t.baseline().text())).append(" | ")
                    .append(cell(t.unit())).append(" | ").append(cell(t.source())).append(" |\n");
        }
        return b.toString();
    }

    /** @return n / total as a percentage with one decimal, e.g. "91.7 %". */
    static String percent(long n, long total) {
        if (total == 0) {
            return "—";
        }
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
