package plancheck.standards;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB/T 2589, loaded from rules/standards/gb-t-2589.yaml; and EnergyIntensity. */
class StandardCoalTest {
    private static StandardCoal sc;

    @BeforeAll
    static void load() {
        sc = StandardsLoader.defaults().load().coal().on(java.time.LocalDate.of(2026, 12, 31));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertSame(String expected, BigDecimal actual) {
        assertEquals(0, actual.compareTo(d(expected)), "expected " + expected + ", got " + actual.toPlainString());
    }

    @Test
    void oneMillionKwhIs122Point9Tce() {
        assertSame("122.9", sc.toTce("electricity", d("1000000"), "kWh"));
        assertSame("122.9", sc.toTce("electricity", d("100"), "万kWh"));
        assertSame("122.9", sc.toTce("电力", d("100"), "万千瓦时"));
        assertSame("12290", sc.toTce("electricity", d("1"), "亿kWh"));
        assertSame("380990", sc.toTce("electricity", d("3.1e9"), "kWh"));
    }

    @Test
    void massVolumeAndHeatUnits() {
        assertSame("0.7143", sc.toTce("raw_coal", d("1"), "t"));
        assertSame("0.0007143", sc.toTce("raw_coal", d("1"), "kg"));
        assertSame("7143", sc.toTce("原煤", d("1"), "万t"));
        assertSame("1.4571", sc.toTce("diesel", d("1000"), "kg"));
        assertSame("13.3", sc.toTce("natural_gas_oilfield", d("1"), "万m³"));
        assertSame("12.143", sc.toTce("natural_gas_gasfield", d("10000"), "m3"));
        assertSame("0.03412", sc.toTce("heat", d("1"), "GJ"));
        assertSame("34.12", sc.toKgce("heat", d("1000"), "MJ"));
    }

    @Test
    void unknownCarrierErrorsNamingIt() {
        UnknownCarrierException e = assertThrows(UnknownCarrierException.class,
                () -> sc.toTce("town_gas", d("1"), "m³"));
        assertEquals("town_gas", e.carrier());
        assertTrue(e.getMessage().contains("\"town_gas\""), e.getMessage());
        assertThrows(UnknownCarrierException.class, () -> sc.toTce("hydrogen", d("1"), "kg"));
    }

    @Test
    void plainNaturalGasIsTheGasFieldRow() {
        // project decision in gb-t-2589.yaml: natural_gas without origin → gas-field 1.2143 kgce/m³
        assertEquals("natural_gas_gasfield", sc.carrier("natural_gas").id());
        assertEquals("natural_gas_gasfield", sc.carrier("天然气").id());
        assertSame("12.143", sc.toTce("natural_gas", d("1"), "万m³"));
    }

    @Test
    void unknownOrUnfitUnitErrorsNamingIt() {
        UnknownUnitException e = assertThrows(UnknownUnitException.class, () -> sc.toTce("electricity", d("1"), "MWh"));
        assertEquals("MWh", e.unit());
        assertEquals("electricity", e.carrier());
        UnknownUnitException unfit = assertThrows(UnknownUnitException.class, () -> sc.toTce("raw_coal", d("1"), "kWh"));
        assertTrue(unfit.getMessage().contains("kg"), unfit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sc.toTce("electricity", d("-1"), "kWh"));
    }

    @Test
    void tableMatchesStandardsReference() {
        String[][] expected = {
                {"raw_coal", "kg", "0.7143"}, {"coke", "kg", "0.9714"}, {"crude_oil", "kg", "1.4286"},
                {"fuel_oil", "kg", "1.4286"}, {"gasoline", "kg", "1.4714"}, {"kerosene", "kg", "1.4714"},
                {"diesel", "kg", "1.4571"}, {"lpg", "kg", "1.7143"}, {"natural_gas_gasfield", "m³", "1.2143"},
                {"natural_gas_oilfield", "m³", "1.3300"}, {"heat", "MJ", "0.03412"}, {"electricity", "kWh", "0.1229"}};
        assertEquals(expected.length, sc.carriers().size());
        for (String[] row : expected) {
            EnergyCarrier c = sc.carrier(row[0]);
            assertEquals(row[1], c.unit(), row[0]);
            assertSame(row[2], c.kgcePerUnit());
            assertTrue(c.source().startsWith("GB/T 2589 附录A"), c.source());
        }
        assertSame("29307", sc.kjPerKgce());
        // heat: 1000 kJ / 29307 kJ per kgce = 0.034122 → table 0.03412
        assertEquals(sc.carrier("heat").kgcePerUnit(), d("1000").divide(sc.kjPerKgce(), 5, RoundingMode.HALF_UP),
                "heat coefficient = 1000 kJ / 29307 kJ per kgce");
        // electricity equivalent value: 860 kcal/kWh ÷ 7000 kcal/kgce = 0.122857… → 0.1229
        assertEquals(sc.carrier("electricity").kgcePerUnit(), d("860").divide(d("7000"), 4, RoundingMode.HALF_UP));
    }

    @Test
    void energyIntensityReductionRate() {
        // 1 − (103/100)/1.06 = 2.8301886…%
        assertEquals(d("2.8302"), EnergyIntensity.reductionRate(d("103"), d("100"), d("6")).setScale(4, RoundingMode.HALF_UP));
        // same consumption, no growth: no change
        assertSame("0", EnergyIntensity.reductionRate(d("100"), d("100"), d("0")));
        // consumption up faster than GDP: negative (intensity rose)
        assertTrue(EnergyIntensity.reductionRate(d("110"), d("100"), d("5")).signum() < 0);
        assertThrows(IllegalArgumentException.class, () -> EnergyIntensity.reductionRate(d("1"), d("0"), d("5")));
        assertThrows(IllegalArgumentException.class, () -> EnergyIntensity.reductionRate(d("1"), d("1"), d("-100")));
        // five years of 3 %: 1 − 0.97^5 = 14.1266 %
        assertEquals(d("14.1266"), EnergyIntensity.cumulativeReduction(Collections.nCopies(5, d("3"))).setScale(4, RoundingMode.HALF_UP));
        assertSame("0", EnergyIntensity.cumulativeReduction(List.of()));
        assertSame("0.5", EnergyIntensity.intensity(d("500000"), d("1000000")));
    }
}
