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

    private final List<AirQualityDay.Judged> days;
    private final AirQualityIndex reference;
    private final List<ByTable> byTable = new ArrayList<>();
    private final List<OverLimit> overLimits = new ArrayList<>();
    private final int valid;
    private final int good;
    private final int referenceValid;
    private final int referenceGood;
    private final int[] validPerMonth = new int[13];
    private final int[] pm25PerMonth = new int[13];
    private final BigDecimal pm25Sum;
    private final int pm25Days;

    /**
     * @param days      the judged days, one per date (any order; sorted here)
     * @param reference the reference table the days were also judged by, or null
     */
    public AirQualityYear(List<AirQualityDay.Judged> days, AirQualityIndex reference) {
        List<AirQualityDay.Judged> l = new ArrayList<>(days);
        l.sort(java.util.Comparator.comparing(AirQualityDay.Judged::date));
        this.days = List.copyOf(l);
        this.reference = reference;
        int v = 0, g = 0, rv = 0, rg = 0, pd = 0;
        BigDecimal ps = BigDecimal.ZERO;
        Map<AirQualityIndex, int[]> counts = new LinkedHashMap<>();
        Map<AirQualityIndex, LocalDate[]> span = new LinkedHashMap<>();
        Map<AirLimits, Map<String, int[]>> over = new LinkedHashMap<>();
        for (AirQualityDay.Judged d : this.days) {
            int month = d.date().getMonthValue();
            BigDecimal pm = d.day().values().get("PM2.5");
            if (pm != null) {
                ps = ps.add(pm);
                pd++;
                pm25PerMonth[month]++;
            }
            AirQualityIndex t = d.day().table();
            if (t != null) {
                int[] c = counts.computeIfAbsent(t, k -> new int[4]);
                LocalDate[] s = span.computeIfAbsent(t, k -> new LocalDate[] {d.date(), d.date()});
                s[1] = d.date();
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
                }
            }
            DailyAqi r = d.reference() != null ? d.reference() : (reference != null && d.valid() ? d.aqi() : null);
            if (r != null && r.valid()) {
                rv++;
                if (r.isGood(reference.goodMaxAqi())) {
                    rg++;
                }
            }
            if (d.day().limits() != null) {
                Map<String, int[]> m = over.computeIfAbsent(d.day().limits(), k -> new LinkedHashMap<>());
                for (String k : d.day().values().keySet()) {
                    AirLimit lim = d.day().limits().limit(k);
                    if (lim != null && lim.daily() != null) {
                        int[] c = m.computeIfAbsent(k, x -> new int[2]);
                        c[1]++;
                        if (d.overDailyLimit().contains(k)) {
                            c[0]++;
                        }
                    }
                }
            }
        }
        counts.forEach((t, c) -> byTable.add(new ByTable(t, span.get(t)[0], span.get(t)[1], c[0], c[1], c[2], c[3])));
        over.forEach((lim, m) -> m.forEach((k, c) -> overLimits.add(new OverLimit(lim, k, lim.limit(k).daily(), c[0], c[1]))));
        this.valid = v;
        this.good = g;
        this.referenceValid = rv;
        this.referenceGood = rg;
        this.pm25Sum = ps;
        this.pm25Days = pd;
    }

    /** @return the days, by date */
    public List<AirQualityDay.Judged> days() {
        return days;
    }

    /** @return the first day with a record, or null */
    public LocalDate first() {
        return days.isEmpty() ? null : days.get(0).date();
    }

    /** @return the last day with a record, or null */
    public LocalDate last() {
        return days.isEmpty() ? null : days.get(days.size() - 1).date();
    }

    /** @return days with an AQI */
    public int valid() {
        return valid;
    }

    /** @return days without one */
    public int invalid() {
        return days.size() - valid;
    }

    /** @return valid days with AQI ≤ 100 */
    public int good() {
        return good;
    }

    /** @return the invalid days, by date */
    public List<AirQualityDay.Judged> invalidDays() {
        return days.stream().filter(d -> !d.valid()).toList();
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
        Map<String, Integer> m = new TreeMap<>();
        for (AirQualityDay.Judged d : days) {
            if (d.valid() && !d.aqi().isGood(d.day().table().goodMaxAqi())) {
                d.aqi().primaryPollutants().forEach(p -> m.merge(p, 1, Integer::sum));
            }
        }
        return m;
    }

    /** @return the valid days by AQI, highest first (earlier date first among equals), at most n */
    public List<AirQualityDay.Judged> worst(int n) {
        return days.stream().filter(AirQualityDay.Judged::valid)
                .sorted(java.util.Comparator.comparing((AirQualityDay.Judged d) -> -d.aqi().aqi()).thenComparing(AirQualityDay.Judged::date))
                .limit(n).toList();
    }

    /** @return valid days whose AQI rests on an unconfirmed bracket, by date */
    public List<AirQualityDay.Judged> unconfirmedDays() {
        return days.stream().filter(d -> d.valid() && !d.aqi().unconfirmed().isEmpty()).toList();
    }
}
