package plancheck.standards;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One pollutant's Grade II concentration limits of GB 3095 (表1), as read from
 * {@code rules/standards/gb3095-*.yaml}.
 *
 * @param key        submission key: {@code PM2.5 PM10 SO2 NO2 CO O3_8h}
 * @param unit       μg/m³, or mg/m³ for CO
 * @param annual     the annual-mean limit, or {@code null} where the standard sets none (CO, O3)
 * @param daily      the 24-hour-mean limit (O3: daily maximum 8-hour mean), or {@code null}
 * @param source     the clause
 * @param confidence how sure the figures are
 */
public record AirLimit(String key, String unit, BigDecimal annual, BigDecimal daily, String source, Confidence confidence) {
    /**
     * @throws NullPointerException if key, unit, source or confidence is null
     */
    public AirLimit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
    }
}
