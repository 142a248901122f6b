package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.TestSupport.assertVerdict;
import static plancheck.TestSupport.ind;
import static plancheck.TestSupport.run;
import static plancheck.TestSupport.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import plancheck.TestSupport;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Each way of judging (contract §5) at its boundaries, with the plan's own numbers (专栏1), through the
 * shipped rules folder.
 */
class JudgingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "urbanization {1} in {0} → {2} (path {3})")
    @CsvSource({
        "2026, 54.4,  PASS,    54.4",   // 53 + (60 − 53) × 1/5: exactly on the path
        "2026, 54.39, WARNING, 54.4",   // just behind, expected target → WARNING
        "2027, 55.8,  PASS,    55.8",
        "2030, 60,    PASS,    60",
        "2030, 59.99, WARNING, 60"})
    void pathTargetUrbanization(int year, String value, Status status, String path) {
        List<Finding> f = run(submission(dir, "s.json", year, ind("urbanization_rate", value, "%")));
        Finding v = assertVerdict(f, "urbanization_rate", year, status, value, path);
        assertEquals("path-target", v.rule());
        assertEquals("path", v.kind());
        assertEquals(">=", v.comparator());
        assertEquals(0, v.target().compareTo(new java.math.BigDecimal("60")));
    }

    @ParameterizedTest(name = "death rate {0} → {1}")
    @CsvSource({
        "0.016,  VIOLATION",  // over the binding limit 0.015 (专栏1 第25项)
        "0.0151, VIOLATION",
        "0.015,  WARNING",    // at the limit: within it, but past the warning threshold 0.012
        "0.013,  WARNING",
        "0.0121, WARNING",
        "0.012,  PASS",       // at the threshold: not above it
        "0.011,  PASS"})
    void everyYearLimitWithWarningThresholdDeathRate(String value, Status status) {
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("safety_death_rate", value, "人/亿元")));
        Finding v = assertVerdict(f, "safety_death_rate", 2026, status, value, "0.015");
        assertTrue(v.binding());
        assertEquals("<=", v.comparator());
        assertEquals(0, new java.math.BigDecimal("0.012").compareTo((java.math.BigDecimal) v.details().get("warnAt")));
    }

    @ParameterizedTest(name = "grain capacity {0} → {1}")
    @CsvSource({
        "40.9,  VIOLATION",   // below the binding floor 41 (专栏1 第26项)
        "40.99, VIOLATION",
        "41,    WARNING",     // at the floor: within it, below the warning threshold 41.5
        "41.49, WARNING",
        "41.5,  PASS",
        "41.6,  PASS"})
    void everyYearLimitGrain(String value, Status status) {
        List<Finding> f = run(submission(dir, "s.json", 2027, ind("grain_capacity", value, "万吨")));
        assertVerdict(f, "grain_capacity", 2027, status, value, "41");
    }

    @ParameterizedTest(name = "unemployment {0} → {1}")
    @CsvSource({"5.49, PASS", "5.5, WARNING", "5.6, WARNING"})
    void strictLimitUnemployment(String value, Status status) {
        // "<5.5" (专栏1 第17项) is strict: 5.5 itself breaks it; expected target → WARNING
        List<Finding> f = run(submission(dir, "s.json", 2026, ind("urban_unemployment_rate", value, "%")));
        assertVerdict(f, "urban_unemployment_rate", 2026, status, value, "5.5");
    }

    @Test
    void averageGrowthIsTheRunningAverage() {
        // 年均5.5以上 (专栏1 第1项): 5.4 in 2026 is behind; 5.4 and 5.6 average exactly 5.5 in 2027
        List<Finding> f = run(
                submission(dir, "a.json", 2026, ind("gdp_growth", "5.4", "%")),
                submission(dir, "b.json", 2027, ind("gdp_growth", "5.6", "%")));
        assertVerdict(f, "gdp_growth", 2026, Status.WARNING, "5.4", "5.5");
        Finding y2 = assertVerdict(f, "gdp_growth", 2027, Status.PASS, "5.5", "5.5");
        assertEquals(List.of(2026, 2027), y2.details().get("yearsAveraged"));
        assertEquals(2, y2.evidence().size());
    }

    @Test
    void averageGrowthWithAMissingYearSaysSo() {
        List<Finding> f = run(
                submission(dir, "a.json", 2026, ind("gdp_growth", "6", "%")),
                submission(dir, "c.json", 2028, ind("gdp_growth", "5", "%")));
        Finding v = assertVerdict(f, "gdp_growth", 2028, Status.PASS, "5.5", "5.5");
        assertEquals(1, v.details().get("yearsMissing"));
        assertTrue(v.message().en().contains("1 year(s) missing"), v.message().en());
    }

    @Test
    void cumulativeRunningTotalAlongThePath() {
        // 【5】亿美元 over 2026–2030 (专栏1 第6项): due 1 by 2026, 2 by 2027
        List<Finding> f = run(
                submission(dir, "a.json", 2026, ind("import_export_total", "1", "亿美元")),
                submission(dir, "b.json", 2027, ind("import_export_total", "0.99", "亿美元")));
        assertVerdict(f, "import_export_total", 2026, Status.PASS, "1", "1");
        assertVerdict(f, "import_export_total", 2027, Status.WARNING, "1.99", "2");
    }

    @Test
    void cumulativeConvertsUnits() {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("import_export_total", "10000", "万美元")));
        assertVerdict(f, "import_export_total", 2026, Status.PASS, "1", "1");
    }

    @ParameterizedTest(name = "income growth {0} vs GDP growth {1} → {2}")
    @CsvSource({"5.5, 5.5, PASS", "5.6, 5.5, PASS", "5.49, 5.5, WARNING"})
    void relationalIncomeKeepsPaceWithGdp(String income, String gdp, Status status) {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("income_growth", income, "%"),
                ind("gdp_growth", gdp, "%")));
        assertVerdict(f, "income_growth", 2026, status, income, gdp);
    }

    @Test
    void relationalWithoutGdpGrowthCannotBeJudged() {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("income_growth", "6", "%")));
        Finding v = assertVerdict(f, "income_growth", 2026, Status.WARNING, "6", null);
        assertTrue(v.message().en().contains("gdp_growth"), v.message().en());
    }

    @Test
    void cityAssignedIsPendingUntilSetThenJudged() throws Exception {
        Path sub = submission(dir, "a.json", 2026, ind("co2_intensity_reduction", "3.4", "%"));
        Finding pending = assertVerdict(run(sub), "co2_intensity_reduction", 2026, Status.PENDING, "3.4", null);
        assertEquals("co2_intensity_reduction.target", pending.details().get("parameter"));

        Path rules = dir.resolve("rules");
        Path params = TestSupport.copyRulesAndPlan(rules).resolve("parameters.yaml");
        String text = Files.readString(params).replaceFirst(
                "(id: co2_intensity_reduction.target\\n\\s+value:) null", "$1 3.5");
        Files.writeString(params, text);
        Finding judged = assertVerdict(TestSupport.runWith(rules, sub), "co2_intensity_reduction", 2026,
                Status.VIOLATION, "3.4", "3.5");
        assertTrue(judged.binding());
        Path sub2 = submission(dir, "b.json", 2026, ind("co2_intensity_reduction", "3.5", "%"));
        assertVerdict(TestSupport.runWith(rules, sub2), "co2_intensity_reduction", 2026, Status.PASS, "3.5", "3.5");
    }

    @Test
    void cityAssignedWithNothingSubmittedIsStillPending() {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("grain_capacity", "42", "万吨")));
        assertVerdict(f, "co2_intensity_reduction", 2026, Status.PENDING, null, null);
        assertVerdict(f, "pm25_concentration", 2026, Status.PENDING, null, null);
    }

    @Test
    void caliberValuesOfAnotherCaliberAreNotCompared() {
        List<Finding> f = run(
                submission(dir, "old.json", 2026, "{\"id\": \"education_years\", \"value\": 14.3, \"unit\": \"年\", \"caliber\": \"old\"}"));
        Finding v = assertVerdict(f, "education_years", 2026, Status.WARNING, "14.3", null);
        assertEquals("caliber: other caliber", v.rule());
    }

    @Test
    void caliberNewValuesAreJudgedAgainstTheTarget() {
        List<Finding> f = run(
                submission(dir, "a.json", 2026, "{\"id\": \"education_years\", \"value\": 12.1, \"unit\": \"年\", \"caliber\": \"new\"}"),
                submission(dir, "b.json", 2030, "{\"id\": \"education_years\", \"value\": 12.09, \"unit\": \"年\", \"caliber\": \"new\"}"));
        assertVerdict(f, "education_years", 2026, Status.PASS, "12.1", "12.1");
        assertVerdict(f, "education_years", 2030, Status.VIOLATION, "12.09", "12.1");
    }

    @Test
    void caliberPathFromANewCaliberBaseline() {
        List<Finding> f = run(
                submission(dir, "a.json", 2025, "{\"id\": \"education_years\", \"value\": 11.6, \"unit\": \"年\", \"caliber\": \"new\"}"),
                submission(dir, "b.json", 2026, "{\"id\": \"education_years\", \"value\": 11.69, \"unit\": \"年\", \"caliber\": \"new\"}"));
        // path 11.6 → 12.1: 11.7 due in 2026; binding, so behind is a VIOLATION
        assertVerdict(f, "education_years", 2026, Status.VIOLATION, "11.69", "11.7");
        assertVerdict(f, "education_years", 2025, Status.BASELINE, "11.6", null);
    }

    @Test
    void pathWithoutPlanBaselineStartsFromThe2025Submission() {
        // rd_intensity: 2025 "——" (专栏1 第7项); the 2025 submission supplies the start
        List<Finding> f = run(
                submission(dir, "a.json", 2025, ind("rd_intensity", "0.7", "%")),
                submission(dir, "b.json", 2026, ind("rd_intensity", "0.8", "%")));
        assertVerdict(f, "rd_intensity", 2026, Status.PASS, "0.8", "0.8");
        Finding w = assertVerdict(run(submission(dir, "c.json", 2026, ind("rd_intensity", "0.8", "%"))),
                "rd_intensity", 2026, Status.WARNING, "0.8", null);
        assertEquals("path-target: no baseline", w.rule());
    }

    @Test
    void missingIsNoDataNeverPass() {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("grain_capacity", "42", "万吨")));
        Finding v = assertVerdict(f, "urbanization_rate", 2026, Status.NO_DATA, null, null);
        assertNull(v.actual());
        assertEquals("no-data", v.rule());
    }

    @Test
    void everyTableIndicatorHasExactlyOneRegionFindingPerYear() {
        List<Finding> f = run(submission(dir, "a.json", 2026, ind("grain_capacity", "42", "万吨")),
                submission(dir, "b.json", 2028, ind("grain_capacity", "42", "万吨")));
        for (String id : List.of("gdp_growth", "gdp_per_capita", "labour_productivity", "private_economy_share",
                "urbanization_rate", "import_export_total", "rd_intensity", "industry_va_share", "digital_core_share",
                "strategic_emerging_share", "services_va_share", "high_value_patents_per_10k", "culture_va_share",
                "income_growth", "education_years", "life_expectancy", "urban_unemployment_rate", "nursing_bed_share",
                "physicians_per_1000", "childcare_coverage", "urban_rural_income_ratio", "co2_intensity_reduction",
                "surface_water_class3_share", "pm25_concentration", "safety_death_rate", "grain_capacity")) {
            for (int y : List.of(2026, 2028)) {
                TestSupport.verdict(f, id, y);
            }
        }
    }
}
