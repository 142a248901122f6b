package plancheck.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.engine.Projection;
import plancheck.engine.Projection.Result;
import plancheck.model.Comparator;

/**
 * The early-warning projection (动态预警, {@link Projection}) per way of judging, with every number worked by
 * hand in the comments. Results are rounded to 6 decimals.
 */
class ProjectionTest {

    private static SortedMap<Integer, BigDecimal> s(Object... yearValue) {
        SortedMap<Integer, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < yearValue.length; i += 2) {
            m.put((Integer) yearValue[i], new BigDecimal((String) yearValue[i + 1]));
        }
        return m;
    }

    private static void eq(String want, BigDecimal got) {
        assertEquals(0, new BigDecimal(want).compareTo(got), () -> "expected " + want + ", got " + got);
    }

    // ---- path: average annual change (平均增长量) ---------------------------------------------------

    @Test
    void pathBehindTodayIsOffTrackWithThePaceNeeded() {
        // 常住人口城镇化率 53 (2025) → 60 (2030); 2026 54.6, 2027 55.5; the 2027 path value is 55.8: behind.
        // pace      = (55.5 − 53) ÷ 2           = 1.25 points a year
        // projected = 55.5 + 1.25 × 3           = 59.25  (< 60: the projection misses)
        // needed    = (60 − 55.5) ÷ 3           = 1.5 points a year
        // best year = 2026: 54.6 − 53 = 1.6 (2027: 0.9); 1.6 ≥ 1.5, so the needed pace is not beyond it
        Result r = Projection.level(s(2025, "53", 2026, "54.6", 2027, "55.5"), new BigDecimal("60"), Comparator.GE,
                2030, false);
        assertEquals("average_change", r.method());
        eq("1.25", r.pace());
        eq("59.25", r.projected());
        eq("1.5", r.needed());
        eq("1.6", r.best());
        assertEquals(2026, r.bestYear());
        assertEquals(3, r.remaining());
        assertEquals(2, r.years());
        assertFalse(r.reaches());
        assertFalse(r.beyondBest());
        assertEquals(Projection.OFF_TRACK, r.level());
    }

    @Test
    void pathWithOneObservedYearSaysSo() {
        // 53 (2025) → 54.5 (2026); the 2026 path value 54.4 is met.
        // pace = 1.5 (one year only); projected = 54.5 + 1.5 × 4 = 60.5 ≥ 60; needed = (60 − 54.5) ÷ 4 = 1.375;
        // best = 1.5 (2026) ≥ 1.375: on track, resting on a single observed year.
        Result r = Projection.level(s(2025, "53", 2026, "54.5"), new BigDecimal("60"), Comparator.GE, 2030, true);
        assertTrue(r.singleYear());
        assertEquals(1, r.years());
        eq("1.5", r.pace());
        eq("60.5", r.projected());
        eq("1.375", r.needed());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void pathWhereLowerIsBetterFollowsTheDirection() {
        // A level to bring down from 20 (2025) to 15 (2030): 2026 18.5, 2027 17.9 (path 2027: 20 − 5 × 2 / 5 = 18).
        // pace      = (17.9 − 20) ÷ 2  = −1.05
        // projected = 17.9 − 1.05 × 3  = 14.75 ≤ 15: reaches
        // needed    = (15 − 17.9) ÷ 3  = −0.966667 (−0.9666…)
        // best      = the largest fall: 2026 −1.5 (2027 −0.6); −1.5 ≤ −0.966667, so within reach
        Result r = Projection.level(s(2025, "20", 2026, "18.5", 2027, "17.9"), new BigDecimal("15"), Comparator.LE,
                2030, true);
        eq("-1.05", r.pace());
        eq("14.75", r.projected());
        eq("-0.966667", r.needed());
        eq("-1.5", r.best());
        assertEquals(2026, r.bestYear());
        assertTrue(r.reaches());
        assertFalse(r.beyondBest());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void theTargetYearHasNothingLeftToProject() {
        // 2030: 53 (2025) → 60.5 (2030, met). pace = 7.5 ÷ 5 = 1.5; projected = the value itself; no pace needed.
        Result r = Projection.level(s(2025, "53", 2030, "60.5"), new BigDecimal("60"), Comparator.GE, 2030, true);
        assertEquals(0, r.remaining());
        eq("60.5", r.projected());
        assertNull(r.needed());
        assertEquals(Projection.ON_TRACK, r.level());
        Result behind = Projection.level(s(2025, "53", 2030, "59"), new BigDecimal("60"), Comparator.GE, 2030, false);
        assertEquals(Projection.OFF_TRACK, behind.level());
    }

    @Test
    void noProjectionFromASingleValue() {
        assertNull(Projection.level(s(2026, "54"), new BigDecimal("60"), Comparator.GE, 2030, true));
        assertNull(Projection.trend(s(2026, "7"), Comparator.GT, 2030, true));
        assertNull(Projection.levelGrowth(s(2026, "7"), BigDecimal.ZERO, Comparator.GT, 2030, true));
    }

    // ---- average growth: compound average of the yearly rates (平均发展速度) ----------------------------

    @Test
    void averageGrowthOnTrack() {
        // GDP growth, 年均5.5以上: 2026 5.6 %, 2027 5.9 % (arithmetic running average 5.75: on the path).
        // Π(1 + r) = 1.056 × 1.059 = 1.118304
        // g = √1.118304 − 1: 1.0575² = 1.11830625, so √ = 1.0575 − 0.00000225 ÷ (2 × 1.0575) = 1.05749894 → 5.749894 %
        // required over 2026–2030: 1.055⁵ = 1.113025 × 1.113025 × 1.055 = 1.306960006
        // needed = (1.306960006 ÷ 1.118304)^(1/3) − 1 = 1.168698^(1/3) − 1 = 5.333732 % (1.0533373³ = 1.168698)
        // best year 2027: 5.9 ≥ 5.333732
        Result r = Projection.averageGrowth(s(2026, "5.6", 2027, "5.9"), new BigDecimal("5.5"), Comparator.GE, 2025,
                2030, 2027, true);
        assertEquals("compound_average", r.method());
        eq("5.749894", r.pace());
        eq("5.749894", r.projected());
        eq("5.333732", r.needed());
        eq("5.9", r.best());
        assertEquals(2027, r.bestYear());
        assertEquals(2026, r.firstYear());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void averageGrowthOnThePathButTheCompoundPaceMisses() {
        // 2026 5.0 %, 2027 6.0 %: the arithmetic average 5.5 meets 5.5 (the verdict is on the path), but
        // g = √(1.05 × 1.06) − 1 = √1.113 − 1; 1.055² = 1.113025, √1.113 = 1.055 − 0.000025 ÷ 2.11 = 1.05498815
        //   → 5.498815 % < 5.5: the projection misses → at risk.
        // needed = (1.306960006 ÷ 1.113)^(1/3) − 1 = 1.174268^(1/3) − 1 = 5.50079 %
        Result r = Projection.averageGrowth(s(2026, "5.0", 2027, "6.0"), new BigDecimal("5.5"), Comparator.GE, 2025,
                2030, 2027, true);
        eq("5.498815", r.projected());
        eq("5.50079", r.needed());
        assertFalse(r.reaches());
        assertEquals(Projection.AT_RISK, r.level());
    }

    @Test
    void averageGrowthWithOneObservedYear() {
        // 2026 6.2 % only: g = 6.2 %; needed = (1.306960006 ÷ 1.062)^(1/4) − 1 = 1.230659^(1/4) − 1 = 5.325722 %
        // (√1.230659 = 1.109351, √1.109351 = 1.053257)
        Result r = Projection.averageGrowth(s(2026, "6.2"), new BigDecimal("5.5"), Comparator.GE, 2025, 2030, 2026, true);
        assertTrue(r.singleYear());
        eq("6.2", r.pace());
        eq("5.325722", r.needed());
        assertEquals(4, r.remaining());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void averageGrowthSaysWhichYearsItRestsOn() {
        // 2026 not submitted, 2027 5.9 % only: the average rests on 2027 alone — the sentence must not say 2026—2027.
        // needed = (1.306960006 ÷ 1.059²)^(1/3) − 1 = (1.306960006 ÷ 1.121481)^(1/3) − 1 = 1.165388^(1/3) − 1:
        // 1.0523³ = 1.165249, 1.0524³ = 1.165581 → 1.0523 + 0.0001 × 0.139 ÷ 0.332 = 1.052342 → 5.234 %
        Result r = Projection.averageGrowth(s(2027, "5.9"), new BigDecimal("5.5"), Comparator.GE, 2025, 2030, 2027, true);
        assertEquals(2027, r.firstYear());
        assertEquals(2027, r.lastYear());
        assertTrue(r.singleYear());
        assertEquals(0, new BigDecimal("5.234").compareTo(r.needed().setScale(3, java.math.RoundingMode.HALF_UP)), r.needed()::toString);
    }

    // ---- cumulative: the yearly amounts at their compound rate --------------------------------------------

    @Test
    void cumulativeBehindAndBeyondTheBestYear() {
        // 进出口总额【5】亿美元 over 2026–2030; 2025 amount 0.7; 2026 0.9, 2027 1.0: total 1.9 < due 2.0 (behind).
        // g = (1.0 ÷ 0.7)^(1/2) − 1 = √1.428571 − 1 = 0.195229 (1.195229² = 1.428572) → 19.522861 %
        // 2028–2030 at g: 1.195229, 1.428571, 1.707469 → 4.331269; projected total = 1.9 + 4.331269 = 6.231269 ≥ 5
        // needed = (5 − 1.9) ÷ 3 = 1.033333 a year; best year 2027: 1.0 < 1.033333 → beyond the best year
        Result r = Projection.total(new BigDecimal("0.7"), s(2026, "0.9", 2027, "1.0"), new BigDecimal("5"),
                Comparator.GE, 2025, 2030, 2027, true, false);
        assertEquals("total_compound", r.method());
        assertEquals(2025, r.firstYear());
        eq("19.522861", r.pace());
        eq("6.231269", r.projected());
        eq("1.033333", r.needed());
        eq("1.0", r.best());
        assertTrue(r.reaches());
        assertTrue(r.beyondBest());
        assertEquals(Projection.OFF_TRACK, r.level());
    }

    @Test
    void cumulativeOnThePathButFallingAmountsMissTheTotal() {
        // 2025 amount 1.0; 2026 1.5, 2027 0.6: total 2.1 ≥ due 2.0 (on the path).
        // g = (0.6 ÷ 1.0)^(1/2) − 1 = √0.6 − 1 = 0.7745967 − 1 = −22.540333 %
        // 2028–2030: 0.6 × 0.7745967 = 0.464758, 0.36, 0.278855 → 1.103613; projected = 2.1 + 1.103613 = 3.203613 < 5
        // needed = (5 − 2.1) ÷ 3 = 0.966667 ≤ best 1.5 (2026): at risk because the projection misses
        Result r = Projection.total(new BigDecimal("1.0"), s(2026, "1.5", 2027, "0.6"), new BigDecimal("5"),
                Comparator.GE, 2025, 2030, 2027, true, true);
        eq("-22.540333", r.pace());
        eq("3.203613", r.projected());
        eq("0.966667", r.needed());
        assertFalse(r.beyondBest());
        assertEquals(Projection.AT_RISK, r.level());
    }

    @Test
    void cumulativeWithOneAmountAndNoBaseContinuesAtThatAmount() {
        // No 2025 amount, 2026 1.2: no rate can be computed; the amount continues flat (one observed year).
        // projected = 1.2 + 1.2 × 4 = 6.0 ≥ 5; needed = (5 − 1.2) ÷ 4 = 0.95 ≤ 1.2
        Result r = Projection.total(null, s(2026, "1.2"), new BigDecimal("5"), Comparator.GE, 2025, 2030, 2026, true, true);
        assertEquals("total_average", r.method());
        assertTrue(r.singleYear());
        eq("1.2", r.pace());
        eq("6", r.projected());
        eq("0.95", r.needed());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void newItemsContinueAtTheAverageYearlyAddition() {
        // 新培育瞪羚企业 5 over 2026–2030: 2026 0, 2027 1 (2 due by 2027: behind).
        // average addition = (0 + 1) ÷ 2 = 0.5; projected = 1 + 0.5 × 3 = 2.5 < 5; needed = (5 − 1) ÷ 3 = 1.333333
        // best year 2027: 1 < 1.333333 → beyond the best year
        Result r = Projection.total(null, s(2026, "0", 2027, "1"), new BigDecimal("5"), Comparator.GE, 2025, 2030, 2027,
                false, false);
        assertEquals("total_average", r.method());
        eq("0.5", r.pace());
        eq("2.5", r.projected());
        eq("1.333333", r.needed());
        assertTrue(r.beyondBest());
        assertEquals(Projection.OFF_TRACK, r.level());
    }

    // ---- trend: average annual change against a direction ----------------------------------------------

    @Test
    void trendRisingThisYearButFallingOverThePeriodIsAtRisk() {
        // 逐步提高 (must rise): 2025 7.2, 2026 7.0, 2027 7.1 — 2027 rose (on the path this year).
        // pace = (7.1 − 7.2) ÷ 2 = −0.05: over the period it fell → at risk; projected = 7.1 − 0.05 × 3 = 6.95
        // best year 2027: +0.1 > 0
        Result r = Projection.trend(s(2025, "7.2", 2026, "7.0", 2027, "7.1"), Comparator.GT, 2030, true);
        eq("-0.05", r.pace());
        eq("6.95", r.projected());
        eq("0", r.needed());
        eq("0.1", r.best());
        assertEquals(2027, r.bestYear());
        assertFalse(r.reaches());
        assertEquals(Projection.AT_RISK, r.level());
    }

    @Test
    void trendFallingThisYearIsOffTrack() {
        // 7.2, 7.8, 7.6: 2027 fell. pace = (7.6 − 7.2) ÷ 2 = 0.2; projected = 7.6 + 0.6 = 8.2; best 2026 +0.6
        Result r = Projection.trend(s(2025, "7.2", 2026, "7.8", 2027, "7.6"), Comparator.GT, 2030, false);
        eq("0.2", r.pace());
        eq("8.2", r.projected());
        eq("0.6", r.best());
        assertEquals(Projection.OFF_TRACK, r.level());
    }

    // ---- level growth: compound rate of a level ----------------------------------------------------------

    @Test
    void levelGrowthAtItsCompoundRate() {
        // 持续提升 (growth > 0 % a year): 2025 10, 2026 11, 2027 12.1.
        // g = (12.1 ÷ 10)^(1/2) − 1 = √1.21 − 1 = 0.1 → 10 %; projected 2030 = 12.1 × 1.1³ = 12.1 × 1.331 = 16.1051
        // needed = the plan's 0 % a year; best = 10 % (2026 and 2027 equal: the earlier year is named)
        Result r = Projection.levelGrowth(s(2025, "10", 2026, "11", 2027, "12.1"), BigDecimal.ZERO, Comparator.GT, 2030,
                true);
        assertEquals("compound_growth", r.method());
        eq("10", r.pace());
        eq("16.1051", r.projected());
        eq("0", r.needed());
        eq("10", r.best());
        assertEquals(2026, r.bestYear());
        assertEquals(Projection.ON_TRACK, r.level());
    }

    @Test
    void levelGrowthThatMustFall() {
        // 稳步下降 (growth < 0 %): 2025 20, 2026 19, 2027 19.2 (2027 rose: behind).
        // g = (19.2 ÷ 20)^(1/2) − 1 = √0.96 − 1 = 0.9797959 − 1 = −2.020410 % (0.9798² = 0.96000804)
        // projected = 19.2 × 0.9797959³ = 19.2 × 0.940604 = 18.059598; best = 2026: 19 ÷ 20 − 1 = −5 %
        Result r = Projection.levelGrowth(s(2025, "20", 2026, "19", 2027, "19.2"), BigDecimal.ZERO, Comparator.LT, 2030,
                false);
        eq("-2.02041", r.pace());
        eq("18.059598", r.projected());
        eq("-5", r.best());
        assertEquals(2026, r.bestYear());
        assertTrue(r.reaches());
        assertEquals(Projection.OFF_TRACK, r.level());
    }

    @Test
    void compoundRateIsTheNthRoot() {
        // √1.21 − 1 = 0.1; ∛1.331 − 1 = 0.1; one year: the ratio − 1
        eq("0.1", plancheck.engine.PlanMath.tidy(Projection.compound(new BigDecimal("1.21"), 2)));
        eq("0.1", plancheck.engine.PlanMath.tidy(Projection.compound(new BigDecimal("1.331"), 3)));
        eq("0.25", Projection.compound(new BigDecimal("1.25"), 1));
        assertThrows(IllegalArgumentException.class, () -> Projection.compound(BigDecimal.ZERO, 2));
    }

    @Test
    void theMapForTheReportHasTheFields() {
        Result r = Projection.level(s(2025, "53", 2026, "54.6", 2027, "55.5"), new BigDecimal("60"), Comparator.GE,
                2030, false);
        var m = r.asMap();
        assertEquals(Projection.OFF_TRACK, m.get("level"));
        assertEquals(2025, m.get("firstYear"));
        eq("59.25", (BigDecimal) m.get("projected"));
    }
}
