package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plancheck rules test}: a scenario expecting the wrong status fails with expected and actual
 * side by side; a rule no scenario fires fails the run; a scenario that expects nothing fails; the
 * shipped judging scenarios pass and fire every rule of the judging files they cover.
 */
class ScenarioRunnerTest {

    @TempDir
    Path tmp;
    Path rules;

    @BeforeEach
    void copyRules() {
        rules = Cli.copyShipped(tmp);
    }

    static final String GRAIN = """
            name: %s
            clause: "专栏1 第26项"
            given:
              - file: stats-2026.json
                submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 40.99, unit: 万吨}]}
            expect:
              - {indicator: grain_capacity, year: 2026, rule: every-year-limit, status: %s, actual: 40.99}
            """;

    @Test
    void wrongStatusFailsShowingExpectedAndActual() {
        Cli.write(rules.resolve("scenarios/judging/zz-wrong.yaml"), GRAIN.formatted("grain wrongly expected to pass", "PASS"));
        Cli.Run r = Cli.run("rules", "test", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, r.exit(), r::toString);
        String out = r.out();
        assertTrue(out.contains("FAIL  grain wrongly expected to pass"), r::toString);
        assertTrue(out.contains("zz-wrong.yaml:7:5: expect[0] grain_capacity 2026 (垫江县)"), r::toString);
        assertTrue(out.lines().anyMatch(l -> l.contains("expected") && l.contains("actual")), r::toString);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("status") && l.contains("PASS") && l.contains("VIOLATION")
                && l.contains("✗")), r::toString);
        assertTrue(out.contains("1 failed"), r::toString);
    }

    @Test
    void rightStatusPasses() throws Exception {
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-right.yaml"), GRAIN.formatted("grain below the floor", "VIOLATION"));
        ScenarioRunner.Result r = ScenarioRunner.run(rules, List.of(f));
        assertEquals(1, r.outcomes().size());
        assertTrue(r.outcomes().get(0).ok(), () -> r.outcomes().get(0).messages().toString());
    }

    @Test
    void aRuleWithoutScenarioFailsTheRun() {
        Cli.write(rules.resolve("judging/zz-orphan.drl"), """
                package plancheck.rules;
                import plancheck.model.*;

                rule "orphan rule"
                    @kind("limit") @source("test: no scenario makes it fire")
                when
                    PlanTarget(judge == "no-such-judge")
                then
                end
                """);
        Cli.Run r = Cli.run("rules", "test", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("zz-orphan.drl:4") && l.contains("rule \"orphan rule\"")), r::toString);
        assertTrue(r.out().contains("fired in no scenario"), r::toString);
    }

    @Test
    void aScenarioThatExpectsNothingOrHasATypoFails() throws Exception {
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-empty.yaml"), """
                name: nothing expected
                given:
                  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 41.6, unit: 万吨}]}
                ---
                name: a typo in a key
                given:
                  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 41.6, unit: 万吨}]}
                expect:
                  - {indicator: grain_capacity, year: 2026, stauts: PASS}
                ---
                name: no finding matches
                given:
                  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 41.6, unit: 万吨}]}
                expect:
                  - {indicator: grain_capacity, year: 2027, status: PASS}
                """);
        ScenarioRunner.Result r = ScenarioRunner.run(rules, List.of(f));
        assertEquals(3, r.outcomes().size());
        r.outcomes().forEach(o -> assertFalse(o.ok(), o::toString));
        assertTrue(r.outcomes().get(0).messages().get(0).contains("expects nothing"), r.outcomes().get(0)::toString);
        assertTrue(String.join("\n", r.outcomes().get(1).messages()).contains("unknown key \"stauts\""), r.outcomes().get(1)::toString);
        assertTrue(String.join("\n", r.outcomes().get(2).messages()).contains("no finding matches"), r.outcomes().get(2)::toString);
        assertFalse(r.ok());
    }

    @Test
    void noScenarioAtAllFails() throws Exception {
        ScenarioRunner.Result r = ScenarioRunner.run(rules, List.of());
        assertFalse(r.ok());
    }

    @Test
    void shippedJudgingScenariosPassAndCoverTheJudgingRules() throws Exception {
        List<Path> files = ScenarioRunner.scenarioFiles(Path.of("rules")).stream()
                .filter(p -> p.toString().replace('\\', '/').contains("scenarios/judging/")).toList();
        assertFalse(files.isEmpty());
        ScenarioRunner.Result r = ScenarioRunner.run(Path.of("rules"), files);
        for (ScenarioRunner.Outcome o : r.outcomes()) {
            assertTrue(o.ok(), () -> o.name() + " (" + o.file() + ":" + o.line() + ")\n" + String.join("\n", o.messages()));
        }
        Set<String> mine = Set.of("baseline.drl", "caliber.drl", "city.drl", "fallback.drl", "growth.drl", "limit.drl",
                "path.drl", "relational.drl");
        Set<String> missing = new TreeSet<>();
        for (DrlRules.Rule rule : r.rules()) {
            String file = rule.file().substring(rule.file().lastIndexOf('/') + 1);
            if (rule.file().contains("rules/judging/") && mine.contains(file) && !r.firings().containsKey(rule.name())) {
                missing.add(rule.where() + " " + rule.name());
            }
        }
        assertEquals(Set.of(), missing, "judging rules no judging scenario fires");
        assertTrue(r.rules().stream().filter(x -> mine.contains(x.file().substring(x.file().lastIndexOf('/') + 1))).count() >= 24);
    }

    private static final String PM25 = """
            name: %s
            clause: "专栏1 第24项"
            given:
              - file: env-2026.json
                submission: {region: 垫江县, year: 2026, indicators: [{id: pm25_concentration, value: 29, unit: 微克/立方米}]}
            %s
            expect:
              - {indicator: pm25_concentration, year: 2026, status: PENDING}
            """;

    @Test
    void aScenarioThatDependsOnAParameterItDoesNotStateIsNamed() throws Exception {
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-pm25.yaml"), PM25.formatted("pm25 pending, unstated", "")
                + "---\n" + PM25.formatted("pm25 pending, stated", "parameters: {pm25_concentration.target: null}"));
        ScenarioRunner.Result r = ScenarioRunner.run(rules, List.of(f));
        ScenarioRunner.Outcome unstated = r.outcomes().get(0);
        assertFalse(unstated.ok());
        assertEquals(List.of("scenarios/judging/zz-pm25.yaml:1:1: the outcome depends on the plan's parameter(s) "
                + "[pm25_concentration.target] (" + tmp.relativize(tmp.resolve("plans/dianjiang-15th")) + "/parameters.yaml), "
                + "which the scenario does not state, so the city's value would change it: state each under parameters: — null "
                + "to test the rules while it is unset, a number for a value, or plan when the scenario is about the plan's own "
                + "value (docs/scenarios.md)"),
                unstated.messages().stream().map(m -> m.substring(m.indexOf("scenarios/judging"))
                        .replace(plancheck.load.Paths2.display(tmp.resolve("plans/dianjiang-15th")), "plans/dianjiang-15th")).toList());
        assertTrue(r.outcomes().get(1).ok(), () -> String.join("\n", r.outcomes().get(1).messages()));
    }

    @Test
    void theCitysValueInThePlanChangesNoShippedScenario() throws Exception {
        // the header of parameters.yaml: "When the city assigns a value, fill it in … and run again"
        Path params = tmp.resolve("plans/dianjiang-15th/parameters.yaml");
        String text = java.nio.file.Files.readString(params);
        assertTrue(text.contains("value: null"));
        java.nio.file.Files.writeString(params, text.replace("value: null", "value: 3.5"));
        ScenarioRunner.Result r = ScenarioRunner.run(rules, ScenarioRunner.scenarioFiles(rules));
        List<String> failed = r.outcomes().stream().filter(o -> !o.ok()).map(o -> o.name() + ": " + o.messages()).toList();
        assertEquals(List.of(), failed);
        // and a scenario about the plan's own value follows it
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-plan.yaml"), PM25.formatted("pm25 against the plan's value",
                "parameters: {pm25_concentration.target: plan}").replace("status: PENDING", "status: VIOLATION, expected: 3.5"));
        ScenarioRunner.Outcome o = ScenarioRunner.run(rules, List.of(f)).outcomes().get(0);
        assertTrue(o.ok(), () -> String.join("\n", o.messages()));
    }
}
