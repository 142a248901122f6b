package plancheck.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import plancheck.app.Spreadsheets;
import plancheck.app.Workspace;
import plancheck.load.PlanBureaus;
import plancheck.model.Bureau;
import plancheck.model.Bureaus;
import plancheck.model.Finding;

/**
 * The round trip a bureau makes: its template for 2026, filled with the figures of its example
 * submissions (facts/2026/example-*.json), checked — the same findings as checking those figures as
 * JSON, for every unit of the plan that files anything.
 */
class SheetRoundTripTest {

    static Workspace ws;
    static Bureaus bureaus;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void open() throws Exception {
        ws = Workspace.open(Path.of("rules"), null);
        bureaus = PlanBureaus.of(ws.plans().get(0));
    }

    /** The units with example submissions for 2026 (by the submitter the files name). */
    static Stream<String> bureausFiling() throws Exception {
        open();
        List<String> ids = new ArrayList<>();
        for (Path f : examples2026()) {
            for (Bureau b : bureaus.match(JSON.readTree(f.toFile()).path("submitter").asText())) {
                if (!ids.contains(b.id())) {
                    ids.add(b.id());
                }
            }
        }
        return ids.stream();
    }

    static List<Path> examples2026() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("facts/2026"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("example-")).sorted().toList();
        }
    }

    /** The bureau's part of its example files as one JSON submission: its indicators and record lists. */
    static Path jsonOf(String bureau, Path dir) throws Exception {
        ObjectNode out = null;
        ArrayNode ind = JSON.createArrayNode();
        Map<String, ArrayNode> records = new TreeMap<>();
        var rs = ws.plans().get(0);
        Bureau b = bureaus.get(bureau);
        for (Path f : examples2026()) {
            JsonNode root = JSON.readTree(f.toFile());
            if (!bureaus.match(root.path("submitter").asText()).contains(b)) {
                continue;
            }
            if (out == null) {
                out = JSON.createObjectNode();
                out.put("format", "plancheck-facts/1");
                out.set("region", root.get("region"));
                out.set("year", root.get("year"));
                out.put("submitter", b.fullName());
                out.set("stage", root.path("stage"));
            }
            for (JsonNode i : root.path("indicators")) {
                if (rs.target(i.path("id").asText()).responsible().contains(bureau)) {
                    ind.add(i);
                }
            }
            for (String list : b.records()) {
                root.path(list).forEach(r -> records.computeIfAbsent(list, k -> JSON.createArrayNode()).add(r));
            }
        }
        out.set("indicators", ind);
        records.forEach(out::set);
        Path p = dir.resolve(bureau + "-2026.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), out);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bureausFiling")
    void templateFilledAndCheckedGivesTheFindingsOfTheJson(String bureau, @TempDir Path dir) throws Exception {
        Path json = jsonOf(bureau, dir);
        Path xlsx = filled(bureau, json, dir);

        List<Finding> fromJson = ws.check(List.of(json)).report().findings();
        List<Finding> fromSheet = ws.check(List.of(xlsx)).report().findings();
        assertEquals(summary(fromJson), summary(fromSheet), "the workbook says what the JSON says");
        assertFalse(fromSheet.isEmpty());
        // every value's evidence is a cell (a record: its row) of the workbook; a rule that names a whole
        // list names it by the list's key (/airDaily), which reports show as its sheet
        for (Finding f : fromSheet) {
            f.evidence().stream().filter(e -> e.input().endsWith(".xlsx")).forEach(e ->
                    assertTrue(e.pointer().matches("(指标|生产安全事故|水质监测|空气质量日均值|能源消费|农作物产量)![A-Z]+\\d+(:[A-Z]+\\d+)?")
                            || e.pointer().matches("/(airDaily|waterSamples|accidents|energyUse|cropOutput)"), e.pointer()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bureausFiling")
    void theSameFiguresAsCsvGiveTheFindingsOfTheJson(String bureau, @TempDir Path dir) throws Exception {
        Path json = jsonOf(bureau, dir);
        Path xlsx = filled(bureau, json, dir);
        // saved from Excel as CSV, one file per sheet: GBK where every character has a GBK code, else UTF-8 with a BOM
        List<Path> csv = new ArrayList<>();
        try (var in = Files.newInputStream(xlsx); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var ind = wb.getSheet("指标");
            String particulars = line(ind.getRow(1));
            for (var sh : wb) {
                if (sh.getSheetName().equals("填报说明")) {
                    continue;
                }
                int header = sh.getSheetName().equals("指标") ? 3 : 2;
                StringBuilder b = new StringBuilder(particulars).append("\r\n");
                for (int r = header; r <= sh.getLastRowNum(); r++) {
                    b.append(line(sh.getRow(r))).append("\r\n");
                }
                java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
                Path p = dir.resolve(bureau + "-" + sh.getSheetName() + ".csv");
                if (gbk.newEncoder().canEncode(b)) {
                    Files.write(p, b.toString().getBytes(gbk));
                } else {
                    Files.writeString(p, "\uFEFF" + b, java.nio.charset.StandardCharsets.UTF_8);
                }
                csv.add(p);
            }
        }
        assertEquals(summary(ws.check(List.of(json)).report().findings()), summary(ws.check(csv).report().findings()),
                "the CSV files say what the JSON says");
    }

    /** @return the unit's 2026 template (上年数值 from facts/) filled with the figures of {@code json} */
    private static Path filled(String bureau, Path json, Path dir) throws Exception {
        Path xlsx = dir.resolve(bureau + "-2026.xlsx");
        Map<String, byte[]> files = Spreadsheets.template(Path.of("rules"), null, bureau, 2026, List.of(Path.of("facts")), xlsx);
        Files.write(xlsx, files.get(xlsx.getFileName().toString()));
        Workbooks.fillFrom(xlsx, List.of(json));
        return xlsx;
    }

    /** A row as Excel writes it to CSV: numbers in plain notation, text quoted where it must be. */
    private static String line(org.apache.poi.ss.usermodel.Row row) {
        if (row == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            var cell = row.getCell(c);
            String v = cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case STRING -> cell.getStringCellValue();
                default -> "";
            };
            out.add(v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out);
    }

    /** What must be equal: every finding's verdict and numbers (not the file names its evidence carries). */
    static List<String> summary(List<Finding> fs) {
        List<String> out = new ArrayList<>();
        for (Finding f : fs) {
            out.add(f.year() + " " + f.indicator() + " " + f.subject() + " " + f.rule() + " " + f.status() + " "
                    + plain(f.actual()) + " " + plain(f.expected()) + " " + plain(f.target()));
        }
        return out;
    }

    static String plain(java.math.BigDecimal d) {
        return d == null ? "—" : d.stripTrailingZeros().toPlainString();
    }
}
