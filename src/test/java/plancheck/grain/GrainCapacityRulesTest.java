package plancheck.grain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.app.Pipeline;
import plancheck.load.InputException;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * 粮食综合生产能力 (专栏1 第26项, binding ≥ 41万吨 every year, warning below 41.5) as submitted, and the
 * grain output by crop (cropOutput[], docs/submissions.md) as its proxy when no capacity is submitted
 * (rules/grain/capacity.drl), end to end through the real rules folder.
 */
class GrainCapacityRulesTest {

    static final String REGION = "垫江县";

    @TempDir
    Path dir;

    Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    static String submission(int year, String stage, String indicators, String crops) {
        return "{\"format\": \"plancheck-facts/1\", \"region\": \"" + REGION + "\", \"year\": " + year
                + ", \"submitter\": \"测试农业农村委\", \"stage\": \"" + stage + "\",\n \"indicators\": [" + indicators
                + "],\n \"cropOutput\": [\n" + crops + "\n]}\n";
    }

    static String crop(String crop, String quantity, String unit) {
        return "{\"crop\": \"" + crop + "\", \"quantity\": " + quantity + ", \"unit\": \"" + unit + "\"}";
    }

    static String capacity(String v) {
        return "{\"id\": \"grain_capacity\", \"value\": " + v + ", \"unit\": \"万吨\"}";
    }

    static List<Finding> check(Path... files) throws Exception {
        return Pipeline.check(Path.of("rules"), List.of(files)).report().findings();
    }

    static Finding one(List<Finding> fs, String indicator, int year, String subject) {
        List<Finding> m = fs.stream().filter(f -> f.indicator().equals(indicator) && f.year() == year
                && f.subject().equals(subject)).toList();
        if (m.size() != 1) {
            fail("expected one finding for " + indicator + " " + year + " " + subject + ", found " + m);
        }
        return m.get(0);
    }

    @Test
    void capacityAt41IsWithinTheLimitButBelowTheWarningThreshold() throws Exception {
        Finding f = one(check(write("a.json", submission(2026, "final", capacity("41.0"), ""))),
                "grain_capacity", 2026, REGION);
        assertEquals(Status.WARNING, f.status(), f.message().zh());
        assertEquals(0, new BigDecimal("41").compareTo(f.actual()));
        assertEquals(0, new BigDecimal("41.5").compareTo((BigDecimal) f.details().get("warnAt")));
        assertTrue(f.message().zh().contains("预警线41.5"), f.message().zh());
    }

    @Test
    void capacityOf40point99BreaksTheBindingLimit() throws Exception {
        Finding f = one(check(write("a.json", submission(2026, "final", capacity("40.99"), ""))),
                "grain_capacity", 2026, REGION);
        assertEquals(Status.VIOLATION, f.status(), f.message().zh());
        assertTrue(f.binding());
    }

    @Test
    void outputByCropIsTheProxyWhenNoCapacityIsSubmittedAndSaysSo() throws Exception {
        Path s = write("agri.json", submission(2026, "final", "", String.join(",\n",
                crop("稻谷", "27.1", "万吨"), crop("玉米", "84000", "吨"), crop("豆类", "1.3", "万吨"),
                crop("薯类", "4.4", "万吨"), crop("油菜籽", "2.9", "万吨"))));
        Finding f = one(check(s), "grain_capacity", 2026, REGION);
        assertEquals(0, new BigDecimal("41.2").compareTo(f.actual()), f.message().zh());
        assertEquals(Status.WARNING, f.status(), "41.2 is within the limit 41 but below 41.5: " + f.message().zh());
        assertEquals("derived", f.details().get("origin"));
        assertEquals("every-year-limit", f.rule());
        assertTrue(f.message().zh().contains("未报送粮食综合生产能力，以2026年粮食产量代替"), f.message().zh());
        assertTrue(f.message().zh().contains("未计入粮食：油菜籽2.9万吨"), f.message().zh());
        assertTrue(f.message().en().contains("used as the proxy"), f.message().en());
        assertEquals(4, f.evidence().size(), "the four grain crops are the evidence: " + f.evidence());
    }

    @Test
    void tubersGivenFreshAreConvertedFiveToOne() throws Exception {
        Path s = write("agri.json", submission(2027, "final", "", String.join(",\n",
                crop("稻谷", "36", "万吨"),
                "{\"crop\": \"薯类\", \"quantity\": 250000, \"unit\": \"吨\", \"basis\": \"fresh\"}")));
        Finding f = one(check(s), "grain_capacity", 2027, REGION);
        assertEquals(0, new BigDecimal("41").compareTo(f.actual()), f.message().zh());
        assertTrue(f.message().zh().contains("鲜薯250000吨按5:1折粮"), f.message().zh());
    }

    @Test
    void aSubmittedCapacityIsJudgedAndTheOutputIsShownBesideIt() throws Exception {
        Path stats = write("stats.json", submission(2026, "final", capacity("41.6"), ""));
        Path agri = write("agri.json", submission(2026, "final", "", String.join(",\n",
                crop("稻谷", "26", "万吨"), crop("玉米", "8.3", "万吨"), crop("薯类", "4.5", "万吨"))));
        List<Finding> fs = check(stats, agri);
        Finding judged = one(fs, "grain_capacity", 2026, REGION);
        assertEquals(Status.PASS, judged.status());
        assertEquals(0, new BigDecimal("41.6").compareTo(judged.actual()), "the submitted capacity, not the output");
        Finding output = one(fs, "grain_capacity", 2026, REGION + "·粮食产量");
        assertEquals(Status.WARNING, output.status(), output.message().zh());
        assertEquals(0, new BigDecimal("38.8").compareTo(output.actual()));
        assertTrue(output.message().zh().contains("按报送值41.6万吨评判"), output.message().zh());
    }

    @Test
    void overlappingCropsAreADataProblemNotAProxy() throws Exception {
        Path s = write("agri.json", submission(2026, "final", "", String.join(",\n",
                crop("豆类", "1.3", "万吨"), crop("大豆", "1.1", "万吨"), crop("稻谷", "40", "万吨"))));
        Finding f = one(check(s), "grain_capacity", 2026, REGION);
        assertEquals(Status.WARNING, f.status(), f.message().zh());
        assertTrue(f.actual() == null, "no proxy value is judged");
        assertTrue(f.message().zh().contains("agri.json#/cropOutput/0的豆类已包含")
                && f.message().zh().contains("agri.json#/cropOutput/1的大豆，重复计算"), f.message().zh());
    }

    @Test
    void aCropInAnUnknownUnitIsADataProblem() throws Exception {
        Path s = write("agri.json", submission(2026, "final", "", String.join(",\n",
                crop("稻谷", "41", "万担"), crop("玉米", "1", "万吨"))));
        Finding f = one(check(s), "grain_capacity", 2026, REGION);
        assertEquals(Status.WARNING, f.status());
        assertTrue(f.message().zh().contains("agri.json#/cropOutput/0：单位“万担”不是质量单位"), f.message().zh());
    }

    @Test
    void noGrainCropMeansNoData() throws Exception {
        Path s = write("agri.json", submission(2026, "final", "", crop("蔬菜", "60", "万吨")));
        Finding f = one(check(s), "grain_capacity", 2026, REGION);
        assertEquals(Status.NO_DATA, f.status());
        assertTrue(f.message().zh().contains("没有粮食作物"), f.message().zh());
    }

    @Test
    void finalCropOutputSupersedesPreliminary() throws Exception {
        Path pre = write("pre.json", submission(2026, "preliminary", "", crop("稻谷", "30", "万吨")));
        Path fin = write("fin.json", submission(2026, "final", "", crop("稻谷", "42", "万吨")));
        Finding f = one(check(pre, fin), "grain_capacity", 2026, REGION);
        assertEquals(0, new BigDecimal("42").compareTo(f.actual()));
        assertEquals(Status.PASS, f.status());
        Path onlyPre = write("pre2.json", submission(2027, "preliminary", "", crop("稻谷", "42", "万吨")));
        Finding p = one(check(onlyPre), "grain_capacity", 2027, REGION);
        assertEquals("preliminary", p.details().get("stage"));
    }

    @Test
    void malformedCropOutputIsRejectedWithLineAndColumn() throws Exception {
        Path s = write("bad.json", "{\"format\": \"plancheck-facts/1\", \"region\": \"垫江县\", \"year\": 2026,\n"
                + " \"cropOutput\": [\n  {\"crop\": \"稻谷\", \"quantity\": \"很多\", \"unit\": \"万吨\", \"basis\": \"wet\", \"colour\": 1}\n ]}\n");
        try {
            check(s);
            fail("expected the submission to be rejected");
        } catch (InputException e) {
            String all = e.getMessage() + " " + e.problems();
            assertTrue(all.contains("/cropOutput/0/quantity"), all);
            assertTrue(all.contains("/cropOutput/0/basis"), all);
            assertTrue(all.contains("/cropOutput/0/colour"), all);
            assertTrue(all.contains("bad.json"), all);
            assertTrue(e.problems().stream().allMatch(p -> p.line() == 3), all);
        }
    }
}
