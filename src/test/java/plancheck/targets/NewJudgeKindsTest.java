package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.targets.TargetTests.assertVerdict;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.model.Finding;
import plancheck.model.Status;
import plancheck.targets.TargetTests.Value;

/**
 * The judging kinds added for the plan's targets outside 专栏1 (rules/judging/new-items.drl, trend.drl,
 * hold.drl, growth-levels.drl), each rule exercised with the plan's numbers through the shipped rules.
 */
class NewJudgeKindsTest {

    private static List<Finding> run(Path dir, Value... values) {
        return TargetTests.run(dir, List.of(values));
    }

    // ---- new_items: count of new items since 2025 -------------------------------------------------

    @Test
    void newItemsSingleItemIsDueIn2030Only(@TempDir Path dir) {
        // 第九章第一节 新培育单项冠军企业1家: nothing due before 2030, then the one firm.
        List<Finding> f = run(dir, new Value(2026, "new_single_champions", "0", "家"),
                new Value(2029, "new_single_champions", "0", "家"), new Value(2030, "new_single_champions", "0", "家"));
        Finding y26 = assertVerdict(f, "new_single_champions", 2026, Status.PASS, "0", "0");
        assertTrue(y26.message().zh().contains("尚无应完成数"), y26.message().zh());
        assertEquals("new_items", y26.kind());
        // 2030 with years 2027–2028 missing: the total may be understated → WARNING, not VIOLATION
        Finding y30 = assertVerdict(f, "new_single_champions", 2030, Status.WARNING, "0", "1");
        assertTrue(y30.message().en().contains("year(s) missing"), y30.message().en());
    }

    @Test
    void newItemsFollowTheFlooredPath(@TempDir Path dir) {
        // 第九章第一节 瞪羚企业5家: 1 due by 2026, 2 by 2027, 3 by 2028, 4 by 2029, 5 by 2030.
        List<Finding> f = run(dir, new Value(2026, "new_gazelle_enterprises", "1", "家"),
                new Value(2027, "new_gazelle_enterprises", "0", "家"), new Value(2028, "new_gazelle_enterprises", "2", "家"),
                new Value(2029, "new_gazelle_enterprises", "1", "家"), new Value(2030, "new_gazelle_enterprises", "1", "家"));
        assertVerdict(f, "new_gazelle_enterprises", 2026, Status.PASS, "1", "1");
        Finding y27 = assertVerdict(f, "new_gazelle_enterprises", 2027, Status.WARNING, "1", "2");
        assertTrue(y27.message().zh().contains("差1家"), y27.message().zh());
        assertVerdict(f, "new_gazelle_enterprises", 2028, Status.PASS, "3", "3");
        assertVerdict(f, "new_gazelle_enterprises", 2029, Status.PASS, "4", "4");
        assertVerdict(f, "new_gazelle_enterprises", 2030, Status.PASS, "5", "5");
    }

    @Test
    void newItemsPartialYearsCanStillPass(@TempDir Path dir) {
        // 专栏14 第1项 新优质学校7所: 2 due by 2027 (floor 2.8); 3 added in 2027 alone is enough.
        List<Finding> f = run(dir, new Value(2027, "new_quality_compulsory_schools", "3", "所"));
        Finding y = assertVerdict(f, "new_quality_compulsory_schools", 2027, Status.PASS, "3", "2");
        assertTrue(y.message().en().contains("1 year(s) missing"), y.message().en());
    }

    // ---- hold: keep at level ------------------------------------------------------------------------

    @Test
    void holdKeepsRetentionAt100(@TempDir Path dir) {
        // 第三十九章第三节 义务教育巩固率持续保持100%: the catalogue's 2025 value 100 and the target 100.
        List<Finding> f = run(dir, new Value(2026, "compulsory_education_retention", "100", "%"),
                new Value(2027, "compulsory_education_retention", "99.99", "%"));
        assertVerdict(f, "compulsory_education_retention", 2026, Status.PASS, "100", "100");
        Finding y = assertVerdict(f, "compulsory_education_retention", 2027, Status.WARNING, "99.99", "100");
        assertEquals("hold: the plan's 2025 level", y.rule());
    }

    @Test
    void holdTakesTheStricterOfThe2025LevelAndThePlansNumber(@TempDir Path dir) {
        // 第四十二章第一节 特殊人群签约率保持全覆盖 (100): a 2025 level of 100 and the plan's 100.
        List<Finding> f = run(dir, new Value(2025, "special_population_contract_coverage", "100", "%"),
                new Value(2026, "special_population_contract_coverage", "99.9", "%"));
        Finding y = assertVerdict(f, "special_population_contract_coverage", 2026, Status.WARNING, "99.9", "100");
        assertEquals("hold: the 2025 submission", y.rule());
    }

    @Test
    void holdWithoutA2025LevelUsesThePlansNumber(@TempDir Path dir) {
        List<Finding> f = run(dir, new Value(2026, "special_population_contract_coverage", "100", "%"));
        Finding y = assertVerdict(f, "special_population_contract_coverage", 2026, Status.PASS, "100", "100");
        assertEquals("hold: the plan's number only", y.rule());
    }

    @Test
    void holdAboveThe2025Level(@TempDir Path dir) {
        // 第四十二章第一节 电子健康档案覆盖率进一步提升: above the 2025 level; equal is not enough.
        List<Finding> f = run(dir, new Value(2025, "e_health_record_coverage", "78", "%"),
                new Value(2026, "e_health_record_coverage", "78", "%"), new Value(2027, "e_health_record_coverage", "78.1", "%"));
        assertVerdict(f, "e_health_record_coverage", 2026, Status.WARNING, "78", "78");
        assertVerdict(f, "e_health_record_coverage", 2027, Status.PASS, "78.1", "78");
    }

    @Test
    void holdShorterThanThe2025Level(@TempDir Path dir) {
        // 第四十二章第三节 缩短平均急救反应时间 (comparator "<").
        List<Finding> f = run(dir, new Value(2025, "emergency_response_time", "14.2", "分钟"),
                new Value(2026, "emergency_response_time", "14.1", "分钟"), new Value(2027, "emergency_response_time", "14.3", "分钟"));
        assertVerdict(f, "emergency_response_time", 2026, Status.PASS, "14.1", "14.2");
        assertVerdict(f, "emergency_response_time", 2027, Status.WARNING, "14.3", "14.2");
    }

    @Test
    void holdWithNoLevelAtAllAsksForThe2025Value(@TempDir Path dir) {
        List<Finding> f = run(dir, new Value(2026, "e_health_record_coverage", "80", "%"));
        Finding y = assertVerdict(f, "e_health_record_coverage", 2026, Status.WARNING, "80", null);
        assertEquals("hold: no 2025 level", y.rule());
        assertTrue(y.message().zh().contains("请报送2025年数值"), y.message().zh());
    }

    // ---- trend: year-on-year direction --------------------------------------------------------------

    @Test
    void trendMustRiseEveryYear(@TempDir Path dir) {
        // 第十二章第一节 逐步提高全社会研发经费投入.
        List<Finding> f = run(dir, new Value(2025, "rd_expenditure", "7.1", "亿元"), new Value(2026, "rd_expenditure", "7.8", "亿元"),
                new Value(2027, "rd_expenditure", "7.8", "亿元"), new Value(2028, "rd_expenditure", "7.5", "亿元"));
        assertVerdict(f, "rd_expenditure", 2026, Status.PASS, "7.8", "7.1");
        assertVerdict(f, "rd_expenditure", 2027, Status.WARNING, "7.8", "7.8");
        Finding y = assertVerdict(f, "rd_expenditure", 2028, Status.WARNING, "7.5", "7.8");
        assertTrue(y.message().zh().contains("方向相反"), y.message().zh());
        assertEquals(0, new BigDecimal("-0.3").compareTo((BigDecimal) y.details().get("change")));
    }

    @Test
    void trendWithoutLastYear(@TempDir Path dir) {
        List<Finding> f = run(dir, new Value(2025, "rd_expenditure", "7.1", "亿元"), new Value(2027, "rd_expenditure", "7.8", "亿元"));
        Finding y = assertVerdict(f, "rd_expenditure", 2027, Status.WARNING, "7.8", null);
        assertEquals("trend: previous year missing", y.rule());
    }

    // ---- growth_from_levels: average growth computed from two years' levels -----------------------

    @Test
    void importExportGrowthFromThePlans2025Level(@TempDir Path dir) {
        // 第三十一章第一节 进出口总额年均增长5%以上, from 专栏1 item 6's 2025 value 0.7 (亿美元).
        List<Finding> f = run(dir, new Value(2026, "import_export_total", "0.735", "亿美元"),
                new Value(2027, "import_export_total", "0.7717", "亿美元"));
        Finding y26 = assertVerdict(f, "import_export_growth", 2026, Status.PASS, "5", "5");
        assertEquals("growth-from-levels: no 2025 submission", y26.rule());
        // 0.7 × 1.05² = 0.77175: 0.7717 is short
        Finding y27 = assertVerdict(f, "import_export_growth", 2027, Status.WARNING, null, "5");
        assertTrue(y27.actual().compareTo(new BigDecimal("5")) < 0, "rate below 5: " + y27.actual());
        assertEquals(0, new BigDecimal("0.77175").compareTo((BigDecimal) y27.details().get("requiredLevel")));
    }

    @Test
    void importExportGrowthFromThe2025Submission(@TempDir Path dir) {
        List<Finding> f = run(dir, new Value(2025, "import_export_total", "0.8", "亿美元"),
                new Value(2027, "import_export_total", "0.882", "亿美元"));
        Finding y = assertVerdict(f, "import_export_growth", 2027, Status.PASS, "5", "5");
        assertEquals("growth-from-levels", y.rule());
    }

    @Test
    void importExportGrowthWithoutTheYearsLevel(@TempDir Path dir) {
        List<Finding> f = run(dir, new Value(2026, "gdp", "612", "亿元"));
        Finding y = assertVerdict(f, "import_export_growth", 2026, Status.NO_DATA, null, null);
        assertEquals("growth-from-levels: level missing", y.rule());
    }

    @Test
    void cagrOfTwoYears(@TempDir Path dir) {
        // the rate shown is the compound average: (0.77175 / 0.7) ^ (1/2) − 1 = 5 %
        List<Finding> f = run(dir, new Value(2027, "import_export_total", "0.77175", "亿美元"));
        assertVerdict(f, "import_export_growth", 2027, Status.PASS, "5", "5");
    }
}
