package plancheck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static plancheck.safety.AccidentGradingRulesTest.REGION;
import static plancheck.safety.AccidentGradingRulesTest.acc;
import static plancheck.safety.AccidentGradingRulesTest.check;
import static plancheck.safety.AccidentGradingRulesTest.one;
import static plancheck.safety.AccidentGradingRulesTest.submission;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * 单位生产总值安全事故死亡率 (专栏1 第25项, binding ≤ 0.015 人/亿元 every year, warning above 0.012)
 * derived from the accident records and GDP, and the cross-check of a reported rate
 * (rules/safety/death-rate.drl), end to end through the real rules folder.
 */
class DeathRateRulesTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    /** Accidents with one death each: n records of one death. */
    private static String deaths(int year, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(acc(year + "-" + String.format("%03d", i), year + "-03-" + String.format("%02d", i), 1, 0, 100_000L));
        }
        return String.join(",\n", l);
    }

    private static String gdp(String v) {
        return "{\"id\": \"gdp\", \"value\": " + v + ", \"unit\": \"亿元\"}";
    }

    private static String rate(String v) {
        return "{\"id\": \"safety_death_rate\", \"value\": " + v + ", \"unit\": \"人/亿元\"}";
    }

    private static BigDecimal round4(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP);
    }

    @Test
    void eightDeathsOn560IsWithinTheLimitButPastTheWarningThreshold() throws Exception {
        Path s = write("s.json", submission(2026, gdp("560"), deaths(2026, 8)));
        Finding f = one(check(s), "safety_death_rate", 2026, REGION);
        assertEquals(new BigDecimal("0.0143"), round4(f.actual()), f.message().zh());
        assertEquals(Status.WARNING, f.status(), f.message().zh());
        assertEquals(0, new BigDecimal("0.015").compareTo(f.expected()));
        assertEquals(0, new BigDecimal("0.012").compareTo((BigDecimal) f.details().get("warnAt")));
        assertEquals("derived", f.details().get("origin"));
        assertTrue(f.binding());
        assertTrue(f.message().zh().contains("预警线0.012"), f.message().zh());
        assertTrue(f.message().zh().contains("死亡8人") && f.message().zh().contains("560亿元"), f.message().zh());
        assertTrue(f.evidence().stream().anyMatch(e -> e.pointer().equals("/indicators/0")), "names the GDP");
        assertTrue(f.evidence().stream().anyMatch(e -> e.pointer().equals("/accidents/7")), "names the accidents");
    }

    @Test
    void nineDeathsOn560BreaksTheLimit() throws Exception {
        Path s = write("s.json", submission(2026, gdp("560"), deaths(2026, 9)));
        Finding f = one(check(s), "safety_death_rate", 2026, REGION);
        assertEquals(new BigDecimal("0.0161"), round4(f.actual()), f.message().zh());
        assertEquals(Status.VIOLATION, f.status(), f.message().zh());
    }

    @Test
    void aRateExactlyAtTheLimitPassesTheLimitAndRoundingNeverHidesABreach() throws Exception {
        // 9 / 600 = 0.015 exactly: within the limit (WARNING, past 0.012).
        Path a = write("a.json", submission(2026, gdp("600"), deaths(2026, 9)));
        Finding at = one(check(a), "safety_death_rate", 2026, REGION);
        assertEquals(0, new BigDecimal("0.015").compareTo(at.actual()));
        assertEquals(Status.WARNING, at.status());
        // 9 / 599.9999 = 0.01500000250…: rounded up at the 6th decimal to 0.015001, a VIOLATION.
        Path b = write("b.json", submission(2027, gdp("599.9999"), deaths(2027, 9)));
        Finding over = one(check(b), "safety_death_rate", 2027, REGION);
        assertEquals(Status.VIOLATION, over.status(), over.message().zh());
    }

    @Test
    void aReportedRateThatDisagreesWithDeathsAndGdpIsADataProblem() throws Exception {
        Path s = write("safety.json", submission(2026, rate("0.011") + ", " + gdp("560"), deaths(2026, 8)));
        List<Finding> fs = check(s);
        // The reported rate is what is judged …
        Finding judged = one(fs, "safety_death_rate", 2026, REGION);
        assertEquals(Status.PASS, judged.status(), judged.message().zh());
        assertEquals(0, new BigDecimal("0.011").compareTo(judged.actual()));
        // … and the cross-check flags it, naming the rate, the GDP and the accident list.
        Finding cross = one(fs, "safety_death_rate", 2026, REGION + "·核算");
        assertEquals(Status.WARNING, cross.status(), cross.message().zh());
        String zh = cross.message().zh();
        assertTrue(zh.contains("safety.json#/indicators/0"), zh);
        assertTrue(zh.contains("safety.json#/indicators/1"), zh);
        assertTrue(zh.contains("safety.json#/accidents"), zh);
        assertTrue(zh.contains("数据问题"), zh);
        assertEquals(0, new BigDecimal("0.0005").compareTo((BigDecimal) cross.details().get("tolerance")));
        assertTrue(cross.message().en().contains("data problem"), cross.message().en());
    }

    @Test
    void aReportedRateWithinRoundingCrossChecksFine() throws Exception {
        // 8 / 560 = 0.0142857…; 0.014 differs by 0.000286 ≤ 0.0005 (half a unit of the 3rd decimal).
        Path s = write("ok.json", submission(2026, rate("0.014") + ", " + gdp("560"), deaths(2026, 8)));
        Finding cross = one(check(s), "safety_death_rate", 2026, REGION + "·核算");
        assertEquals(Status.PASS, cross.status(), cross.message().zh());
        // Reported with 4 decimals, 0.0138 must be within ±0.00005: it is not.
        Path t = write("tight.json", submission(2027, rate("0.0138") + ", " + gdp("560"), deaths(2027, 8)));
        Finding tight = one(check(t), "safety_death_rate", 2027, REGION + "·核算");
        assertEquals(Status.WARNING, tight.status(), tight.message().zh());
        assertEquals(4, tight.details().get("decimals"));
    }

    @Test
    void gdpFromAnotherBureausSubmissionIsUsed() throws Exception {
        Path safety = write("safety.json", submission(2026, "", deaths(2026, 7)));
        Path stats = write("stats.json", submission(2026, gdp("612.5"), ""));
        Finding f = one(check(safety, stats), "safety_death_rate", 2026, REGION);
        assertEquals(Status.PASS, f.status(), f.message().zh());
        assertEquals(0, new BigDecimal("0.011429").compareTo(f.actual()));
        assertTrue(f.message().zh().contains("stats.json#/indicators/0"), f.message().zh());
    }

    @Test
    void deathsWithoutGdpAreNoDataSaidSo() throws Exception {
        Path s = write("s.json", submission(2026, "", deaths(2026, 3)));
        Finding f = one(check(s), "safety_death_rate", 2026, REGION);
        assertEquals(Status.NO_DATA, f.status());
        assertTrue(f.message().zh().contains("死亡3人") && f.message().zh().contains("地区生产总值"), f.message().zh());
    }
}
