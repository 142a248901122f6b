package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.Paths2;
import plancheck.report.ReportFile;

/**
 * The audit record on the shipped examples (copied, so that editing an input touches no shipped file):
 * for a VIOLATION and a PASS, report.json holds the explanation down to the input pointers and
 * {@code plancheck explain} prints it; {@code plancheck verify} says identical on a fresh report, and
 * after one input value is edited names that input and the findings that changed.
 */
class AuditTest {

    @TempDir
    Path tmp;
    Path rules;
    Path facts;
    Path out;

    @BeforeEach
    void check() {
        rules = tmp.resolve("rules");
        facts = tmp.resolve("facts");
        out = tmp.resolve("out");
        Cli.copy(Path.of("rules"), rules, "scenarios");
        Cli.copy(Path.of("plans"), tmp.resolve("plans"));
        Cli.copy(Path.of("facts"), facts);
        Cli.Run r = Cli.run("check", "--rules", rules.toString(), "--out", out.toString(), facts.toString());
        assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
        assertTrue(Files.exists(out.resolve("report.html")), "check writes report.html too");
    }

    /** The first finding on the region with the status, judged on a submitted value (evidence in facts). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pick(ReportFile r, String status) {
        return r.findings().stream()
                .filter(f -> status.equals(f.get("status")) && r.region().equals(f.get("subject")) && f.get("actual") != null)
                .filter(f -> ((List<Map<String, Object>>) f.get("evidence")).stream()
                        .anyMatch(e -> String.valueOf(e.get("input")).contains("facts/")
                                && String.valueOf(e.get("pointer")).startsWith("/indicators/")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " finding in the shipped examples"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void violationAndPassAreExplainedDownToTheInputs() throws Exception {
        ReportFile r = ReportFile.read(out.resolve("report.json"));
        for (String status : List.of("VIOLATION", "PASS")) {
            Map<String, Object> f = pick(r, status);
            // machine form: the explanation, the rule's metadata, the steps with their input pointers
            Map<String, Object> meta = (Map<String, Object>) f.get("ruleMeta");
            assertEquals(f.get("rule"), meta.get("name"));
            assertNotNull(meta.get("source"), "the rule's @source");
            Map<String, Object> ex = (Map<String, Object>) f.get("explanation");
            Map<String, Object> v = (Map<String, Object>) ex.get("verdict");
            assertEquals(status, v.get("status"));
            Map<String, Object> test = (Map<String, Object>) v.get("test");
            assertNotNull(test, "actual, comparator, expected, margin");
            assertEquals(0, new BigDecimal(String.valueOf(test.get("actual"))).compareTo(new BigDecimal(String.valueOf(f.get("actual")))));
            assertEquals(f.get("comparator"), test.get("comparator"));
            assertNotNull(test.get("margin"));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) ex.get("steps");
            List<String> pointers = steps.stream().flatMap(s -> ((List<Map<String, Object>>) s.getOrDefault("from", List.of())).stream())
                    .map(e -> e.get("input") + "#" + e.get("pointer")).toList();
            for (Map<String, Object> e : (List<Map<String, Object>>) f.get("evidence")) {
                assertTrue(pointers.contains(e.get("input") + "#" + e.get("pointer")), () -> "evidence " + e + " not in the chain " + pointers);
            }
            assertTrue(steps.stream().anyMatch(s -> "target".equals(s.get("name"))), steps::toString);
            // for a person
            Cli.Run run = Cli.run("explain", out.resolve("report.json").toString(), "--indicator", (String) f.get("indicator"),
                    "--year", String.valueOf(f.get("year")), "--subject", r.region());
            assertEquals(0, run.exit(), run::toString);
            String text = run.out();
            assertTrue(text.contains(status), text);
            assertTrue(text.contains("规则：\"" + f.get("rule") + "\""), text);
            assertTrue(text.contains(String.valueOf(meta.get("source"))), text);
            assertTrue(text.contains(String.valueOf(f.get("source"))), "the plan clause\n" + text);
            for (Map<String, Object> e : (List<Map<String, Object>>) f.get("evidence")) {
                if (String.valueOf(e.get("input")).contains("facts/")) {
                    String line = text.lines().filter(l -> l.contains(e.get("input") + "#" + e.get("pointer"))).findFirst().orElse("");
                    assertTrue(line.contains("✓ sha256与报告一致") && line.contains("{\""), "pointer followed to the file\n" + text);
                }
            }
            assertTrue(text.contains("比较: "), text);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void verifyIsIdenticalOnAFreshReportAndNamesAnEditedInput() throws Exception {
        Path report = out.resolve("report.json");
        Cli.Run same = Cli.run("verify", report.toString());
        assertEquals(0, same.exit(), same::toString);
        assertTrue(same.out().contains(": IDENTICAL（一致）：以") && same.out().contains("所得报告与原报告逐字节相同"),
                "in Chinese by default, the verdict's word kept for scripts: " + same);
        Cli.Run sameEn = Cli.run("verify", "--lang", "en", report.toString());
        assertEquals(0, sameEn.exit(), sameEn::toString);
        assertTrue(sameEn.out().contains(": IDENTICAL — re-running"), sameEn::toString);

        // Edit the value behind the VIOLATION.
        ReportFile r = ReportFile.read(report);
        Map<String, Object> f = pick(r, "VIOLATION");
        Map<String, Object> ev = ((List<Map<String, Object>>) f.get("evidence")).stream()
                .filter(e -> String.valueOf(e.get("input")).contains("facts/")
                        && String.valueOf(e.get("pointer")).startsWith("/indicators/")).findFirst().orElseThrow();
        Path input = Path.of(String.valueOf(ev.get("input")));
        ObjectMapper om = new ObjectMapper();
        JsonNode doc = om.readTree(Files.readString(input, StandardCharsets.UTF_8));
        ObjectNode entry = (ObjectNode) doc.at(String.valueOf(ev.get("pointer")));
        assertTrue(entry.has("value"), entry::toString);
        BigDecimal old = entry.get("value").decimalValue();
        entry.put("value", old.add(new BigDecimal("1000")));
        Files.writeString(input, om.writerWithDefaultPrettyPrinter().writeValueAsString(doc), StandardCharsets.UTF_8);

        Cli.Run diffZh = Cli.run("verify", report.toString());
        assertEquals(1, diffZh.exit(), diffZh::toString);
        assertTrue(diffZh.out().contains("DIFFERENT（不一致）") && diffZh.out().contains("输入已变：" + Paths2.display(input)),
                diffZh::toString);
        Cli.Run diff = Cli.run("verify", "--lang", "en", report.toString());
        assertEquals(1, diff.exit(), diff::toString);
        String text = diff.out();
        assertTrue(text.contains("DIFFERENT"), text);
        assertTrue(text.contains("input changed: " + Paths2.display(input)), text);
        String key = f.get("year") + " " + f.get("indicator") + " (" + f.get("subject") + ")";
        assertTrue(text.lines().anyMatch(l -> l.contains(key) && l.contains("actual " + new BigDecimal(String.valueOf(f.get("actual"))).stripTrailingZeros().toPlainString())
                && l.contains("changed input: " + ev.get("input") + "#" + ev.get("pointer"))), text);
        assertFalse(text.contains("rule file changed"), text);
    }

    @Test
    void verifyNamesAChangedRuleFile() throws Exception {
        Path report = out.resolve("report.json");
        Path units = rules.resolve("units.yaml");
        Files.writeString(units, Files.readString(units, StandardCharsets.UTF_8) + "\n# edited\n", StandardCharsets.UTF_8);
        Cli.Run diff = Cli.run("verify", "--lang", "en", report.toString());
        assertEquals(1, diff.exit(), diff::toString);
        assertTrue(diff.out().contains("rule file changed: " + Paths2.display(units)), diff::toString);
        Cli.Run zh = Cli.run("verify", report.toString());
        assertTrue(zh.out().contains("规则文件已变：" + Paths2.display(units)), zh::toString);
    }
}
