package plancheck.standards;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 3838-2002 表1 + 环办〔2011〕22号, loaded from rules/standards/gb3838-2002.yaml. */
class SurfaceWaterStandardTest {
    private static SurfaceWaterStandard std;

    @BeforeAll
    static void load() {
        std = StandardsLoader.defaults().load().water().on(java.time.LocalDate.of(2026, 12, 31));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static WaterClass cls(String item, String v, Waterbody w) {
        return std.classify(item, d(v), w).waterClass();
    }

    @Test
    void ammoniaBoundaryBetweenThreeAndFour() {
        assertEquals(WaterClass.III, cls("NH3-N", "1.0", Waterbody.RIVER));
        assertEquals(WaterClass.III, cls("NH3-N", "1.00", Waterbody.RIVER));
        assertEquals(WaterClass.IV, cls("NH3-N", "1.01", Waterbody.RIVER));
        assertEquals(WaterClass.II, cls("NH3-N", "0.5", Waterbody.RIVER));
        assertEquals(WaterClass.V, cls("NH3-N", "2.0", Waterbody.RIVER));
        assertEquals(WaterClass.WORSE_THAN_V, cls("NH3-N", "2.01", Waterbody.RIVER));
    }

    @Test
    void dissolvedOxygenIsALowerBound() {
        assertEquals(WaterClass.III, cls("DO", "5.0", Waterbody.RIVER));
        assertEquals(WaterClass.IV, cls("DO", "4.99", Waterbody.RIVER));
        assertEquals(WaterClass.I, cls("DO", "7.5", Waterbody.LAKE));
        assertEquals(WaterClass.II, cls("DO", "7.49", Waterbody.LAKE));
        assertEquals(WaterClass.V, cls("DO", "2", Waterbody.RIVER));
        assertEquals(WaterClass.WORSE_THAN_V, cls("DO", "1.99", Waterbody.RIVER));
    }

    @Test
    void totalPhosphorusDependsOnWaterbody() {
        assertEquals(WaterClass.III, cls("TP", "0.2", Waterbody.RIVER));
        assertEquals(WaterClass.V, cls("TP", "0.2", Waterbody.LAKE));
        assertEquals(WaterClass.WORSE_THAN_V, cls("TP", "0.21", Waterbody.LAKE));
        assertEquals(WaterClass.I, cls("TP", "0.01", Waterbody.LAKE));
        assertEquals(WaterClass.II, cls("TP", "0.02", Waterbody.LAKE));
        assertEquals(WaterClass.I, cls("TP", "0.02", Waterbody.RIVER));
    }

    @Test
    void sectionWhoseOnlyBadItemIsTp041IsWorseThanV() {
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        means.put("pH", d("7.6"));
        means.put("DO", d("8.1"));
        means.put("CODMn", d("1.8"));
        means.put("NH3-N", d("0.12"));
        means.put("TP", d("0.41"));
        SectionAssessment a = std.assess(means, Waterbody.RIVER);
        assertEquals(WaterClass.WORSE_THAN_V, a.waterClass());
        assertEquals("劣Ⅴ", a.waterClass().zh());
        assertEquals(1, a.deciding().size());
        ItemClass tp = a.deciding().get(0);
        assertEquals("TP", tp.item());
        assertEquals(0, tp.value().compareTo(d("0.41")));
        assertEquals(0, tp.limit().max().compareTo(d("0.4")), "the Class Ⅴ limit that is exceeded");
        assertEquals(5, a.assessed().size());
        assertEquals(WaterClass.I, a.assessed().get(0).waterClass(), "pH 7.6");
        assertFalse(a.meets(WaterClass.III));
        assertTrue(a.missing().contains("Cu"));
        assertFalse(a.missing().contains("TN"), "TN is not an assessed item");
        assertEquals(16, a.missing().size(), "21 assessed items, 5 given");
    }

    @Test
    void phOutsideSixToNineMeetsNoClass() {
        assertEquals(WaterClass.WORSE_THAN_V, cls("pH", "9.01", Waterbody.RIVER));
        assertEquals(WaterClass.WORSE_THAN_V, cls("pH", "5.99", Waterbody.LAKE));
        assertEquals(WaterClass.I, cls("pH", "9", Waterbody.RIVER));
        assertEquals(WaterClass.I, cls("pH", "6.0", Waterbody.RIVER));
        ItemClass ic = std.classify("pH", d("9.01"), Waterbody.RIVER);
        assertEquals("6–9", ic.limit().toString());
    }

    @Test
    void valuesExactlyAtEveryClassLimitFallInTheBetterClass() {
        int checked = 0;
        for (WaterItem row : std.items().values()) {
            for (Waterbody w : Waterbody.values()) {
                Map<WaterClass, WaterLimit> lims = row.limitsFor(w);
                if (lims.isEmpty()) {
                    continue;
                }
                for (WaterClass c : WaterClass.graded()) {
                    WaterLimit lim = lims.get(c);
                    List<BigDecimal> bounds = new ArrayList<>();
                    if (lim.min() != null) {
                        bounds.add(lim.min());
                    }
                    if (lim.max() != null) {
                        bounds.add(lim.max());
                    }
                    for (BigDecimal b : bounds) {
                        // the best class whose limit has this same bound (COD: Ⅰ and Ⅱ are both 15)
                        WaterClass expected = null;
                        for (WaterClass k : WaterClass.graded()) {
                            WaterLimit lk = lims.get(k);
                            if (b.equals(lk.min()) || b.equals(lk.max()) || lk.isMetBy(b)) {
                                expected = k;
                                break;
                            }
                        }
                        WaterClass got = std.classify(row.key(), b, w).waterClass();
                        assertEquals(expected, got, row.key() + " " + w + " at " + b.toPlainString());
                        assertTrue(got.isAtLeast(c), row.key() + " " + w + " at the Class " + c + " limit must be Class " + c + " or better");
                        checked++;
                    }
                    // just past the bound, on the wrong side: no longer Class c
                    BigDecimal eps = new BigDecimal("0.000001");
                    if (lim.max() != null) {
                        assertTrue(std.classify(row.key(), lim.max().add(eps), w).waterClass().isWorseThan(c),
                                row.key() + " " + w + " just above the Class " + c + " limit");
                    }
                    if (lim.min() != null && lim.min().compareTo(eps) > 0) {
                        assertTrue(std.classify(row.key(), lim.min().subtract(eps), w).waterClass().isWorseThan(c),
                                row.key() + " " + w + " just below the Class " + c + " limit");
                    }
                }
            }
        }
        assertTrue(checked > 200, "every class limit of every item checked: " + checked);
    }

    @Test
    void equalLimitsAcrossClassesGiveTheBestClass() {
        assertEquals(WaterClass.I, cls("COD", "15", Waterbody.RIVER));
        assertEquals(WaterClass.III, cls("COD", "15.01", Waterbody.RIVER));
        assertEquals(WaterClass.II, cls("Cu", "1.0", Waterbody.RIVER));
        assertEquals(WaterClass.WORSE_THAN_V, cls("Cu", "1.01", Waterbody.RIVER));
        assertEquals(WaterClass.III, cls("CN", "0.2", Waterbody.RIVER));
        assertEquals(WaterClass.I, cls("Hg", "0.00005", Waterbody.RIVER));
        assertEquals(WaterClass.III, cls("Hg", "0.0001", Waterbody.RIVER));
    }

    @Test
    void tableMatchesStandardsReference() {
        // figures of /work/shared/reference/standards.md (GB 3838-2002 表1), classes Ⅰ..Ⅴ
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DO", "7.5 6 5 3 2");
        expected.put("CODMn", "2 4 6 10 15");
        expected.put("COD", "15 15 20 30 40");
        expected.put("BOD5", "3 3 4 6 10");
        expected.put("NH3-N", "0.15 0.5 1.0 1.5 2.0");
        expected.put("TP", "0.02 0.1 0.2 0.3 0.4");
        expected.put("Cu", "0.01 1.0 1.0 1.0 1.0");
        expected.put("Zn", "0.05 1.0 1.0 2.0 2.0");
        expected.put("F", "1.0 1.0 1.0 1.5 1.5");
        expected.put("Se", "0.01 0.01 0.01 0.02 0.02");
        expected.put("As", "0.05 0.05 0.05 0.1 0.1");
        expected.put("Hg", "0.00005 0.00005 0.0001 0.001 0.001");
        expected.put("Cd", "0.001 0.005 0.005 0.005 0.01");
        expected.put("Cr6", "0.01 0.05 0.05 0.05 0.1");
        expected.put("Pb", "0.01 0.01 0.05 0.05 0.1");
        expected.put("CN", "0.005 0.05 0.2 0.2 0.2");
        expected.put("Phenol", "0.002 0.002 0.005 0.01 0.1");
        expected.put("Oil", "0.05 0.05 0.05 0.5 1.0");
        expected.put("LAS", "0.2 0.2 0.2 0.3 0.3");
        expected.put("S2", "0.05 0.1 0.2 0.5 1.0");
        expected.put("FecalColiform", "200 2000 10000 20000 40000");
        expected.forEach((item, vals) -> assertLimits(item, Waterbody.RIVER, vals));
        assertLimits("TP", Waterbody.LAKE, "0.01 0.025 0.05 0.1 0.2");
        assertLimits("TN", Waterbody.LAKE, "0.2 0.5 1.0 1.5 2.0");
        assertTrue(std.items().get("TN").limitsFor(Waterbody.RIVER).isEmpty(), "TN: lakes and reservoirs only");
        assertTrue(std.items().get("WaterTemp").limits().isEmpty());
        assertEquals(24, std.items().size(), "表1 has 24 rows");
        assertEquals(21, std.assessedItems().size(), "环办〔2011〕22号: 21 assessed items");
        assertEquals(List.of("WaterTemp", "TN", "FecalColiform"), new ArrayList<>(std.referenceItems()));
        for (WaterItem row : std.items().values()) {
            assertTrue(row.source().startsWith("GB 3838-2002 表1 第" + row.no() + "项"), row.key() + ": " + row.source());
        }
    }

    private static void assertLimits(String item, Waterbody w, String vals) {
        String[] v = vals.split(" ");
        Map<WaterClass, WaterLimit> lims = std.items().get(item).limitsFor(w);
        for (int i = 0; i < 5; i++) {
            WaterLimit lim = lims.get(WaterClass.graded().get(i));
            BigDecimal b = item.equals("DO") ? lim.min() : lim.max();
            assertEquals(0, b.compareTo(d(v[i])), item + " " + w + " class " + WaterClass.graded().get(i));
        }
    }

    @Test
    void referenceAndUnknownItemsAreReportedNotDropped() {
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        means.put("NH3-N", d("0.4"));
        means.put("TN", d("3.5"));
        means.put("FecalColiform", d("25000"));
        means.put("WaterTemp", d("18.2"));
        means.put("Turbidity", d("12"));
        SectionAssessment river = std.assess(means, Waterbody.RIVER);
        assertEquals(WaterClass.II, river.waterClass(), "only NH3-N counts");
        assertEquals(List.of("Turbidity"), river.unknown());
        assertEquals(3, river.skipped().size());
        SkippedItem temp = river.skipped().get(0);
        assertEquals("WaterTemp", temp.item());
        assertNull(temp.separateClass());
        SkippedItem tn = river.skipped().get(1);
        assertEquals("TN", tn.item());
        assertEquals(SkippedItem.Reason.NO_LIMIT_FOR_WATERBODY, tn.reason());
        assertNull(tn.separateClass());
        SkippedItem fc = river.skipped().get(2);
        assertEquals("FecalColiform", fc.item());
        assertEquals(SkippedItem.Reason.REFERENCE_ITEM, fc.reason());
        assertEquals(WaterClass.V, fc.separateClass().waterClass());

        SectionAssessment lake = std.assess(means, Waterbody.LAKE);
        SkippedItem lakeTn = lake.skipped().get(1);
        assertEquals(SkippedItem.Reason.REFERENCE_ITEM, lakeTn.reason());
        assertEquals(WaterClass.WORSE_THAN_V, lakeTn.separateClass().waterClass(), "TN 3.5 in a lake, reported separately");
        assertEquals(WaterClass.II, lake.waterClass(), "lake TN does not enter the section class");
    }

    @Test
    void allDecidingItemsAreListed() {
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        means.put("CODMn", d("8"));
        means.put("NH3-N", d("1.2"));
        means.put("TP", d("0.05"));
        SectionAssessment a = std.assess(means, Waterbody.RIVER);
        assertEquals(WaterClass.IV, a.waterClass());
        assertEquals(List.of("CODMn", "NH3-N"), a.deciding().stream().map(ItemClass::item).toList());
        assertEquals("NH3-N 1.2 mg/L → Ⅳ (Ⅳ: ≤ 1.5)", a.deciding().get(1).toString());
    }

    @Test
    void emptySectionHasNoClass() {
        SectionAssessment a = std.assess(Map.of("FecalColiform", d("100")), Waterbody.RIVER);
        assertFalse(a.hasClass());
        assertNull(a.waterClass());
        assertTrue(a.deciding().isEmpty());
        assertEquals(21, a.missing().size());
    }

    @Test
    void classifyRejectsWhatItCannotClassify() {
        assertThrows(IllegalArgumentException.class, () -> std.classify("Turbidity", d("1"), Waterbody.RIVER));
        IllegalArgumentException tn = assertThrows(IllegalArgumentException.class,
                () -> std.classify("TN", d("1"), Waterbody.RIVER));
        assertTrue(tn.getMessage().contains("river"), tn.getMessage());
        assertThrows(IllegalArgumentException.class, () -> std.classify("WaterTemp", d("20"), Waterbody.LAKE));
        assertThrows(IllegalArgumentException.class, () -> std.classify("NH3-N", d("-0.1"), Waterbody.RIVER));
        assertThrows(IllegalArgumentException.class, () -> std.classify("NH3-N", null, Waterbody.RIVER));
    }

    @Test
    void annualMeansAverageEachItemOverTheMonthsThatHaveIt() {
        List<Map<String, BigDecimal>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<String, BigDecimal> s = new LinkedHashMap<>();
            s.put("NH3-N", m <= 6 ? d("0.9") : d("1.1"));
            if (m % 3 == 0) {
                s.put("TP", d("0.1"));
            }
            s.put("DO", m == 5 ? null : d(String.valueOf(m)));
            months.add(s);
        }
        months.add(Map.of("CODMn", d("1")));
        AnnualMeans am = SurfaceWaterStandard.annualMeans(months.subList(0, 12));
        assertEquals(0, am.means().get("NH3-N").compareTo(d("1.0")), "exact mean at the Class Ⅲ limit");
        assertEquals(WaterClass.III, std.classify("NH3-N", am.means().get("NH3-N"), Waterbody.RIVER).waterClass());
        assertEquals(12, am.counts().get("NH3-N"));
        assertEquals(4, am.counts().get("TP"));
        assertEquals(0, am.means().get("TP").compareTo(d("0.1")));
        assertEquals(11, am.counts().get("DO"), "a null month is not counted");
        // (78 − 5) / 11 = 6.636363… → 16 significant digits
        assertEquals(d("6.636363636363636"), am.means().get("DO"));
        assertFalse(am.means().containsKey("CODMn"));
        assertEquals(1, SurfaceWaterStandard.annualMeans(months).counts().get("CODMn"));
        assertThrows(IllegalArgumentException.class, () -> SurfaceWaterStandard.annualMeans(null));
    }

    @Test
    void labels() {
        assertEquals("劣Ⅴ", WaterClass.WORSE_THAN_V.zh());
        assertEquals("worse than V", WaterClass.WORSE_THAN_V.en());
        assertEquals("Ⅲ", WaterClass.III.zh());
        assertEquals("Ⅰ", WaterClass.I.label("zh"));
        assertEquals("IV", WaterClass.IV.label("en"));
        assertEquals("良好", WaterClass.III.qualityZh());
        assertEquals("优", WaterClass.II.qualityZh());
        assertEquals("重度污染", WaterClass.WORSE_THAN_V.qualityZh());
        assertEquals(WaterClass.WORSE_THAN_V, WaterClass.parse("劣V"));
        assertEquals(WaterClass.II, WaterClass.parse("Ⅱ"));
        assertEquals(WaterClass.II, WaterClass.parse("II"));
        assertEquals(Waterbody.LAKE, Waterbody.parse("lake"));
        assertThrows(IllegalArgumentException.class, () -> Waterbody.parse("sea"));
        assertTrue(WaterClass.II.isAtLeast(WaterClass.III));
        assertFalse(WaterClass.IV.isAtLeast(WaterClass.III));
    }
}
