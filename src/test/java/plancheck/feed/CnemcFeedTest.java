package plancheck.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.load.InputException;
import plancheck.standards.StandardsLoader;

/**
 * The CNEMC hourly CSV read as published (quoted cells, NA, empty cells, gzip) with problems naming
 * line and column, and official days built from it: the hours labelled 01:00 … 24:00, 24-hour means
 * with the number of hours behind them, the daily maximum 8-hour O3 from 8-hour means of at least 6
 * hours (GB 3095 表4) with the number of valid 8-hour means, GB/T 8170 rounding, every date listed.
 */
class CnemcFeedTest {
    static final String HEADER = "file,timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,"
            + "pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h";

    @TempDir
    Path dir;

    /** A row of station S1: PM2.5, PM10, O3, NO2, SO2, CO 1-hour values (null → NA). */
    static String row(LocalDateTime t, String station, Integer pm25, Integer pm10, Integer o3, String co) {
        String ts = t.toLocalDate() + "T" + String.format("%02d00", t.getHour());
        return ts.substring(0, 13) + ".csv," + ts + "," + station + ",107.3,30.3,重庆市,公安局,\"颗粒物(PM10),细颗粒物(PM2.5)\",55,"
                + na(pm10) + ",," + na(pm25) + ",," + na(o3) + ",,,," + "20,,8,," + (co == null ? "NA" : co) + ",";
    }

    static String na(Integer v) {
        return v == null ? "NA" : String.valueOf(v);
    }

    Path csv(List<String> rows) throws Exception {
        Path f = dir.resolve("feed.csv");
        Files.writeString(f, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** The 24 hours of a day (labels 01:00 … 24:00 = next day 00:00) at one station. */
    static List<String> day(LocalDate d, String station, int pm25, Integer o3) {
        List<String> l = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            l.add(row(d.atStartOfDay().plusHours(h), station, pm25, 40, o3, "0.6"));
        }
        return l;
    }

    @Test
    void rowsAreReadAsPublished() throws Exception {
        List<CnemcHour> hs = CnemcCsv.readAll(csv(List.of(row(LocalDateTime.of(2026, 3, 1, 0, 0), "S1", 41, null, 59, "0.6"))), "feed.csv");
        CnemcHour h = hs.get(0);
        assertEquals(2, h.line());
        assertEquals("S1", h.station());
        assertEquals("颗粒物(PM10),细颗粒物(PM2.5)", h.primary(), "a quoted cell keeps its comma");
        assertEquals(55, h.aqi());
        assertEquals(new BigDecimal("41"), h.values().get("pm2_5"));
        assertNull(h.values().get("pm10"), "NA is missing");
        assertNull(h.values().get("pm10_24h"), "an empty cell is missing");
        assertEquals(new BigDecimal("0.6"), h.values().get("co"));
        // the hour labelled 00:00 closes the previous day
        assertEquals(LocalDate.of(2026, 2, 28), h.day());
        assertEquals(24, h.label());
    }

    @Test
    void gzipIsRecognisedByItsMagicNumber() throws Exception {
        Path gz = dir.resolve("feed.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write((HEADER + "\n" + row(LocalDateTime.of(2026, 3, 1, 1, 0), "S1", 41, 54, 59, "0.6") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, CnemcCsv.readAll(gz, "feed.csv.gz").size());
    }

    @Test
    void malformedCellsAreReportedWithLineAndColumn() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(row(LocalDateTime.of(2026, 3, 1, 1, 0), "S1", 41, 54, 59, "0.6"));
        rows.add(row(LocalDateTime.of(2026, 3, 1, 2, 0), "S1", 41, 54, 59, "abc"));
        rows.add(row(LocalDateTime.of(2026, 3, 1, 3, 0), "S1", 41, 54, 59, "0.6").replace("2026-03-01T0300", "2026-03-01 03:00"));
        rows.add("x,y");
        InputException e = assertThrows(InputException.class, () -> CnemcCsv.readAll(csv(rows), "feed.csv"));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertEquals(3, e.problems().get(0).line());
        assertEquals(22, e.problems().get(0).column(), "column co is the 22nd");
        assertTrue(e.problems().get(0).message().contains("column co: expected a number, NA or an empty cell, found \"abc\""),
                e.problems().get(0).message());
        assertEquals(4, e.problems().get(1).line());
        assertTrue(e.problems().get(1).message().contains("YYYY-MM-DDTHHMM"), e.problems().get(1).message());
        assertEquals(5, e.problems().get(2).line());
        assertTrue(e.problems().get(2).message().contains("expected 23 cells, found 2"), e.problems().get(2).message());
    }

    @Test
    void problemsAreBoundedAndAMissingColumnNamesIt() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row(LocalDateTime.of(2026, 3, 1, 1, 0).plusHours(i), "S1", 41, 54, 59, "bad"));
        }
        InputException e = assertThrows(InputException.class, () -> CnemcCsv.readAll(csv(rows), "feed.csv"));
        assertEquals(CnemcCsv.MAX_PROBLEMS + 1, e.problems().size());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().equals("… and 10 more problem(s)")), e.problems().toString());
        Path noCo = dir.resolve("noco.csv");
        Files.writeString(noCo, HEADER.replace(",co,co_24h", "") + "\n", StandardCharsets.UTF_8);
        InputException m = assertThrows(InputException.class, () -> CnemcCsv.readAll(noCo, "noco.csv"));
        assertTrue(m.problems().get(0).message().contains("[co, co_24h]"), m.problems().get(0).message());
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, (HEADER + "\n").replace("file", "fil\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        InputException u = assertThrows(InputException.class, () -> CnemcCsv.readAll(latin, "latin.csv"));
        assertTrue(u.problems().get(0).message().contains("not UTF-8"), u.problems().toString());
    }

    CnemcDays days(List<String> rows) throws Exception {
        CnemcDays b = new CnemcDays(StandardsLoader.defaults().load().airLimits()::on);
        CnemcCsv.read(csv(rows), "feed.csv", b::add);
        return b;
    }

    @Test
    void aDayIsItsHoursLabelled1To24WithTheNumberOfHoursBehindEachMean() throws Exception {
        LocalDate d = LocalDate.of(2026, 3, 1);
        List<String> rows = new ArrayList<>(day(d, "S1", 30, 50));
        rows.set(0, row(d.atTime(1, 0), "S1", 80, 40, 50, "0.6"));          // 01:00 belongs to the day
        rows.set(3, row(d.atTime(4, 0), "S1", null, 40, 50, null));          // NA: missing
        rows.remove(5);                                                     // 06:00 not published
        CnemcDay day = days(rows).days("S1").get(0);
        assertEquals(d, day.date());
        assertEquals(22, day.counts().get("PM2.5"));
        // (80 + 21 × 30) / 22 = 32.27 → 32
        assertEquals(new BigDecimal("32"), day.values().get("PM2.5"));
        assertEquals(23, day.counts().get("PM10"));
        assertEquals(22, day.counts().get("CO"));
        assertEquals(new BigDecimal("0.6"), day.values().get("CO"));
        assertEquals(23, day.hours());
        assertEquals("2-24", day.rows());
    }

    @Test
    void meansAreRoundedHalfToEven() throws Exception {
        LocalDate d = LocalDate.of(2026, 3, 1);
        List<String> rows = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            // 12 hours at 60, 12 at 61: 60.5 → 60 (even); CO 0.4 and 0.5: 0.45 → 0.4
            rows.add(row(d.atStartOfDay().plusHours(h), "S1", h <= 12 ? 60 : 61, 40, 50, h <= 12 ? "0.4" : "0.5"));
        }
        CnemcDay day = days(rows).days("S1").get(0);
        assertEquals(new BigDecimal("60"), day.values().get("PM2.5"));
        assertEquals(new BigDecimal("0.4"), day.values().get("CO"));
    }

    @Test
    void o3IsTheLargestEightHourMeanOfAtLeastSixHours() throws Exception {
        LocalDate d = LocalDate.of(2026, 6, 1);
        List<String> rows = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            Integer o3 = h >= 13 && h <= 20 ? 200 : 40;            // 8 hours at 200 end at 20:00
            if (h == 15 || h == 16 || h == 17) {
                o3 = null;                                           // 3 missing: the 13–20 window has 5 values
            }
            rows.add(row(d.atStartOfDay().plusHours(h), "S1", 30, 40, o3, "0.6"));
        }
        CnemcDay day = days(rows).days("S1").get(0);
        // windows ending 17 … 22 have 5 values (not valid), the others ≥ 6: 17 − 6 = 11 valid 8-hour means;
        // the largest valid one ends at 16:00 (hours 9–16: 9–12 at 40, 13–14 at 200, 15–16 missing) or
        // 23:00 (16–23: 18–20 at 200, 21–23 at 40): (3 × 200 + 3 × 40) / 6 = 120 vs (4 × 40 + 2 × 200) / 6 = 93.3
        assertEquals(11, day.counts().get("O3_8h"));
        assertEquals(new BigDecimal("120"), day.values().get("O3_8h"));
    }

    @Test
    void everyDateIsListedAndARepeatedHourKeepsTheFirst() throws Exception {
        List<String> rows = new ArrayList<>(day(LocalDate.of(2026, 3, 1), "S1", 30, 50));
        rows.addAll(day(LocalDate.of(2026, 3, 3), "S1", 30, 50));
        rows.add(row(LocalDateTime.of(2026, 3, 3, 5, 0), "S1", 99, 40, 50, "0.6"));
        CnemcDays b = days(rows);
        List<CnemcDay> l = b.days("S1");
        assertEquals(List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)),
                l.stream().map(CnemcDay::date).toList());
        CnemcDay gap = l.get(1);
        assertEquals(0, gap.hours());
        assertEquals("", gap.rows());
        assertEquals(0, gap.counts().get("PM2.5"));
        assertFalse(gap.values().containsKey("PM2.5"));
        assertEquals(new BigDecimal("30"), l.get(2).values().get("PM2.5"), "the repeat (99) is not counted");
        assertEquals(1, b.repeated().size());
        assertTrue(b.repeated().get(0).contains("line 50") && b.repeated().get(0).contains("repeats line 30"), b.repeated().toString());
    }

    @Test
    void theSubmissionKeepsEachDaysRowsAndTheFilesHash() throws Exception {
        Path f = csv(day(LocalDate.of(2026, 3, 1), "S1", 30, 50));
        CnemcImport.Result r = CnemcImport.run(f, StandardsLoader.defaults().load().airLimits(),
                new CnemcImport.Options("垫江县", 2026, java.util.Set.of(), java.util.Set.of("S1"), "测试", null));
        assertEquals(1, r.days().size());
        String json = r.json();
        assertTrue(json.contains("\"source\": {\"file\": \"" + plancheck.load.Paths2.display(f) + "\", \"sha256\": \""
                + plancheck.load.Paths2.sha256(f) + "\", \"rows\": \"2-25\"}"), json);
        assertTrue(json.contains("\"background\": true"), json);
        assertTrue(json.contains("\"counts\": {\"PM2.5\": 24, \"PM10\": 24, \"SO2\": 24, \"NO2\": 24, \"CO\": 24, \"O3_8h\": 17}"), json);
        InputException e = assertThrows(InputException.class, () -> CnemcImport.run(f, StandardsLoader.defaults().load().airLimits(),
                new CnemcImport.Options("垫江县", 2026, java.util.Set.of("X9"), java.util.Set.of(), "测试", null)));
        assertTrue(e.problems().get(0).message().contains("no row for station(s) [X9]") && e.problems().get(0).message().contains("S1"),
                e.problems().toString());
        InputException y = assertThrows(InputException.class, () -> CnemcImport.run(f, StandardsLoader.defaults().load().airLimits(),
                new CnemcImport.Options("垫江县", 2027, java.util.Set.of(), java.util.Set.of(), "测试", null)));
        assertTrue(y.problems().get(0).message().contains("no day of 2027"), y.problems().toString());
    }
}
