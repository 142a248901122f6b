package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * {@code check facts} on the shipped facts (facts/2025–2027/example-environment-records.json with
 * the bureaus' example files, and the real 2026 air data of station 4137A,
 * facts/2026/cnemc-dianjiang-4137A-air.json): the per-section findings, the derived and cross-checked
 * shares, the air and energy findings, with evidence pointing at the records used.
 */
class ShippedEnvironmentExamplesTest {

    static final String REGION = "垫江县";
    static final String RECORDS_2026 = "facts/2026/example-environment-records.json";
    static final String REAL_2026 = "facts/2026/cnemc-dianjiang-4137A-air.json";
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
    void the2026AirFiguresRestOnTheRealDataOf4137AEachDayUnderItsOwnStandard() {
        Finding station = one("air_good_days_ratio", 2026, "4137A");
        // the real data cover 2026-02-26 … 2026-07-24: an incomplete year, judged as such (data problem)
        assertEquals(Status.WARNING, station.status());
        assertEquals("2026-02-26至2026-07-24", station.details().get("coverage"));
        assertEquals(149, station.details().get("dates"));
        assertTrue(station.message().zh().contains("不足一年"), station.message().zh());
        assertTrue(station.message().zh().contains("逐日值由公开发布的逐时数据算得：data/cnemc/dianjiang-4137A-2026.csv第2-3471行"),
                station.message().zh());
        // each day under the standard in force that day: 3 days under HJ 633-2012, 146 under HJ 633—2026
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> applied = (List<Map<String, Object>>) station.details().get("standardsApplied");
        assertEquals(List.of("HJ 633-2012", "HJ 633—2026"), applied.stream().map(m -> m.get("standard")).toList());
        assertEquals(List.of(3, 146), applied.stream().map(m -> m.get("days")).toList());
        assertEquals(List.of("2026-02-28", "2026-07-24"), applied.stream().map(m -> m.get("last")).toList());
        // every invalid day is listed with its reason and counts against completeness
        List<?> invalid = (List<?>) station.details().get("invalidDayList");
        assertEquals(station.details().get("invalidDays"), invalid.size());
        assertEquals(149, (Integer) station.details().get("validDays") + invalid.size());
        assertTrue(String.valueOf(invalid.get(0)).startsWith("2026-02-26（PM2.5、SO2、NO2、CO有效小时值5个＜20"), String.valueOf(invalid.get(0)));
        assertTrue(station.evidence().stream().anyMatch(e -> e.input().equals(REAL_2026) && e.pointer().equals("/airDaily/0/source")));
        assertTrue(station.evidence().stream().anyMatch(e -> e.input().equals("data/cnemc/dianjiang-4137A-2026.csv")
                && e.pointer().equals("rows 2-3471")));
        // the county's figure rests on them: not judged for the year, the change of basis marked
        Finding county = one("air_good_days_ratio", 2026, REGION);
        assertEquals(Status.WARNING, county.status());
        assertEquals("air: good-days ratio from records", county.rule());
        assertTrue(county.message().zh().contains("只覆盖2026-02-26至2026-07-24") && county.message().zh().contains("不作全年评判"),
                county.message().zh());
        assertTrue(county.evidence().stream().anyMatch(e -> e.input().equals(REAL_2026)));
        Finding basis = one("air_good_days_ratio", 2026, REGION + "·口径变化");
        assertEquals(Status.WARNING, basis.status());
        assertTrue(basis.message().zh().contains("2025年及以前全部按HJ 633-2012评价"), basis.message().zh());
        // no fictional air record is left for 2026; PM2.5 awaits the city's target and has no yearly value
        assertTrue(fs.stream().noneMatch(f -> f.year() == 2026 && f.subject().equals("城区站")));
        assertEquals(Status.PENDING, one("pm25_concentration", 2026, REGION).status());
        Finding pm = one("pm25_concentration", 2026, "4137A");
        assertEquals(Status.WARNING, pm.status());
        assertEquals("GB 3095—2026", pm.details().get("annualLimitStandard"));
        // 2026 has no yearly PM2.5 (an incomplete year), so 2027's is not compared with it
        assertFalse(AbstractEnvironmentTest.has(fs, "pm25_concentration", 2027, REGION + "·趋势"));
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
