package plancheck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.safety.AccidentGradingRulesTest.REGION;
import static plancheck.safety.AccidentGradingRulesTest.one;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.cli.Main;
import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * `check facts` on the shipped examples: the safety bureau's 2026 and 2027 submissions show one
 * finding per accident with its grade and deciding measure, and the run exits 1 because of the 较大
 * accident of 2026.
 */
class ShippedSafetyExamplesTest {

    @TempDir
    Path dir;

    private static List<Finding> facts() throws Exception {
        return Pipeline.check(Path.of("rules"), List.of(Path.of("facts"))).report().findings();
    }

    @Test
    void checkFactsExitsOneAndReportsEveryAccident() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            rc = Main.execute("check", "--out", dir.toString(), "facts");
        } finally {
            System.setOut(out);
        }
        assertEquals(1, rc, o.toString(StandardCharsets.UTF_8));
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2026-011 | 较大及以上生产安全事故 | **违规** |"), "the 较大 accident is listed as a violation");
        assertTrue(md.contains("由重伤（包括急性工业中毒）决定"), "with its deciding measure");
        for (String id : List.of("2026-003", "2026-007", "2026-011", "2026-015", "2026-019",
                "2027-002", "2027-006", "2027-010", "2027-013", "2027-017")) {
            assertTrue(md.contains("| " + id + " |"), id + " has its own row");
        }
    }

    @Test
    void theExamplesShowTheSafetyRules() throws Exception {
        List<Finding> fs = facts();
        // 2026: one 较大 accident by serious injuries alone (1 death, 12 injured, 460万元).
        Finding major = one(fs, "major_accidents", 2026, "2026-011");
        assertEquals(Status.VIOLATION, major.status());
        assertEquals("较大", major.details().get("grade"));
        assertEquals(List.of("seriousInjuries"), major.details().get("decidingMeasures"));
        assertEquals(Status.VIOLATION, one(fs, "major_accidents", 2026, REGION).status());
        // 2027: one just under 较大 by loss (980万元, 20万元 short).
        Finding under = one(fs, "major_accidents", 2027, "2027-002");
        assertEquals(Status.PASS, under.status());
        assertEquals("一般", under.details().get("grade"));
        assertEquals("directLossYuan", under.details().get("closestMeasure"));
        assertTrue(under.message().zh().contains("差20万元"), under.message().zh());
        assertEquals(Status.PASS, one(fs, "major_accidents", 2027, REGION).status());
        // 2026: the reported rate 0.011 is judged (PASS) and cross-checks with 7 deaths ÷ 612.5亿元.
        Finding rate2026 = one(fs, "safety_death_rate", 2026, REGION);
        assertEquals(Status.PASS, rate2026.status());
        assertEquals(0, new BigDecimal("0.011").compareTo(rate2026.actual()));
        assertEquals(Status.PASS, one(fs, "safety_death_rate", 2026, REGION + "·核算").status());
        // 2027: no rate reported; 8 deaths ÷ 651亿元 = 0.0123, past the warning threshold 0.012.
        Finding rate2027 = one(fs, "safety_death_rate", 2027, REGION);
        assertEquals(Status.WARNING, rate2027.status(), rate2027.message().zh());
        assertEquals(new BigDecimal("0.0123"), rate2027.actual().setScale(4, RoundingMode.HALF_UP));
        assertEquals("derived", rate2027.details().get("origin"));
    }
}
