package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.TestSupport.assertVerdict;
import static plancheck.TestSupport.ind;
import static plancheck.TestSupport.run;
import static plancheck.TestSupport.submission;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import plancheck.TestSupport;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;
import plancheck.model.UnitTable;

/** Unit conversion (rules/units.yaml) and the merging of several submissions for one year. */
class UnitsAndMergingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} = {2} {3}")
    @CsvSource({
        "415000,   吨,   41.5,      万吨",
        "41.5,     万吨, 415000,    吨",
        "56000000000, 元, 560,      亿元",
        "5600000,  万元, 560,       亿元",
        "96000,    元/人, 9.6,      万元/人",
        "2.5,      ‰,    0.25,      %",
        "0.25,     %,    2.5,       ‰"})
    void knownConversions(String value, String from, String expected, String to) throws Exception {
        UnitTable units = plancheck.load.RulesLoader.load(Path.of("rules")).units();
        assertEquals(0, new BigDecimal(expected).compareTo(units.convert(new BigDecimal(value), from, to).orElseThrow()));
    }

    @Test
    void convertedValueIsJudgedAndSaysSo() {
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("grain_capacity", "409900", "吨")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.VIOLATION, "40.99", "41");
        assertTrue(v.message().zh().contains("报送409900吨，换算为40.99万吨"), v.message().zh());
    }

    @Test
    void unknownUnitIsAWarningNeverAPass() {
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("grain_capacity", "42", "万斤")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.WARNING, null, null);
        assertEquals("data-problem", v.rule());
        assertTrue(v.message().en().contains("unknown unit \"万斤\""), v.message().en());
        assertEquals(List.of(new Evidence(plancheck.load.Paths2.display(dir.resolve("s.json")), "/indicators/0")), v.evidence());
    }

    @Test
    void aUnitOfThousandsOfCharactersIsQuotedInPart() {
        String unit = "(".repeat(3000) + "万吨" + ")".repeat(3000);
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("grain_capacity", "42", unit)));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.WARNING, null, null);
        assertTrue(v.message().zh().length() < 300, "bounded: " + v.message().zh().length() + " characters");
        assertTrue(v.message().zh().contains("单位“" + "(".repeat(plancheck.model.Bounded.MAX - 10)), v.message().zh());
        assertTrue(v.message().en().contains("6002"), "the quoted part says how long the unit is: " + v.message().en());
    }

    @Test
    void unconvertibleUnitIsAWarning() {
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("grain_capacity", "42", "亿元")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.WARNING, null, null);
        assertTrue(v.message().en().contains("cannot be converted to 万吨"), v.message().en());
    }

    @Test
    void twoFilesWithTheSameValueMerge() {
        List<Finding> f = run(
                submission(dir, "stats.json", 2026, ind("grain_capacity", "41.6", "万吨")),
                submission(dir, "agri.json", 2026, ind("grain_capacity", "416000", "吨")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.PASS, "41.6", "41");
        assertEquals(2, v.evidence().size());
    }

    @Test
    void conflictingValuesNameBothFiles() {
        List<Finding> f = run(
                submission(dir, "stats.json", 2026, ind("grain_capacity", "41.6", "万吨")),
                submission(dir, "agri.json", 2026, ind("grain_capacity", "40.2", "万吨")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.WARNING, null, null);
        assertTrue(v.message().en().contains("agri.json#/indicators/0 = 40.2 万吨"), v.message().en());
        assertTrue(v.message().en().contains("stats.json#/indicators/0 = 41.6 万吨"), v.message().en());
        assertEquals(2, v.evidence().size());
    }

    @Test
    void finalSupersedesPreliminary() {
        List<Finding> f = run(
                TestSupport.submissionWith(dir, "pre.json", 2026, "preliminary", ind("grain_capacity", "40.5", "万吨")),
                submission(dir, "final.json", 2026, ind("grain_capacity", "41.7", "万吨")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.PASS, "41.7", "41");
        assertTrue(v.message().en().contains("superseded by the final value"), v.message().en());
        assertEquals(1, v.evidence().size());
    }

    @Test
    void preliminaryAloneIsJudgedAndMarked() {
        List<Finding> f = run(TestSupport.submissionWith(dir, "pre.json", 2026, "preliminary",
                ind("grain_capacity", "40.5", "万吨")));
        Finding v = assertVerdict(f, "grain_capacity", 2026, Status.VIOLATION, "40.5", "41");
        assertEquals("preliminary", v.details().get("stage"));
    }

    @Test
    void explicitNullIsNoDataWithTheReason() {
        List<Finding> f = run(submission(dir, "s.json", 2026,
                "{\"id\": \"rd_intensity\", \"value\": null, \"unit\": \"%\", \"note\": \"统计年鉴尚未发布\"}"));
        Finding v = assertVerdict(f, "rd_intensity", 2026, Status.NO_DATA, null, null);
        assertTrue(v.message().zh().contains("统计年鉴尚未发布"), v.message().zh());
    }
}
