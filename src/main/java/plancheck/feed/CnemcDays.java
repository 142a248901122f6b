package plancheck.feed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import plancheck.standards.AirLimits;
import plancheck.standards.Gbt8170;

/**
 * Builds official days from published hours, per station (HJ 663; GB 3095 表4):
 * <ul>
 *   <li>the day D is the 24 hours labelled D 01:00 … D 23:00 and D+1 00:00;</li>
 *   <li>the 24-hour means of PM2.5, PM10, SO2, NO2 and CO are the means of the day's published 1-hour
 *       values ({@code NA} and missing hours left out), with the number of values behind them (the
 *       rules count a mean only with enough of them: 20, GB 3095 表4);</li>
 *   <li>O3_8h is the largest 8-hour mean ending at 08:00 … 24:00 (each of the day's own hours), an
 *       8-hour mean counting only with the day's table's minimum of hourly values (6), with the number
 *       of valid 8-hour means behind the maximum (the rules ask for 14, HJ 663);</li>
 *   <li>every value is rounded by GB/T 8170 (half to even) to whole μg/m³, CO to 0.1 mg/m³;</li>
 *   <li>every date from a station's first to its last published day is a day, with counts 0 where no
 *       hour was published, so that a day without data is listed, never dropped.</li>
 * </ul>
 * A row repeated for the same station and hour keeps the first; the later one is reported.
 */
public final class CnemcDays {
    /** Published 1-hour column → submission key of the 24-hour mean. */
    static final Map<String, String> MEANS = Map.of("pm2_5", "PM2.5", "pm10", "PM10", "so2", "SO2", "no2", "NO2", "co", "CO");
    /** Submission keys in their order (contract §2 airDaily). */
    public static final List<String> KEYS = List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h");

    private final Function<LocalDate, AirLimits> limits;
    /** The published 1-hour columns a day is built from, in the order {@link Hour#values} keeps them. */
    private static final List<String> HOURLY = List.of("pm2_5", "pm10", "so2", "no2", "co", "o3");

    /** What a day keeps of a published hour: its line and its 1-hour values (null = missing). */
    private record Hour(int line, BigDecimal[] values) {
        BigDecimal get(String column) {
            return values[HOURLY.indexOf(column)];
        }
    }

    private final TreeMap<String, TreeMap<LocalDate, Hour[]>> byStation = new TreeMap<>();
    private final Map<String, String> names = new TreeMap<>();
    private final List<String> repeated = new ArrayList<>();
    private int hours;

    /**
     * @param limits the GB 3095 table in force on a day (for the 8-hour minimum), or null when none is
     */
    public CnemcDays(Function<LocalDate, AirLimits> limits) {
        this.limits = limits;
    }

    /**
     * Adds one published hour.
     *
     * @param h the row
     */
    public void add(CnemcHour h) {
        hours++;
        names.putIfAbsent(h.station(), h.name());
        Hour[] day = byStation.computeIfAbsent(h.station(), k -> new TreeMap<>())
                .computeIfAbsent(h.day(), k -> new Hour[25]);
        if (day[h.label()] != null) {
            if (repeated.size() < 20) {
                repeated.add("line " + h.line() + ": " + h.station() + " " + h.time() + " repeats line " + day[h.label()].line()
                        + " (the first is kept)");
            }
            return;
        }
        BigDecimal[] v = new BigDecimal[HOURLY.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = h.values().get(HOURLY.get(i));
        }
        day[h.label()] = new Hour(h.line(), v);
    }

    /** @return rows added (repeats included) */
    public int hours() {
        return hours;
    }

    /** @return the stations, by code, with their published names */
    public Map<String, String> stations() {
        return names;
    }

    /** @return rows that repeated a station's hour (at most 20 listed) */
    public List<String> repeated() {
        return repeated;
    }

    /**
     * @param station a station code
     * @return its days from the first to the last published one, every date included
     */
    public List<CnemcDay> days(String station) {
        TreeMap<LocalDate, Hour[]> m = byStation.get(station);
        List<CnemcDay> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        for (LocalDate d = m.firstKey(); !d.isAfter(m.lastKey()); d = d.plusDays(1)) {
            out.add(day(station, d, m.getOrDefault(d, new Hour[25])));
        }
        return out;
    }

    private CnemcDay day(String station, LocalDate date, Hour[] h) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : KEYS) {
            if (key.equals("O3_8h")) {
                o3(date, h, values, counts);
                continue;
            }
            String col = column(key);
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (int l = 1; l <= 24; l++) {
                BigDecimal v = h[l] == null ? null : h[l].get(col);
                if (v != null) {
                    sum = sum.add(v);
                    n++;
                }
            }
            counts.put(key, n);
            if (n > 0) {
                // the exact mean rounded half to even (GB/T 8170): divide() with a scale rounds the exact quotient
                values.put(key, Gbt8170.round(sum.divide(BigDecimal.valueOf(n), key.equals("CO") ? 1 : 0, RoundingMode.HALF_EVEN),
                        key.equals("CO") ? 1 : 0));
            }
        }
        List<Integer> lines = new ArrayList<>();
        for (int l = 1; l <= 24; l++) {
            if (h[l] != null) {
                lines.add(h[l].line());
            }
        }
        java.util.Collections.sort(lines);
        return new CnemcDay(station, names.get(station), date, values, counts, ranges(lines), lines.size());
    }

    /** The daily maximum of the 8-hour means ending at 08:00 … 24:00, each from ≥ the minimum of hours. */
    private void o3(LocalDate date, Hour[] h, Map<String, BigDecimal> values, Map<String, Integer> counts) {
        AirLimits lim = limits == null ? null : limits.apply(date);
        int need = lim == null ? 8 : lim.dataValidity().hoursPerEightHourMean();
        BigDecimal maxSum = null;
        int maxN = 0;
        int valid = 0;
        for (int end = 8; end <= 24; end++) {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (int l = end - 7; l <= end; l++) {
                BigDecimal v = h[l] == null ? null : h[l].get("o3");
                if (v != null) {
                    sum = sum.add(v);
                    n++;
                }
            }
            // the larger mean: sum/n > maxSum/maxN ⇔ sum × maxN > maxSum × n (no division)
            if (n >= need) {
                valid++;
                if (maxSum == null || sum.multiply(BigDecimal.valueOf(maxN)).compareTo(maxSum.multiply(BigDecimal.valueOf(n))) > 0) {
                    maxSum = sum;
                    maxN = n;
                }
            }
        }
        counts.put("O3_8h", valid);
        if (maxSum != null) {
            values.put("O3_8h", Gbt8170.round(maxSum.divide(BigDecimal.valueOf(maxN), 0, RoundingMode.HALF_EVEN), 0));
        }
    }

    private static String column(String key) {
        for (Map.Entry<String, String> e : MEANS.entrySet()) {
            if (e.getValue().equals(key)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** "2-6,8" from sorted line numbers. */
    static String ranges(List<Integer> lines) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(lines.get(i));
            if (j > i) {
                b.append('-').append(lines.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
