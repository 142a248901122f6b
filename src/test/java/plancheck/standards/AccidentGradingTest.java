package plancheck.standards;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 国务院令第493号 第三条, loaded from rules/standards/decree-493.yaml. */
class AccidentGradingTest {
    private static AccidentGrading g;

    @BeforeAll
    static void load() {
        g = StandardsLoader.defaults().load().accidents().on(java.time.LocalDate.of(2026, 6, 1));
    }

    private static AccidentGrade grade(int deaths, int injuries, long loss) {
        return g.grade(deaths, injuries, loss).grade();
    }

    @Test
    void deaths() {
        assertEquals(AccidentGrade.GENERAL, grade(2, 0, 0));
        assertEquals(AccidentGrade.LARGER, grade(3, 0, 0));
        assertEquals(AccidentGrade.LARGER, grade(9, 0, 0));
        assertEquals(AccidentGrade.MAJOR, grade(10, 0, 0));
        assertEquals(AccidentGrade.MAJOR, grade(29, 0, 0));
        assertEquals(AccidentGrade.EXTRAORDINARY, grade(30, 0, 0));
    }

    @Test
    void seriousInjuries() {
        assertEquals(AccidentGrade.GENERAL, grade(0, 9, 0));
        assertEquals(AccidentGrade.LARGER, grade(0, 10, 0));
        assertEquals(AccidentGrade.LARGER, grade(0, 49, 0));
        assertEquals(AccidentGrade.MAJOR, grade(0, 50, 0));
        assertEquals(AccidentGrade.MAJOR, grade(0, 99, 0));
        assertEquals(AccidentGrade.EXTRAORDINARY, grade(0, 100, 0));
    }

    @Test
    void directLoss() {
        assertEquals(AccidentGrade.GENERAL, grade(0, 0, 9_999_999L));
        assertEquals(AccidentGrade.LARGER, grade(0, 0, 10_000_000L));
        assertEquals(AccidentGrade.LARGER, grade(0, 0, 49_999_999L));
        assertEquals(AccidentGrade.MAJOR, grade(0, 0, 50_000_000L));
        assertEquals(AccidentGrade.MAJOR, grade(0, 0, 99_999_999L));
        assertEquals(AccidentGrade.EXTRAORDINARY, grade(0, 0, 100_000_000L));
        AccidentGradeResult r = g.grade(0, 0, new BigDecimal("9999999.99"));
        assertEquals(AccidentGrade.GENERAL, r.grade(), "a fraction of a yuan below 1000万 is still 一般");
    }

    @Test
    void highestOfTheThreeMeasuresWins() {
        AccidentGradeResult r = g.grade(1, 55, 12_000_000L);
        assertEquals(AccidentGrade.MAJOR, r.grade());
        assertEquals(List.of(AccidentMeasure.SERIOUS_INJURIES), r.deciding());
        assertEquals(AccidentGrade.GENERAL, r.byMeasure().get(AccidentMeasure.DEATHS));
        assertEquals(AccidentGrade.LARGER, r.byMeasure().get(AccidentMeasure.DIRECT_LOSS_YUAN));
        assertTrue(r.source().contains("第（二）项"), r.source());

        AccidentGradeResult tie = g.grade(3, 0, 10_000_000L);
        assertEquals(AccidentGrade.LARGER, tie.grade());
        assertEquals(List.of(AccidentMeasure.DEATHS, AccidentMeasure.DIRECT_LOSS_YUAN), tie.deciding());

        AccidentGradeResult contract = g.grade(1, 2, 1_800_000L); // contract §2 example
        assertEquals(AccidentGrade.GENERAL, contract.grade());
        assertEquals("一般", contract.grade().zh());
        assertTrue(contract.source().contains("第（四）项"), contract.source());
        assertFalse(contract.grade().isAtLeast(AccidentGrade.LARGER));
        assertTrue(AccidentGrade.MAJOR.isAtLeast(AccidentGrade.LARGER), "较大及以上");
    }

    @Test
    void unreportedMeasuresAreListed() {
        AccidentGradeResult r = g.grade(4, null, null);
        assertEquals(AccidentGrade.LARGER, r.grade());
        assertEquals(List.of(AccidentMeasure.SERIOUS_INJURIES, AccidentMeasure.DIRECT_LOSS_YUAN), r.unreported());
        assertFalse(r.complete());
        assertThrows(IllegalArgumentException.class, () -> g.grade(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> g.grade(-1, 0, 0L));
    }

    @Test
    void thresholdsComeFromTheTable() {
        List<AccidentThreshold> t = g.thresholds();
        assertEquals(AccidentGrade.EXTRAORDINARY, t.get(0).grade());
        assertEquals(30, t.get(0).deaths());
        assertEquals(0, t.get(2).directLossYuan().compareTo(new BigDecimal("10000000")));
        assertEquals("特别重大", AccidentGrade.EXTRAORDINARY.zh());
        assertEquals("较大事故", AccidentGrade.LARGER.zhFull());
    }
}
