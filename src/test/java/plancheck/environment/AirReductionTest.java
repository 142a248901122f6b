package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.app.Workspace;
import plancheck.engine.Standards;
import plancheck.model.Finding;
import plancheck.standards.AirQualityDay;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.AirQualityYear;

/**
 * Daily air records reduced as they are read (plancheck.engine.AirReduction) give the findings the
 * same records give when the whole submissions are held and reduced at the check; a station-year taken
 * one day at a time, in any order, gives what the days given as one list give.
 */
class AirReductionTest extends AbstractEnvironmentTest {

    private static final String RATIO = "air_good_days_ratio";

    @Test
    void recordsReducedWhileReadGiveTheFindingsOfRecordsHeldWhole() throws Exception {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            int doy = d.getDayOfYear();
            a.add(airDay("A", d, doy % 9 == 0 ? 80 : 30 + doy % 40, doy % 50 == 0 ? null : 90));
            // BG is marked as a background point only from July on: left out of the region all year
            String bg = airDay("BG", d, 95, 90);
            b.add(d.getMonthValue() >= 7 ? bg.replace("}", ", \"background\": true}") : bg);
        }
        Collections.reverse(a);                                            // days in any order
        Path f2 = submission("air-b.json", 2026, "", "", String.join(",\n", b), "");
        Path f1 = submission("air-a.json", 2026, "", "", String.join(",\n", a), "");
        List<Finding> clean = check(f1, f2);
        Finding region = one(clean, RATIO, 2026, REGION);
        // the region is A alone all year: BG is left out also before its first background mark: its ratio is A's
        assertEquals(one(clean, RATIO, 2026, "A").actual(), region.actual());
        assertTrue(region.actual().compareTo(java.math.BigDecimal.valueOf(100)) < 0, String.valueOf(region.actual()));
        String how = String.valueOf(region.details().get("observations"));
        assertTrue(how.contains("A共1个站点") && how.contains("对照点BG不计入"), how);

        a.add(airDay("A", LocalDate.of(2026, 5, 5), 200, 90));             // a date twice: the first counts
        a.add(airDay("A", LocalDate.of(2025, 12, 31), 30, 90));            // another year: not counted
        f1 = submission("air-a.json", 2026, "", "", String.join(",\n", a), "");

        List<Finding> streamed = check(f1, f2);
        Workspace ws = Workspace.open(Path.of("rules"), null);
        List<Finding> held = ws.checkSubmissions(ws.read(List.of(f1, f2))).report().findings();
        assertEquals(text(held), text(streamed));

        Finding station = one(streamed, RATIO, 2026, "A");
        assertEquals(365, station.details().get("dates"));
        String problems = String.valueOf(station.details().get("problems"));
        assertTrue(problems.contains("2026-05-05重复报送") && problems.contains("日期2025-12-31不属于2026年"), problems);
        assertEquals(365, one(streamed, RATIO, 2026, "BG").details().get("dates"));
    }

    private static String text(List<Finding> fs) {
        StringBuilder s = new StringBuilder();
        fs.stream().filter(f -> f.indicator().startsWith("air_") || f.indicator().startsWith("pm25"))
                .sorted(Finding.REPORT_ORDER).forEach(f -> s.append(f).append('\n'));
        return s.toString();
    }

    @Test
    void aYearTakenOneDayAtATimeInAnyOrderEqualsTheYearOfItsDays() throws Exception {
        Standards std = Standards.load(Path.of("rules"));
        AirQualityIndex ref = std.airOn(Standards.yearEnd(2025));
        List<AirQualityDay.Judged> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            int doy = d.getDayOfYear();
            Map<String, java.math.BigDecimal> v = new TreeMap<>();
            v.put("PM2.5", java.math.BigDecimal.valueOf(20 + doy * 7 % 130));
            v.put("PM10", java.math.BigDecimal.valueOf(50 + doy % 200));
            v.put("SO2", java.math.BigDecimal.TEN);
            v.put("NO2", java.math.BigDecimal.valueOf(30));
            v.put("CO", new java.math.BigDecimal("0.8"));
            if (doy % 11 != 0) {
                v.put("O3_8h", java.math.BigDecimal.valueOf(60 + doy % 150));
            }
            days.add(AirQualityDay.judge(AirQualityDay.validate(d, new AirQualityDay.Input(v, Map.of()),
                    std.tables().airQuality(), std.tables().airLimits()), ref));
        }
        AirQualityYear inOrder = new AirQualityYear(days, ref);
        List<AirQualityDay.Judged> shuffled = new ArrayList<>(days);
        Collections.shuffle(shuffled, new java.util.Random(7));
        AirQualityYear.Builder one = new AirQualityYear.Builder(ref);
        shuffled.forEach(one::add);
        AirQualityYear y = one.build();
        assertEquals(inOrder.byTable(), y.byTable());
        assertEquals(2, y.byTable().size());                               // HJ 633-2012, then HJ 633—2026
        assertEquals(inOrder.overLimits(), y.overLimits());
        assertEquals(days.stream().filter(AirQualityDay.Judged::valid)
                .sorted(java.util.Comparator.comparing((AirQualityDay.Judged d) -> -d.aqi().aqi()).thenComparing(AirQualityDay.Judged::date))
                .limit(3).toList(), y.worst(3));
        assertEquals(inOrder.invalidDays(), y.invalidDays());
        assertEquals(33, y.invalidDays().size());                          // no O3_8h every 11th day
        assertEquals(inOrder.exceedanceDaysByPrimary(), y.exceedanceDaysByPrimary());
        assertEquals(inOrder.ratio(), y.ratio());
        assertEquals(inOrder.referenceRatio(), y.referenceRatio());
        assertEquals(inOrder.pm25Mean(), y.pm25Mean());
        assertEquals(LocalDate.of(2026, 1, 1), y.first());
        assertEquals(LocalDate.of(2026, 12, 31), y.last());
        assertEquals(365, y.dates());
    }
}
