package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * {@code check facts} on the shipped examples (facts/2025–2027/example-environment-records.json with
 * the bureaus' example files): the per-section findings, the derived and cross-checked shares, the
 * air and energy findings, with evidence pointing at the records used.
 */
class ShippedEnvironmentExamplesTest {

    static final String REGION = "垫江县";
    static final String RECORDS_2026 = "facts/2026/example-environment-records.json";
    static List<Finding> fs;

    @BeforeAll
    static void check() throws Exception {
        fs = Pipeline.check(Path.of("rules"), List.of(Path.of("facts"))).report().findings();
    }

    static Finding one(String indicator, int year, String subject) {
        return AbstractEnvironmentTest.one(fs, indicator, year, subject);
    }

    @Test
    void eachSectionHasItsClassWithTheSamplesAsEvidence() {
        Finding lx = one("surface_water_class3_share", 2026, "龙溪河国控断面");
        assertEquals(Status.PASS, lx.status());
        assertEquals("III", lx.details().get("waterClass"));
        assertEquals(12, lx.details().get("months"));
        Finding wl = one("surface_water_class3_share", 2026, "卧龙河市控断面");
        assertEquals(Status.VIOLATION, wl.status());
        assertEquals("IV", wl.details().get("waterClass"));
        assertEquals(List.of("NH3-N"), wl.details().get("deciding"));
        assertTrue(wl.message().zh().contains("氨氮(NH3-N)年均1.033 mg/L") && wl.message().zh().contains("12次监测中4次劣于Ⅲ类"),
                wl.message().zh());
        assertEquals(12, wl.evidence().stream()
                .filter(e -> e.input().equals(RECORDS_2026) && e.pointer().startsWith("/waterSamples/")).count());
        assertEquals("II", one("surface_water_class3_share", 2026, "大沙河市控断面").details().get("waterClass"));
    }

    @Test
    void theSharesAreDerivedOrCrossChecked() {
        // the bureau submitted 100 %: the sections give 66.67 % — a data problem naming both
        Finding x = one("surface_water_class3_share", 2026, REGION + "·断面核算");
        assertEquals(Status.WARNING, x.status());
        assertTrue(x.message().zh().contains("facts/2026/example-environment-bureau.json#/indicators/0"), x.message().zh());
        assertTrue(x.message().zh().contains(RECORDS_2026 + "#/waterSamples ×36"), x.message().zh());
        // the named sections' share was not submitted: derived and judged (binding)
        Finding key = one("key_river_sections_class3_share", 2026, REGION);
        assertEquals(Status.VIOLATION, key.status());
        assertEquals(0, key.actual().compareTo(new java.math.BigDecimal("66.67")));
        assertEquals("derived", key.details().get("origin"));
    }

    @Test
    void airAgreesWithTheBureausFiguresAndPm25RoseIn2027() {
        Finding station = one("air_good_days_ratio", 2026, "城区站");
        assertEquals(Status.PASS, station.status());
        assertEquals(354, station.details().get("validDays"));
        assertEquals(11, station.details().get("invalidDays"));
        assertEquals(330, station.details().get("goodDays"));
        assertTrue(station.evidence().stream().anyMatch(e -> e.input().equals(RECORDS_2026) && e.pointer().equals("/airDaily")));
        assertEquals(Status.PASS, one("air_good_days_ratio", 2026, REGION + "·站点核算").status());
        assertEquals(Status.PASS, one("pm25_concentration", 2026, REGION + "·站点核算").status());
        assertEquals(Status.PASS, one("pm25_concentration", 2026, REGION + "·趋势").status());
        assertEquals(Status.WARNING, one("pm25_concentration", 2027, REGION + "·趋势").status());
    }

    @Test
    void energyIntensityFallsInBothYears() {
        for (int y : new int[] {2026, 2027}) {
            Finding total = one("energy_intensity_reduction", y, REGION + "·能源消费");
            assertEquals(Status.PASS, total.status(), total.message().zh());
            Finding r = one("energy_intensity_reduction", y, REGION);
            assertEquals(Status.PASS, r.status(), r.message().zh());
            assertEquals("derived", r.details().get("origin"));
            assertTrue(r.actual().signum() > 0);
            assertEquals(Status.PENDING, one("energy_intensity_reduction", y, REGION + "·市级目标").status());
        }
        assertEquals(Status.BASELINE, one("energy_intensity_reduction", 2025, REGION + "·能源消费").status());
    }
}
