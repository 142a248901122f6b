package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/** Inputs found by trying to break plancheck: each must give a clear answer, never a crash or a silent pass. */
class HostileInputTest {

    @TempDir
    Path dir;

    /** Checks the files with messages in English (what the assertions compare). */
    private String[] check(Path... files) {
        return TestSupport.check(dir.resolve("out"), "en", files);
    }

    @Test
    void aFailedWriteLeavesEveryOldReportFileInPlace() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("report.html")); // a folder where a file must go
        Files.writeString(out.resolve("report.json"), "OLD");
        Files.writeString(out.resolve("report.md"), "OLD");
        String[] r = check(TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨")));
        assertEquals("2", r[0], r[2]);
        assertEquals("OLD", Files.readString(out.resolve("report.json")));
        assertEquals("OLD", Files.readString(out.resolve("report.md")));
    }

    @Test
    void absurdNumbersAreRefusedWithTheirPointer() {
        Path f = TestSupport.write(dir.resolve("s.json"),
                "{\"region\": \"垫江县\", \"year\": 2026, \"indicators\": [{\"id\": \"grain_capacity\", \"value\": 1e999999999, \"unit\": \"万吨\"}]}");
        String[] r = check(f);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("/indicators/0/value: number out of range"), r[2]);
    }

    @Test
    void aYearAfterThePlanIsRefused() {
        String[] r = check(TestSupport.submission(dir, "s.json", 2031, TestSupport.ind("grain_capacity", "42", "万吨")));
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("/year: expected a whole number from 1949 to 2030, found 2031"), r[2]);
    }

    @Test
    void columnsCountCharactersNotBytes() {
        Path f = TestSupport.write(dir.resolve("s.json"),
                "{\"region\": \"垫江县\", \"year\": \"x\"}");
        String[] r = check(f);
        assertTrue(r[2].contains("s.json:1:27: /year"), r[2]); // 垫江县 is 3 characters (9 bytes)
    }

    @Test
    void finalRecordsSupersedePreliminaryOnes() {
        Path pre = TestSupport.write(dir.resolve("p.json"), """
                {"region": "垫江县", "year": 2026, "stage": "preliminary",
                 "accidents": [{"id": "A", "date": "2026-03-01", "deaths": 1}, {"id": "B", "date": "2026-04-01", "deaths": 3}]}
                """);
        Path fin = TestSupport.write(dir.resolve("f.json"), """
                {"region": "垫江县", "year": 2026, "stage": "final",
                 "accidents": [{"id": "A", "date": "2026-03-01", "deaths": 2}]}
                """);
        List<Finding> f = TestSupport.run(pre, fin);
        assertTrue(f.stream().noneMatch(x -> x.subject().equals("B")), "B was only in the superseded preliminary file");
        assertTrue(f.stream().noneMatch(x -> x.status() == Status.VIOLATION), f.toString());
    }

    @Test
    void aBadUnitOnACityAssignedTargetIsAWarningNotPending() {
        List<Finding> f = TestSupport.run(TestSupport.submission(dir, "s.json", 2026,
                TestSupport.ind("pm25_concentration", "30", "xyz")));
        Finding v = TestSupport.assertVerdict(f, "pm25_concentration", 2026, Status.WARNING, null, null);
        assertTrue(v.message().en().contains("unknown unit \"xyz\""), v.message().en());
    }

    @Test
    void aRuleThatFailsWhileFiringIsARuleDefectNotACrash() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("extra/bad.drl"), """
                package plancheck.rules;
                import plancheck.model.*;
                rule "bad-divide"
                when
                    $y : PlanYear(judged)
                then
                    int z = 0; int q = 5 / z;
                end
                """);
        String[] r = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨")).toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("rule \"bad-divide\" failed while firing"), r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);
    }

    @Test
    void evidenceIsInFileOrder() {
        assertTrue(new Evidence("a.json", "/airDaily/4").compareTo(new Evidence("a.json", "/airDaily/369")) < 0);
        assertTrue(new Evidence("a.json", "/indicators/2").compareTo(new Evidence("a.json", "/indicators/10")) < 0);
    }

    @Test
    void explainOnADamagedReportSaysSo() throws Exception {
        Path rep = TestSupport.write(dir.resolve("report.json"), "{\"format\": \"plancheck-report/1\", \"findings\": \"x\"}");
        String[] r = InputTest.cli("explain", rep.toString(), "--indicator", "grain_capacity");
        assertEquals("2", r[0], r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);
    }

    private static String samples(String extra, String values) {
        StringBuilder b = new StringBuilder("{\"region\": \"垫江县\", \"year\": 2026, \"waterSamples\": [");
        for (int m = 1; m <= 12; m++) {
            b.append(m == 1 ? "" : ",").append("{\"section\": \"S1\", \"waterbody\": \"river\", \"control\": \"national\", ")
                    .append("\"month\": \"2026-").append(String.format("%02d", m)).append("\", \"values\": ").append(values).append("}");
        }
        return b.append(extra).append("]}").toString();
    }

    @Test
    void aSectionWithoutItsMainItemsIsNotAPass() {
        Path f = TestSupport.write(dir.resolve("w.json"), samples("", "{\"pH\": 7.5}"));
        Finding s1 = TestSupport.run(f).stream().filter(x -> x.subject().equals("S1")).findFirst().orElseThrow();
        assertEquals(Status.WARNING, s1.status(), s1.message().en());
        assertTrue(s1.message().en().contains("no data for the main item(s) DO, CODMn, NH3-N, TP"), s1.message().en());
    }

    @Test
    void twoSamplesForOneMonthAreAConflictNotAnAverage() {
        String ok = "{\"pH\": 7.5, \"DO\": 7, \"CODMn\": 3, \"NH3-N\": 0.3, \"TP\": 0.09}";
        Path f = TestSupport.write(dir.resolve("w.json"), samples(",{\"section\": \"S1\", \"waterbody\": \"river\", "
                + "\"control\": \"national\", \"month\": \"2026-06\", \"values\": {\"pH\": 7.5, \"DO\": 7, \"CODMn\": 3, "
                + "\"NH3-N\": 0.3, \"TP\": 0.5}}", ok));
        Finding s1 = TestSupport.run(f).stream().filter(x -> x.subject().equals("S1")).findFirst().orElseThrow();
        assertEquals(Status.WARNING, s1.status(), s1.message().en());
        assertTrue(s1.message().en().contains("a second sample for 2026-06"), s1.message().en());
    }

    @Test
    void implausibleValuesAreDataProblemsNotPasses() {
        List<Finding> f = TestSupport.run(TestSupport.submission(dir, "s.json", 2026,
                TestSupport.ind("urbanization_rate", "150", "%"), TestSupport.ind("safety_death_rate", "-1", "人/亿元"),
                TestSupport.ind("urban_unemployment_rate", "-3", "%")));
        for (String id : List.of("urbanization_rate", "safety_death_rate", "urban_unemployment_rate")) {
            Finding v = TestSupport.assertVerdict(f, id, 2026, Status.WARNING, null, null);
            assertTrue(v.message().en().contains("outside the plausible range"), v.message().en());
        }
        // a growth rate may be negative: judged, not refused
        TestSupport.assertVerdict(TestSupport.run(TestSupport.submission(dir, "g.json", 2026,
                TestSupport.ind("gdp_growth", "-3", "%"))), "gdp_growth", 2026, Status.WARNING, "-3", "5.5");
    }

    @Test
    void aSectionWithoutItsMainItemsIsLeftOutOfTheDerivedShare() {
        Path f = TestSupport.write(dir.resolve("w.json"), samples("", "{\"pH\": 7.5}"));
        List<Finding> all = TestSupport.run(f);
        assertTrue(all.stream().noneMatch(x -> x.indicator().equals("surface_water_class3_share")
                && x.subject().equals(TestSupport.REGION) && x.status() == Status.PASS), all.toString());
    }

    @Test
    void oneCropUnderTwoNamesIsCountedTwiceNotAdded() {
        Path f = TestSupport.write(dir.resolve("c.json"), """
                {"region": "垫江县", "year": 2026, "cropOutput": [
                  {"crop": "马铃薯", "quantity": 30, "unit": "万吨"}, {"crop": "土豆", "quantity": 20, "unit": "万吨"}]}
                """);
        Finding v = TestSupport.verdict(TestSupport.run(f), "grain_capacity", 2026);
        assertEquals(Status.WARNING, v.status(), v.message().en());
        assertTrue(v.message().zh().contains("重复报送马铃薯"), v.message().zh());
    }

    @Test
    void aConditionThatThrowsNamesTheRulesFileNotACrash() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("judging/zz-div.drl"), """
                package plancheck.rules;
                import java.math.BigDecimal; import plancheck.model.*;
                rule "divide-lhs" when $y : PlanYear(judged)
                    $o : Observation(year == $y.year, usable, value.divide(BigDecimal.ZERO) != null)
                then end
                """);
        String[] r = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨")).toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("judging/zz-div.drl"), r[2]);
    }

    @Test
    void absurdLevelsBeyondTheirRangeAreDataProblems() {
        List<Finding> f = TestSupport.run(TestSupport.submission(dir, "s.json", 2026,
                TestSupport.ind("life_expectancy", "250", "岁"), TestSupport.ind("grain_capacity", "1000000000000000", "万吨")));
        TestSupport.assertVerdict(f, "life_expectancy", 2026, Status.WARNING, null, null);
        TestSupport.assertVerdict(f, "grain_capacity", 2026, Status.WARNING, null, null);
    }

    @Test
    void aStationWithConflictingDaysGivesNoCountyRatio() {
        StringBuilder b = new StringBuilder("{\"region\": \"垫江县\", \"year\": 2026, \"airDaily\": [");
        java.time.LocalDate d = java.time.LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 365; i++, d = d.plusDays(1)) {
            b.append(i == 0 ? "" : ",").append("{\"station\": \"A1\", \"date\": \"").append(d)
                    .append("\", \"PM2.5\": 30, \"PM10\": 50, \"SO2\": 8, \"NO2\": 20, \"CO\": 0.6, \"O3_8h\": 80}");
        }
        b.append(",{\"station\": \"A1\", \"date\": \"2026-01-01\", \"PM2.5\": 900, \"PM10\": 50, \"SO2\": 8, "
                + "\"NO2\": 20, \"CO\": 0.6, \"O3_8h\": 80}]}");
        List<Finding> f = TestSupport.run(TestSupport.write(dir.resolve("air.json"), b.toString()));
        Finding v = TestSupport.assertVerdict(f, "air_good_days_ratio", 2026, Status.WARNING, null, null);
        assertTrue(v.message().zh().contains("重复报送"), v.message().zh());
    }

    @Test
    void gdpZeroWithADeathIsNamedNotCalledMissing() {
        Path f = TestSupport.write(dir.resolve("safety.json"), """
                {"region": "垫江县", "year": 2027, "indicators": [{"id": "gdp", "value": 0, "unit": "亿元"}],
                 "accidents": [{"id": "R-1", "date": "2027-01-05", "deaths": 1}]}
                """);
        Finding v = TestSupport.assertVerdict(TestSupport.run(f), "safety_death_rate", 2027, Status.NO_DATA, null, null);
        String at = plancheck.load.Paths2.display(f) + "#/indicators/0";
        assertEquals("2027年事故记录死亡1人，但报送的地区生产总值为0亿元（" + at + "），不能作除数，亦未报送死亡率，无法计算（NO_DATA）；"
                + "请核实gdp的数值与单位（亿元）", v.message().zh());
        assertEquals("the 2027 accident records count 1 death(s), but the GDP submitted is 0 亿元 (" + at + "), which no rate "
                + "can be divided by, and no rate was submitted (NO_DATA); check the value and unit (亿元) of gdp", v.message().en());
    }
}
