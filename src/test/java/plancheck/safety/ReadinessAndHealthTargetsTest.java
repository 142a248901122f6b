package plancheck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.safety.AccidentGradingRulesTest.REGION;
import static plancheck.safety.AccidentGradingRulesTest.check;
import static plancheck.safety.AccidentGradingRulesTest.one;

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

import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * The safety and readiness targets of 第四十五章 (第三节, 第四节) and the health limits of 专栏16 第2项
 * in the catalogue, and how they are judged end to end.
 */
class ReadinessAndHealthTargetsTest {

    @TempDir
    Path dir;

    private Path submission(int year, String... indicators) throws IOException {
        Path f = dir.resolve("s-" + year + ".json");
        Files.writeString(f, "{\"format\": \"plancheck-facts/1\", \"region\": \"" + REGION + "\", \"year\": " + year
                + ", \"indicators\": [" + String.join(", ", indicators) + "]}", StandardCharsets.UTF_8);
        return f;
    }

    private static String ind(String id, String value, String unit) {
        return "{\"id\": \"" + id + "\", \"value\": " + value + ", \"unit\": \"" + unit + "\"}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "major_accidents|起|<=|0|limit|true|第四十五章第三节",
        "village_emergency_supply_coverage|%|>=|80|path|false|第四十五章第四节",
        "disaster_warning_coverage|%|>=|95|path|false|第四十五章第四节",
        "rescue_team_drone_rate|%|>=|100|path|false|第四十五章第四节",
        "disaster_victim_relief_rate|%|>=|100|limit|false|第四十五章第四节",
        "maternal_mortality|/10万|<=|5|limit|false|专栏16 第2项",
        "infant_mortality|‰|<=|2.5|limit|false|专栏16 第2项",
        "under5_mortality|‰|<=|4.5|limit|false|专栏16 第2项",
    })
    void catalogueEntries(String id, String unit, String comparator, String target, String judge, boolean binding,
                          String clause) throws Exception {
        RuleSet rules = RulesLoader.load(Path.of("rules"));
        PlanTarget t = rules.target(id);
        assertEquals(unit, t.unit());
        assertEquals(comparator, t.comparator().symbol());
        assertEquals(0, new BigDecimal(target).compareTo(t.targetValue()));
        assertEquals(judge, t.judge());
        assertEquals(binding, t.binding());
        assertTrue(t.source().contains(clause), t.source());
    }

    @Test
    void healthLimitsApplyEveryYear() throws Exception {
        // 2026, not only 2030: a value at the limit passes, a value above it is behind.
        List<Finding> at = check(submission(2026, ind("maternal_mortality", "5", "/10万"),
                ind("infant_mortality", "2.5", "‰"), ind("under5_mortality", "4.5", "‰")));
        for (String id : List.of("maternal_mortality", "infant_mortality", "under5_mortality")) {
            assertEquals(Status.PASS, one(at, id, 2026, REGION).status(), id);
        }
        List<Finding> over = check(submission(2027, ind("maternal_mortality", "5.1", "/10万"),
                ind("infant_mortality", "2.6", "‰"), ind("under5_mortality", "0.46", "%")));
        for (String id : List.of("maternal_mortality", "infant_mortality", "under5_mortality")) {
            Finding f = one(over, id, 2027, REGION);
            assertEquals(Status.WARNING, f.status(), id + ": " + f.message().zh());
            assertEquals("every-year-limit", f.rule());
        }
        // 0.46 % is 4.6 ‰.
        assertEquals(0, new BigDecimal("4.6").compareTo(one(over, "under5_mortality", 2027, REGION).actual()));
    }

    @Test
    void readinessTargetsAtTheir2030Values() throws Exception {
        List<Finding> at = check(submission(2030, ind("village_emergency_supply_coverage", "80", "%"),
                ind("disaster_warning_coverage", "95", "%"), ind("rescue_team_drone_rate", "100", "%"),
                ind("disaster_victim_relief_rate", "100", "%")));
        for (String id : List.of("village_emergency_supply_coverage", "disaster_warning_coverage",
                "rescue_team_drone_rate", "disaster_victim_relief_rate")) {
            assertEquals(Status.PASS, one(at, id, 2030, REGION).status(), id);
        }
        List<Finding> below = check(submission(2030, ind("village_emergency_supply_coverage", "79.9", "%"),
                ind("disaster_victim_relief_rate", "99.5", "%")));
        assertEquals(Status.WARNING, one(below, "village_emergency_supply_coverage", 2030, REGION).status());
        assertEquals(Status.WARNING, one(below, "disaster_victim_relief_rate", 2030, REGION).status());
        assertFalse(below.stream().anyMatch(f -> f.status() == Status.VIOLATION), "expected targets never violate");
    }

    @Test
    void aSubmittedZeroCountPassesTheBottomLine() throws Exception {
        Finding f = one(check(submission(2028, ind("major_accidents", "0", "起"))), "major_accidents", 2028, REGION);
        assertEquals(Status.PASS, f.status());
        assertTrue(f.binding());
        Finding g = one(check(submission(2029, ind("major_accidents", "1", "起"))), "major_accidents", 2029, REGION);
        assertEquals(Status.VIOLATION, g.status());
    }
}
