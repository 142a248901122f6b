package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The air rules (rules/environment/air.drl) end to end: each day's AQI by HJ 633-2012 at the
 * breakpoints, the good-days ratio at the 92 % boundary, invalid days counted, data validity by
 * GB 3095-2012 表4, the derived PM2.5 annual mean, its cross-check and its trend.
 */
class AirRulesTest extends AbstractEnvironmentTest {

    static final String RATIO = "air_good_days_ratio";
    static final String PM25 = "pm25_concentration";

    @Test
    void days336GoodOf365ValidIs92Point05AndPasses() throws Exception {
        // 29 days at PM2.5 76 (IAQI 101); the good days include days at PM2.5 75 and at O3_8h 160 (IAQI 100)
        List<Finding> fs = check(submission("air.json", 2026, "", "", airYear("A1", 2026, 29, 0), ""));
        Finding station = one(fs, RATIO, 2026, "A1");
        assertStatus(Status.PASS, station);
        assertNumber("92.05", station.actual());
        assertEquals(336, station.details().get("goodDays"));
        assertEquals(365, station.details().get("validDays"));
        assertEquals(0, station.details().get("invalidDays"));
        Finding region = one(fs, RATIO, 2026, REGION);
        assertStatus(Status.PASS, region);
        assertNumber("92.05", region.actual());
        assertEquals("derived", region.details().get("origin"));
        assertTrue(region.evidence().contains(new Evidence(region.evidence().get(0).input(), "/airDaily")), region.evidence().toString());
    }

    @Test
    void days335GoodOf365ValidIs91Point78AndWarns() throws Exception {
        List<Finding> fs = check(submission("air.json", 2026, "", "", airYear("A1", 2026, 30, 0), ""));
        Finding region = one(fs, RATIO, 2026, REGION);
        assertStatus(Status.WARNING, region);   // expected (预期性) target: behind is a WARNING
        assertNumber("91.78", region.actual());
        assertNumber("92", region.expected());
        Finding station = one(fs, RATIO, 2026, "A1");
        assertStatus(Status.WARNING, station);
        assertEquals(335, station.details().get("goodDays"));
    }

    @Test
    void aDayAtPm25Of75IsGoodAnd76IsNot() throws Exception {
        // the first day 76 (not good), the first day at 75 is good: worst day AQI is 102 (IAQI 100.x rounded up)
        Finding f = one(check(submission("air.json", 2026, "", "", airYear("A1", 2026, 1, 0), "")), RATIO, 2026, "A1");
        assertEquals(364, f.details().get("goodDays"));
        assertTrue(String.valueOf(f.details().get("worstDays")).startsWith("[2026-01-01 AQI 102 (PM2.5)"),
                String.valueOf(f.details().get("worstDays")));
        assertEquals(List.of("PM2.5：1天"), f.details().get("exceedanceDaysByPrimaryPollutant"));
    }

    @Test
    void invalidDaysAreCountedAndLeftOutOfTheRatio() throws Exception {
        List<Finding> fs = check(submission("air.json", 2026, "", "", airYear("A1", 2026, 29, 3), ""));
        Finding station = one(fs, RATIO, 2026, "A1");
        assertEquals(365, station.details().get("dates"));
        assertEquals(362, station.details().get("validDays"));
        assertEquals(3, station.details().get("invalidDays"));
        assertEquals(333, station.details().get("goodDays"));
        assertNumber("91.99", station.actual());      // 333 / 362
        assertTrue(String.valueOf(station.details().get("invalidDayList")).contains("缺O3_8h"));
        assertStatus(Status.WARNING, station);
    }

    @Test
    void tooFewValidDaysIsADataProblemAndNothingIsDerived() throws Exception {
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            if (d.getDayOfMonth() <= 25) {             // 25 days a month: 300 days, every month short
                days.add(airDay("A1", d, 20, 80));
            }
        }
        List<Finding> fs = check(submission("air.json", 2026, "", "", String.join(",\n", days), ""));
        Finding station = one(fs, RATIO, 2026, "A1");
        assertStatus(Status.WARNING, station);
        assertTrue(station.message().zh().contains("有效天数300天，少于324天"), station.message().zh());
        Finding region = one(fs, RATIO, 2026, REGION);
        assertStatus(Status.WARNING, region);
        assertTrue(region.message().zh().contains("数据问题"), region.message().zh());
        assertFalse(region.details().containsKey("origin"));
        // PM2.5 is not derived either: the city-assigned target stays PENDING with no value
        Finding pm = one(fs, PM25, 2026, REGION);
        assertStatus(Status.PENDING, pm);
        assertEquals(null, pm.actual());
    }

    @Test
    void pm25IsDerivedAndItsTrendJudgedAgainstThePlans2025Value() throws Exception {
        // PM2.5 75 on every 7th day, 28 or 30 otherwise: mean 35.1 (> the plan's 30.4 for 2025)
        List<Finding> fs = check(submission("air.json", 2026, "", "", airYear("A1", 2026, 0, 0), ""));
        Finding pm = one(fs, PM25, 2026, REGION);
        assertStatus(Status.PENDING, pm);
        assertEquals("derived", pm.details().get("origin"));
        assertNumber("35.1", pm.actual());
        Finding trend = one(fs, PM25, 2026, REGION + "·趋势");
        assertStatus(Status.WARNING, trend);
        assertNumber("30.4", trend.expected());
        assertTrue(trend.message().zh().contains("规划所列2025年"), trend.message().zh());
    }

    @Test
    void aPm25RiseOnThePreviousYearIsAWarningAndAFallPasses() throws Exception {
        Path y25 = submission("y25.json", 2025, ind(PM25, "30.4", "微克/立方米"), "", "", "");
        Path y26 = submission("y26.json", 2026, ind(PM25, "29.8", "微克/立方米"), "", "", "");
        Path y27 = submission("y27.json", 2027, ind(PM25, "30.1", "微克/立方米"), "", "", "");
        List<Finding> fs = check(y25, y26, y27);
        assertStatus(Status.PASS, one(fs, PM25, 2026, REGION + "·趋势"));
        Finding up = one(fs, PM25, 2027, REGION + "·趋势");
        assertStatus(Status.WARNING, up);
        assertNumber("0.3", up.details().get("change"));
        assertFalse(up.binding());
    }

    @Test
    void submittedValuesAreCrossCheckedAgainstTheDailyData() throws Exception {
        Path bureau = submission("bureau.json", 2026, ind(RATIO, "92.1", "%") + ", " + ind(PM25, "30", "微克/立方米"), "", "", "");
        Path records = submission("records.json", 2026, "", "", airYear("A1", 2026, 29, 0), "");
        List<Finding> fs = check(bureau, records);
        Finding ratio = one(fs, RATIO, 2026, REGION + "·站点核算");
        assertStatus(Status.PASS, ratio);                 // 92.05 rounds to 92.1
        Finding pm = one(fs, PM25, 2026, REGION + "·站点核算");
        assertStatus(Status.WARNING, pm);                 // the daily values give 38.3
        assertTrue(pm.message().zh().contains("bureau.json#/indicators/1"), pm.message().zh());
        assertTrue(pm.message().zh().contains("records.json#/airDaily"), pm.message().zh());
    }

    @Test
    void theRegionAveragesItsStationsDayByDay() throws Exception {
        // two stations: A1 at PM2.5 80 and A2 at 60 on the same days → region 70 (good) every day
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            days.add(airDay("A1", d, 80, 90));
            days.add(airDay("A2", d, 60, 90));
        }
        List<Finding> fs = check(submission("air.json", 2026, "", "", String.join(",\n", days), ""));
        assertNumber("0", one(fs, RATIO, 2026, "A1").actual());
        assertNumber("100", one(fs, RATIO, 2026, "A2").actual());
        assertNumber("100", one(fs, RATIO, 2026, REGION).actual());
        assertNumber("70", one(fs, PM25, 2026, REGION).actual());
    }
}
