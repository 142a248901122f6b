package plancheck.standards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A station's or a region's year (or the part of it that has data), day by day, each day under the
 * tables in force on its date ({@link AirQualityDay#judge}): the good-days ratio (days with AQI ≤ 100
 * over valid days, HJ 633 表2), how many days each AQI table judged, the same days under a reference
 * table (the one the comparison year was judged by: a change of basis, 口径变化), the PM2.5 mean, the
 * days above each table's 24-hour limits, and the invalid days with their reasons. Pure computation.
 */
public final class AirQualityYear {

    /**
     * What one AQI table judged.
     *
     * @param table  the table
     * @param first  first day it judged
     * @param last   last day it judged
     * @param days   days with a record in its period
     * @param valid  of those, days with an AQI
     * @param good   of those, good days (AQI ≤ the table's goodMaxAqi)
     * @param unconfirmedDays valid days whose AQI rests on a bracket the table marks unconfirmed
     */
    public record ByTable(AirQualityIndex table, LocalDate first, LocalDate last, int days, int valid, int good,
                          int unconfirmedDays) {}

    /**
     * Days above a 24-hour limit of one GB 3095 table.
     *
     * @param limits    the table
     * @param pollutant the pollutant
     * @param limit     its 24-hour limit
     * @param days      days above it
     * @param judged    days with a value of the pollutant under that table
     */
    public record OverLimit(AirLimits limits, String pollutant, BigDecimal limit, int days, int judged) {}

    /** Valid days kept for {@link #worst}: the highest AQIs. */
    public static final int WORST_KEPT = 10;

    private static final java.util.Comparator<AirQualityDay.Judged> WORST_FIRST =
            java.util.Comparator.comparing((AirQualityDay.Judged d) -> -d.aqi().aqi()).thenComparing(AirQualityDay.Judged::date);

    private final int dates;
    private final LocalDate first;
    private final LocalDate last;
    private final List<AirQualityDay.Judged> invalidDays;
    private final List<AirQualityDay.Judged> worst;
    private final List<LocalDate> unconfirmedDays;
    private final Map<String, Integer> exceedances;
    private final AirQualityIndex reference;
    private final List<ByTable> byTable = new ArrayList<>();
    private final List<OverLimit> overLimits = new ArrayList<>();
    private final int valid;
    private final int good;
    private final int referenceValid;
    private final int referenceGood;
    private final int[] validPerMonth;
    private final int[] pm25PerMonth;
    private final BigDecimal pm25Sum;
    private final int pm25Days;

    /**
     * @param days      the judged days, one per date (any order)
     * @param reference the reference table the days were also judged by, or null
     */
    public AirQualityYear(List<AirQualityDay.Judged> days, AirQualityIndex reference) {
        this(build(days, reference));
    }

    private static Builder build(List<AirQualityDay.Judged> days, AirQualityIndex reference) {
        Builder b = new Builder(reference);
        days.forEach(b::add);
        return b;
    }

    /**
     * A year taken one judged day at a time, in any order, without keeping the days: counts per
     * table, month and pollutant, the PM2.5 sum, the invalid days (with their reasons), the
     * {@link #WORST_KEPT} worst days and the dates of days on unconfirmed brackets. What it gives is
     * what the same days given as a list give.
     */
    public static final class Builder {
        private final AirQualityIndex reference;
        private int dates;
        private LocalDate first;
        private LocalDate last;
        private int v, g, rv, rg, pd;
        private BigDecimal ps = BigDecimal.ZERO;
        private final int[] validPerMonth = new int[13];
        private final int[] pm25PerMonth = new int[13];
        private final List<AirQualityDay.Judged> invalid = new ArrayList<>();
        private final java.util.TreeSet<AirQualityDay.Judged> worst = new java.util.TreeSet<>(WORST_FIRST);
        private final List<LocalDate> unconfirmed = new ArrayList<>();
        private final Map<String, Integer> exceed = new TreeMap<>();
        /** per AQI table: {days, valid, good, unconfirmed} and its first and last date */
        private final Map<AirQualityIndex, int[]> counts = new java.util.HashMap<>();
        private final Map<AirQualityIndex, LocalDate[]> span = new java.util.HashMap<>();
        /** per GB 3095 table: its first date; per table and pollutant: {above, judged} and where it first came */
        private final Map<AirLimits, LocalDate> limitsFirst = new java.util.HashMap<>();
        private final Map<AirLimits, Map<String, long[]>> over = new java.util.HashMap<>();

        /** @param reference the reference table the days are also judged by, or null */
        public Builder(AirQualityIndex reference) {
            this.reference = reference;
        }

        /**
         * Takes one judged day (one per date).
         *
         * @param d the day
         * @return this
         */
        public Builder add(AirQualityDay.Judged d) {
            dates++;
            LocalDate date = d.date();
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
            int month = date.getMonthValue();
            BigDecimal pm = d.day().values().get("PM2.5");
            if (pm != null) {
                ps = ps.add(pm);
                pd++;
                pm25PerMonth[month]++;
            }
            AirQualityIndex t = d.day().table();
            if (t != null) {
                int[] c = counts.computeIfAbsent(t, k -> new int[4]);
                LocalDate[] s = span.computeIfAbsent(t, k -> new LocalDate[] {date, date});
                s[0] = date.isBefore(s[0]) ? date : s[0];
                s[1] = date.isAfter(s[1]) ? date : s[1];
                c[0]++;
                if (d.valid()) {
                    c[1]++;
                    if (d.aqi().isGood(t.goodMaxAqi())) {
                        c[2]++;
                    }
                    if (!d.aqi().unconfirmed().isEmpty()) {
                        c[3]++;
                    }
                }
            }
            if (d.valid()) {
                v++;
                validPerMonth[month]++;
                if (d.aqi().isGood(t.goodMaxAqi())) {
                    g++;
                } else {
                    d.aqi().primaryPollutants().forEach(p -> exceed.merge(p, 1, Integer::sum));
                }
                if (!d.aqi().unconfirmed().isEmpty()) {
                    unconfirmed.add(date);
                }
                worst.add(d);
                if (worst.size() > WORST_KEPT) {
                    worst.pollLast();
                }
            } else {
                invalid.add(d);
            }
            DailyAqi r = d.reference() != null ? d.reference() : (reference != null && d.valid() ? d.aqi() : null);
            if (r != null && r.valid()) {
                rv++;
                if (r.isGood(reference.goodMaxAqi())) {
                    rg++;
                }
            }
            if (d.day().limits() != null) {
                AirLimits lim = d.day().limits();
                LocalDate f = limitsFirst.get(lim);
                if (f == null || date.isBefore(f)) {
                    limitsFirst.put(lim, date);
                }
                Map<String, long[]> m = over.computeIfAbsent(lim, k -> new java.util.HashMap<>());
                int i = 0;
                for (String k : d.day().values().keySet()) {
                    AirLimit l = lim.limit(k);
                    if (l != null && l.daily() != null) {
                        // {above, judged, first date (epoch day), its place among that day's pollutants}
                        long[] c = m.computeIfAbsent(k, x -> new long[] {0, 0, Long.MAX_VALUE, 0});
                        c[1]++;
                        if (d.overDailyLimit().contains(k)) {
                            c[0]++;
                        }
                        if (date.toEpochDay() < c[2]) {
                            c[2] = date.toEpochDay();
                            c[3] = i;
                        }
                    }
                    i++;
                }
            }
            return this;
        }

        /** @return the year */
        public AirQualityYear build() {
            return new AirQualityYear(this);
        }
    }

    private AirQualityYear(Builder b) {
        this.reference = b.reference;
        this.dates = b.dates;
        this.first = b.first;
        this.last = b.last;
        List<AirQualityDay.Judged> inv = new ArrayList<>(b.invalid);
        inv.sort(java.util.Comparator.comparing(AirQualityDay.Judged::date));
        this.invalidDays = List.copyOf(inv);
        this.worst = List.copyOf(b.worst);
        List<LocalDate> unc = new ArrayList<>(b.unconfirmed);
        unc.sort(null);
        this.unconfirmedDays = List.copyOf(unc);
        this.exceedances = java.util.Collections.unmodifiableMap(new TreeMap<>(b.exceed));
        // tables in the order their days come (the order they came into force)
        b.counts.keySet().stream().sorted(java.util.Comparator.comparing((AirQualityIndex t) -> b.span.get(t)[0]))
                .forEach(t -> {
                    int[] c = b.counts.get(t);
                    byTable.add(new ByTable(t, b.span.get(t)[0], b.span.get(t)[1], c[0], c[1], c[2], c[3]));
                });
        b.limitsFirst.keySet().stream().sorted(java.util.Comparator.comparing(b.limitsFirst::get)).forEach(lim ->
                b.over.get(lim).entrySet().stream()
                        .sorted(java.util.Comparator.comparing((Map.Entry<String, long[]> e) -> e.getValue()[2])
                                .thenComparing(e -> e.getValue()[3]))
                        .forEach(e -> overLimits.add(new OverLimit(lim, e.getKey(), lim.limit(e.getKey()).daily(),
                                (int) e.getValue()[0], (int) e.getValue()[1]))));
        this.valid = b.v;
        this.good = b.g;
        this.referenceValid = b.rv;
        this.referenceGood = b.rg;
        this.validPerMonth = b.validPerMonth.clone();
        this.pm25PerMonth = b.pm25PerMonth.clone();
        this.pm25Sum = b.ps;
        this.pm25Days = b.pd;
    }

    /** @return dates with a record */
    public int dates() {
        return dates;
    }

    /** @return the first day with a record, or null */
    public LocalDate first() {
        return first;
    }

    /** @return the last day with a record, or null */
    public LocalDate last() {
        return last;
    }

    /** @return days with an AQI */
    public int valid() {
        return valid;
    }

    /** @return days without one */
    public int invalid() {
        return dates - valid;
    }

    /** @return valid days with AQI ≤ 100 */
    public int good() {
        return good;
    }

    /** @return the invalid days, by date */
    public List<AirQualityDay.Judged> invalidDays() {
        return invalidDays;
    }

    /** @return good ÷ valid × 100, 2 decimals (half up), or null without valid days */
    public BigDecimal ratio() {
        return valid == 0 ? null : AirQualityIndex.goodDaysRatio(good, valid);
    }

    /** @return good ÷ valid × 100 unrounded (34 digits), or null */
    public BigDecimal ratioExact() {
        return valid == 0 ? null : BigDecimal.valueOf(good * 100L).divide(BigDecimal.valueOf(valid), MathContext.DECIMAL128);
    }

    /** @return what each AQI table judged, in the order the tables came into force */
    public List<ByTable> byTable() {
        return List.copyOf(byTable);
    }

    /** @return true when some day was judged by a table other than the reference (a change of basis) */
    public boolean basisChanged() {
        return reference != null && byTable.stream().anyMatch(b -> b.table() != reference);
    }

    /** @return the reference table, or null */
    public AirQualityIndex reference() {
        return reference;
    }

    /** @return the ratio with every day judged by the reference table (2 decimals), or null */
    public BigDecimal referenceRatio() {
        return reference == null || referenceValid == 0 ? null : AirQualityIndex.goodDaysRatio(referenceGood, referenceValid);
    }

    /** @return good days under the reference table */
    public int referenceGood() {
        return referenceGood;
    }

    /** @return valid days under the reference table */
    public int referenceValid() {
        return referenceValid;
    }

    /** @return days above each GB 3095 table's 24-hour limit, by table and pollutant */
    public List<OverLimit> overLimits() {
        return List.copyOf(overLimits);
    }

    /** @return valid days per month (index 1–12) */
    public int[] validPerMonth() {
        return validPerMonth.clone();
    }

    /** @return days with a PM2.5 value per month (index 1–12) */
    public int[] pm25PerMonth() {
        return pm25PerMonth.clone();
    }

    /** @return days with a PM2.5 value that counts */
    public int pm25Days() {
        return pm25Days;
    }

    /** @return the mean of the daily PM2.5 values (34 digits), or null without any */
    public BigDecimal pm25Mean() {
        return pm25Days == 0 ? null : pm25Sum.divide(BigDecimal.valueOf(pm25Days), MathContext.DECIMAL128);
    }

    /** @return primary pollutant → days with AQI above 100 it was primary on, sorted by key */
    public Map<String, Integer> exceedanceDaysByPrimary() {
        return exceedances;
    }

    /**
     * @param n how many, at most {@link #WORST_KEPT}
     * @return the valid days by AQI, highest first (earlier date first among equals), at most n
     */
    public List<AirQualityDay.Judged> worst(int n) {
        if (n > WORST_KEPT) {
            throw new IllegalArgumentException("at most " + WORST_KEPT + " worst days are kept");
        }
        return worst.subList(0, Math.min(n, worst.size()));
    }

    /** @return the dates of valid days whose AQI rests on an unconfirmed bracket, by date */
    public List<LocalDate> unconfirmedDays() {
        return unconfirmedDays;
    }
}
