package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The energy rules (rules/environment/energy.drl) end to end: conversion to standard coal by
 * GB/T 2589 (coefficients from rules/standards/gb-t-2589.yaml), the year's total and intensity, the
 * derived reduction of energy intensity at comparable prices, unknown carriers and units as data
 * problems, and the city-assigned yearly and five-year targets (PENDING until set).
 */
class EnergyRulesTest extends AbstractEnvironmentTest {

    static final String EIR = "energy_intensity_reduction";
    static final String CO2 = "co2_intensity_reduction";

    /** 2025: 1e9 kWh (122 900 tce); 2026: the given kWh and GDP growth. */
    Path[] twoYears(String kwh2026, String growth) throws Exception {
        return new Path[] {
            submission("e25.json", 2025, "", "", "", energy("electricity", "1000000000", "kWh")),
            submission("e26.json", 2026, ind("gdp_growth", growth, "%") + ", " + ind("gdp", "100", "亿元"), "", "",
                    energy("electricity", kwh2026, "kWh"))};
    }

    @Test
    void oneMillionKwhIs122Point9Tce() throws Exception {
        List<Finding> fs = check(submission("e.json", 2026, ind("gdp", "1", "亿元"), "", "", energy("electricity", "1000000", "kWh")));
        Finding f = one(fs, EIR, 2026, REGION + "·能源消费");
        assertStatus(Status.PASS, f);
        assertNumber("122.9", f.details().get("totalTce"));
        assertNumber("122.9", f.actual());
        assertEquals("吨标准煤", f.unit());
        assertTrue(String.valueOf(f.details().get("carriers")).contains("electricity：1000000 kWh × 0.1229 kgce/kWh = 122.9 tce（GB/T 2589 附录A 电力（当量值）"),
                String.valueOf(f.details().get("carriers")));
        assertNumber("0.01229", f.details().get("intensity"));   // 122.9 tce ÷ 10 000 万元
        assertTrue(f.evidence().contains(new Evidence("rules/standards/gb-t-2589.yaml", "electricity")), f.evidence().toString());
        assertTrue(f.message().zh().contains("122.9吨标准煤"), f.message().zh());
    }

    @Test
    void plainNaturalGasUsesTheGasFieldCoefficient() throws Exception {
        Finding f = one(check(submission("e.json", 2026, "", "", "", energy("natural_gas", "10000", "m³"))),
                EIR, 2026, REGION + "·能源消费");
        assertNumber("12.143", f.details().get("totalTce"));
        assertTrue(String.valueOf(f.details().get("carriers")).contains("（“natural_gas”按natural_gas_gasfield折算）"),
                String.valueOf(f.details().get("carriers")));
    }

    @Test
    void theReductionIsDerivedAtComparablePrices() throws Exception {
        // 1 − (1.03 / 1) ÷ 1.06 = 2.83 %
        List<Finding> fs = check(twoYears("1030000000", "6"));
        Finding f = one(fs, EIR, 2026, REGION);
        assertStatus(Status.PASS, f);
        assertNumber("2.83", f.actual());
        assertEquals("derived", f.details().get("origin"));
        assertTrue(f.message().zh().contains("降低率 = 1 −（126587 ÷ 122900）÷（1 + 6%）= 2.83%"), f.message().zh());
        assertStatus(Status.BASELINE, one(fs, EIR, 2025, REGION + "·能源消费"));
    }

    @Test
    void aRiseInIntensityIsAWarning() throws Exception {
        // 1 − 1.1 ÷ 1.06 = −3.77 %
        Finding f = one(check(twoYears("1100000000", "6")), EIR, 2026, REGION);
        assertStatus(Status.WARNING, f);
        assertNumber("-3.77", f.actual());
        assertFalse(f.binding());
    }

    @Test
    void anUnknownCarrierIsADataProblemNamingTheRecord() throws Exception {
        Path y25 = submission("e25.json", 2025, "", "", "", energy("electricity", "1000000000", "kWh"));
        Path y26 = submission("e26.json", 2026, ind("gdp_growth", "6", "%"), "", "",
                energy("electricity", "1000000000", "kWh") + ",\n" + energy("hydrogen", "5", "t"));
        List<Finding> fs = check(y25, y26);
        Finding total = one(fs, EIR, 2026, REGION + "·能源消费");
        assertStatus(Status.WARNING, total);
        assertTrue(total.message().zh().contains("e26.json#/energyUse/1：hydrogen 5 t无法折算标准煤"), total.message().zh());
        Finding region = one(fs, EIR, 2026, REGION);
        assertStatus(Status.WARNING, region);
        assertTrue(region.message().zh().startsWith("数据问题"), region.message().zh());
        assertEquals(null, region.actual());
    }

    @Test
    void anUnknownOrUnfitUnitIsADataProblem() throws Exception {
        Finding f = one(check(submission("e.json", 2026, "", "", "",
                energy("electricity", "1", "MWh") + ",\n" + energy("raw_coal", "1", "kWh"))), EIR, 2026, REGION + "·能源消费");
        assertStatus(Status.WARNING, f);
        assertTrue(f.message().zh().contains("\"MWh\""), f.message().zh());
        assertTrue(f.message().zh().contains("raw_coal 1 kWh无法折算"), f.message().zh());
    }

    @Test
    void withoutLastYearsRecordsTheReductionIsNoDataSayingWhy() throws Exception {
        Finding f = one(check(submission("e26.json", 2026, ind("gdp_growth", "6", "%"), "", "",
                energy("electricity", "1000000", "kWh"))), EIR, 2026, REGION);
        assertStatus(Status.NO_DATA, f);
        assertTrue(f.message().zh().contains("缺少2025年能源消费记录"), f.message().zh());
    }

    @Test
    void aSubmittedReductionIsCrossChecked() throws Exception {
        Path[] y = twoYears("1030000000", "6");
        Path ok = submission("ok.json", 2026, ind(EIR, "2.8", "%"), "", "", "");
        assertStatus(Status.PASS, one(check(y[0], y[1], ok), EIR, 2026, REGION + "·能源核算"));
        Path off = submission("off.json", 2026, ind(EIR, "3.5", "%"), "", "", "");
        Finding f = one(check(y[0], y[1], off), EIR, 2026, REGION + "·能源核算");
        assertStatus(Status.WARNING, f);
        assertTrue(f.message().zh().contains("off.json#/indicators/0"), f.message().zh());
    }

    @Test
    void cityAssignedTargetsArePendingUntilSet() throws Exception {
        List<Finding> fs = check(twoYears("1030000000", "6"));
        assertStatus(Status.PENDING, one(fs, EIR, 2026, REGION + "·市级目标"));
        Finding total = one(fs, EIR, 2026, REGION + "·累计");
        assertStatus(Status.PENDING, total);
        assertNumber("2.83", total.actual());
        assertStatus(Status.PENDING, one(fs, CO2, 2026, REGION + "·累计"));
    }

    @Test
    void cityAssignedTargetsOnceSetAreJudgedEachYearAndAsARunningTotal() throws Exception {
        Path rules = rulesWith("energy_intensity_reduction.target", "3", "energy_intensity_reduction.target_total", "14",
                "co2_intensity_reduction.target_total", "18");
        Path[] y = twoYears("1030000000", "6");
        Path co2 = submission("co2.json", 2026, ind(CO2, "3.0", "%"), "", "", "");
        List<Finding> fs = checkWith(rules, y[0], y[1], co2);
        Finding yearly = one(fs, EIR, 2026, REGION + "·市级目标");
        assertStatus(Status.WARNING, yearly);          // 2.83 < 3; the catalogue marks it expected
        assertNumber("3", yearly.expected());
        Finding total = one(fs, EIR, 2026, REGION + "·累计");
        assertStatus(Status.PASS, total);              // 2.83 ≥ 14 × 1/5 = 2.8
        assertNumber("2.8", total.expected());
        Finding carbon = one(fs, CO2, 2026, REGION + "·累计");
        assertStatus(Status.VIOLATION, carbon);        // 3.0 < 18 × 1/5 = 3.6; 专栏1 第22项 is binding
        assertNumber("3.6", carbon.expected());
    }
}
