package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.Paths2;

/**
 * A scenario file's own mistakes, each at its file:line:column, in Chinese and English: a given
 * submission's problem where it is written in the scenario (not in a temporary file); an expectation of
 * the wrong type, saying what was expected and what was found; a trailing {@code ---} is no scenario.
 */
class ScenarioFileProblemsTest {

    @TempDir
    Path tmp;
    Path rules;

    @BeforeEach
    void copyRules() {
        rules = Cli.copyShipped(tmp);
    }

    /** A scenario of the grain capacity below its floor in 2026 with the expectations given (lines 5 on). */
    private Path scenario(String file, String name, String expect) {
        return Cli.write(rules.resolve("scenarios/judging/" + file), "name: " + name + "\ngiven:\n"
                + "  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 40.99, unit: 万吨}]}\n"
                + "expect:\n" + expect);
    }

    private static List<String> messages(Path rules, Path f, String lang) throws Exception {
        ScenarioRunner.Outcome o = ScenarioRunner.run(rules, List.of(f)).outcomes().get(0);
        assertFalse(o.ok(), () -> String.join("\n", o.messages(lang)));
        return o.messages(lang);
    }

    @Test
    void aGivenSubmissionsProblemIsShownInTheScenarioFile() throws Exception {
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-given.yaml"), """
                name: a year that is not a number
                given:
                  - file: b.json
                    submission:
                      region: 垫江县
                      year: "2026x"
                      indicators: [{id: grain_capacity, value: 40.99, unit: 万吨}]
                expect:
                  - {indicator: grain_capacity, year: 2026, status: VIOLATION}
                """);
        String d = Paths2.display(f);
        String zh = String.join("\n", messages(rules, f, "zh"));
        assertTrue(zh.contains(d + ":6:7: /given/0/submission/year: 应为数字，实为文本\"2026x\""), zh);
        assertFalse(zh.contains("plancheck-scenario") || zh.contains("b.json"), zh);
        String en = String.join("\n", messages(rules, f, "en"));
        assertTrue(en.contains(d + ":6:7: /given/0/submission/year: "), en);
        assertFalse(en.contains("plancheck-scenario"), en);

        Cli.Run r = Cli.run("rules", "test", "--rules", rules.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains(d + ":6:7: /given/0/submission/year: 应为数字，实为文本\"2026x\""), r::toString);
    }

    @Test
    void expectationsOfTheWrongTypeSayWhatWasExpectedAndFound() throws Exception {
        Path f = scenario("zz-types.yaml", "wrong types", """
                  - indicator: grain_capacity
                    year: "2027x"
                    status: VIOLATION
                    details: 5
                    messageContains: []
                    expected: [1]
                  - {indicator: grain_capacity, year: 2026, status: VIOLATION, details: "foo"}
                """);
        String d = Paths2.display(f);
        assertEquals(List.of(
                d + ":6:5: year 应为整数年份（如 2027），实际为 \"2027x\"",
                d + ":10:5: expected 应为数值或 null，实际为 [1]",
                d + ":8:5: details 应为映射（键: 预期值），实际为 5",
                d + ":9:5: messageContains 应为文本或文本的列表（均不为空），实际为 []",
                d + ":11:64: details 应为映射（键: 预期值），实际为 \"foo\""), messages(rules, f, "zh"));
        assertEquals(List.of(
                d + ":6:5: year: expected a year, a whole number (e.g. 2027), found \"2027x\"",
                d + ":10:5: expected: expected a number or null, found [1]",
                d + ":8:5: details: expected a mapping (key: expected value), found 5",
                d + ":9:5: messageContains: expected a text or a list of texts (none empty), found []",
                d + ":11:64: details: expected a mapping (key: expected value), found \"foo\""), messages(rules, f, "en"));
        Cli.Run r = Cli.run("rules", "test", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("FAIL  wrong types"), r::toString);
    }

    @Test
    void aMissingYearIsStillSaidToBeMissing() throws Exception {
        Path f = scenario("zz-noyear.yaml", "no year", """
                  - {indicator: grain_capacity, status: VIOLATION}
                """);
        assertEquals(List.of(Paths2.display(f) + ":5:5: 缺少 year"), messages(rules, f, "zh"));
    }

    @Test
    void aTrailingDocumentSeparatorIsNoScenario() throws Exception {
        String one = """
                name: grain below the floor, then ---
                clause: "专栏1 第26项"
                given:
                  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 40.99, unit: 万吨}]}
                expect:
                  - {indicator: grain_capacity, year: 2026, rule: every-year-limit, status: VIOLATION, actual: 40.99}
                """;
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-trailing.yaml"), one + "---\n");
        ScenarioRunner.Result r = ScenarioRunner.run(rules, List.of(f));
        assertEquals(1, r.outcomes().size(), r.outcomes()::toString);
        assertTrue(r.outcomes().get(0).ok(), () -> String.join("\n", r.outcomes().get(0).messages("en")));

        // a document with content that is not a mapping is still an error
        Path g = Cli.write(rules.resolve("scenarios/judging/zz-trailing.yaml"), one + "---\n\"\"\n");
        ScenarioRunner.Result r2 = ScenarioRunner.run(rules, List.of(g));
        assertEquals(2, r2.outcomes().size());
        assertEquals(List.of(Paths2.display(g) + ":8:1: 此处应为一个情景（包含 name、given、expect 的映射）"),
                r2.outcomes().get(1).messages("zh"));
        assertEquals(List.of(Paths2.display(g) + ":8:1: expected a scenario (a mapping with name, given, expect)"),
                r2.outcomes().get(1).messages("en"));
    }
}
