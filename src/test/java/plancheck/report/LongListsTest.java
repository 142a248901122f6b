package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Checked;
import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * A network of sections: every finding names the samples it rests on, a derived share lists them once
 * (its details and explanation refer to them by list), and report.md and report.html list the most
 * serious sections and count the rest.
 */
class LongListsTest {

    @TempDir
    Path dir;

    /** 30 sections × 12 months: sections 1–5 at class IV (NH3-N 1.2), the others class II. */
    private Path network() {
        return network(30);
    }

    /** n sections × 12 months: sections 1–5 at class IV (NH3-N 1.2), the others class II. */
    private Path network(int n) {
        StringBuilder b = new StringBuilder("{\"region\": \"垫江县\", \"year\": 2026, \"waterSamples\": [");
        for (int s = 1; s <= n; s++) {
            for (int m = 1; m <= 12; m++) {
                b.append(s == 1 && m == 1 ? "" : ",").append("{\"section\": \"S").append(String.format(n > 99 ? "%03d" : "%02d", s))
                        .append("\", \"river\": \"河").append(s).append("\", \"waterbody\": \"river\", \"month\": \"2026-")
                        .append(String.format("%02d", m)).append("\", \"values\": {\"pH\": 7.5, \"DO\": 7, \"CODMn\": 3, \"NH3-N\": ")
                        .append(s <= 5 ? "1.2" : "0.3").append(", \"TP\": 0.09}}");
            }
        }
        return TestSupport.write(dir.resolve("w.json"), b.append("]}").toString());
    }

    @Test
    void theShareNamesEverySampleOnceAndRefersToThemElsewhere() throws Exception {
        Checked c = Pipeline.check(Path.of("rules"), List.of(network()));
        Finding share = c.report().findings().stream()
                .filter(f -> f.indicator().equals("surface_water_class3_share") && f.subject().equals("垫江县"))
                .findFirst().orElseThrow();
        assertEquals(0, new java.math.BigDecimal("83.33").compareTo(share.actual()), "25 of 30 sections at I–III");
        assertEquals(360, share.evidence().stream().filter(e -> e.pointer().startsWith("/waterSamples/")).count());
        Map<String, Object> json = JsonReport.finding(share, 2025, 2030);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> obs = (List<Map<String, Object>>) ((Map<String, Object>) json.get("details")).get("observations");
        assertEquals(List.of(Map.of("input", share.evidence().get(0).input(), "pointer", "/waterSamples",
                "records", 360)), obs.get(0).get("evidence"));
        String text = new String(JsonReport.render(c.report()), StandardCharsets.UTF_8);
        String one = "\"pointer\" : \"/waterSamples/137\"";
        // once in the share's evidence, once in its section's evidence and once in the section's explanation
        assertEquals(3, text.split(java.util.regex.Pattern.quote(one), -1).length - 1);
        assertTrue(share.message().zh().contains("共30个断面"), share.message().zh());
    }

    @Test
    void theWorkbookListsTheWorstSectionsAndCountsTheRestWhileTheCsvHasEveryOne() throws Exception {
        int n = FindingsSheet.RECORDS_SHOWN + 20;
        Checked c = Pipeline.check(Path.of("rules"), List.of(network(n)));
        byte[] xlsx = FindingsSheet.xlsx(c.report(), c.audience(null), "zh");
        org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            List<String> sections = new java.util.ArrayList<>();
            List<String> more = new java.util.ArrayList<>();
            int regionRows = 0;
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("全部结论")) {
                String subject = fmt.formatCellValue(row.getCell(6));
                String text = fmt.formatCellValue(row.getCell(12));
                if (subject.matches("S\\d+")) {
                    sections.add(subject);
                } else if (subject.isEmpty() && text.startsWith("……")) {
                    more.add(text);
                } else if (subject.equals("垫江县")) {
                    regionRows++;
                }
            }
            assertEquals(FindingsSheet.RECORDS_SHOWN, sections.size(), "the most serious sections only");
            for (int s = 1; s <= 5; s++) {
                assertTrue(sections.contains("S00" + s), "the class IV section S00" + s + " is listed");
            }
            assertEquals(1, more.size(), more.toString());
            assertTrue(more.get(0).contains("共" + n + "条，本表列出最需关注的" + FindingsSheet.RECORDS_SHOWN + "条，另有20条未列出（达标20），"
                    + "全部见findings.csv与report.json"), more.get(0));
            long region = c.report().findings().stream().filter(f -> f.subject().equals("垫江县")).count();
            assertEquals(region, regionRows, "every finding on the region's targets");
            // every finding that needs action: the five class IV sections among them
            List<String> act = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("需处理事项")) {
                act.add(fmt.formatCellValue(row.getCell(6)));
            }
            assertEquals(c.report().findings().stream().filter(f -> Triage.of(f) != Triage.Action.NONE).count(), act.size() - 1);
            assertEquals(5, act.stream().filter(x -> x.matches("S\\d+")).count());
        }
        String csv = new String(FindingsSheet.csv(c.report(), c.audience(null), "zh"), StandardCharsets.UTF_8);
        assertEquals(c.report().findings().size() + 1, csv.lines().count(), "a header and every finding");
        assertEquals(n, csv.lines().filter(l -> l.contains(",S") && l.matches(".*,S\\d{3},.*")).count());
    }

    @Test
    void reportsListTheWorstSectionsAndCountTheRest() throws Exception {
        Checked c = Pipeline.check(Path.of("rules"), List.of(network()));
        String md = new String(MarkdownReport.render(c.report(), c.rules().targets(), "zh"), StandardCharsets.UTF_8);
        String html = new String(HtmlReport.render(c.report(), c.rules().targets(), "en"), StandardCharsets.UTF_8);
        for (int s = 1; s <= 5; s++) {
            assertTrue(md.contains("| S0" + s + " |"), "the class IV section S0" + s + " is listed");
            assertTrue(html.contains("<td>S0" + s + "</td>"), "the class IV section S0" + s + " is listed");
        }
        long rows = md.lines().filter(l -> l.matches("\\| S\\d\\d \\|.*")).count();
        assertEquals(LongLists.SHOWN, rows);
        assertTrue(md.contains("共30条，另有10条未在此列出（达标10），全部见report.json"), md);
        assertTrue(html.contains("10 more of 30 not listed here (PASS 10)"), html);
        assertFalse(md.contains("| S30 |") && md.contains("| S29 |") && md.contains("| S28 |"));
        assertEquals(5, c.report().findings().stream().filter(f -> f.status() == Status.VIOLATION && f.subject().startsWith("S")).count());
    }
}
