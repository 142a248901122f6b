package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.analyst.Examples;
import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * The shipped example submissions (facts/) show every encoded target: a finding other than NO_DATA in a
 * plan year ({@link Examples#targetsNotShown}, the check {@code plancheck rules test} runs), and every area
 * of the catalogue has at least one judged finding. The share judged in 2026–2027 is printed.
 */
class ExamplesJudgedTest {

    static final Set<String> JUDGED = Set.of("PASS", "WARNING", "VIOLATION");
    static plancheck.app.Checked checked;
    static List<Finding> findings;

    @BeforeAll
    static void check() throws Exception {
        checked = Pipeline.check(TargetTests.RULES, List.of(Path.of("facts")));
        findings = checked.report().findings();
    }

    static boolean judged(String id, int year) {
        return findings.stream().anyMatch(f -> f.indicator().equals(id) && f.year() == year
                && f.subject().equals(TargetTests.REGION) && JUDGED.contains(f.status().name()));
    }

    @Test
    void everyEncodedTargetIsShownOnTheExamples() {
        List<Examples.Missing> missing = Examples.targetsNotShown(checked);
        assertTrue(missing.isEmpty(), () -> missing.stream().map(m -> Examples.advice(m, "facts", 2026)).toList().toString());
    }

    @Test
    void aTargetWithoutAnExampleValueIsNamedWithAFileToAddItTo() {
        PlanTarget t = TargetTests.rules().target("grain_capacity");
        List<Finding> without = findings.stream().filter(f -> !f.indicator().equals(t.id()) || f.year() <= 2025).toList();
        List<Examples.Missing> missing = Examples.targetsNotShown(without, checked.rules().targets(), TargetTests.REGION, 2025, 2030);
        assertEquals(List.of("grain_capacity"), missing.stream().map(m -> m.target().id()).toList());
        plancheck.model.Text text = Examples.advice(missing.get(0), "facts", 2026);
        String advice = text.en();
        assertTrue(advice.startsWith("target 'grain_capacity' (plans/dianjiang-15th/catalogue/"), advice);
        assertTrue(advice.contains("\"unit\": \"万吨\"} to the indicators of facts/"), advice);
        String zh = text.zh();
        assertTrue(zh.startsWith("目标 'grain_capacity'（plans/dianjiang-15th/catalogue/"), zh);
        assertTrue(zh.contains("请在 facts/") && zh.contains("的 indicators 中加入 {\"id\": \"grain_capacity\", \"value\": …, \"unit\": \"万吨\"}"), zh);
    }

    @Test
    void everyAreaHasAJudgedFinding() {
        Map<String, Integer> byArea = new TreeMap<>();
        Set<String> areas = new TreeSet<>();
        int encoded = 0;
        int judged = 0;
        for (PlanTarget t : TargetTests.rules().targets()) {
            if ("record".equals(t.judge())) {
                continue;
            }
            areas.add(t.area());
            encoded++;
            if (judged(t.id(), 2026) || judged(t.id(), 2027)) {
                judged++;
                byArea.merge(t.area(), 1, Integer::sum);
            }
        }
        System.out.printf("examples: %d of %d encoded targets judged (PASS/WARNING/VIOLATION) in 2026–2027; by area %s%n",
                judged, encoded, byArea);
        for (String a : areas) {
            assertTrue(byArea.containsKey(a), "area " + a + " has no judged finding on the examples");
        }
        assertTrue(findings.stream().anyMatch(f -> f.status() == Status.PASS));
    }
}
