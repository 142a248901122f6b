package plancheck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.app.Pipeline;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The accident rules (rules/safety/accidents.drl) end to end through the real rules folder: each
 * accident graded by 国务院令第493号 第三条 at the boundaries, the per-accident findings (subject = the
 * accident id, indicator major_accidents), the year's count judged by the catalogue, and the data
 * problems (duplicate id, date outside the year, negative counts).
 */
class AccidentGradingRulesTest {

    static final String REGION = "垫江县";

    @TempDir
    Path dir;

    /** One accident record as JSON. */
    static String acc(String id, String date, int deaths, int injuries, long lossYuan) {
        return "{\"id\": \"" + id + "\", \"date\": \"" + date + "\", \"sector\": \"测试\", \"deaths\": " + deaths
                + ", \"seriousInjuries\": " + injuries + ", \"directLossYuan\": " + lossYuan + "}";
    }

    /** A submission for the year with indicators and accidents (JSON array bodies). */
    static String submission(int year, String indicators, String accidents) {
        return "{\"format\": \"plancheck-facts/1\", \"region\": \"" + REGION + "\", \"year\": " + year
                + ", \"submitter\": \"测试应急管理局\", \"stage\": \"final\",\n \"indicators\": [" + indicators
                + "],\n \"accidents\": [\n" + accidents + "\n]}\n";
    }

    Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    static List<Finding> check(Path... files) throws Exception {
        return Pipeline.check(Path.of("rules"), List.of(files)).report().findings();
    }

    static Finding one(List<Finding> fs, String indicator, int year, String subject) {
        List<Finding> m = fs.stream().filter(f -> f.indicator().equals(indicator) && f.year() == year
                && f.subject().equals(subject)).toList();
        if (m.size() != 1) {
            fail("expected one finding for " + indicator + " " + year + " " + subject + ", found " + m);
        }
        return m.get(0);
    }

    private static void assertGrade(List<Finding> fs, String id, Status status, String grade, String deciding) {
        Finding f = one(fs, "major_accidents", 2026, id);
        assertEquals(status, f.status(), () -> id + ": " + f.message().zh());
        assertEquals(grade, f.details().get("grade"), () -> id + ": " + f.details());
        if (deciding != null) {
            assertEquals(List.of(deciding), f.details().get("decidingMeasures"), () -> id + ": " + f.details());
        }
        assertTrue(f.message().zh().contains(grade + "事故"), f.message().zh());
        assertTrue(f.binding());
    }

    @Test
    void gradesAtTheBoundariesOfDecree493() throws Exception {
        Path s = write("safety-2026.json", submission(2026, "", String.join(",\n",
                acc("D2", "2026-01-10", 2, 0, 0),
                acc("D3", "2026-01-11", 3, 0, 0),
                acc("D9", "2026-01-12", 9, 0, 0),
                acc("D10", "2026-01-13", 10, 0, 0),
                acc("D30", "2026-01-14", 30, 0, 0),
                acc("I9", "2026-02-01", 0, 9, 0),
                acc("I10", "2026-02-02", 0, 10, 0),
                acc("L9999999", "2026-03-01", 0, 0, 9_999_999L),
                acc("L10000000", "2026-03-02", 0, 0, 10_000_000L),
                acc("MIX", "2026-04-01", 3, 50, 100_000_000L))));
        List<Finding> fs = check(s);
        assertGrade(fs, "D2", Status.PASS, "一般", null);
        assertGrade(fs, "D3", Status.VIOLATION, "较大", "deaths");
        assertGrade(fs, "D9", Status.VIOLATION, "较大", "deaths");
        assertGrade(fs, "D10", Status.VIOLATION, "重大", "deaths");
        assertGrade(fs, "D30", Status.VIOLATION, "特别重大", "deaths");
        assertGrade(fs, "I9", Status.PASS, "一般", null);
        assertGrade(fs, "I10", Status.VIOLATION, "较大", "seriousInjuries");
        assertGrade(fs, "L9999999", Status.PASS, "一般", null);
        assertGrade(fs, "L10000000", Status.VIOLATION, "较大", "directLossYuan");
        // The highest grade that any one measure reaches: 较大 by deaths, 重大 by injuries, 特别重大 by loss.
        assertGrade(fs, "MIX", Status.VIOLATION, "特别重大", "directLossYuan");

        Finding deciding = one(fs, "major_accidents", 2026, "I10");
        assertTrue(deciding.message().zh().contains("由重伤（包括急性工业中毒）决定"), deciding.message().zh());
        assertTrue(deciding.message().en().contains("decided by serious injuries"), deciding.message().en());
        assertTrue(deciding.source().contains("第三条第一款第（三）项"), deciding.source());
        assertTrue(deciding.source().contains("第四十五章第三节"), deciding.source());
        assertEquals(1, deciding.evidence().size());
        Evidence e = deciding.evidence().get(0);
        assertEquals("/accidents/6", e.pointer());
        assertTrue(e.input().endsWith("safety-2026.json"), e.input());

        // Just under by loss: 一般, and the message says which measure came closest and by how much.
        Finding under = one(fs, "major_accidents", 2026, "L9999999");
        assertEquals("directLossYuan", under.details().get("closestMeasure"));
        assertEquals(0, BigDecimal.ONE.compareTo((BigDecimal) under.details().get("gapToLarger")));

        // The year's count: 7 accidents of grade 较大 or above, judged as a binding limit ≤ 0.
        Finding count = one(fs, "major_accidents", 2026, REGION);
        assertEquals(Status.VIOLATION, count.status(), count.message().zh());
        assertEquals(0, new BigDecimal("7").compareTo(count.actual()));
        assertEquals(0, BigDecimal.ZERO.compareTo(count.expected()));
        assertEquals("derived", count.details().get("origin"));
        assertTrue(count.message().zh().contains("D10（重大）"), count.message().zh());
    }

    @Test
    void onlyGeneralAccidentsPassTheYear() throws Exception {
        Path s = write("safety-2027.json", submission(2027, "", String.join(",\n",
                acc("2027-001", "2027-02-01", 2, 9, 9_999_999L),
                acc("2027-002", "2027-03-01", 1, 0, 50_000L))));
        List<Finding> fs = check(s);
        assertEquals(Status.PASS, one(fs, "major_accidents", 2027, "2027-001").status());
        Finding count = one(fs, "major_accidents", 2027, REGION);
        assertEquals(Status.PASS, count.status(), count.message().zh());
        assertEquals(0, BigDecimal.ZERO.compareTo(count.actual()));
        assertTrue(count.message().zh().contains("共2起事故，较大及以上0起"), count.message().zh());
    }

    @Test
    void duplicateIdIsADataProblemNamingBothRecords() throws Exception {
        Path s = write("dup.json", submission(2026, "", String.join(",\n",
                acc("2026-001", "2026-02-01", 1, 0, 100_000L),
                acc("2026-001", "2026-02-01", 1, 0, 100_000L),
                acc("2026-002", "2026-03-01", 2, 0, 100_000L),
                acc("2026-002", "2026-03-01", 3, 0, 100_000L))));
        List<Finding> fs = check(s);
        Finding same = one(fs, "major_accidents", 2026, "2026-001");
        assertEquals(Status.WARNING, same.status(), same.message().zh());
        assertEquals(2, same.evidence().size());
        assertTrue(same.message().zh().contains("dup.json#/accidents/0") && same.message().zh().contains("dup.json#/accidents/1"),
                same.message().zh());
        assertTrue(same.message().zh().contains("按一起事故计"), same.message().zh());
        // Records that differ: the highest grade is used, so a 较大 accident is never hidden by the data problem.
        Finding differ = one(fs, "major_accidents", 2026, "2026-002");
        assertEquals(Status.VIOLATION, differ.status(), differ.message().zh());
        assertEquals("较大", differ.details().get("grade"));
        assertTrue(differ.message().zh().contains("事故编号重复"), differ.message().zh());
        // Counted once each: 1 of grade 较大 or above.
        assertEquals(0, BigDecimal.ONE.compareTo(one(fs, "major_accidents", 2026, REGION).actual()));
    }

    @Test
    void dateOutsideTheYearIsADataProblem() throws Exception {
        Path s = write("date.json", submission(2026, "", acc("2026-009", "2025-12-30", 1, 1, 10_000L)));
        List<Finding> fs = check(s);
        Finding f = one(fs, "major_accidents", 2026, "2026-009");
        assertEquals(Status.WARNING, f.status());
        assertEquals("一般", f.details().get("grade"));
        assertTrue(f.message().zh().contains("date.json#/accidents/0的事故日期2025-12-30不在报送年份2026年内"), f.message().zh());
        assertTrue(f.message().en().contains("outside the submission's year"), f.message().en());
    }

    @Test
    void negativeCountsAreNotGraded() throws Exception {
        Path s = write("neg.json", submission(2026, "{\"id\": \"gdp\", \"value\": 560, \"unit\": \"亿元\"}",
                String.join(",\n", acc("2026-004", "2026-05-01", -1, 2, 100L), acc("2026-005", "2026-06-01", 1, 0, 100L))));
        List<Finding> fs = check(s);
        Finding f = one(fs, "major_accidents", 2026, "2026-004");
        assertEquals(Status.WARNING, f.status());
        assertFalse(f.details().containsKey("grade"), "a negative count must not produce a grade: " + f.details());
        assertTrue(f.message().zh().contains("neg.json#/accidents/0的数值为负"), f.message().zh());
        // With no 较大 accident among the graded ones, the year's count cannot be confirmed.
        Finding count = one(fs, "major_accidents", 2026, REGION);
        assertEquals(Status.WARNING, count.status(), count.message().zh());
        assertTrue(count.message().zh().contains("2026-004"), count.message().zh());
        // Negative deaths: the death rate cannot be derived; a WARNING naming the record, not a pass.
        Finding rate = one(fs, "safety_death_rate", 2026, REGION);
        assertEquals(Status.WARNING, rate.status(), rate.message().zh());
        assertTrue(rate.evidence().stream().anyMatch(e -> e.pointer().equals("/accidents/0")), rate.evidence().toString());
    }

    @Test
    void submittedCountIsJudgedAndCrossChecked() throws Exception {
        Path s = write("count.json", submission(2026, "{\"id\": \"major_accidents\", \"value\": 0, \"unit\": \"起\"}",
                acc("2026-011", "2026-06-27", 1, 12, 4_600_000L)));
        List<Finding> fs = check(s);
        Finding judged = one(fs, "major_accidents", 2026, REGION);
        assertEquals(Status.PASS, judged.status(), "the submitted count is what is judged");
        Finding cross = one(fs, "major_accidents", 2026, REGION + "·核算");
        assertEquals(Status.WARNING, cross.status(), cross.message().zh());
        assertTrue(cross.message().zh().contains("事故记录计数为1起"), cross.message().zh());
        assertEquals(Status.VIOLATION, one(fs, "major_accidents", 2026, "2026-011").status());
    }

    @Test
    void baselineYearAccidentsAreRecordedNotJudged() throws Exception {
        Path s = write("base.json", submission(2025, "", acc("2025-003", "2025-08-01", 4, 0, 0)));
        List<Finding> fs = check(s);
        Finding f = one(fs, "major_accidents", 2025, "2025-003");
        assertEquals(Status.BASELINE, f.status());
        assertEquals("较大", f.details().get("grade"));
        assertNotNull(one(fs, "major_accidents", 2025, REGION));
        assertEquals(Status.BASELINE, one(fs, "major_accidents", 2025, REGION).status());
    }
}
