package plancheck.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.engine.Standards;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;

/**
 * The problems of a broken national-standards table ({@code rules/standards/*.yaml}) in Chinese and in
 * English: a copy of the shipped tables is broken one way at a time (the loader stops at the first
 * problem) — a missing validFrom, a validTo before validFrom, an unknown kind, a limit that is not a
 * number, overlapping periods, a gap between periods, an unknown field, an unknown accident grade, a
 * YAML syntax error — and each problem is checked with its file, line:column or pointer, in both
 * languages, the Chinese not the English.
 */
class StandardsProblemsInBothLanguagesTest {

    @TempDir
    Path tmp;

    /** Copies the shipped tables, replaces {@code from} by {@code to} in one file, loads them: the one problem. */
    private InputProblem broken(String file, String from, String to) throws Exception {
        Path rules = tmp.resolve("rules-" + file + "-" + Integer.toHexString((from + to).hashCode()));
        Path dir = Files.createDirectories(rules.resolve("standards"));
        try (var s = Files.list(Path.of("rules", "standards"))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), () -> file + " no longer holds " + from);
        Files.writeString(f, text.replace(from, to));
        List<InputProblem> ps = assertThrows(InputException.class, () -> Standards.load(rules)).problems();
        assertEquals(1, ps.size(), ps::toString);
        InputProblem p = ps.get(0);
        assertEquals(Paths2.display(f), p.file());
        assertTrue(!p.text().zh().equals(p.text().en()), () -> "in English only: " + p.format("en"));
        assertTrue(p.text().zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "no Chinese in: " + p.format("zh"));
        return p;
    }

    /** Asserts the problem's place ({@code :line:column: pointer: } after the file) and its text in both languages. */
    private static void is(InputProblem p, String where, String zh, String en) {
        assertEquals(p.file() + where + en, p.format("en"));
        assertEquals(p.file() + where + zh, p.format("zh"));
        assertEquals(en, p.message());
    }

    /** @return another table of the same folder, shown as the problem shows it */
    private static String sibling(InputProblem p, String name) {
        return Paths2.display(Path.of(p.file()).resolveSibling(name));
    }

    @Test
    void aMissingValidFrom() throws Exception {
        is(broken("hj633-2026.yaml", "validFrom: 2026-03-01\n", ""), ": /validFrom: ", "缺少此项", "missing");
    }

    @Test
    void aValidToBeforeValidFrom() throws Exception {
        is(broken("gb3095-2026.yaml", "validTo: 2030-12-31", "validTo: 2020-12-31"), ": /validTo: ",
                "适用期的最后一天 validTo 2020-12-31 早于第一天 validFrom 2026-03-01",
                "validTo 2020-12-31 is before validFrom 2026-03-01");
    }

    @Test
    void aDateThatIsNotADate() throws Exception {
        is(broken("decree-493.yaml", "validFrom: 2007-06-01", "validFrom: \"June 2007\""), ": /validFrom: ",
                "应为日期 YYYY-MM-DD，实为\"June 2007\"", "expected a date YYYY-MM-DD, found \"June 2007\"");
    }

    @Test
    void anUnknownKind() throws Exception {
        String kinds = "surface-water, air-quality-index, air-limits, accidents, standard-coal";
        is(broken("decree-493.yaml", "kind: accidents", "kind: accident"), ": /kind: ",
                "未知的标准表种类 \"accident\"（应为 " + kinds + " 之一）",
                "unknown kind \"accident\" (expected one of " + kinds + ")");
    }

    @Test
    void aLimitThatIsNotANumber() throws Exception {
        is(broken("gb3838-2002.yaml", "all: {I: 2, II: 4, III: 6, IV: 10, V: 15}", "all: {I: 2, II: 4, III: six, IV: 10, V: 15}"),
                ": /items/3/all/III: ", "应为数值，实为\"six\"", "expected a number, found \"six\"");
    }

    @Test
    void aLimitStricterThanTheBetterClass() throws Exception {
        is(broken("gb3838-2002.yaml", "all: {I: 2, II: 4, III: 6, IV: 10, V: 15}", "all: {I: 2, II: 4, III: 3, IV: 10, V: 15}"),
                ": /items/3/all/III: ", "III 类的限值 3 严于更优一类的 ≤ 4（从Ⅰ类到Ⅴ类，限值不得递减）",
                "limit 3 of class III is stricter than the better class's ≤ 4 (limits must not decrease from Ⅰ to Ⅴ)");
    }

    @Test
    void overlappingPeriods() throws Exception {
        InputProblem p = broken("hj633-2026.yaml", "validFrom: 2026-03-01", "validFrom: 2026-02-01");
        String other = sibling(p, "hj633-2012.yaml");
        is(p, ": /validFrom: ",
                "适用期 2026-02-01起 与 " + other + "（HJ 633-2012，2016-01-01至2026-02-28）的适用期重叠：2026-02-01 将有两张 air-quality-index 标准表同时适用",
                "its period from 2026-02-01 overlaps " + other + " (HJ 633-2012, 2016-01-01 to 2026-02-28): two air-quality-index "
                        + "tables would be in force on 2026-02-01");
    }

    @Test
    void aGapBetweenPeriods() throws Exception {
        InputProblem p = broken("gb3095-2026.yaml", "validFrom: 2026-03-01", "validFrom: 2026-03-05");
        String other = sibling(p, "gb3095-2012.yaml");
        is(p, ": /validFrom: ",
                "适用期始于 2026-03-05，而 " + other + "（GB 3095-2012）的适用期止于 2026-02-28：2026-03-01 至 2026-03-04 没有适用的 air-limits 标准表",
                "its period starts on 2026-03-05 but " + other + " (GB 3095-2012) ends on 2026-02-28: no air-limits table is in force "
                        + "from 2026-03-01 to 2026-03-04");
    }

    @Test
    void anUnknownFieldListsTheFieldsInOrder() throws Exception {
        String fields = "clause, generalSource, grades, inclusiveSource, kind, standard, title, validFrom, validTo";
        is(broken("decree-493.yaml", "kind: accidents\n", "kind: accidents\ncolour: red\n"), ": /colour: ",
                "未知字段（应为以下之一：" + fields + "）", "unknown field (expected one of " + fields + ")");
    }

    @Test
    void anUnknownAccidentGrade() throws Exception {
        is(broken("decree-493.yaml", "grade: EXTRAORDINARY", "grade: HUGE"), ": /grades/0/grade: ",
                "事故等级应为 LARGER（较大）、MAJOR（重大）或 EXTRAORDINARY（特别重大），实为\"HUGE\"",
                "expected LARGER, MAJOR or EXTRAORDINARY, found \"HUGE\"");
    }

    @Test
    void aGradeListedTwice() throws Exception {
        is(broken("decree-493.yaml", "  - grade: MAJOR", "  - grade: EXTRAORDINARY"), ": /grades: ",
                "事故等级 EXTRAORDINARY 重复出现", "grade EXTRAORDINARY appears twice");
    }

    @Test
    void aThresholdBelowTheGradeUnder() throws Exception {
        is(broken("decree-493.yaml", "    deaths: 10\n", "    deaths: 2\n"), ": /grades: ",
                "MAJOR.deaths 须高于 3（较高等级的门槛须高于较低等级）", "MAJOR.deaths must be above 3");
    }

    @Test
    void aqiCategoriesWithAGap() throws Exception {
        is(broken("hj633-2026.yaml", "{min: 51, max: 100,", "{min: 52, max: 100,"), ": ",
                "AQI 类别须从 0 起首尾相接，只有最后一类不设上限", "categories must be contiguous from 0, only the last open-ended");
    }

    @Test
    void aCarrierInAUnitTheTableLacks() throws Exception {
        is(broken("gb-t-2589.yaml", "    unit: kg\n", "    unit: jin\n"), ": ",
                "能源品种 raw_coal：单位 jin 不在单位表中", "carrier raw_coal: unit jin is not in the unit table");
    }

    @Test
    void aYamlSyntaxErrorIsPlacedByLineAndColumn() throws Exception {
        InputProblem p = broken("decree-493.yaml", "kind: accidents\n", "kind: [accidents\n");
        assertTrue(p.line() > 0 && p.column() > 0, p::toString);
        assertEquals("", p.pointer());
        String at = p.file() + ":" + p.line() + ":" + p.column() + ": ";
        assertTrue(p.format("en").startsWith(at + "not valid YAML: "), p::toString);
        assertTrue(p.format("zh").startsWith(at + "不是有效的 YAML："), () -> p.format("zh"));
    }

    @Test
    void rulesLintPrintsAStandardsProblemInChineseByDefaultAndInEnglishOnRequest() throws Exception {
        Path rules = Cli.copyShipped(tmp.resolve("lint"));
        Path f = rules.resolve("standards/gb3095-2026.yaml");
        Files.writeString(f, Files.readString(f).replace("validTo: 2030-12-31", "validTo: 2020-12-31"));
        Cli.Run zh = Cli.run("rules", "lint", "--rules", rules.toString());
        Cli.Run en = Cli.run("rules", "lint", "--rules", rules.toString(), "--lang", "en");
        assertTrue(zh.exit() != 0 && en.exit() == zh.exit(), zh::toString);
        assertTrue(zh.out().contains("gb3095-2026.yaml: /validTo: 适用期的最后一天 validTo 2020-12-31 早于第一天 validFrom 2026-03-01"),
                zh::toString);
        assertTrue(en.out().contains("gb3095-2026.yaml: /validTo: validTo 2020-12-31 is before validFrom 2026-03-01"), en::toString);
    }
}
