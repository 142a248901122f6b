package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The air rules (rules/environment/air.drl) end to end: each day's AQI under the table in force on its
 * date (HJ 633-2012 to 2026-02-28, HJ 633—2026 from 2026-03-01) at the breakpoints, the good-days
 * ratio at the 92 % boundary, the change of basis with its reference figure, invalid days counted and
 * listed with their reasons (the counts behind a mean), data validity by GB 3095 表4, the region's
 * values from the stations' rounded means without background stations, the derived PM2.5 annual
 * mean, its cross-check, its trend and the GB 3095 limits.
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
        // PM2.5 on every 7th day at IAQI 100 (75 up to 2026-02-28: 9 days; 60 from 2026-03-01: 44 days),
        // 30 on 52 days, 28 on the other 260: 12155 / 365 = 33.30 → 33.3 (> the plan's 30.4 for 2025)
        List<Finding> fs = check(submission("air.json", 2026, "", "", airYear("A1", 2026, 0, 0), ""));
        Finding pm = one(fs, PM25, 2026, REGION);
        assertStatus(Status.PENDING, pm);
        assertEquals("derived", pm.details().get("origin"));
        assertNumber("33.3", pm.actual());
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

    /** Stations A1 and A2 at constant PM2.5 values for {@code days} days from {@code from}. */
    static String twoStations(LocalDate from, int days, int a1, int a2) {
        List<String> l = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(from.plusDays(days)); d = d.plusDays(1)) {
            l.add(airDay("A1", d, a1, 90));
            l.add(airDay("A2", d, a2, 90));
        }
        return String.join(",\n", l);
    }

    @Test
    void theRegionAveragesItsStationsRoundedMeansDayByDay() throws Exception {
        // A1 at PM2.5 61 and A2 at 60 every day: the region's mean 60.5 is rounded by GB/T 8170 (half to
        // even) to 60 before the IAQI — IAQI 100, good under HJ 633—2026; unrounded it would be 101
        List<Finding> fs = check(submission("air.json", 2026, "", "", twoStations(LocalDate.of(2026, 1, 1), 365, 61, 60), ""));
        // A1: good under HJ 633-2012 (59 days to 2026-02-28), not good from 2026-03-01 (61 → IAQI 101)
        Finding a1 = one(fs, RATIO, 2026, "A1");
        assertEquals(59, a1.details().get("goodDays"));
        assertNumber("16.16", a1.actual());
        assertNumber("100", one(fs, RATIO, 2026, "A2").actual());
        assertNumber("100", one(fs, RATIO, 2026, REGION).actual());
        assertNumber("60", one(fs, PM25, 2026, REGION).actual());
        // the change of basis: every day under HJ 633-2012, A1 too would be good
        Finding basis = one(fs, RATIO, 2026, REGION + "·口径变化");
        assertStatus(Status.WARNING, basis);
        assertNumber("100", basis.details().get("referenceRatio"));
        assertNumber("100", basis.actual());
    }

    @Test
    void aMeanOf61IsNotRoundedDownAndTheRegionDayIsNotGood() throws Exception {
        List<Finding> fs = check(submission("air.json", 2026, "", "", twoStations(LocalDate.of(2026, 3, 1), 31, 62, 60), ""));
        Finding region = one(fs, RATIO, 2026, REGION);     // too few days for a year: not judged, but counted
        assertEquals(0, region.details().get("goodDays"), region.message().zh());
        assertEquals(31, region.details().get("validDays"));
    }

    @Test
    void aBackgroundStationIsJudgedButLeftOutOfTheRegion() throws Exception {
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            days.add(airDay("A1", d, 30, 90));
            days.add(airDay("BG", d, 90, 90).replace("}", ", \"background\": true}"));
        }
        List<Finding> fs = check(submission("air.json", 2026, "", "", String.join(",\n", days), ""));
        assertNumber("0", one(fs, RATIO, 2026, "BG").actual());          // 90 μg/m³: never good
        assertNumber("100", one(fs, RATIO, 2026, REGION).actual());      // the region is A1 alone
        assertNumber("30", one(fs, PM25, 2026, REGION).actual());
        String how = String.valueOf(one(fs, RATIO, 2026, REGION).details().get("observations"));
        assertTrue(how.contains("对照点BG不计入"), how);             // counted, the mean would be 60
    }

    @Test
    void theBoundaryMovesFrom75To60On2026March1() throws Exception {
        // 2026-02-28 (HJ 633-2012): 75 good, 76 not; 2026-03-01 on (HJ 633—2026): 60 good, 61 not
        String days = String.join(",\n",
                airDay("A", LocalDate.of(2026, 2, 27), 75, 90), airDay("A", LocalDate.of(2026, 2, 28), 76, 90),
                airDay("A", LocalDate.of(2026, 3, 1), 60, 90), airDay("A", LocalDate.of(2026, 3, 2), 61, 90),
                airDay("A", LocalDate.of(2026, 3, 3), 75, 90));
        Finding a = one(check(submission("air.json", 2026, "", "", days, "")), RATIO, 2026, "A");
        assertEquals(2, a.details().get("goodDays"), a.message().zh());  // 02-27 and 03-01
        assertEquals(5, a.details().get("validDays"));
        assertTrue(a.message().zh().contains("HJ 633-2012判定2天") && a.message().zh().contains("HJ 633—2026判定3天"), a.message().zh());
        assertTrue(String.valueOf(a.details().get("worstDays")).startsWith("[2026-03-03 AQI 114 (PM2.5)"),
                String.valueOf(a.details().get("worstDays")));
        @SuppressWarnings("unchecked")
        Map<String, Object> basis = (Map<String, Object>) a.details().get("basisChange");
        assertNumber("80", basis.get("referenceRatio"));                 // under HJ 633-2012 only 02-28 is not good
    }

    @Test
    void aMeanFromTooFewHoursIsAnInvalidDayWithItsReason() throws Exception {
        // 19 hourly PM2.5 values: below GB 3095 表4's 20; an O3 maximum from 12 8-hour means counts only
        // when it is above the limit (HJ 663): 170 > 160 counts, 150 does not
        String days = String.join(",\n",
                airDay("A", LocalDate.of(2026, 4, 1), 30, 90).replace("}", ", \"counts\": {\"PM2.5\": 19, \"O3_8h\": 17}}"),
                airDay("A", LocalDate.of(2026, 4, 2), 30, 90).replace("}", ", \"counts\": {\"PM2.5\": 20, \"O3_8h\": 14}}"),
                airDay("A", LocalDate.of(2026, 4, 3), 30, 170).replace("}", ", \"counts\": {\"PM2.5\": 24, \"O3_8h\": 12}}"),
                airDay("A", LocalDate.of(2026, 4, 4), 30, 150).replace("}", ", \"counts\": {\"PM2.5\": 24, \"O3_8h\": 12}}"),
                airDay("A", LocalDate.of(2026, 4, 5), null, null).replace("}", ", \"counts\": {\"PM2.5\": 0, \"O3_8h\": 0}}"));
        Finding a = one(check(submission("air.json", 2026, "", "", days, "")), RATIO, 2026, "A");
        assertEquals(2, a.details().get("validDays"), a.message().zh());    // 04-02 and 04-03
        assertEquals(3, a.details().get("invalidDays"));
        assertEquals(List.of("2026-04-01（PM2.5有效小时值19个＜20）", "2026-04-04（O3_8h有效8小时均值12个＜14）",
                "2026-04-05（PM2.5有效小时值0个＜20；O3_8h有效8小时均值0个＜14）"), a.details().get("invalidDayList"));
        assertTrue(a.message().zh().contains("无效日：2026-04-01（PM2.5有效小时值19个＜20）"), a.message().zh());
        assertEquals(1, a.details().get("goodDays"));                       // 04-03: O3_8h 170 → IAQI 108
    }

    @Test
    void pm25IsJudgedAgainstTheGb3095LimitsInForce() throws Exception {
        // a full year at PM2.5 31: within GB 3095-2012's annual 35, above GB 3095—2026's 30 (in force at
        // the year's end); a day at 61 from 2026-03-01 is above the 24-hour 60, at 61 before it is not
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            int pm = d.getDayOfMonth() == 1 && (d.getMonthValue() == 2 || d.getMonthValue() == 4) ? 61 : 31;
            days.add(airDay("A1", d, pm, 90));
        }
        Finding f = one(check(submission("air.json", 2026, "", "", String.join(",\n", days), "")), PM25, 2026, "A1");
        assertStatus(Status.WARNING, f);
        assertNumber("30", f.expected());
        assertEquals("GB 3095—2026", f.details().get("annualLimitStandard"));
        assertTrue(f.message().zh().contains("GB 3095-2012（24小时平均75）0天/59天") && f.message().zh().contains("GB 3095—2026（24小时平均60）1天/306天"),
                f.message().zh());
    }
}
