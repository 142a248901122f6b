package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.RulesLoader;

/**
 * The problems of a rules or plan folder ({@code rules lint}, and {@code check} refusing the folder with
 * exit 2) in Chinese and in English: a copy of the shipped rules and plan is broken in many ways at once
 * (catalogue entries with missing or ill-typed fields, an unknown unit, a parameter without a number or a
 * source, plan.yaml, responsible-units.yaml, files in the wrong folder); each problem is checked with its
 * file:line:column and pointer in both languages, and none of them is left in English only.
 */
class RulesProblemsInBothLanguagesTest {

    @TempDir
    Path tmp;
    Path rules;
    Path plan;

    @BeforeEach
    void breakTheFolders() throws Exception {
        rules = Cli.copyShipped(tmp, "scenarios");
        plan = tmp.resolve("plans/dianjiang-15th");
        Cli.write(plan.resolve("catalogue/zz-lang.yaml"), """
                targets:
                  - id: lang_a
                    area: economy
                    name: {zh: 测试, en: test}
                    unit: "%"
                    baseline: {value: 53}
                    target: {text: "60", value: "sixty"}
                    comparator: ">="
                    binding: maybe
                    attribute: sometimes
                    table: "seven"
                    range: [0]
                    related: [gdp]
                    colour: red
                    judge: path
                    source: "第三章第三节"
                """ + LintTest.OK_ENTRY.replace("lint_ok", "lang_b").replace("judge: path", "judge: city_assigned") + """
                    unitAliases: {"成": "成数"}
                    needs: [no_such_indicator]
                """);
        Path params = plan.resolve("parameters.yaml");
        Files.writeString(params, Files.readString(params) + """
                  - id: lang.target
                    value: "high"
                    unit: "%"
                """);
        Path p = plan.resolve("plan.yaml");
        Files.writeString(p, Files.readString(p).replace("baseYear: 2025", "baseYear: \"twenty\""));
        Cli.write(plan.resolve("stray.drl"), "package plancheck.stray;\n");
        Cli.write(plan.resolve("units.yaml"), "units: []\n");
        Path ru = plan.resolve("responsible-units.yaml");
        Files.writeString(ru, Files.readString(ru).replaceFirst("records: \\[cropOutput\\]", "records: [cropOutput, harvests]"));
    }

    /** Every problem of the broken folders: those {@code rules lint} finds and those the loader finds. */
    private List<InputProblem> all() throws Exception {
        List<InputProblem> all = new ArrayList<>(Lint.run(rules).problems());
        all.addAll(assertThrows(InputException.class, () -> RulesLoader.load(rules, plan)).problems());
        return all;
    }

    /** Asserts one problem at {@code where} (file of the plan folder, :line:column, pointer) in both languages. */
    private static void has(List<InputProblem> all, String file, String where, String zh, String en) {
        List<InputProblem> m = all.stream().filter(p -> p.file().endsWith("/dianjiang-15th/" + file)
                && p.format("en").equals(p.file() + where + en)).toList();
        assertEquals(1, m.size(), () -> "expected " + file + where + en + " once; all:\n" + String.join("\n",
                all.stream().map(p -> p.format("en")).toList()));
        assertEquals(m.get(0).file() + where + zh, m.get(0).format("zh"));
    }

    /** Each problem the broken folders hold: file of the plan folder, :line:column: pointer, Chinese, English. */
    private static String[][] lintCases() {
        String c = "catalogue/zz-lang.yaml";
        String keys = "[area, attribute, baseline, baselineCaliber, binding, caliber, calibers, comparator, id, judge, "
                + "name, needs, note, notes, parameter, printedUnit, range, related, source, table, target, unit, "
                + "unitAliases, warnAt, year]";
        return new String[][] {
                {c, ":6:5: /targets/0/baseline/text: ",
                        "缺少 text：规划文本中印出的原文数值",
                        "missing: the value as the plan prints it"},
                {c, ":7:26: /targets/0/target/value: ", "应为数值，实为文本", "expected a number, found STRING"},
                {c, ":7:26: /targets/0/target/value: ",
                        "应为数值，或 missing: true（——），或 cityAssigned: true（市级下达）",
                        "expected a number, or missing: true (——), or cityAssigned: true (市级下达)"},
                {c, ":9:5: /targets/0/binding: ", "应为 true（约束性）或 false（预期性）", "expected true (约束性) or false (预期性)"},
                {c, ":10:5: /targets/0/attribute: ",
                        "属性应为 binding（约束性）、expected（预期性）或 not_stated（未注明），实为\"sometimes\"",
                        "expected binding, expected or not_stated, found \"sometimes\""},
                {c, ":11:5: /targets/0/table: ",
                        "应为专栏1中的序号（1—99 的整数），实为\"seven\"",
                        "expected the item number in 专栏1 (a whole number), found \"seven\""},
                {c, ":12:5: /targets/0/range: ",
                        "应为 [最小值, 最大值]，各为数值或 null，如 [0, 100]",
                        "expected [min, max] with numbers or null, e.g. [0, 100]"},
                {c, ":13:5: /targets/0/related: ", "应为文本，实为列表", "expected text, found a list"},
                {c, ":14:5: /targets/0/colour: ",
                        "无法识别的键 'colour'（应为以下之一：" + keys + "）",
                        "unknown key 'colour' (expected one of " + keys + ")"},
                {c, ":17:5: lang_b/parameter: ",
                        "市级下达（city_assigned）的目标须以 parameter 给出参数 id",
                        "a city_assigned target needs a parameter id"},
                {c, ":27:19: lang_b/unitAliases/成: ", "单位 '成数' 不在单位表 units.yaml 中", "unit '成数' is not in units.yaml"},
                {c, ":28:5: lang_b/needs: ",
                        "指标 'no_such_indicator' 不在目录中",
                        "indicator 'no_such_indicator' is not in the catalogue"},
                {"parameters.yaml", ":37:5: /parameters/7/source: ",
                        "参数 lang.target 缺少出处条款（source）",
                        "missing source clause for parameter lang.target"},
                {"parameters.yaml", ":38:5: /parameters/7/value: ",
                        "参数值应为数值，市级尚未下达时为 null；实为文本",
                        "expected a number, or null while the city has not assigned it; found STRING"},
                {"plan.yaml", ": /baseYear: ",
                        "应为年份（整数，如 2025），实为\"twenty\"",
                        "expected a year (a whole number such as 2025), found \"twenty\""},
                {"responsible-units.yaml", ": /bureaus/0/records: ",
                        "无法识别的填报记录类别 \"harvests\"（应为以下之一：[accidents, waterSamples, airDaily, energyUse, cropOutput]）",
                        "unknown record list \"harvests\" (expected one of [accidents, waterSamples, airDaily, energyUse, cropOutput])"},
                {"stray.drl", ": ",
                        "规划文件夹只存放规划本身的数据；规则（.drl 文件）应放在规则文件夹中",
                        "a plan folder holds the plan's data only; rules (.drl files) belong in the rules folder"},
                {"units.yaml", ": ",
                        "units.yaml 应放在规则文件夹中（所有规划共用一张单位表）",
                        "units.yaml belongs in the rules folder (one unit table for every plan)"},
        };
    }

    @Test
    void lintNamesEachProblemWithItsPlaceInBothLanguages() throws Exception {
        List<InputProblem> ps = Lint.run(rules).problems();
        for (String[] k : lintCases()) {
            has(ps, k[0], k[1], k[2], k[3]);
        }
    }

    @Test
    void theLoaderGivesTheSameProblemsWithoutLinesInBothLanguages() throws Exception {
        List<InputProblem> ps = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan)).problems();
        has(ps, "catalogue/zz-lang.yaml", ": lang_b/unitAliases/成: ", "单位 '成数' 不在单位表 units.yaml 中",
                "unit '成数' is not in units.yaml");
        has(ps, "catalogue/zz-lang.yaml", ": /targets/0/binding: ", "应为 true（约束性）或 false（预期性）",
                "expected true (约束性) or false (预期性)");
        has(ps, "parameters.yaml", ": /parameters/7/value: ", "参数值应为数值，市级尚未下达时为 null；实为文本",
                "expected a number, or null while the city has not assigned it; found STRING");
    }

    @Test
    void noProblemOfTheseFoldersIsInEnglishOnly() throws Exception {
        List<InputProblem> all = all();
        assertTrue(all.size() >= 30, () -> all.size() + " problems: " + all);
        for (InputProblem p : all) {
            assertTrue(!p.text().zh().equals(p.text().en()), () -> "in English only: " + p.format("en"));
            assertTrue(p.text().zh().codePoints().anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN),
                    () -> "no Chinese in: " + p.format("zh"));
        }
    }

    @Test
    void rulesLintPrintsThemInChineseByDefaultAndInEnglishOnRequest() {
        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        Cli.Run en = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertEquals(1, zh.exit(), zh::toString);
        assertEquals(1, en.exit(), en::toString);
        assertTrue(zh.out().contains("zz-lang.yaml:9:5: /targets/0/binding: 应为 true（约束性）或 false（预期性）"), zh::toString);
        assertTrue(en.out().contains("zz-lang.yaml:9:5: /targets/0/binding: expected true (约束性) or false (预期性)"), en::toString);
        assertTrue(zh.out().contains("plan.yaml: /baseYear: 应为年份（整数，如 2025），实为\"twenty\""), zh::toString);
        for (String english : List.of("expected a ", "expected one", "unknown key", "belongs in", "is not in", "found ", "not defined")) {
            assertTrue(!zh.out().contains(english), () -> "\"" + english + "\" in the Chinese output:\n" + zh.out());
        }
    }
}
