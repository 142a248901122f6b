package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.model.Finding;

/** The rules folder is read at run time: a dropped-in rule is picked up; a broken one stops the run. */
class RulesFolderTest {

    @TempDir
    Path dir;

    @Test
    void aDrlFileDroppedIntoTheRulesFolderIsPickedUp() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("extra/grain-trend.drl"), """
                package plancheck.rules;
                import plancheck.model.*;
                global plancheck.engine.Emit out;

                rule "grain: below the 2025 level"
                    @kind("trend") @source("第二十章第二节")
                when
                    $y : PlanYear(judged)
                    $o : Observation(indicator == "grain_capacity", year == $y.year, usable, value < 41.7)
                then
                    insert(out.finding(drools, "grain_capacity", $y.year(), "垫江县·趋势").status(Status.WARNING)
                        .actual($o).message("extra.grain-trend").build());
                end
                """);
        TestSupport.write(rules.resolve("messages/extra.yaml"), """
                messages:
                  extra.grain-trend:
                    zh: "{actual}{unit}，低于2025年41.7万吨"
                    en: "{actual} {unit}, below 41.7 in 2025"
                """);
        Path sub = TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "41.6", "万吨"));
        List<Finding> f = TestSupport.runWith(rules, sub);
        Finding extra = f.stream().filter(x -> x.rule().equals("grain: below the 2025 level")).findFirst().orElseThrow();
        assertEquals("垫江县·趋势", extra.subject());
        assertEquals("trend", extra.kind());
        assertEquals("41.6万吨，低于2025年41.7万吨", extra.message().zh());
    }

    @Test
    void aDrlSyntaxErrorStopsTheRunWithFileAndLine() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("judging/broken.drl"), """
                package plancheck.rules;
                import plancheck.model.*;

                rule "broken"
                when
                    $y : PlanYear(judged
                then
                end
                """);
        Path sub = TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "41.6", "万吨"));
        String[] r = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                sub.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].matches("(?s).*judging/broken\\.drl:\\d+(:\\d+)?: DRL 编译失败：.*"), r[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")));
    }

    @Test
    void aBrokenCatalogueEntryIsReported() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(plan.resolve("catalogue/extra.yaml"), """
                targets:
                  - id: grain_capacity
                    name: {zh: 重复, en: duplicate}
                    unit: 万斤
                    baseline: {text: "1", value: 1}
                    target: {text: "2", value: 2}
                    comparator: "=>"
                    binding: maybe
                    judge: path
                """);
        Path sub = TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "41.6", "万吨"));
        String[] r = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                "--lang", "en", sub.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("/targets/0/source: missing 'source'"), r[2]);
        assertTrue(r[2].contains("unknown comparator '=>'"), r[2]);
        assertTrue(r[2].contains("/targets/0/binding: expected true (约束性) or false (预期性)"), r[2]);
        String[] zh = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                sub.toString());
        assertEquals("2", zh[0]);
        assertTrue(zh[2].contains("/targets/0/source: 缺少 'source'"), zh[2]);
        assertTrue(zh[2].contains("无法识别的比较符 '=>'（应为 >=、>、<=、< 之一）"), zh[2]);
        assertTrue(zh[2].contains("/targets/0/binding: 应为 true（约束性）或 false（预期性）"), zh[2]);
    }

    @Test
    void aMessageKeyThatDoesNotExistIsARuleDefect() {
        Path rules = dir.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        TestSupport.write(rules.resolve("extra/typo.drl"), """
                package plancheck.rules;
                import plancheck.model.*;
                global plancheck.engine.Emit out;
                rule "typo"
                when
                    $y : PlanYear(judged)
                then
                    insert(out.finding(drools, "grain_capacity", $y.year(), "x").status(Status.PASS).message("no.such.key").build());
                end
                """);
        Path sub = TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("grain_capacity", "41.6", "万吨"));
        String[] r = InputTest.cli("check", "--rules", rules.toString(), "--out", dir.resolve("out").toString(),
                sub.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("rule \"typo\" uses message key \"no.such.key\""), r[2]);
    }
}
