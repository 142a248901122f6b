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

import plancheck.analyst.Examples;
import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The report on the shipped facts: byte-identical across runs, equal to the reviewed golden copy in
 * src/test/resources/golden, and complete (one region finding per table indicator and year).
 * The comparison is {@link Examples#compare}, the code {@code plancheck rules test} runs; after a
 * deliberate change of rules or facts, {@code plancheck rules golden} writes the golden files again
 * (review the diff).
 */
class GoldenReportTest {

    private static final Path GOLDEN = Path.of(Examples.GOLDEN);

    @Test
    void shippedFactsGiveTheGoldenReport() throws Exception {
        plancheck.app.Checked a = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        plancheck.app.Checked b = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        Map<String, byte[]> ga = Examples.golden(a);
        Map<String, byte[]> gb = Examples.golden(b);
        assertArrayEquals(ga.get("report.json"), gb.get("report.json"), "two runs give the same bytes");
        assertArrayEquals(ga.get("report.md"), gb.get("report.md"));
        assertEquals(List.of(), Examples.compare(ga, GOLDEN),
                "the report on the examples differs from the golden copy; if the change is intended: plancheck rules golden");
    }

    @Test
    void aChangedReportIsNamedWithItsFirstDifferentLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        plancheck.app.Checked a = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        Map<String, byte[]> g = Examples.golden(a);
        Examples.write(g, tmp);
        String md = Files.readString(tmp.resolve("report.md"), StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("report.md"), md.replaceFirst("\n", "\nEDITED\n"), StandardCharsets.UTF_8);
        List<plancheck.model.Text> d = Examples.compare(g, tmp);
        assertEquals(1, d.size(), d::toString);
        assertTrue(d.get(0).en().contains("report.md differs from the report on the examples at line 2: reviewed ⟨EDITED⟩"),
                d.get(0)::toString);
        assertTrue(d.get(0).zh().contains("report.md 与示例报送生成的报告不一致，第2行：复核版为⟨EDITED⟩"), d.get(0)::toString);
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
