package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.cli.Main;

/** Bad input: exit status 2, every problem with file, line:column and JSON pointer, nothing written. */
class InputTest {

    @TempDir
    Path dir;

    /** Runs the command line; returns {exit status, stdout, stderr}. */
    static String[] cli(String... args) {
        return TestSupport.cli(args);
    }

    /** Checks the files with messages in English (what most assertions below compare). */
    private String[] check(Path... files) {
        return checkIn("en", files);
    }

    private String[] checkIn(String lang, Path... files) {
        return TestSupport.check(dir.resolve("out"), lang, files);
    }

    @Test
    void malformedJsonGivesFileLineColumnAndNoReport() {
        Path bad = TestSupport.write(dir.resolve("bad.json"),
                "{\n  \"format\": \"plancheck-facts/1\",\n  \"region\": \"垫江县\",\n  \"year\": 2026,\n  \"indicators\": [\n    {\"id\": \"grain_capacity\" \"value\": 41}\n  ]\n}\n");
        String[] r = check(bad);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("bad.json:6:"), r[2]);
        assertTrue(r[2].contains("not valid JSON"), r[2]);
        assertFalse(r[2].contains("Source:") || r[2].contains("StreamReadFeature"), "no parser internals: " + r[2]);
        assertFalse(r[2].contains("\tat "), "no stack trace: " + r[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")));
        assertFalse(Files.exists(dir.resolve("out/report.md")));
    }

    @Test
    void everyStructuralProblemIsListedWithPointer() {
        Path bad = TestSupport.write(dir.resolve("s.json"), """
                {
                  "format": "plancheck-facts/1",
                  "year": "2026",
                  "indicators": [
                    {"id": "grain_capacity", "value": "41.6", "unit": "万吨"},
                    {"id": "grain_capacity", "value": 41.6},
                    {"id": "grain_capacty", "value": 41.6, "unit": "万吨"}
                  ]
                }
                """);
        Path good = TestSupport.submission(dir, "ok.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨"));
        String[] r = check(good, bad);
        assertEquals("2", r[0], r[2]);
        String err = r[2];
        assertTrue(err.contains("s.json:1:1: /region: missing \"region\""), err);
        assertTrue(err.contains("s.json:3:11: /year: expected a number, found string \"2026\""), err);
        assertTrue(err.contains("/indicators/0/value: expected a number, found string \"41.6\""), err);
        assertTrue(err.contains("/indicators/1/unit: missing \"unit\""), err);
        assertTrue(err.contains("/indicators/2/id: unknown indicator id \"grain_capacty\"; did you mean \"grain_capacity\"?"), err);
        assertTrue(err.contains("5 problem(s) found"), err);
        assertFalse(Files.exists(dir.resolve("out/report.json")), "nothing written");
        // the same problems in Chinese, the default language, at the same places
        String zh = cli("check", "--out", dir.resolve("out").toString(), good.toString(), bad.toString())[2];
        assertTrue(zh.contains("发现5个问题"), zh);
        assertTrue(zh.contains("s.json:1:1: /region: 缺少“region”（应为文本）"), zh);
        assertTrue(zh.contains("s.json:3:11: /year: 应为数字，实为文本\"2026\""), zh);
        assertTrue(zh.contains("/indicators/1/unit: 缺少“unit”（应为文本；粮食综合生产能力的单位为万吨）"), zh);
        assertTrue(zh.contains("/indicators/2/id: 未知的指标id“grain_capacty”；是否指“grain_capacity”（粮食综合生产能力）？"), zh);
    }

    @Test
    void aChineseNameAsIdIsNamedWithItsId() {
        Path bad = TestSupport.submission(dir, "s.json", 2026, TestSupport.ind("单位生产总值安全事故死亡率", "0.011", "人/亿元"));
        String zh = checkIn("zh", bad)[2];
        assertTrue(zh.contains("/indicators/0/id: 未知的指标id“单位生产总值安全事故死亡率”；“单位生产总值安全事故死亡率”是指标名称，其id为“safety_death_rate”"), zh);
        String en = check(bad)[2];
        assertTrue(en.contains("\"单位生产总值安全事故死亡率\" is the indicator's name, its id is \"safety_death_rate\""), en);
    }

    @Test
    void theParsersOwnWordsAreToldInChinese() {
        Path bad = TestSupport.write(dir.resolve("bad.json"),
                "{\"region\": \"垫江县\", \"year\": 2026, \"indicators\": [\n  {\"id\": \"gdp\", \"value\": 600, \"unit\": \"亿元\"},\n]}\n");
        String[] r = checkIn("zh", bad);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("bad.json:3:1: 不是有效的JSON：意外的字符“]”：应为一个值"), r[2]);
        assertFalse(r[2].contains("code 93") || r[2].contains("Unexpected character"), "no parser English: " + r[2]);
        // a value left out after its key: the parser says "expected a value" (not "a valid value")
        Path noValue = TestSupport.write(dir.resolve("novalue.json"),
                "{\"region\": \"垫江县\", \"year\": 2026, \"indicators\": [{\"id\": \"gdp\", \"value\": }]}\n");
        String[] nv = checkIn("zh", noValue);
        assertEquals("2", nv[0], nv[2]);
        assertTrue(nv[2].contains("novalue.json:1:71: 不是有效的JSON：意外的字符“}”：应为一个值"), nv[2]);
        assertFalse(nv[2].contains("code 125") || nv[2].contains("expected a value"), "no parser English: " + nv[2]);
        String en = check(bad)[2];
        assertTrue(en.contains("bad.json:3:1: not valid JSON: Unexpected character (']'): expected a valid value"), en);
    }

    @Test
    void anExistingReportIsLeftUntouchedOnBadInput() throws Exception {
        Path out = dir.resolve("out");
        Path good = TestSupport.submission(dir, "ok.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨"));
        assertEquals("0", check(good)[0]);
        byte[] before = Files.readAllBytes(out.resolve("report.json"));
        Path bad = TestSupport.write(dir.resolve("bad.json"), "not json");
        assertEquals("2", check(good, bad)[0]);
        assertEquals(new String(before, StandardCharsets.UTF_8),
                Files.readString(out.resolve("report.json")), "the old report is kept whole");
    }

    @Test
    void unknownTopLevelKeyAndBadStageAndDate() {
        Path bad = TestSupport.write(dir.resolve("s.json"), """
                {"format": "plancheck-facts/1", "region": "垫江县", "year": 2026, "stage": "draft",
                 "indicator": [],
                 "accidents": [{"id": "a", "date": "2026-13-01", "deaths": 1.5}]}
                """);
        String err = check(bad)[2];
        assertTrue(err.contains("/stage: expected \"final\" or \"preliminary\""), err);
        assertTrue(err.contains("/indicator: unknown key \"indicator\""), err);
        assertTrue(err.contains("/accidents/0/date: expected a date \"YYYY-MM-DD\""), err);
        assertTrue(err.contains("/accidents/0/deaths: expected a whole number, found 1.5"), err);
    }

    @Test
    void missingPathAndUnknownOption() {
        String[] r = check(dir.resolve("nope.json"));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("nope.json: no such file or folder"), r[2]);
        String[] u = cli("check", "--bogus", "facts");
        assertEquals("2", u[0]);
        assertTrue(u[2].contains("Unknown option"), u[2]);
    }

    @Test
    void submissionsForTwoRegionsAreRefused() {
        Path a = TestSupport.submission(dir, "a.json", 2026, TestSupport.ind("grain_capacity", "42", "万吨"));
        Path b = TestSupport.write(dir.resolve("b.json"),
                "{\"region\": \"梁平区\", \"year\": 2026, \"indicators\": []}");
        String[] r = checkIn("zh", a, b);
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("b.json:1:12: /region: 地区“梁平区”不在任何规划的适用范围内"), r[2]); // at its place
        assertTrue(r[2].contains("现有规划适用于：垫江县 (plans/dianjiang-15th)"), r[2]);
    }
}
