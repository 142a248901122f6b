package plancheck.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Air quality index by HJ 633 环境空气质量指数（AQI）技术规定 (HJ 633-2012; HJ 633—2026 from
 * 2026-03-01). Pure computation; each period's breakpoint table comes from
 * {@code rules/standards/hj633-*.yaml} through {@link StandardsLoader#load()}, and the table in force
 * on a measurement's date is chosen by {@link Periods#on(java.time.LocalDate)}.
 *
 * <ul>
 *   <li>IAQI (式(1)): linear interpolation inside the bracket of 表1 that holds the concentration,
 *       {@code IAQI = (IAQI_hi − IAQI_lo)/(BP_hi − BP_lo) × (C − BP_lo) + IAQI_lo}, computed exactly
 *       and rounded UP to an integer (进位取整; see the YAML for what this rests on).</li>
 *   <li>AQI = the largest IAQI of the six pollutants (PM2.5, PM10, SO2, NO2, CO 24-hour; O3 daily
 *       maximum 8-hour).</li>
 *   <li>Primary pollutant(s) (首要污染物): the pollutant(s) with the largest IAQI, only if AQI &gt; 50.
 *       Exceeding pollutants (超标污染物): IAQI &gt; 100.</li>
 *   <li>O3 8-hour above 800 μg/m³: no IAQI from the 8-hour row (表1 note); the 1-hour value
 *       ({@code O3_1h}) is used if given, otherwise the day has no AQI.</li>
 * </ul>
 * Units: μg/m³; CO mg/m³.
 */
public final class AirQualityIndex implements StandardTable {
    /** Key of the O3 daily maximum 8-hour mean. */
    public static final String O3_8H = "O3_8h";
    /** Key of the O3 1-hour value, used only when O3_8h is above the top of its row. */
    public static final String O3_1H = "O3_1h";

    private final Validity validity;
    private final List<Integer> iaqiScale;
    private final Map<String, AirPollutant> pollutants;
    private final List<String> required;
    private final List<AqiCategory> categories;
    private final int goodMaxAqi;
    private final Map<String, String> realTimeRows;

    /**
     * Builds the index from table data (normally done by {@link StandardsLoader}).
     *
     * @param validity    the period in force, the standard's number and the file
     * @param iaqiScale   IAQI values of the breakpoints: 0, 50, 100, 150, 200, 300, 400, 500
     * @param pollutants  rows of 表1
     * @param required    pollutant keys a day needs (PM2.5, PM10, SO2, NO2, CO, O3_8h)
     * @param categories  rows of 表2, contiguous from 0, last one open-ended
     * @param goodMaxAqi  highest AQI of a good day (100)
     * @param realTimeRows the hourly (real-time) AQI: published pollutant → the row its 1-hour value is
     *                    judged by (PM2.5 → PM2.5, SO2 → SO2_1h …); empty when the table has none
     * @throws IllegalArgumentException if a row has more breakpoints than the scale, breakpoints do not
     *                                  start at 0 or do not increase, a required key has no row, the
     *                                  categories are not contiguous, or a real-time row is unknown
     */
    public AirQualityIndex(Validity validity, List<Integer> iaqiScale, List<AirPollutant> pollutants,
                           List<String> required, List<AqiCategory> categories, int goodMaxAqi,
                           Map<String, String> realTimeRows) {
        this.validity = java.util.Objects.requireNonNull(validity, "validity");
        this.iaqiScale = List.copyOf(iaqiScale);
        Map<String, AirPollutant> m = new LinkedHashMap<>();
        for (AirPollutant p : pollutants) {
            List<BigDecimal> bp = p.breakpoints();
            if (bp.size() < 2 || bp.size() > this.iaqiScale.size()) {
                throw new TableException("standards.pollutant-breakpoints", "key", p.key(), "max", this.iaqiScale.size());
            }
            if (bp.get(0).signum() != 0) {
                throw new TableException("standards.pollutant-first", "key", p.key());
            }
            for (int i = 1; i < bp.size(); i++) {
                if (bp.get(i).compareTo(bp.get(i - 1)) <= 0) {
                    throw new TableException("standards.pollutant-increase", "key", p.key());
                }
            }
            if (m.put(p.key(), p) != null) {
                throw new TableException("standards.row-twice", "key", p.key());
            }
        }
        for (String r : required) {
            if (!m.containsKey(r)) {
                throw new TableException("standards.required-no-row", "key", r);
            }
        }
        int next = 0;
        for (int i = 0; i < categories.size(); i++) {
            AqiCategory c = categories.get(i);
            boolean last = i == categories.size() - 1;
            if (c.min() != next || (c.max() == null) != last || (c.max() != null && c.max() < c.min())) {
                throw new TableException("standards.categories");
            }
            next = last ? next : c.max() + 1;
        }
        this.pollutants = Collections.unmodifiableMap(m);
        this.required = List.copyOf(required);
        this.categories = List.copyOf(categories);
        this.goodMaxAqi = goodMaxAqi;
        for (Map.Entry<String, String> e : realTimeRows.entrySet()) {
            if (!m.containsKey(e.getValue())) {
                throw new TableException("standards.real-time-row", "key", e.getKey(), "row", e.getValue());
            }
        }
        this.realTimeRows = Collections.unmodifiableMap(new LinkedHashMap<>(realTimeRows));
    }

    @Override
    public Validity validity() {
        return validity;
    }

    /** @return "HJ 633-2012" or "HJ 633—2026" */
    public String standard() {
        return validity.standard();
    }

    /** @return published pollutant → the row its 1-hour value is judged by, for the real-time AQI */
    public Map<String, String> realTimeRows() {
        return realTimeRows;
    }

    /** @return the rows of 表1 by key */
    public Map<String, AirPollutant> pollutants() {
        return pollutants;
    }

    /** @return the pollutants a day needs: PM2.5, PM10, SO2, NO2, CO, O3_8h */
    public List<String> required() {
        return required;
    }

    /** @return the rows of 表2 */
    public List<AqiCategory> categories() {
        return categories;
    }

    /** @return the highest AQI of a good (优良) day: 100 */
    public int goodMaxAqi() {
        return goodMaxAqi;
    }

    /**
     * Exact (unrounded) IAQI of one pollutant by HJ 633-2012 式(1).
     *
     * @param pollutant     key of a 表1 row, e.g. {@code "PM2.5"}
     * @param concentration in the row's unit (μg/m³; CO mg/m³), ≥ 0
     * @return the interpolated IAQI (scale up to 34 digits)
     * @throws IllegalArgumentException if the pollutant is unknown, the concentration null or negative,
     *                                  or above the row's last breakpoint (for O3_8h: above 800 μg/m³,
     *                                  where HJ 633-2012 表1 requires the 1-hour value instead)
     */
    public BigDecimal iaqiExact(String pollutant, BigDecimal concentration) {
        AirPollutant p = row(pollutant, concentration);
        List<BigDecimal> bp = p.breakpoints();
        for (int i = 1; i < bp.size(); i++) {
            if (concentration.compareTo(bp.get(i)) <= 0) {
                BigDecimal lo = bp.get(i - 1);
                BigDecimal hi = bp.get(i);
                BigDecimal iLo = BigDecimal.valueOf(iaqiScale.get(i - 1));
                BigDecimal iHi = BigDecimal.valueOf(iaqiScale.get(i));
                return iHi.subtract(iLo).multiply(concentration.subtract(lo))
                        .divide(hi.subtract(lo), java.math.MathContext.DECIMAL128).add(iLo);
            }
        }
        throw aboveTop(p, concentration);
    }

    /**
     * IAQI of one pollutant by HJ 633-2012 式(1), rounded up to an integer (进位取整).
     * The rounding is exact: the interpolation is done as one fraction and its ceiling taken.
     *
     * @param pollutant     key of a 表1 row: PM2.5, PM10, SO2, NO2, CO, O3_8h (or O3_1h)
     * @param concentration in the row's unit (μg/m³; CO mg/m³), ≥ 0
     * @return the IAQI, 0 to 500
     * @throws IllegalArgumentException if the pollutant is unknown, the concentration null or negative,
     *                                  or above the row's last breakpoint (for O3_8h: above 800 μg/m³ —
     *                                  HJ 633-2012 表1 note: use the 1-hour value instead)
     */
    public int iaqi(String pollutant, BigDecimal concentration) {
        AirPollutant p = row(pollutant, concentration);
        List<BigDecimal> bp = p.breakpoints();
        for (int i = 1; i < bp.size(); i++) {
            if (concentration.compareTo(bp.get(i)) <= 0) {
                BigDecimal lo = bp.get(i - 1);
                BigDecimal den = bp.get(i).subtract(lo);
                BigDecimal iLo = BigDecimal.valueOf(iaqiScale.get(i - 1));
                BigDecimal iHi = BigDecimal.valueOf(iaqiScale.get(i));
                // (iHi − iLo)(C − lo)/den + iLo, all terms ≥ 0: ceiling of the exact quotient
                BigDecimal num = iHi.subtract(iLo).multiply(concentration.subtract(lo)).add(iLo.multiply(den));
                BigDecimal[] qr = num.divideAndRemainder(den);
                BigDecimal q = qr[0].setScale(0, RoundingMode.DOWN);
                return (qr[1].signum() > 0 ? q.add(BigDecimal.ONE) : q).intValueExact();
            }
        }
        throw aboveTop(p, concentration);
    }

    private AirPollutant row(String pollutant, BigDecimal concentration) {
        AirPollutant p = pollutants.get(pollutant);
        if (p == null) {
            throw new IllegalArgumentException("unknown " + standard() + " pollutant: " + pollutant + " (known: " + pollutants.keySet() + ")");
        }
        if (concentration == null) {
            throw new IllegalArgumentException("no concentration for " + pollutant);
        }
        if (concentration.signum() < 0) {
            throw new IllegalArgumentException("negative concentration for " + pollutant + ": " + concentration.toPlainString());
        }
        return p;
    }

    private IllegalArgumentException aboveTop(AirPollutant p, BigDecimal c) {
        if (p.key().equals(O3_8H)) {
            return new IllegalArgumentException("O3_8h " + c.toPlainString() + " μg/m³ is above " + p.top().toPlainString()
                    + ": " + standard() + " 表1 gives no IAQI from the 8-hour value; the O3 IAQI must be computed from the 1-hour value");
        }
        return new IllegalArgumentException(p.key() + " " + c.toPlainString() + " " + p.unit() + " is above the last breakpoint "
                + p.top().toPlainString() + " of " + standard() + " 表1");
    }

    /**
     * The 表2 category of an AQI.
     *
     * @param aqi AQI ≥ 0
     * @return the category (优 for 0–50, 良 51–100, …, 严重污染 above 300)
     * @throws IllegalArgumentException if aqi is negative
     */
    public AqiCategory category(int aqi) {
        for (AqiCategory c : categories) {
            if (c.contains(aqi)) {
                return c;
            }
        }
        throw new IllegalArgumentException("AQI must be ≥ 0, got " + aqi);
    }

    /**
     * A day's AQI from its values.
     *
     * @param day pollutant key → concentration: the six required keys ({@code PM2.5 PM10 SO2 NO2 CO
     *            O3_8h}: 24-hour means in μg/m³, CO mg/m³, O3 daily maximum 8-hour mean); optionally
     *            {@code O3_1h}, used only when O3_8h is above 800. Other keys are listed as ignored.
     * @return the AQI with IAQIs, primary and exceeding pollutants and category; or an invalid result
     *         listing missing pollutants and problems. Never throws for bad values.
     * @throws IllegalArgumentException if {@code day} is null
     */
    public DailyAqi compute(Map<String, BigDecimal> day) {
        if (day == null) {
            throw new IllegalArgumentException("day values are required");
        }
        Acc a = new Acc(day.keySet(), pollutants.keySet());
        Map<String, Integer> iaqi = a.iaqi;
        List<String> missing = a.missing;
        List<String> problems = a.problems;
        List<String> aboveScale = a.aboveScale;
        List<String> unconfirmed = a.unconfirmed;
        for (String k : required) {
            BigDecimal c = day.get(k);
            if (c == null) {
                missing.add(k);
                continue;
            }
            if (c.signum() < 0) {
                problems.add(k + ": negative concentration " + c.toPlainString());
                continue;
            }
            AirPollutant p = pollutants.get(k);
            if (c.compareTo(p.top()) <= 0) {
                iaqi.put(k, iaqi(k, c));
                if (!p.confidenceAt(c).confirmed()) {
                    unconfirmed.add(k);
                }
            } else if (k.equals(O3_8H)) {
                BigDecimal oneHour = day.get(O3_1H);
                AirPollutant p1 = pollutants.get(O3_1H);
                if (oneHour == null || p1 == null) {
                    problems.add("O3_8h " + c.toPlainString() + " μg/m³ is above " + p.top().toPlainString()
                            + ": " + standard() + " 表1 gives no IAQI from the 8-hour value and no O3_1h value was given");
                } else if (oneHour.signum() < 0) {
                    problems.add("O3_1h: negative concentration " + oneHour.toPlainString());
                } else if (oneHour.compareTo(p1.top()) > 0) {
                    iaqi.put(k, iaqiScale.get(p1.breakpoints().size() - 1));
                    aboveScale.add(O3_1H);
                } else {
                    iaqi.put(k, iaqi(O3_1H, oneHour));
                    if (!p1.confidenceAt(oneHour).confirmed()) {
                        unconfirmed.add(O3_1H);
                    }
                }
            } else {
                // beyond the table (IAQI > 500): reported as the top of the scale, flagged
                iaqi.put(k, iaqiScale.get(p.breakpoints().size() - 1));
                aboveScale.add(k);
            }
        }
        return !missing.isEmpty() || !problems.isEmpty() ? a.invalid() : result(a);
    }

    /** What a computation collects: IAQIs, missing pollutants, problems, keys ignored … */
    private static final class Acc {
        final Map<String, Integer> iaqi = new LinkedHashMap<>();
        final List<String> missing = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> aboveScale = new ArrayList<>();
        final List<String> unconfirmed = new ArrayList<>();
        final TreeSet<String> ignored = new TreeSet<>();

        Acc(java.util.Set<String> given, java.util.Set<String> known) {
            for (String k : given) {
                if (!known.contains(k)) {
                    ignored.add(k);
                }
            }
        }

        DailyAqi invalid() {
            return new DailyAqi(false, null, iaqi, List.of(), List.of(), null, aboveScale, missing, problems,
                    new ArrayList<>(ignored), unconfirmed);
        }
    }

    private DailyAqi result(Acc a) {
        Map<String, Integer> iaqi = a.iaqi;
        int aqi = Collections.max(iaqi.values());
        List<String> primary = new ArrayList<>();
        List<String> exceeding = new ArrayList<>();
        iaqi.forEach((k, v) -> {
            if (aqi > 50 && v == aqi) {
                primary.add(k);
            }
            if (v > 100) {
                exceeding.add(k);
            }
        });
        // a verdict that rests on an unconfirmed bracket only when that pollutant decides the AQI
        List<String> deciding = new ArrayList<>();
        for (String u : a.unconfirmed) {
            String row = u.equals(O3_1H) ? O3_8H : u;
            if (iaqi.get(row) != null && iaqi.get(row) == aqi) {
                deciding.add(u);
            }
        }
        return new DailyAqi(true, aqi, iaqi, primary, exceeding, category(aqi), a.aboveScale, a.missing, a.problems,
                new ArrayList<>(a.ignored), deciding);
    }

    /**
     * The day's values rounded as the AQI takes them: each concentration to its row's decimals (whole
     * μg/m³; CO 0.1 mg/m³) by GB/T 8170 (round half to even). Keys without a row are kept as given.
     *
     * @param day pollutant key → concentration
     * @return a new map, same order
     */
    public Map<String, BigDecimal> round(Map<String, BigDecimal> day) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        day.forEach((k, v) -> out.put(k, round(k, v)));
        return out;
    }

    /**
     * @param pollutant a row key
     * @param value     a concentration, or null
     * @return the value rounded to the row's decimals by GB/T 8170 (half to even); unchanged when the
     *         row is unknown or the value null
     */
    public BigDecimal round(String pollutant, BigDecimal value) {
        AirPollutant p = pollutants.get(pollutant);
        return p == null || value == null ? value : Gbt8170.round(value, p.decimals());
    }

    /**
     * The hourly (real-time) AQI as the national real-time publication computes it: the IAQI of each
     * pollutant's 1-hour value on the row {@link #realTimeRows()} names (PM2.5 and PM10 on their 24-hour
     * rows, SO2, NO2, CO and O3 on their 1-hour rows), the AQI the largest of those given. Pollutants
     * not given are listed as missing; the AQI is computed from the others (valid when at least one is
     * given). Reproduced on the published hours of 2026 (docs/air.md).
     *
     * @param hour published pollutant (PM2.5, PM10, SO2, NO2, CO, O3) → its 1-hour concentration
     * @return the hour's AQI, IAQIs, primary pollutants and category
     * @throws IllegalArgumentException if {@code hour} is null or the table has no real-time rows
     */
    public DailyAqi realTime(Map<String, BigDecimal> hour) {
        if (hour == null || realTimeRows.isEmpty()) {
            throw new IllegalArgumentException(hour == null ? "hour values are required" : standard() + " has no real-time rows");
        }
        Acc a = new Acc(hour.keySet(), realTimeRows.keySet());
        for (Map.Entry<String, String> e : realTimeRows.entrySet()) {
            BigDecimal c = round(e.getValue(), hour.get(e.getKey()));
            if (c == null) {
                a.missing.add(e.getKey());
            } else if (c.signum() < 0) {
                a.problems.add(e.getKey() + ": negative concentration " + c.toPlainString());
            } else {
                AirPollutant p = pollutants.get(e.getValue());
                if (c.compareTo(p.top()) <= 0) {
                    a.iaqi.put(e.getKey(), iaqi(e.getValue(), c));
                    if (!p.confidenceAt(c).confirmed()) {
                        a.unconfirmed.add(e.getKey());
                    }
                } else {
                    a.problems.add(e.getKey() + " " + c.toPlainString() + " " + p.unit() + " is above the last breakpoint "
                            + p.top().toPlainString() + " of the row " + e.getValue());
                }
            }
        }
        return a.iaqi.isEmpty() || !a.problems.isEmpty() ? a.invalid() : result(a);
    }

    /**
     * Good-days ratio (优良天数比例): good days over valid days, in percent, rounded to 2 decimals
     * half-up. Example: 336 of 365 → 92.05; 335 of 365 → 91.78.
     *
     * @param good  days with AQI ≤ 100, 0 ≤ good ≤ valid
     * @param valid valid days, &gt; 0
     * @return the percentage with scale 2
     * @throws IllegalArgumentException if valid ≤ 0, good &lt; 0 or good &gt; valid
     */
    public static BigDecimal goodDaysRatio(long good, long valid) {
        if (valid <= 0) {
            throw new IllegalArgumentException("valid days must be > 0, got " + valid);
        }
        if (good < 0 || good > valid) {
            throw new IllegalArgumentException("good days must be between 0 and " + valid + ", got " + good);
        }
        return BigDecimal.valueOf(good).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(valid), 2, RoundingMode.HALF_UP);
    }
}
