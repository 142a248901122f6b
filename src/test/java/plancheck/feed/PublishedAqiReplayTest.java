package plancheck.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.standards.AirPollutant;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.DailyAqi;
import plancheck.standards.StandardTables;
import plancheck.standards.StandardsLoader;

/**
 * Replays the official hourly AQI that CNEMC published for all 35 Chongqing national stations
 * (data/cnemc/chongqing-2026.csv.gz, 121,568 station-hours, 2026-02-26 … 2026-07-24) against
 * plancheck's IAQI tables: each hour is judged by the table in force on its official day (HJ 633-2012
 * up to the hour labelled 2026-03-01 00:00, HJ 633—2026 from 01:00) through
 * {@link AirQualityIndex#realTime}, from the concentrations published beside it. Every hour with a
 * published AQI and at least one published concentration is compared; every disagreement must fall in
 * an explained class, otherwise the test fails and lists it. The counts are printed (README, docs/air.md).
 */
class PublishedAqiReplayTest {
    static final Path FEED = Path.of("data/cnemc/chongqing-2026.csv.gz");
    static final LocalDate CHANGE = LocalDate.of(2026, 3, 1);
    /** Published column → the real-time pollutant it is judged as. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("pm2_5", "PM2.5");
        COLUMNS.put("pm10", "PM10");
        COLUMNS.put("so2", "SO2");
        COLUMNS.put("no2", "NO2");
        COLUMNS.put("co", "CO");
        COLUMNS.put("o3", "O3");
    }

    static StandardTables tables;
    static List<CnemcHour> hours;

    @BeforeAll
    static void read() throws Exception {
        tables = StandardsLoader.defaults().load();
        hours = CnemcCsv.readAll(FEED, FEED.toString());
    }

    static Map<String, BigDecimal> concentrations(CnemcHour h) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        COLUMNS.forEach((col, key) -> {
            if (h.values().get(col) != null) {
                m.put(key, h.values().get(col));
            }
        });
        return m;
    }

    /** One period's tally (before / after the change of standard). */
    static final class Tally {
        int published;       // hours with a published AQI
        int noAqi;           // hours without one (NA or empty)
        int noConcentration; // a published AQI but no concentration to compute one from
        int complete;        // all six concentrations published
        int completeAgree;
        int partial;         // some concentrations missing: the AQI of the others
        int partialAgree;
        int otherTableAgree; // hours the other period's table reproduces too
        int pmDecided;       // agreeing hours whose AQI a PM value decides (AQI > 50)
        int halfUpDisagree;  // hours IAQI rounding half-up instead of up would get wrong
        final TreeMap<Integer, Integer> lowPm25 = new TreeMap<>(); // published PM2.5 1–5 μg/m³ → hours
        final List<String> explained = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        final TreeMap<String, Integer> deciding = new TreeMap<>(); // "PM2.5 35–60" → agreeing hours it decided

        int agree() {
            return completeAgree + partialAgree;
        }

        int compared() {
            return complete + partial;
        }
    }

    @Test
    void everyPublishedHourIsReproducedOrItsDisagreementExplained() {
        assertEquals(121_568, hours.size(), "the feed as published (data/cnemc/README.md)");
        AirQualityIndex old = tables.airQuality().on(CHANGE.minusDays(1));
        AirQualityIndex now = tables.airQuality().on(CHANGE);
        assertEquals("HJ 633-2012", old.standard());
        assertEquals("HJ 633—2026", now.standard());
        Tally before = new Tally();
        Tally after = new Tally();
        for (CnemcHour h : hours) {
            AirQualityIndex table = tables.airQuality().on(h.day());
            Tally t = table == old ? before : after;
            if (h.aqi() == null) {
                t.noAqi++;
                continue;
            }
            t.published++;
            BigDecimal pm = h.values().get("pm2_5");
            if (pm != null && pm.signum() > 0 && pm.compareTo(BigDecimal.valueOf(5)) <= 0) {
                t.lowPm25.merge(pm.intValue(), 1, Integer::sum);
            }
            Map<String, BigDecimal> c = concentrations(h);
            if (c.isEmpty()) {
                t.noConcentration++;
                continue;
            }
            DailyAqi r = table.realTime(c);
            boolean complete = c.size() == COLUMNS.size();
            boolean agree = r.valid() && r.aqi().intValue() == h.aqi();
            if (complete) {
                t.complete++;
                t.completeAgree += agree ? 1 : 0;
            } else {
                t.partial++;
                t.partialAgree += agree ? 1 : 0;
            }
            DailyAqi other = (table == old ? now : old).realTime(c);
            t.otherTableAgree += other.valid() && other.aqi().intValue() == h.aqi() ? 1 : 0;
            if (agree) {
                tallyDeciding(t, table, r, c);
                if (halfUp(table, c) != h.aqi()) {
                    t.halfUpDisagree++;
                }
            } else {
                String line = h.line() + " " + h.station() + " " + h.time() + ": published AQI " + h.aqi() + " (primary "
                        + (h.primary().isEmpty() ? "—" : h.primary()) + "), computed " + (r.valid() ? r.aqi() : "none") + " from " + c;
                // Class 1: an excellent hour (AQI ≤ 50 published and computed, no primary pollutant) whose
                // published PM2.5 is 3 μg/m³ — the value the publication shows for low concentrations
                // (1, 2, 4 and 5 μg/m³ are almost never published, 3 thousands of times): the AQI was
                // computed from the measured value, which the published 3 replaces.
                if (r.valid() && h.aqi() <= 50 && r.aqi() <= 50 && h.primary().isEmpty()
                        && BigDecimal.valueOf(3).compareTo(h.values().getOrDefault("pm2_5", BigDecimal.ONE.negate())) == 0) {
                    t.explained.add(line);
                } else {
                    t.unexplained.add(line);
                }
            }
        }
        print("before " + CHANGE + " (" + old.standard() + ")", before, now.standard());
        print("from " + CHANGE + " (" + now.standard() + ")", after, old.standard());
        List<String> bad = new ArrayList<>(before.unexplained);
        bad.addAll(after.unexplained);
        assertTrue(bad.isEmpty(), bad.size() + " disagreement(s) no class explains, e.g.: " + bad.subList(0, Math.min(20, bad.size())));
        assertEquals(hours.size(), before.noAqi + before.published + after.noAqi + after.published);
        // the replay can fail: both periods have hours it reproduces, and PM-decided hours after the
        // change that the 2012 table gets wrong (and the other way round), and the rounding matters
        assertTrue(before.agree() > 0 && after.agree() > 0);
        assertTrue(after.agree() - after.otherTableAgree > 1000, "HJ 633-2012 would miss the PM-decided hours after the change");
        assertTrue(before.agree() - before.otherTableAgree > 10, "HJ 633—2026 would miss PM-decided hours before the change");
        assertTrue(before.halfUpDisagree + after.halfUpDisagree > 1000, "rounding the IAQI half-up instead of up misses hours");
    }

    /** Which row and bracket decided an agreeing hour's AQI (only AQI > 50: a primary pollutant). */
    static void tallyDeciding(Tally t, AirQualityIndex table, DailyAqi r, Map<String, BigDecimal> c) {
        for (String p : r.primaryPollutants()) {
            AirPollutant row = table.pollutants().get(table.realTimeRows().get(p));
            BigDecimal v = table.round(row.key(), c.get(p));
            List<BigDecimal> bp = row.breakpoints();
            for (int i = 1; i < bp.size(); i++) {
                if (v.compareTo(bp.get(i)) <= 0) {
                    t.deciding.merge(row.key() + " " + bp.get(i - 1).toPlainString() + "–" + bp.get(i).toPlainString()
                            + (row.confidenceAt(v).confirmed() ? "" : " (unconfirmed)"), 1, Integer::sum);
                    break;
                }
            }
            if (p.startsWith("PM")) {
                t.pmDecided++;
            }
        }
    }

    /** The hour's AQI with each IAQI rounded half-up instead of up (the alternative the replay rules out). */
    static int halfUp(AirQualityIndex table, Map<String, BigDecimal> c) {
        int max = 0;
        for (Map.Entry<String, BigDecimal> e : c.entrySet()) {
            String row = table.realTimeRows().get(e.getKey());
            BigDecimal v = table.round(row, e.getValue());
            if (v.compareTo(table.pollutants().get(row).top()) <= 0) {
                max = Math.max(max, table.iaqiExact(row, v).setScale(0, RoundingMode.HALF_UP).intValue());
            }
        }
        return max;
    }

    static void print(String period, Tally t, String otherStandard) {
        System.out.printf("replay %s: %d station-hours with a published AQI (%d without one); compared %d: %d agree (%.3f %%)%n",
                period, t.published, t.noAqi, t.compared(), t.agree(), 100.0 * t.agree() / Math.max(1, t.compared()));
        System.out.printf("  all six concentrations published: %d of %d agree; some missing (AQI of the others): %d of %d agree; no concentration: %d%n",
                t.completeAgree, t.complete, t.partialAgree, t.partial, t.noConcentration);
        System.out.printf("  with %s instead: %d agree; IAQI rounded half-up instead of up: %d of the agreeing hours missed; decided by PM: %d%n",
                otherStandard, t.otherTableAgree, t.halfUpDisagree, t.pmDecided);
        System.out.printf("  explained disagreements: %d (AQI ≤ 50, no primary pollutant, published PM2.5 = 3 μg/m³ standing for a low"
                + " measured value; hours by published PM2.5 of 1–5 μg/m³: %s)%n", t.explained.size(), t.lowPm25);
        t.explained.forEach(l -> System.out.println("    " + l));
        System.out.println("  rows and brackets that decided agreeing hours (AQI > 50): " + t.deciding);
    }
}
