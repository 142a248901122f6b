package plancheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.load.InputProblem;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.load.Submission;
import plancheck.model.PlanTarget;

/**
 * The plan's responsible units (responsible-units.yaml): every indicator of the catalogue is filed by
 * exactly one bureau, no bureau lists an id the catalogue lacks, and a submission holding another
 * bureau's indicator or records is refused naming each.
 */
class ResponsibilitiesTest {

    static RuleSet plan() throws Exception {
        return RulesLoader.load(Path.of("rules"), Path.of("plans", "dianjiang-15th"));
    }

    @Test
    void everyCatalogueIndicatorHasExactlyOneBureau() throws Exception {
        RuleSet rs = plan();
        Responsibilities r = Responsibilities.of(rs);
        Map<String, Integer> count = new TreeMap<>();
        for (Responsibilities.Bureau b : r.bureaus()) {
            for (String id : b.indicators()) {
                assertTrue(rs.target(id) != null, b.id() + " lists " + id + ", which the catalogue lacks");
                count.merge(id, 1, Integer::sum);
            }
            assertTrue(Responsibilities.RECORD_KINDS.containsAll(b.records()), b.id() + ": " + b.records());
        }
        for (PlanTarget t : rs.targets()) {
            assertEquals(1, count.getOrDefault(t.id(), 0), t.id() + " needs exactly one responsible bureau");
        }
        assertEquals("safety", r.ownerOf("safety_death_rate"));
    }

    @Test
    void anotherBureausIndicatorAndRecordsAreRefusedByName() throws Exception {
        Responsibilities r = Responsibilities.of(plan());
        Submission s = new Submission("x.json", "0", "垫江县", 2026, null, "final",
                List.of(new Submission.IndicatorValue("safety_death_rate", java.math.BigDecimal.ONE, "人/亿元", null,
                        "/indicators/0", null), new Submission.IndicatorValue("forest_cover", java.math.BigDecimal.TEN,
                        "%", null, "/indicators/1", null)),
                List.of(), List.of(), List.of(new plancheck.model.Records.Accident("a", "2026-01-01", 2026, null, 1, 0,
                        java.math.BigDecimal.ZERO, new plancheck.model.Evidence("x.json", "/accidents/0"))), List.of());
        List<InputProblem> ps = r.refusals("environment", s);
        assertEquals(2, ps.size(), ps.toString());
        assertEquals("/indicators/0/id", ps.get(0).pointer());
        assertTrue(ps.get(0).text().zh().contains("safety_death_rate") && ps.get(0).text().zh().contains("垫江县应急管理局"));
        assertEquals("/accidents", ps.get(1).pointer());
        assertTrue(r.refusals("safety", s).stream().anyMatch(p -> p.text().en().contains("forest_cover")));
        assertEquals(List.of(), r.refusals("safety", new Submission("y.json", "0", "垫江县", 2026, null, "final",
                List.of(s.indicators().get(0)), List.of(), List.of(), s.accidents(), List.of())));
    }
}
