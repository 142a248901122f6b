package plancheck.standards;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HJ 633-2012 (rules/standards/hj633-2012.yaml, in force to 2026-02-28) and HJ 633—2026
 * (hj633-2026.yaml, from 2026-03-01), each at its own breakpoints.
 */
class AirQualityIndexTest {
    private static AirQualityIndex aqi;
    private static AirQualityIndex aqi2026;
    private static StandardTables tables;

    @BeforeAll
    static void load() {
        tables = StandardsLoader.defaults().load();
        aqi = tables.airQuality().on(java.time.LocalDate.of(2026, 2, 28));
        aqi2026 = tables.airQuality().on(java.time.LocalDate.of(2026, 3, 1));
    }

    @Test
    void theTableIsChosenByTheDateOfTheMeasurement() {
        assertEquals("HJ 633-2012", aqi.standard());
        assertEquals("HJ 633—2026", aqi2026.standard());
        assertEquals(java.time.LocalDate.of(2026, 2, 28), aqi.validity().to());
        assertEquals(java.time.LocalDate.of(2026, 3, 1), aqi2026.validity().from());
    }

    @Test
    void pm25Of60IsGoodFrom2026March1And61IsNot() {
        assertEquals(100, aqi2026.iaqi("PM2.5", d("60")));
        // 61: (150 − 100)/(115 − 60) × 1 + 100 = 100.909… → 101
        assertEquals(101, aqi2026.iaqi("PM2.5", d("61")));
        DailyAqi at60 = aqi2026.compute(day("60", "40", "9", "20", "0.6", "90"));
        assertTrue(at60.isGood(aqi2026.goodMaxAqi()));
        assertEquals("良", at60.category().zh());
        DailyAqi at61 = aqi2026.compute(day("61", "40", "9", "20", "0.6", "90"));
        assertFalse(at61.isGood(aqi2026.goodMaxAqi()));
        assertEquals("轻度污染", at61.category().zh());
        assertEquals(List.of("PM2.5"), at61.exceedingPollutants());
        // the same day under HJ 633-2012 (to 2026-02-28): 61 is good, 75 the last good value, 76 not
        assertTrue(aqi.compute(day("61", "40", "9", "20", "0.6", "90")).isGood(100));
        assertTrue(aqi.compute(day("75", "40", "9", "20", "0.6", "90")).isGood(100));
        assertFalse(aqi.compute(day("76", "40", "9", "20", "0.6", "90")).isGood(100));
        // a day at 61–75 is 良 before 2026-03-01 and 轻度污染 after
        assertEquals(101, aqi2026.compute(day("61", "40", "9", "20", "0.6", "90")).aqi());
        assertEquals(114, aqi2026.compute(day("75", "40", "9", "20", "0.6", "90")).aqi(), "100 + 50/55 × 15 = 113.6 → 114");
    }

    @Test
    void pm10Of120IsGoodFrom2026March1And121IsNot() {
        assertEquals(100, aqi2026.iaqi("PM10", d("120")));
        assertEquals(101, aqi2026.iaqi("PM10", d("121")), "100 + 50/130 = 100.38 → 101");
        assertEquals(86, aqi.iaqi("PM10", d("121")), "HJ 633-2012: 50 + 0.5 × 71 = 85.5 → 86");
        assertEquals(150, aqi2026.iaqi("PM10", d("250")));
    }

    @Test
    void unconfirmedBracketsAreReportedWhenTheyDecideTheDay() {
        DailyAqi confirmed = aqi2026.compute(day("115", "40", "9", "20", "0.6", "90"));
        assertEquals(150, confirmed.aqi());
        assertTrue(confirmed.unconfirmed().isEmpty(), "IAQI ≤ 150 was reproduced on published data");
        DailyAqi above = aqi2026.compute(day("116", "40", "9", "20", "0.6", "90"));
        assertEquals(List.of("PM2.5"), above.unconfirmed());
        assertFalse(aqi2026.pollutants().get("PM2.5").confidenceAt(d("116")).confirmed());
        assertTrue(aqi2026.pollutants().get("PM2.5").confidenceAt(d("116")).basis().contains("not seen changing"));
        // an unconfirmed PM2.5 bracket that does not decide the AQI is not reported
        DailyAqi o3 = aqi2026.compute(day("116", "40", "9", "20", "0.6", "300"));
        assertTrue(o3.unconfirmed().isEmpty(), o3.toString());
        // HJ 633-2012's 24-hour rows are confirmed
        assertTrue(aqi.compute(day("200", "400", "9", "20", "0.6", "90")).unconfirmed().isEmpty());
    }

    @Test
    void concentrationsAreRoundedHalfToEvenBeforeTheIaqi() {
        assertEquals(d("60"), aqi2026.round("PM2.5", d("60.5")), "GB/T 8170: 60.5 → 60 (even)");
        assertEquals(d("62"), aqi2026.round("PM2.5", d("61.5")), "61.5 → 62 (even)");
        assertEquals(d("61"), aqi2026.round("PM2.5", d("60.51")));
        assertEquals(d("0.4"), aqi2026.round("CO", d("0.45")), "CO to 0.1 mg/m³: 0.45 → 0.4");
        assertEquals(d("0.6"), aqi2026.round("CO", d("0.55")));
        assertEquals(d("75"), aqi.round("PM2.5", d("75.4")));
        assertTrue(aqi.compute(aqi.round(day("75.4", "40", "9", "20", "0.6", "90"))).isGood(100), "75.4 → 75 → IAQI 100");
        assertFalse(aqi.compute(day("75.4", "40", "9", "20", "0.6", "90")).isGood(100), "unrounded: 100.5 → 101");
    }

    @Test
    void theHourlyAqiJudgesPmOnTheDailyRowsAndGasesOnTheHourlyRows() {
        // a published hour (data/cnemc, 1416A 天生, 2026-02-26 20:00): PM2.5 41, PM10 54, SO2 9, NO2 13,
        // CO 0.6, O3 59 → official AQI 58, primary pollutant PM2.5
        Map<String, BigDecimal> h = new LinkedHashMap<>();
        h.put("PM2.5", d("41"));
        h.put("PM10", d("54"));
        h.put("SO2", d("9"));
        h.put("NO2", d("13"));
        h.put("CO", d("0.6"));
        h.put("O3", d("59"));
        DailyAqi r = aqi.realTime(h);
        assertEquals(58, r.aqi(), "PM2.5: 50 + 50/40 × 6 = 57.5 → 58");
        assertEquals(List.of("PM2.5"), r.primaryPollutants());
        assertEquals(7, r.iaqi().get("NO2"), "NO2 on the 1-hour row: 13 × 50/100 = 6.5 → 7");
        assertEquals(19, r.iaqi().get("O3"), "O3 on the 1-hour row: 59 × 50/160 = 18.4 → 19");
        // the same concentrations after 2026-03-01: PM2.5 41 is still in the 35–60 bracket
        assertEquals(62, aqi2026.realTime(h).aqi(), "HJ 633—2026: PM2.5 41 in 35–60: 50 + 50/25 × 6 = 62");
        h.remove("PM10");
        DailyAqi partial = aqi.realTime(h);
        assertEquals(List.of("PM10"), partial.missing());
        assertEquals(58, partial.aqi(), "an hour without PM10 is judged on the others, as published");
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Map<String, BigDecimal> day(String pm25, String pm10, String so2, String no2, String co, String o3) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("PM2.5", d(pm25));
        m.put("PM10", d(pm10));
        m.put("SO2", d(so2));
        m.put("NO2", d(no2));
        m.put("CO", d(co));
        m.put("O3_8h", d(o3));
        return m;
    }

    @Test
    void pm25AtTheGradeTwoLimitIs100AndAboveItMore() {
        assertEquals(100, aqi.iaqi("PM2.5", d("75")));
        assertEquals(0, aqi.iaqiExact("PM2.5", d("75")).compareTo(d("100")));
        // 76: (150 − 100)/(115 − 75) × (76 − 75) + 100 = 101.25 → rounded up 102
        assertEquals(0, aqi.iaqiExact("PM2.5", d("76")).compareTo(d("101.25")));
        assertEquals(102, aqi.iaqi("PM2.5", d("76")));
        assertTrue(aqi.iaqi("PM2.5", d("76")) > 100);
        assertEquals(101, aqi.iaqi("PM2.5", d("75.1")), "100.125 rounds up");
    }

    @Test
    void iaqiIsRoundedUp() {
        assertEquals(0, aqi.iaqi("PM2.5", d("0")));
        assertEquals(1, aqi.iaqi("PM2.5", d("0.1")), "0.142… → 1");
        assertEquals(50, aqi.iaqi("PM2.5", d("35")));
        assertEquals(51, aqi.iaqi("PM2.5", d("35.1")));
        assertEquals(83, aqi.iaqi("PM2.5", d("61")), "50 + 50/40 × 26 = 82.5 → 83");
        assertEquals(79, aqi.iaqi("PM2.5", d("58")), "50 + 50/40 × 23 = 78.75 → 79 (not 78 truncated, not half-even)");
        assertEquals(38, aqi.iaqi("NO2", d("30")), "37.5 → 38");
        assertEquals(1, aqi.iaqi("SO2", d("0.01")), "0.01 → 1: any fraction rounds up");
    }

    @Test
    void ozoneEightHour160IsAqi100() {
        assertEquals(100, aqi.iaqi("O3_8h", d("160")));
        DailyAqi r = aqi.compute(day("30", "40", "9", "20", "0.6", "160"));
        assertTrue(r.valid());
        assertEquals(100, r.aqi());
        assertEquals(List.of("O3_8h"), r.primaryPollutants());
        assertEquals("良", r.category().zh());
        assertEquals("二级", r.category().level());
        assertTrue(r.exceedingPollutants().isEmpty(), "IAQI 100 is not above 100");
        assertTrue(r.isGood(aqi.goodMaxAqi()));
    }

    @Test
    void contractExampleDay() {
        // contract §2 airDaily example: PM2.5 58, PM10 80, SO2 9, NO2 30, CO 0.9, O3_8h 40
        DailyAqi r = aqi.compute(day("58", "80", "9", "30", "0.9", "40"));
        assertTrue(r.valid());
        assertEquals(79, r.iaqi().get("PM2.5"), "50 + 1.25 × 23 = 78.75 → 79");
        assertEquals(65, r.iaqi().get("PM10"), "50 + 0.5 × 30 = 65");
        assertEquals(9, r.iaqi().get("SO2"));
        assertEquals(38, r.iaqi().get("NO2"), "30 × 50/40 = 37.5 → 38");
        assertEquals(23, r.iaqi().get("CO"), "0.9 × 25 = 22.5 → 23");
        assertEquals(20, r.iaqi().get("O3_8h"));
        assertEquals(79, r.aqi());
        assertEquals(List.of("PM2.5"), r.primaryPollutants());
        assertEquals("良", r.category().zh());
    }

    @Test
    void noPrimaryPollutantWhenAqiIsFiftyOrLess() {
        DailyAqi r = aqi.compute(day("35", "50", "9", "20", "0.6", "100"));
        assertEquals(50, r.aqi());
        assertTrue(r.primaryPollutants().isEmpty());
        assertEquals("优", r.category().zh());
        DailyAqi r2 = aqi.compute(day("35.1", "50", "9", "20", "0.6", "100"));
        assertEquals(51, r2.aqi());
        assertEquals(List.of("PM2.5"), r2.primaryPollutants());
    }

    @Test
    void tiedPollutantsAreAllPrimaryAndExceedingAbove100() {
        DailyAqi r = aqi.compute(day("75", "150", "9", "20", "4", "160"));
        assertEquals(100, r.aqi());
        assertEquals(List.of("PM2.5", "PM10", "CO", "O3_8h"), r.primaryPollutants());
        DailyAqi r2 = aqi.compute(day("120", "200", "9", "20", "0.6", "40"));
        // PM2.5 120: 150 + 50/35 × 5 = 157.14 → 158; PM10 200: 100 + 0.5 × 50 = 125
        assertEquals(158, r2.aqi());
        assertEquals(List.of("PM2.5"), r2.primaryPollutants());
        assertEquals(List.of("PM2.5", "PM10"), r2.exceedingPollutants());
        assertEquals("中度污染", r2.category().zh());
        assertFalse(r2.isGood(100));
    }

    @Test
    void missingPollutantsMakeTheDayInvalid() {
        Map<String, BigDecimal> m = day("30", "40", "9", "20", "0.6", "40");
        m.remove("NO2");
        m.put("CO", null);
        m.put("station", d("1"));
        DailyAqi r = aqi.compute(m);
        assertFalse(r.valid());
        assertNull(r.aqi());
        assertNull(r.category());
        assertEquals(List.of("NO2", "CO"), r.missing());
        assertEquals(List.of("station"), r.ignored());
        assertFalse(r.isGood(100));
    }

    @Test
    void ozoneEightHourAbove800CannotBeComputedFromTheEightHourValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aqi.iaqi("O3_8h", d("801")));
        assertTrue(e.getMessage().contains("1-hour"), e.getMessage());
        assertEquals(300, aqi.iaqi("O3_8h", d("800")));
        DailyAqi r = aqi.compute(day("30", "40", "9", "20", "0.6", "850"));
        assertFalse(r.valid());
        assertTrue(r.missing().isEmpty());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("O3_8h 850"), r.problems().get(0));
        Map<String, BigDecimal> m = day("30", "40", "9", "20", "0.6", "850");
        m.put("O3_1h", d("900"));
        DailyAqi r1 = aqi.compute(m);
        assertTrue(r1.valid());
        assertEquals(350, r1.aqi(), "O3 1-h 900: 300 + 100/200 × 100");
        assertEquals("严重污染", r1.category().zh());
    }

    @Test
    void concentrationsAboveTheTableAreFlaggedAndCapped() {
        assertThrows(IllegalArgumentException.class, () -> aqi.iaqi("PM2.5", d("501")));
        assertEquals(500, aqi.iaqi("PM2.5", d("500")));
        DailyAqi r = aqi.compute(day("620", "40", "9", "20", "0.6", "40"));
        assertTrue(r.valid());
        assertEquals(500, r.aqi());
        assertEquals(List.of("PM2.5"), r.aboveScale());
    }

    @Test
    void negativeAndUnknownInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> aqi.iaqi("PM1", d("3")));
        assertThrows(IllegalArgumentException.class, () -> aqi.iaqi("PM2.5", d("-1")));
        DailyAqi r = aqi.compute(day("-3", "40", "9", "20", "0.6", "40"));
        assertFalse(r.valid());
        assertEquals(1, r.problems().size());
    }

    @Test
    void categoriesFollowTable2() {
        assertEquals("优", aqi.category(0).zh());
        assertEquals("优", aqi.category(50).zh());
        assertEquals("良", aqi.category(51).zh());
        assertEquals("良", aqi.category(100).zh());
        assertEquals("轻度污染", aqi.category(101).zh());
        assertEquals("中度污染", aqi.category(200).zh());
        assertEquals("重度污染", aqi.category(300).zh());
        assertEquals("严重污染", aqi.category(301).zh());
        assertEquals("severely polluted", aqi.category(500).en());
        assertThrows(IllegalArgumentException.class, () -> aqi.category(-1));
    }

    @Test
    void goodDaysRatio() {
        assertEquals(d("92.05"), AirQualityIndex.goodDaysRatio(336, 365));
        assertEquals(d("91.78"), AirQualityIndex.goodDaysRatio(335, 365));
        assertEquals(d("100.00"), AirQualityIndex.goodDaysRatio(365, 365));
        assertEquals(d("0.00"), AirQualityIndex.goodDaysRatio(0, 300));
        assertEquals(d("66.67"), AirQualityIndex.goodDaysRatio(2, 3), "66.666… half-up");
        assertThrows(IllegalArgumentException.class, () -> AirQualityIndex.goodDaysRatio(1, 0));
        assertThrows(IllegalArgumentException.class, () -> AirQualityIndex.goodDaysRatio(366, 365));
    }

    @Test
    void breakpointsMatchStandardsReference() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SO2", "0 50 150 475 800 1600 2100 2620");
        expected.put("NO2", "0 40 80 180 280 565 750 940");
        expected.put("PM10", "0 50 150 250 350 420 500 600");
        expected.put("CO", "0 2 4 14 24 36 48 60");
        expected.put("O3_8h", "0 100 160 215 265 800");
        expected.put("PM2.5", "0 35 75 115 150 250 350 500");
        expected.forEach((k, v) -> {
            List<BigDecimal> bps = aqi.pollutants().get(k).breakpoints();
            String[] e = v.split(" ");
            assertEquals(e.length, bps.size(), k);
            for (int i = 0; i < e.length; i++) {
                assertEquals(0, bps.get(i).compareTo(d(e[i])), k + " breakpoint " + i);
            }
        });
        assertEquals(List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h"), aqi.required());
        assertEquals("mg/m³", aqi.pollutants().get("CO").unit());
        assertEquals(100, aqi.iaqi("CO", d("4")));
    }
}
