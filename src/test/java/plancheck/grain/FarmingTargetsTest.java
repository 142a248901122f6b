package plancheck.grain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.grain.GrainCapacityRulesTest.REGION;
import static plancheck.grain.GrainCapacityRulesTest.check;
import static plancheck.grain.GrainCapacityRulesTest.one;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import plancheck.app.Pipeline;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * The plan's farming targets (第二十章, 第二十二章第一节) in the catalogue, how they are judged, and the
 * shipped agriculture examples.
 */
class FarmingTargetsTest {

    @TempDir
    Path dir;

    private Path submission(String name, int year, String... indicators) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"format\": \"plancheck-facts/1\", \"region\": \"" + REGION + "\", \"year\": " + year
                + ", \"indicators\": [" + String.join(", ", indicators) + "]}", StandardCharsets.UTF_8);
        return f;
    }

    private static String ind(String id, String value, String unit) {
        return "{\"id\": \"" + id + "\", \"value\": " + value + ", \"unit\": \"" + unit + "\"}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seed_production_area|万亩|>=|4|path|第二十章第二节",
        "seed_production_output|万公斤|>=|700|path|第二十章第二节",
        "fruit_vegetable_output|万吨|>=|100|limit|第二十章第二节",
        "hog_slaughter|万头|>=|70|path|第二十章第二节",
        "herb_planting_area|万亩|>=|10|path|第二十章第二节",
        "high_standard_farmland_upgrade|万亩|>=|20|cumulative|第二十章第一节",
        "crop_mechanization_rate_increase|百分点|>=|2|average_growth|第二十章第三节",
        "certified_agri_products|个|>=|60|cumulative|第二十章第三节",
        "family_farms|家|>=|300|path|第二十二章第一节",
        "collective_operating_income|亿元|>|1.5|path|第二十二章第一节",
        "grain_capacity|万吨|>=|41|limit|第二十章第二节",
    })
    void catalogueEntries(String id, String unit, String comparator, String target, String judge, String clause)
            throws Exception {
        RuleSet rules = RulesLoader.load(Path.of("rules"));
        PlanTarget t = rules.target(id);
        assertEquals(unit, t.unit(), id);
        assertEquals(comparator, t.comparator().symbol(), id);
        assertEquals(0, new BigDecimal(target).compareTo(t.targetValue()), id);
        assertEquals(judge, t.judge(), id);
        assertTrue(t.source().contains(clause), t.source());
    }

    @Test
    void hogsAtExactly70In2030MeetTheTarget() throws Exception {
        // “突破70万头以上”: “以上” includes the number.
        Finding f = one(check(submission("a.json", 2030, ind("hog_slaughter", "70", "万头"))), "hog_slaughter", 2030, REGION);
        assertEquals(Status.PASS, f.status(), f.message().zh());
        Finding g = one(check(submission("b.json", 2030, ind("hog_slaughter", "699999", "头"))), "hog_slaughter", 2030, REGION);
        assertEquals(Status.WARNING, g.status(), g.message().zh());
    }

    @Test
    void certifiedProductsAndFarmlandAreRunningTotals() throws Exception {
        Path y1 = submission("2026.json", 2026, ind("certified_agri_products", "11", "个"),
                ind("high_standard_farmland_upgrade", "4", "万亩"));
        Path y2 = submission("2027.json", 2027, ind("certified_agri_products", "13", "个"),
                ind("high_standard_farmland_upgrade", "3.9", "万亩"));
        List<Finding> fs = check(y1, y2);
        Finding c2026 = one(fs, "certified_agri_products", 2026, REGION);
        assertEquals(Status.WARNING, c2026.status(), "11 < 12 (60 × 1/5): " + c2026.message().zh());
        Finding c2027 = one(fs, "certified_agri_products", 2027, REGION);
        assertEquals(Status.PASS, c2027.status(), c2027.message().zh());
        assertEquals(0, new BigDecimal("24").compareTo(c2027.actual()));
        assertEquals(0, new BigDecimal("24").compareTo(c2027.expected()));
        Finding f2027 = one(fs, "high_standard_farmland_upgrade", 2027, REGION);
        assertEquals(Status.WARNING, f2027.status(), "7.9 < 8 (20 × 2/5)");
    }

    @Test
    void mechanisationIsTwoPointsAYearOnAverage() throws Exception {
        List<Finding> fs = check(submission("a.json", 2026, ind("crop_mechanization_rate_increase", "2.4", "百分点")),
                submission("b.json", 2027, ind("crop_mechanization_rate_increase", "1.5", "百分点")));
        Finding f = one(fs, "crop_mechanization_rate_increase", 2027, REGION);
        assertEquals(0, new BigDecimal("1.95").compareTo(f.actual()));
        assertEquals(Status.WARNING, f.status());
    }

    @Test
    void collectiveIncomeMustExceed15In2030() throws Exception {
        Finding at = one(check(submission("a.json", 2030, ind("collective_operating_income", "1.5", "亿元"))),
                "collective_operating_income", 2030, REGION);
        assertEquals(Status.WARNING, at.status(), "“突破1.5亿元” means more than 1.5: " + at.message().zh());
        Finding over = one(check(submission("b.json", 2030, ind("collective_operating_income", "15001", "万元"))),
                "collective_operating_income", 2030, REGION);
        assertEquals(Status.PASS, over.status(), over.message().zh());
    }

    @Test
    void shippedAgricultureExamplesShowTheOutputBesideTheSubmittedCapacity() throws Exception {
        List<Finding> fs = Pipeline.check(Path.of("rules"), List.of(Path.of("facts"))).report().findings();
        // The statistics bureau's capacity is judged as submitted: 41.6 in 2026 (PASS), 40.9 in 2027 (VIOLATION).
        assertEquals(Status.PASS, one(fs, "grain_capacity", 2026, REGION).status());
        assertEquals(Status.VIOLATION, one(fs, "grain_capacity", 2027, REGION).status());
        // The agriculture bureau's output by crop is shown beside it (薯类 given fresh, converted 5:1).
        Finding o2026 = one(fs, "grain_capacity", 2026, REGION + "·粮食产量");
        assertEquals(Status.PASS, o2026.status(), o2026.message().zh());
        assertEquals(0, new BigDecimal("41.65").compareTo(o2026.actual()));
        assertTrue(o2026.message().zh().contains("鲜薯23.5万吨按5:1折粮"), o2026.message().zh());
        Finding o2027 = one(fs, "grain_capacity", 2027, REGION + "·粮食产量");
        assertEquals(Status.WARNING, o2027.status(), o2027.message().zh());
        assertEquals(0, new BigDecimal("40.7").compareTo(o2027.actual()));
        for (String id : List.of("seed_production_area", "seed_production_output", "fruit_vegetable_output",
                "hog_slaughter", "herb_planting_area", "high_standard_farmland_upgrade",
                "crop_mechanization_rate_increase", "certified_agri_products", "family_farms",
                "collective_operating_income")) {
            Status s = one(fs, id, 2027, REGION).status();
            assertTrue(s == Status.PASS || s == Status.WARNING, id + " is judged in 2027, found " + s);
        }
    }
}
