package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' commands speak Chinese by default and English with {@code --lang en}, with the same
 * locations (file:line:column) and the same exit status in both; a bad {@code --lang} is refused as by
 * {@code check}.
 */
class AnalystLanguageTest {

    @TempDir
    Path tmp;
    Path rules;
    Path plan;

    @BeforeEach
    void copyRules() {
        rules = Cli.copyShipped(tmp);
        plan = tmp.resolve("plans/dianjiang-15th");
    }

    private Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void lintOfACleanFolderInBothLanguages() {
        Cli.Run zh = run("rules", "lint", "--rules", rules.toString());
        assertEquals(0, zh.exit(), zh::toString);
        assertTrue(zh.out().matches("(?s)rules lint：\\S+ 未发现问题：\\d+个DRL文件共\\d+条规则编译通过；已检查\\d+个目标、\\d+个参数\\n"),
                zh::toString);
        Cli.Run en = run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(0, en.exit(), en::toString);
        assertTrue(en.out().matches("(?s)rules lint: \\S+ is clean: \\d+ DRL file\\(s\\) with \\d+ rule\\(s\\) compile; "
                + "\\d+ target\\(s\\), \\d+ parameter\\(s\\) checked\\n"), en::toString);
        // the same numbers in both
        assertEquals(zh.out().replaceAll("\\D+", " ").trim(), en.out().replaceAll("\\D+", " ").trim());
    }

    @Test
    void lintOfADrlErrorAndAYamlErrorInBothLanguages() {
        Cli.write(rules.resolve("judging/zz-broken.drl"), LintTest.BROKEN_DRL);
        Cli.write(plan.resolve("catalogue/zz-bad.yaml"), "targets:\n  - id: x\n    name: [unclosed\n");
        Cli.Run zh = run("rules", "lint", "--rules", rules.toString());
        Cli.Run en = run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(1, en.exit(), en::toString);
        assertTrue(zh.out().lines().anyMatch(l -> l.matches(".*catalogue/zz-bad\\.yaml:3:\\d+: 不是有效的 YAML：.*")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches(".*catalogue/zz-bad\\.yaml:3:\\d+: not valid YAML: .*")), en::toString);
        assertTrue(zh.out().lines().anyMatch(l -> l.matches(".*judging/zz-broken\\.drl:7: DRL 编译失败：.*")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches(".*judging/zz-broken\\.drl:7: DRL does not compile: .*")), en::toString);
        assertTrue(zh.out().lines().anyMatch(l -> l.matches("rules lint：\\S+ 中发现\\d+个问题")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches("rules lint: \\d+ problem\\(s\\) in \\S+")), en::toString);
        assertFalse(zh.out().contains("not valid YAML") || zh.out().contains("does not compile") || zh.out().contains("problem(s)"),
                zh::toString);
    }

    @Test
    void lintOfACatalogueEntryInBothLanguages() {
        Cli.write(plan.resolve("catalogue/zz-lint.yaml"), "targets:\n"
                + LintTest.OK_ENTRY.replace("lint_ok", "lint_cmp").replace("\">=\"", "\"≥\""));
        Cli.Run zh = run("rules", "lint", "--rules", rules.toString());
        Cli.Run en = run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(1, en.exit(), en::toString);
        assertTrue(zh.out().contains("zz-lint.yaml:8:5: /targets/0/comparator: 目标 'lint_cmp'：无法识别的比较符 '≥'（应为 >=、>、<=、< 之一）"),
                zh::toString);
        assertTrue(en.out().contains("zz-lint.yaml:8:5: /targets/0/comparator: target 'lint_cmp': unknown comparator '≥' "
                + "(expected one of >=, >, <=, <)"), en::toString);
    }

    @Test
    void rulesTestWithAPassingAndAFailingScenarioInBothLanguages() {
        Cli.write(rules.resolve("scenarios/judging/zz-lang.yaml"), ScenarioRunnerTest.GRAIN.formatted("grain below the floor", "VIOLATION")
                + "---\n" + ScenarioRunnerTest.GRAIN.formatted("grain wrongly expected to pass", "PASS"));
        Cli.Run zh = run("rules", "test", "--rules", rules.toString(), "-v");
        Cli.Run en = run("rules", "test", "--rules", rules.toString(), "-v", "--lang", "en");
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(1, en.exit(), en::toString);

        assertTrue(zh.out().lines().anyMatch(l -> l.matches("通过  grain below the floor（.*zz-lang\\.yaml:1）")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches("ok    grain below the floor  \\(.*zz-lang\\.yaml:1\\)")), en::toString);

        assertTrue(zh.out().lines().anyMatch(l -> l.matches("失败  grain wrongly expected to pass（.*zz-lang\\.yaml:\\d+）")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches("FAIL  grain wrongly expected to pass  \\(.*zz-lang\\.yaml:\\d+\\)")),
                en::toString);
        assertTrue(zh.out().contains("zz-lang.yaml:15:5: expect[0] grain_capacity 2026 (垫江县) rule \"every-year-limit\": 与实际不符"),
                zh::toString);
        assertTrue(en.out().contains("zz-lang.yaml:15:5: expect[0] grain_capacity 2026 (垫江县) rule \"every-year-limit\": does not match"),
                en::toString);
        assertTrue(zh.out().lines().anyMatch(l -> l.trim().matches("预期\\s+实际")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.trim().matches("expected\\s+actual")), en::toString);
        for (Cli.Run r : new Cli.Run[] {zh, en}) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().matches("status\\s+PASS\\s+VIOLATION\\s+✗")), r::toString);
        }
        // the expected and actual columns line up under their headers in Chinese too (两个汉字占四列)
        String header = zh.out().lines().filter(l -> l.trim().matches("预期\\s+实际")).findFirst().orElseThrow();
        String status = zh.out().lines().filter(l -> l.trim().startsWith("status")).findFirst().orElseThrow();
        assertEquals(status.indexOf("VIOLATION"), header.indexOf("实际") + 2, zh::toString);

        assertTrue(zh.out().lines().anyMatch(l -> l.matches("rules test：\\d+个文件共\\d+个情景、\\d+项预期：通过\\d+个，失败1个；"
                + "已触发规则\\d+条，共\\d+条")), zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches("rules test: \\d+ scenario\\(s\\) in \\d+ file\\(s\\), \\d+ expectation\\(s\\): "
                + "\\d+ passed, 1 failed; rules fired: \\d+ of \\d+")), en::toString);
        assertTrue(zh.out().lines().anyMatch(l -> l.matches("rules test：以规划自身的数值检验\\d+个目标的边界，共\\d+个用例.*：未通过0个")),
                zh::toString);
        assertTrue(en.out().lines().anyMatch(l -> l.matches("rules test: boundaries of \\d+ target\\(s\\) with the plan's own numbers, "
                + "\\d+ case\\(s\\).*: 0 failed")), en::toString);
        // no example submissions beside this copy
        assertTrue(zh.out().contains("提示  ") && zh.out().contains("下没有示例报送：不检查示例，也不比对黄金报告（可用 --facts DIR 指定）"),
                zh::toString);
        assertTrue(en.out().contains("note  no example submissions at "), en::toString);
        assertFalse(zh.out().contains("FAIL") || zh.out().contains("passed") || zh.out().contains("does not match"), zh::toString);
    }

    @Test
    void aScenarioProblemInBothLanguages() throws Exception {
        Path f = Cli.write(rules.resolve("scenarios/judging/zz-typo.yaml"), """
                name: a typo in a key
                given:
                  - submission: {region: 垫江县, year: 2026, indicators: [{id: grain_capacity, value: 41.6, unit: 万吨}]}
                expect:
                  - {indicator: grain_capacity, year: 2026, stauts: PASS}
                """);
        ScenarioRunner.Outcome o = ScenarioRunner.run(rules, java.util.List.of(f)).outcomes().get(0);
        assertFalse(o.ok());
        String zh = String.join("\n", o.messages("zh"));
        String en = String.join("\n", o.messages("en"));
        assertTrue(zh.contains("zz-typo.yaml:5:45: 无法识别的键 \"stauts\"（应为 [") && zh.contains("缺少 status（取值为 ["), zh);
        assertTrue(en.contains("zz-typo.yaml:5:45: unknown key \"stauts\" (expected one of [") && en.contains("missing status (one of ["), en);
    }

    @Test
    void aBadLanguageIsRefusedAsByCheck() {
        Cli.Run check = run("check", "--lang", "fr", "facts");
        for (String cmd : new String[] {"lint", "test", "list", "golden"}) {
            Cli.Run r = run("rules", cmd, "--rules", rules.toString(), "--lang", "fr");
            assertEquals(2, r.exit(), r::toString);
            assertEquals(check.exit(), r.exit());
            assertEquals(check.err(), r.err(), cmd);
            assertTrue(r.err().contains("--lang：应为zh或en，实为\"fr\""), r::toString);
            assertEquals("", r.out(), r::toString);
        }
    }

    @Test
    void listHeadersInBothLanguages() {
        Cli.Run zh = run("rules", "list", "--rules", rules.toString());
        Cli.Run en = run("rules", "list", "--rules", rules.toString(), "--lang", "en");
        assertEquals(0, zh.exit(), zh::toString);
        assertEquals(0, en.exit(), en::toString);
        assertTrue(zh.out().startsWith("目标（") && zh.out().contains("\n编号\t序号\t领域\t判定方式\t") && zh.out().contains("\n规则（"),
                zh::toString);
        assertTrue(en.out().startsWith("TARGETS (") && en.out().contains("\nid\titem\tarea\tjudge\t") && en.out().contains("\nRULES ("),
                en::toString);
        assertEquals(zh.out().lines().count(), en.out().lines().count());
        // each target with the line of its catalogue entry
        assertTrue(en.out().lines().anyMatch(l -> l.startsWith("gdp_growth\t") && l.matches(".*/catalogue/table1\\.yaml:[1-9]\\d*")),
                en::toString);
    }
}
