package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;

/**
 * The report on the shipped facts: byte-identical across runs, equal to the reviewed golden copy in
 * src/test/resources/golden, and complete (one region finding per table indicator and year).
 * After a deliberate change of rules or facts, regenerate the golden files with
 * {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=true} and review the diff.
 */
class GoldenReportTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void shippedFactsGiveTheGoldenReport() throws Exception {
        plancheck.app.Checked a = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        plancheck.app.Checked b = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        byte[] json = JsonReport.render(a.report());
        byte[] md = MarkdownReport.render(a.report(), a.audience(null), "zh");
        assertArrayEquals(json, JsonReport.render(b.report()), "two runs give the same bytes");
        assertArrayEquals(md, MarkdownReport.render(b.report(), b.audience(null), "zh"));
        if (Boolean.getBoolean("golden.update")) {
            Files.write(GOLDEN.resolve("report.json"), json);
            Files.write(GOLDEN.resolve("report.md"), md);
        }
        assertEquals(Files.readString(GOLDEN.resolve("report.json")), new String(json, StandardCharsets.UTF_8),
                "report.json differs from the golden copy; if the change is intended, regenerate (see class doc)");
        assertEquals(Files.readString(GOLDEN.resolve("report.md")), new String(md, StandardCharsets.UTF_8));
    }

    @Test
    void shippedFactsCoverEveryTableIndicatorInEveryYear() throws Exception {
        plancheck.app.Checked c = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        List<Integer> years = List.of(2020, 2025, 2026, 2027, 2028);
        Map<String, Integer> perKey = new TreeMap<>();
        for (Finding f : c.report().findings()) {
            if (f.subject().equals(c.report().region())) {
                perKey.merge(f.indicator() + "@" + f.year(), 1, Integer::sum);
            }
        }
        c.rules().targets().stream().filter(t -> t.inTable()).forEach(t -> years.forEach(y ->
                assertEquals(1, perKey.getOrDefault(t.id() + "@" + y, 0), t.id() + " " + y)));
        assertEquals(26, c.rules().targets().stream().filter(t -> t.inTable()).count());
        // the examples contain every status
        for (Status s : Status.values()) {
            assertTrue(c.report().findings().stream().anyMatch(f -> f.status() == s && f.year() >= 2026
                    || s == Status.BASELINE && f.status() == s), "no " + s + " in the examples");
        }
        assertTrue(c.report().hasViolation());
    }

    @Test
    void baselineYear2025AsThePlanPrintsIt() throws Exception {
        plancheck.app.Checked c = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        List<Finding> f = c.report().findings();
        for (Finding x : f) {
            if (x.year() == 2025 && x.subject().equals("垫江县") && c.rules().target(x.indicator()).inTable()) {
                Status want = x.indicator().equals("rd_intensity") || x.indicator().equals("co2_intensity_reduction")
                        ? Status.NO_DATA : Status.BASELINE;
                assertEquals(want, x.status(), x.indicator());
            }
        }
        Finding edu = plancheck.TestSupport.verdict(f, "education_years", 2025);
        assertTrue(edu.message().zh().contains("新口径") && edu.message().zh().contains("不可比"), edu.message().zh());
        assertTrue(edu.message().en().contains("not comparable with 14.2"), edu.message().en());
        Finding urb = plancheck.TestSupport.verdict(f, "urbanization_rate", 2025);
        assertEquals(0, new java.math.BigDecimal("7").compareTo((java.math.BigDecimal) urb.details().get("gapToTarget")));
    }
}
