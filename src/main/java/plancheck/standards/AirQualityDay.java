package plancheck.standards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One day of air-quality data at a station or for a region, judged under the tables in force on its
 * date: the AQI table (HJ 633) and the Grade II limits with their data-validity minimums (GB 3095,
 * HJ 663). Pure computation.
 *
 * <ol>
 *   <li>{@link #validate}: a value counts when it is not negative and, where the number of values
 *       behind it is known, that number meets the day's minimum (24-hour means: hourly values; the
 *       daily maximum 8-hour O3: valid 8-hour means, or fewer when the maximum is above the daily
 *       limit). What counts is rounded by GB/T 8170 (whole μg/m³, CO 0.1 mg/m³) before the IAQI.</li>
 *   <li>{@link #regionValues}: a region's value of a pollutant is the mean of its stations' values
 *       that count that day, rounded again (HJ 663: the stations' means; GB/T 8170).</li>
 *   <li>{@link #judge}: the AQI under the day's table, the same values under a reference table (the
 *       one the comparison year was judged by), and the pollutants above the day's 24-hour limit.</li>
 * </ol>
 */
public final class AirQualityDay {
    private AirQualityDay() {}

    /**
     * A day's values as submitted.
     *
     * @param values pollutant (PM2.5, PM10, SO2, NO2, CO, O3_8h) → 24-hour mean (O3: daily max 8-hour)
     * @param counts pollutant → the number of values behind it (hourly values; for O3_8h the valid
     *               8-hour means), where known; may be empty
     */
    public record Input(Map<String, BigDecimal> values, Map<String, Integer> counts) {
        /** Copies the maps (order kept). */
        public Input {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            counts = counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /**
     * Why a pollutant's value does not count on a day.
     *
     * @param pollutant the pollutant key, or "*" for the whole day
     * @param code      {@code missing} (not given), {@code too-few} (count below minimum),
     *                  {@code negative}, {@code no-table} (no AQI table in force that day),
     *                  {@code no-station} (region: no station has a value that counts)
     * @param count     the number of values behind it (too-few), else null
     * @param minimum   the minimum the day's table asks (too-few), else null
     * @param stations  for a region: the stations' own reasons, "4137A" → reason (may be empty)
     */
    public record Invalid(String pollutant, String code, Integer count, Integer minimum, Map<String, Invalid> stations) {
        /** Copies the map. */
        public Invalid {
            stations = stations == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stations));
        }

        static Invalid of(String pollutant, String code) {
            return new Invalid(pollutant, code, null, null, null);
        }
    }

    /**
     * A day validated under its tables.
     *
     * @param date    the day
     * @param table   the AQI table in force, or null when none is (then nothing counts)
     * @param limits  the Grade II limits in force, or null when none are (then counts are not checked)
     * @param values  the values that count, rounded (GB/T 8170)
     * @param invalid why the others do not
     */
    public record Validated(LocalDate date, AirQualityIndex table, AirLimits limits, Map<String, BigDecimal> values,
                            List<Invalid> invalid) {
        /** Copies the collections. */
        public Validated {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            invalid = List.copyOf(invalid);
        }
    }

    /**
     * A day judged.
     *
     * @param day             the validated day
     * @param aqi             its AQI under the day's table (invalid when a required pollutant does not
     *                        count, or no table is in force)
     * @param reference       the same values under the reference table, or null when none was given or
     *                        it is the day's own table
     * @param overDailyLimit  pollutants whose value is above the day's 24-hour limit (GB 3095 二级)
     */
    public record Judged(Validated day, DailyAqi aqi, DailyAqi reference, List<String> overDailyLimit) {
        /** Copies the list. */
        public Judged {
            overDailyLimit = List.copyOf(overDailyLimit);
        }

        /** @return the day */
        public LocalDate date() {
            return day.date();
        }

        /** @return true when the day has an AQI */
        public boolean valid() {
            return aqi.valid();
        }

        /** @return why the day has no AQI: the pollutants that do not count, and "*" when no table is in force */
        public List<Invalid> why() {
            List<Invalid> l = new ArrayList<>();
            for (Invalid i : day.invalid()) {
                if (i.pollutant().equals("*") || day.table() != null && day.table().required().contains(i.pollutant())) {
                    l.add(i);
                }
            }
            for (String m : aqi.missing()) {
                if (l.stream().noneMatch(i -> i.pollutant().equals(m))) {
                    l.add(Invalid.of(m, "missing"));
                }
            }
            return l;
        }
    }

    /**
     * @param date   the day
     * @param in     its values and counts
     * @param tables the AQI tables by period
     * @param limits the Grade II limits by period
     * @return the values that count, rounded, and why the others do not
     */
    public static Validated validate(LocalDate date, Input in, Periods<AirQualityIndex> tables, Periods<AirLimits> limits) {
        Objects.requireNonNull(date, "date");
        AirQualityIndex table = tables.on(date);
        AirLimits lim = limits.on(date);
        Map<String, BigDecimal> ok = new LinkedHashMap<>();
        List<Invalid> bad = new ArrayList<>();
        if (table == null) {
            bad.add(Invalid.of("*", "no-table"));
            return new Validated(date, null, lim, ok, bad);
        }
        // the table's pollutants in its order (PM2.5, PM10, SO2, NO2, CO, O3_8h), then any other key
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(table.required());
        keys.addAll(in.values().keySet());
        keys.addAll(in.counts().keySet());
        for (String k : keys) {
            BigDecimal v = in.values().get(k);
            Integer n = in.counts().get(k);
            Integer min = lim == null || n == null ? null : minimum(lim, k);
            if (v == null) {
                if (min != null) {
                    bad.add(new Invalid(k, "too-few", n, min, null)); // a count without a value: nothing measured
                }
            } else if (v.signum() < 0) {
                bad.add(Invalid.of(k, "negative"));
            } else if (min != null && n < min && !aboveDailyLimit(lim, k, v)) {
                bad.add(new Invalid(k, "too-few", n, min, null));
            } else {
                ok.put(k, table.round(k, v));
            }
        }
        return new Validated(date, table, lim, ok, bad);
    }

    /** The minimum count behind a value: 8-hour means for O3_8h, hourly values otherwise. */
    private static Integer minimum(AirLimits lim, String k) {
        return AirQualityIndex.O3_8H.equals(k) ? lim.dataValidity().eightHourMeansPerDay() : lim.dataValidity().hoursPerDailyMean();
    }

    /** HJ 663: a daily maximum 8-hour O3 from too few 8-hour means still counts when above the limit. */
    private static boolean aboveDailyLimit(AirLimits lim, String k, BigDecimal v) {
        AirLimit l = lim.limit(k);
        return AirQualityIndex.O3_8H.equals(k) && l != null && l.daily() != null && v.compareTo(l.daily()) > 0;
    }

    /**
     * A region's day from its stations' validated days (HJ 663: the arithmetic mean of the stations'
     * daily values; each mean rounded by GB/T 8170 before the IAQI).
     *
     * @param date     the day
     * @param stations station id → its validated day (only the stations that count for the region); the
     *                 reasons of a pollutant no station has are given by station id
     * @param tables   the AQI tables by period
     * @param limits   the Grade II limits by period
     * @return the region's day: a pollutant with no station value that counts is invalid ("no-station")
     *         with the stations' own reasons
     */
    public static Validated regionValues(LocalDate date, Map<String, Validated> stations, Periods<AirQualityIndex> tables,
                                         Periods<AirLimits> limits) {
        RegionDay r = new RegionDay(date, tables, limits);
        stations.forEach(r::add);
        return r.values();
    }

    /**
     * A region's day taken one station's validated day at a time ({@link #regionValues} without holding
     * the stations' days): per pollutant the sum and number of the values that count, and while no
     * station has one, the stations' own reasons (by station id).
     */
    public static final class RegionDay {
        private final LocalDate date;
        private final AirQualityIndex table;
        private final AirLimits lim;
        private final List<String> keys;
        private final BigDecimal[] sum;
        private final int[] n;
        private final List<Map<String, Invalid>> why = new ArrayList<>();

        /**
         * @param date   the day
         * @param tables the AQI tables by period
         * @param limits the Grade II limits by period
         */
        public RegionDay(LocalDate date, Periods<AirQualityIndex> tables, Periods<AirLimits> limits) {
            this.date = date;
            this.table = tables.on(date);
            this.lim = limits.on(date);
            this.keys = table == null ? List.of() : List.copyOf(table.required());
            this.sum = new BigDecimal[keys.size()];
            this.n = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                why.add(new java.util.TreeMap<>());
            }
        }

        /**
         * @param station the station's id (a station counts once a day)
         * @param day     its validated day
         */
        public void add(String station, Validated day) {
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                BigDecimal v = day.values().get(k);
                if (v != null) {
                    sum[i] = sum[i] == null ? v : sum[i].add(v);
                    n[i]++;
                    why.set(i, null); // a value counts: the others' reasons are not given
                } else if (n[i] == 0) {
                    Invalid own = day.invalid().stream().filter(x -> x.pollutant().equals(k) || x.pollutant().equals("*"))
                            .findFirst().orElse(Invalid.of(k, "missing"));
                    why.get(i).put(station, own);
                }
            }
        }

        /** @return the region's day: a pollutant with no station value that counts is invalid ("no-station") */
        public Validated values() {
            List<Invalid> bad = new ArrayList<>();
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            if (table == null) {
                bad.add(Invalid.of("*", "no-table"));
                return new Validated(date, null, lim, out, bad);
            }
            for (int i = 0; i < keys.size(); i++) {
                if (n[i] == 0) {
                    bad.add(new Invalid(keys.get(i), "no-station", null, null, why.get(i)));
                } else {
                    out.put(keys.get(i), table.round(keys.get(i), sum[i].divide(BigDecimal.valueOf(n[i]), MathContext.DECIMAL128)));
                }
            }
            return new Validated(date, table, lim, out, bad);
        }
    }

    /**
     * @param day       a validated day
     * @param reference the table of the comparison (e.g. the base year's), or null
     * @return the day's AQI, the reference AQI (null when no reference or it is the day's table), and
     *         the pollutants above the day's 24-hour limit
     */
    public static Judged judge(Validated day, AirQualityIndex reference) {
        DailyAqi aqi = day.table() == null
                ? new DailyAqi(false, null, Map.of(), List.of(), List.of(), null, List.of(), List.of(), List.of("no AQI table in force"),
                        List.of(), List.of())
                : day.table().compute(day.values());
        DailyAqi ref = reference == null || reference == day.table() ? null : reference.compute(day.values());
        List<String> over = new ArrayList<>();
        if (day.limits() != null) {
            for (Map.Entry<String, BigDecimal> e : day.values().entrySet()) {
                AirLimit l = day.limits().limit(e.getKey());
                if (l != null && l.daily() != null && e.getValue().compareTo(l.daily()) > 0) {
                    over.add(e.getKey());
                }
            }
        }
        return new Judged(day, aqi, ref, over);
    }
}
