package plancheck.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import plancheck.standards.Gbt8170;
import plancheck.standards.StandardsLoader;

/**
 * The official days plancheck builds from the published hours ({@link CnemcDays}) against the running
 * 24-hour means the publication prints in the row that closes each day (the next day's 00:00:
 * {@code pm2_5_24h} …), for all 35 Chongqing stations. On a day with all 24 hours published they agree
 * within one unit: the published hourly values are rounded (whole μg/m³, CO 0.1 mg/m³) and the official
 * mean is computed from the unrounded ones. SO2 and NO2 agree exactly, which rounding the mean half-up
 * would not give: GB/T 8170 (half to even). Days with 20–23 hours are only counted: the official
 * mean there also uses hours the publication shows as NA. The counts are printed (docs/air.md).
 */
class DailyMeansReplayTest {
    static final Path FEED = Path.of("data/cnemc/chongqing-2026.csv.gz");
    static final Map<String, String> KEYS = Map.of("PM2.5", "pm2_5", "PM10", "pm10", "SO2", "so2", "NO2", "no2", "CO", "co");

    @Test
    void fullDaysAgreeWithThePublishedMeansWithinTheRoundingOfTheHours() throws Exception {
        CnemcDays b = new CnemcDays(StandardsLoader.defaults().load().airLimits()::on);
        Map<String, CnemcHour> closing = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();      // "station day column" → sum of the day's hours
        Map<String, Integer> threes = new HashMap<>();       // "station day" → hours published with PM2.5 = 3
        CnemcCsv.read(FEED, FEED.toString(), h -> {
            b.add(h);
            String day = h.station() + " " + h.day();
            if (h.label() == 24) {
                closing.put(day, h);
            }
            KEYS.values().forEach(c -> {
                if (h.values().get(c) != null) {
                    sums.merge(day + " " + c, h.values().get(c), BigDecimal::add);
                }
            });
            if (BigDecimal.valueOf(3).compareTo(h.values().getOrDefault("pm2_5", BigDecimal.ZERO)) == 0) {
                threes.merge(day, 1, Integer::sum);
            }
        });
        TreeMap<String, int[]> tally = new TreeMap<>(); // [full equal, full ±1, full more, partial equal, partial differ]
        List<String> beyond = new ArrayList<>();
        int halfUpMisses = 0;
        for (String station : b.stations().keySet()) {
            for (CnemcDay d : b.days(station)) {
                String day = station + " " + d.date();
                CnemcHour close = closing.get(day);
                if (close == null) {
                    continue;
                }
                for (Map.Entry<String, String> k : KEYS.entrySet()) {
                    BigDecimal published = close.values().get(k.getValue() + "_24h");
                    BigDecimal mine = d.values().get(k.getKey());
                    int n = d.counts().get(k.getKey());
                    if (published == null || mine == null || n < 20) {
                        continue;
                    }
                    int decimals = k.getKey().equals("CO") ? 1 : 0;
                    BigDecimal official = Gbt8170.round(published, decimals);
                    BigDecimal diff = mine.subtract(official).abs().movePointRight(decimals);
                    int[] t = tally.computeIfAbsent(k.getKey(), x -> new int[5]);
                    if (n < 24) {
                        t[diff.signum() == 0 ? 3 : 4]++;
                        continue;
                    }
                    t[diff.signum() == 0 ? 0 : diff.compareTo(BigDecimal.ONE) <= 0 ? 1 : 2]++;
                    if (diff.compareTo(BigDecimal.ONE) > 0) {
                        beyond.add(day + " " + k.getKey() + ": " + mine + " vs published " + published + ", hours at PM2.5 = 3: "
                                + threes.getOrDefault(day, 0));
                    }
                    BigDecimal exact = sums.get(day + " " + k.getValue()).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
                    if (exact.setScale(decimals, RoundingMode.HALF_UP).compareTo(official) != 0) {
                        halfUpMisses += k.getKey().equals("SO2") || k.getKey().equals("NO2") ? 1 : 0;
                    }
                }
            }
        }
        tally.forEach((k, t) -> System.out.printf("daily means %-5s: days with 24 hours: %d equal, %d within one unit, %d more; "
                + "days with 20–23 hours: %d equal, %d differ%n", k, t[0], t[1], t[2], t[3], t[4]));
        System.out.println("daily means: full days beyond one unit: " + beyond + "; SO2/NO2 full days a half-up mean would miss: " + halfUpMisses);
        assertEquals(0, tally.get("SO2")[1] + tally.get("SO2")[2] + tally.get("NO2")[1] + tally.get("NO2")[2],
                "SO2 and NO2 full days agree exactly");
        assertTrue(halfUpMisses > 0, "rounding half-up would miss SO2/NO2 days: the data tell the two roundings apart");
        // beyond one unit only for PM2.5 on a day with hours published as 3 μg/m³, the value the
        // publication shows for a low measurement (PublishedAqiReplayTest)
        for (String x : beyond) {
            assertTrue(x.contains(" PM2.5: ") && !x.endsWith("hours at PM2.5 = 3: 0"), x);
        }
    }
}
