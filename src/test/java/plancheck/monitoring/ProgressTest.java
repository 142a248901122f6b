package plancheck.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.report.Progress;

/** 完成进度 and “时间过半、任务过半” ({@link Progress}), numbers worked by hand. */
class ProgressTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void eq(String want, BigDecimal got) {
        assertEquals(0, d(want).compareTo(got), () -> "expected " + want + ", got " + got);
    }

    @Test
    void aPathTargetsProgressIsTheShareOfTheDistanceCovered() {
        // 城镇化率 53 → 60; 2028 57.3: (57.3 − 53) ÷ (60 − 53) = 4.3 ÷ 7 = 61.428571 % ≥ 60 % of the time
        BigDecimal p = Progress.path(d("57.3"), d("53"), d("60"));
        eq("61.428571", p);
        assertTrue(Progress.keepsPace(p, 3, 5));
        // 人均GDP 9 → 12; 2028 10.7: 1.7 ÷ 3 = 56.666667 % < 60 %
        BigDecimal q = Progress.path(d("10.7"), d("9"), d("12"));
        eq("56.666667", q);
        assertFalse(Progress.keepsPace(q, 3, 5));
        // a level to bring down, 20 → 15; 2028 17: (17 − 20) ÷ (15 − 20) = 60 %: exactly on time
        eq("60", Progress.path(d("17"), d("20"), d("15")));
        assertTrue(Progress.keepsPace(d("60"), 3, 5));
        assertNull(Progress.path(d("75"), d("75"), d("75")));
    }

    @Test
    void aRunningTotalsProgressIsTheShareOfThePeriodTotal() {
        // 进出口总额【5】: 0.9 + 1.0 + 1.2 = 3.1 by 2028: 3.1 ÷ 5 = 62 %
        eq("62", Progress.total(d("3.1"), d("5")));
        assertNull(Progress.total(d("3"), BigDecimal.ZERO));
    }

    @Test
    void anAverageGrowthsProgressIsItsCompoundPaceAgainstTheTargetTimesTheTimeShare() {
        // GDP 年均5.5: 2026 5.6, 2027 5.9, 2028 5.4 → Π = 1.056 × 1.059 × 1.054 = 1.178692416
        // g = 1.178692416^(1/3) − 1: 1.0563³ = 1.178587524, so by one Newton step
        //   g = 1.0563 + (1.178692416 − 1.178587524) ÷ (3 × 1.0563²) = 1.0563 + 0.000104892 ÷ 3.347284 = 1.05633134
        //   → 5.633134 %
        // progress = 5.633134 ÷ 5.5 × 60 = 61.452366 % ≥ 60: keeps pace
        BigDecimal p = Progress.growth(List.of(d("5.6"), d("5.9"), d("5.4")), d("5.5"), 3, 5);
        eq("61.452366", p);
        assertTrue(Progress.keepsPace(p, 3, 5));
        // exactly at the target rate every year: the time share itself
        eq("60", Progress.growth(List.of(d("5.5"), d("5.5"), d("5.5")), d("5.5"), 3, 5));
        // 5.0, 5.2, 5.1: g ≈ 5.1 % → 5.1 ÷ 5.5 × 60 ≈ 55.6 % < 60: lags
        assertFalse(Progress.keepsPace(Progress.growth(List.of(d("5.0"), d("5.2"), d("5.1")), d("5.5"), 3, 5), 3, 5));
        assertNull(Progress.growth(List.of(), d("5.5"), 3, 5));
    }

    @Test
    void theShareOfTimeElapsed() {
        eq("60", Progress.timeShare(3, 5));
        eq("100", Progress.timeShare(5, 5));
        eq("20", Progress.timeShare(1, 5));
    }
}
