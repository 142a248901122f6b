package plancheck.standards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of HJ 633-2012 表1 (空气质量分指数及对应的污染物项目浓度限值), as read from
 * {@code rules/standards/hj633-2012.yaml}.
 *
 * @param key         submission key: {@code PM2.5 PM10 SO2 NO2 CO O3_8h} (contract §2 airDaily), or
 *                    {@code O3_1h} (used only when O3_8h is above 800 μg/m³)
 * @param name        Chinese name with averaging time
 * @param unit        μg/m³, or mg/m³ for CO
 * @param breakpoints concentration limits BP for IAQI 0, 50, 100, 150, 200, 300, 400, 500 in that
 *                    order, strictly increasing, starting at 0; may stop early (O3_8h ends at 800 =
 *                    IAQI 300)
 * @param source      the clause, e.g. "HJ 633-2012 表1 …"
 */
public record AirPollutant(String key, String name, String unit, List<BigDecimal> breakpoints, String source) {

    /**
     * Copies the breakpoints (unmodifiable).
     *
     * @param key submission key: {@code PM2.5 PM10 SO2 NO2 CO O3_8h} (contract §2 airDaily), or {@code O3_1h} (used only when O3_8h is above 800 μg/m³)
     * @param name Chinese name with averaging time
     * @param unit μg/m³, or mg/m³ for CO
     * @param breakpoints concentration limits BP for IAQI 0, 50, 100, 150, 200, 300, 400, 500 in that order, strictly increasing, starting at 0; may stop early (O3_8h ends at 800 = IAQI 300)
     * @param source the clause of HJ 633-2012 表1
     * @throws NullPointerException if key, unit, breakpoints or source is null
     */
    public AirPollutant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        breakpoints = List.copyOf(breakpoints);
    }

    /** @return the highest concentration the row covers (its last breakpoint) */
    public BigDecimal top() {
        return breakpoints.get(breakpoints.size() - 1);
    }
}
