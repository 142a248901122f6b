package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The surface-water rules (rules/environment/water.drl) end to end: each section's annual class by
 * GB 3838-2002 表1 and the single-factor method at the boundaries (subject = the section, indicator
 * surface_water_class3_share), the derived share, the cross-check of a submitted share, the named
 * sections of 第三十五章第一节, and the data problems.
 */
class WaterRulesTest extends AbstractEnvironmentTest {

    static final String SHARE = "surface_water_class3_share";
    static final String KEY = "key_river_sections_class3_share";

    /** One river section of 12 months with the item at the value every month. */
    List<Finding> oneSection(String item, String value, String waterbody) throws Exception {
        return check(submission("w.json", 2026, "",
                section("S1", "测试河", waterbody, "city", 2026, 12, m -> base(item, value)), "", ""));
    }

    @Test
    void nh3nAnnualMeanAtTheClassIIILimitIsClassIII() throws Exception {
        Finding f = one(oneSection("NH3-N", "1.0", "river"), SHARE, 2026, "S1");
        assertStatus(Status.PASS, f);
        assertEquals("III", f.details().get("waterClass"));
        assertEquals(List.of("NH3-N"), f.details().get("deciding"));
        assertNumber("1", f.actual());
        assertNumber("1", f.expected());
        assertEquals("<=", f.comparator());
    }

    @Test
    void nh3nAnnualMean101IsClassIVAndAViolation() throws Exception {
        Finding f = one(oneSection("NH3-N", "1.01", "river"), SHARE, 2026, "S1");
        assertStatus(Status.VIOLATION, f);
        assertTrue(f.binding());
        assertEquals("IV", f.details().get("waterClass"));
        assertNumber("1.01", f.actual());
        assertTrue(f.message().zh().contains("Ⅳ类"), f.message().zh());
        assertTrue(f.evidence().contains(new Evidence("rules/standards/gb3838-2002.yaml", "NH3-N")), f.evidence().toString());
    }

    @Test
    void aSectionCanFailOnItsAnnualMeanOnlyNotInMostMonths() throws Exception {
        // 8 months at 0.8 (class III), 4 months at 1.5 (class IV): mean 1.0333 → IV
        Path s = submission("w.json", 2026, "", section("卧龙河市控断面", "卧龙河", "river", "city", 2026, 12,
                m -> base("NH3-N", m <= 4 ? "1.5" : "0.8")), "", "");
        Finding f = one(check(s), SHARE, 2026, "卧龙河市控断面");
        assertStatus(Status.VIOLATION, f);
        assertEquals("IV", f.details().get("waterClass"));
        assertTrue(f.message().zh().contains("1.033 mg/L"), f.message().zh());
        assertTrue(f.message().zh().contains("12次监测中4次劣于Ⅲ类"), f.message().zh());
        assertEquals(12, f.evidence().stream().filter(e -> e.pointer().startsWith("/waterSamples/")).count());
    }

    @Test
    void dissolvedOxygenIsALowerBound() throws Exception {
        Finding ok = one(oneSection("DO", "5.0", "river"), SHARE, 2026, "S1");
        assertStatus(Status.PASS, ok);
        assertEquals("III", ok.details().get("waterClass"));
        assertEquals(">=", ok.comparator());
        Finding bad = one(oneSection("DO", "4.99", "river"), SHARE, 2026, "S1");
        assertStatus(Status.VIOLATION, bad);
        assertEquals("IV", bad.details().get("waterClass"));
    }

    @Test
    void totalPhosphorus02IsClassIIIInARiverAndClassVInALake() throws Exception {
        Finding river = one(oneSection("TP", "0.2", "river"), SHARE, 2026, "S1");
        assertStatus(Status.PASS, river);
        assertEquals("III", river.details().get("waterClass"));
        Finding lake = one(oneSection("TP", "0.2", "lake"), SHARE, 2026, "S1");
        assertStatus(Status.VIOLATION, lake);
        assertEquals("V", lake.details().get("waterClass"));
        assertEquals("lake", lake.details().get("waterbody"));
    }

    @Test
    void aRiverSectionWhoseOnlyBadItemIsTp041IsWorseThanV() throws Exception {
        Finding f = one(oneSection("TP", "0.41", "river"), SHARE, 2026, "S1");
        assertStatus(Status.VIOLATION, f);
        assertEquals("worse than V", f.details().get("waterClass"));
        assertEquals("劣Ⅴ", f.details().get("waterClassZh"));
        assertEquals(List.of("TP"), f.details().get("deciding"));
    }

    @Test
    void lakeTotalNitrogenIsReportedButDoesNotDecideTheClass() throws Exception {
        Path s = submission("w.json", 2026, "", section("水库", "某水库", "lake", "city", 2026, 12,
                m -> base("TP", "0.04") + ", \"TN\": 1.2"), "", "");
        Finding f = one(check(s), SHARE, 2026, "水库");
        assertStatus(Status.PASS, f);
        assertEquals("III", f.details().get("waterClass"));
        assertTrue(String.valueOf(f.details().get("referenceItems")).contains("TN 1.2 mg/L → Ⅳ"), f.details().toString());
        assertTrue(f.message().zh().contains("参考指标（不参与定类）：TN 1.2 mg/L Ⅳ类"), f.message().zh());
    }

    /** Three sections: 龙溪河 III, 卧龙河 IV, 大沙河 II. */
    String threeSections() {
        return section("龙溪河国控断面", "龙溪河", "river", "national", 2026, 12, m -> base("TP", "0.15")) + ",\n"
                + section("卧龙河市控断面", "卧龙河", "river", "city", 2026, 12, m -> base("NH3-N", m <= 4 ? "1.5" : "0.8")) + ",\n"
                + section("大沙河市控断面", "大沙河", "river", "city", 2026, 12, m -> base(null, null));
    }

    @Test
    void theShareIsDerivedFromTheSectionsWhenNotSubmitted() throws Exception {
        List<Finding> fs = check(submission("w.json", 2026, "", threeSections(), "", ""));
        Finding share = one(fs, SHARE, 2026, REGION);
        assertStatus(Status.PENDING, share);     // 市级下达: the target itself is not set yet
        assertNumber("66.67", share.actual());
        assertEquals("derived", share.details().get("origin"));
        assertEquals(36, share.evidence().stream().filter(e -> e.pointer().startsWith("/waterSamples/")).count());
        Finding key = one(fs, KEY, 2026, REGION);
        assertStatus(Status.VIOLATION, key);     // the named sections must all keep class III
        assertNumber("66.67", key.actual());
        assertFalse(has(fs, SHARE, 2026, REGION + "·断面核算"), "no cross-check without a submitted value");
        assertFalse(has(fs, KEY, 2026, REGION + "·断面核算"), "all three named sections present");
        assertStatus(Status.PASS, one(fs, SHARE, 2026, "龙溪河国控断面"));
        assertStatus(Status.VIOLATION, one(fs, SHARE, 2026, "卧龙河市控断面"));
        assertEquals("II", one(fs, SHARE, 2026, "大沙河市控断面").details().get("waterClass"));
    }

    @Test
    void aSubmittedShareThatDisagreesWithTheSectionsIsADataProblemNamingBoth() throws Exception {
        Path stats = submission("bureau.json", 2026, ind(SHARE, "100", "%"), "", "", "");
        Path records = submission("records.json", 2026, "", threeSections(), "", "");
        List<Finding> fs = check(stats, records);
        Finding x = one(fs, SHARE, 2026, REGION + "·断面核算");
        assertStatus(Status.WARNING, x);
        assertNumber("100", x.actual());
        assertNumber("66.67", x.expected());
        assertTrue(x.message().zh().contains("bureau.json#/indicators/0"), x.message().zh());
        assertTrue(x.message().zh().contains("records.json#/waterSamples ×36"), x.message().zh());
        assertTrue(x.evidence().stream().anyMatch(e -> e.input().endsWith("bureau.json")));
        assertTrue(x.evidence().stream().anyMatch(e -> e.input().endsWith("records.json")));
        // the region's verdict uses the submitted value
        assertNumber("100", one(fs, SHARE, 2026, REGION).actual());
    }

    @Test
    void aSubmittedShareThatAgreesPasses() throws Exception {
        Path stats = submission("bureau.json", 2026, ind(SHARE, "66.7", "%"), "", "", "");
        Path records = submission("records.json", 2026, "", threeSections(), "", "");
        Finding x = one(check(stats, records), SHARE, 2026, REGION + "·断面核算");
        assertStatus(Status.PASS, x);
    }

    @Test
    void aNationalControlSectionWithFewerThan12MonthsIsADataProblem() throws Exception {
        Path s = submission("w.json", 2026, "",
                section("国控", "龙溪河", "river", "national", 2026, 10, m -> base(null, null)) + ",\n"
                        + section("市控", "卧龙河", "river", "city", 2026, 10, m -> base(null, null)), "", "");
        List<Finding> fs = check(s);
        Finding national = one(fs, SHARE, 2026, "国控");
        assertStatus(Status.WARNING, national);
        assertEquals("II", national.details().get("waterClass"));
        assertTrue(national.message().zh().contains("国控断面全年仅10个月有监测数据（应为12个月）"), national.message().zh());
        assertTrue(national.evidence().contains(new Evidence("rules/parameters.yaml", "water.national_months_min")));
        assertStatus(Status.PASS, one(fs, SHARE, 2026, "市控"));   // city control: 10 months is not a problem
        // the named section on 大沙河 is missing
        Finding missing = one(fs, KEY, 2026, REGION + "·断面核算");
        assertStatus(Status.WARNING, missing);
        assertTrue(missing.message().zh().contains("大沙河"), missing.message().zh());
    }

    @Test
    void unknownItemKeysAndSamplesOfAnotherYearAreDataProblems() throws Exception {
        String samples = section("S1", "测试河", "river", "city", 2026, 12, m -> base(null, null) + ", \"NH3N\": 9")
                + ",\n" + section("S1", "测试河", "river", "city", 2025, 1, m -> base("NH3-N", "5"));
        Finding f = one(check(submission("w.json", 2026, "", samples, "", "")), SHARE, 2026, "S1");
        assertStatus(Status.WARNING, f);
        assertEquals("II", f.details().get("waterClass"));   // neither the typo nor the 2025 sample counts
        assertTrue(f.message().zh().contains("未知监测项目NH3N"), f.message().zh());
        assertTrue(f.message().zh().contains("月份2025-01不属于2026年"), f.message().zh());
    }

    @Test
    void baselineYearSectionsAreRecordedNotJudged() throws Exception {
        Finding f = one(check(submission("w.json", 2025, "",
                section("S1", "测试河", "river", "city", 2025, 12, m -> base("NH3-N", "1.2")), "", "")), SHARE, 2025, "S1");
        assertStatus(Status.BASELINE, f);
        assertEquals("IV", f.details().get("waterClass"));
    }
}
