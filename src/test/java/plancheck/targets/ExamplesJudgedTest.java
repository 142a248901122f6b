package plancheck.targets;

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

import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;

/**
 * The shipped example submissions (facts/) give a judged verdict — PASS, WARNING or VIOLATION, not
 * NO_DATA — in 2026 and 2027 for every target of plans/dianjiang-15th/catalogue/economy.yaml and livelihood.yaml (the
 * three mortality rates excepted: their examples belong to the health-safety rules), and every area of
 * the catalogue has at least one judged finding. The share for the whole catalogue is printed.
 */
class ExamplesJudgedTest {

    static final Set<String> JUDGED = Set.of("PASS", "WARNING", "VIOLATION");
    static final Set<String> OTHERS = Set.of("maternal_mortality", "infant_mortality", "under5_mortality");
    static List<Finding> findings;

    @BeforeAll
    static void check() throws Exception {
        findings = Pipeline.check(TargetTests.RULES, List.of(Path.of("facts"))).report().findings();
    }

    static boolean judged(String id, int year) {
        return findings.stream().anyMatch(f -> f.indicator().equals(id) && f.year() == year
                && f.subject().equals(TargetTests.REGION) && JUDGED.contains(f.status().name()));
    }

    @Test
    void everyEconomyAndLivelihoodTargetIsJudgedOnTheExamples() {
        List<String> missing = new ArrayList<>();
        for (PlanTarget t : TargetTests.rules().targets()) {
            boolean mine = t.file().endsWith("catalogue/economy.yaml") || t.file().endsWith("catalogue/livelihood.yaml");
            if (!mine || OTHERS.contains(t.id())) {
                continue;
            }
            for (int y : new int[] {2026, 2027}) {
                if (!judged(t.id(), y)) {
                    missing.add(t.id() + " " + y);
                }
            }
        }
        assertTrue(missing.isEmpty(), "no judged finding on the examples for " + missing);
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
