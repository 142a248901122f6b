package plancheck.standards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ambient air-quality standard's Grade II limits (GB 3095, 二级浓度限值) and its data-validity
 * minimums (GB 3095 表4; HJ 663) for one period: which daily means count and which days exceed a
 * limit. Read from {@code rules/standards/gb3095-*.yaml} by {@link StandardsLoader}.
 */
public final class AirLimits implements StandardTable {
    private final Validity validity;
    private final String grade;
    private final Map<String, AirLimit> limits;
    private final DataValidity dataValidity;

    /**
     * The minimum numbers of values behind a mean.
     *
     * @param hoursPerDailyMean     hourly values a 24-hour mean needs (GB 3095-2012 表4: 20)
     * @param hoursPerEightHourMean hourly values an 8-hour mean needs (6)
     * @param eightHourMeansPerDay  valid 8-hour means (of the 17 ending 08:00 … 24:00) the daily maximum
     *                              needs; with fewer, a maximum above the limit still counts (HJ 663)
     * @param source                the clauses
     * @param confidence            how sure the figures are
     */
    public record DataValidity(int hoursPerDailyMean, int hoursPerEightHourMean, int eightHourMeansPerDay,
                               String source, Confidence confidence) {
        /**
         * @throws IllegalArgumentException if a minimum is outside 1 … 24 (hours) or 1 … 17 (8-hour means)
         */
        public DataValidity {
            if (hoursPerDailyMean < 1 || hoursPerDailyMean > 24 || hoursPerEightHourMean < 1 || hoursPerEightHourMean > 8
                    || eightHourMeansPerDay < 1 || eightHourMeansPerDay > 17) {
                throw new TableException("standards.data-validity", "daily", hoursPerDailyMean, "eightHour", hoursPerEightHourMean,
                        "means", eightHourMeansPerDay);
            }
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    /**
     * @param validity     the period in force
     * @param grade        "二级"
     * @param limits       one row per pollutant
     * @param dataValidity the minimums
     * @throws IllegalArgumentException if a pollutant appears twice
     */
    public AirLimits(Validity validity, String grade, List<AirLimit> limits, DataValidity dataValidity) {
        this.validity = Objects.requireNonNull(validity, "validity");
        this.grade = grade;
        Map<String, AirLimit> m = new LinkedHashMap<>();
        for (AirLimit l : limits) {
            if (m.put(l.key(), l) != null) {
                throw new TableException("standards.row-twice", "key", l.key());
            }
        }
        this.limits = Collections.unmodifiableMap(m);
        this.dataValidity = Objects.requireNonNull(dataValidity, "dataValidity");
    }

    @Override
    public Validity validity() {
        return validity;
    }

    /** @return "GB 3095—2026" */
    public String standard() {
        return validity.standard();
    }

    /** @return the grade of the limits, "二级" */
    public String grade() {
        return grade;
    }

    /** @return the rows by pollutant key */
    public Map<String, AirLimit> limits() {
        return limits;
    }

    /** @return the data-validity minimums */
    public DataValidity dataValidity() {
        return dataValidity;
    }

    /**
     * @param key a pollutant key
     * @return its row, or {@code null} when the table has none
     */
    public AirLimit limit(String key) {
        return limits.get(key);
    }
}
