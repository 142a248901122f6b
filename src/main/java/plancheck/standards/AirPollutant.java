package plancheck.standards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of the AQI table (HJ 633 表1, 空气质量分指数及对应的污染物项目浓度限值), as read from
 * {@code rules/standards/hj633-*.yaml}.
 *
 * @param key         submission key: {@code PM2.5 PM10 SO2 NO2 CO O3_8h} (contract §2 airDaily), or a
 *                    1-hour row: {@code SO2_1h NO2_1h CO_1h O3_1h}
 * @param name        Chinese name with averaging time
 * @param unit        μg/m³, or mg/m³ for CO
 * @param breakpoints concentration limits BP for IAQI 0, 50, 100, 150, 200, 300, 400, 500 in that
 *                    order, strictly increasing, starting at 0; may stop early (O3_8h ends at 800 =
 *                    IAQI 300)
 * @param decimals    decimal places a concentration is rounded to (GB/T 8170, round half to even)
 *                    before its IAQI: 0 (whole μg/m³), 1 for CO (0.1 mg/m³)
 * @param confidence  how sure the breakpoints are, bracket by bracket ({@link Confidence#upTo()}
 *                    ascending, the last one reaching the top breakpoint); empty = confirmed
 * @param source      the clause, e.g. "HJ 633-2012 表1 …"
 */
public record AirPollutant(String key, String name, String unit, List<BigDecimal> breakpoints, int decimals,
                           List<Confidence> confidence, String source) {

    /**
     * Copies the lists (unmodifiable).
     *
     * @throws NullPointerException     if key, unit, breakpoints or source is null
     * @throws IllegalArgumentException if decimals is negative, or the confidence brackets do not
     *                                  ascend to the top breakpoint
     */
    public AirPollutant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        breakpoints = List.copyOf(breakpoints);
        confidence = confidence == null ? List.of() : List.copyOf(confidence);
        if (decimals < 0) {
            throw new TableException("standards.decimals-negative", "key", key);
        }
        BigDecimal prev = BigDecimal.ZERO;
        for (int i = 0; i < confidence.size(); i++) {
            BigDecimal u = confidence.get(i).upTo();
            if (u == null || u.compareTo(prev) <= 0 || !breakpoints.contains(u)) {
                throw new TableException("standards.confidence-bracket", "key", key, "index", i);
            }
            prev = u;
        }
        if (!confidence.isEmpty() && prev.compareTo(breakpoints.get(breakpoints.size() - 1)) != 0) {
            throw new TableException("standards.confidence-top", "key", key,
                    "top", breakpoints.get(breakpoints.size() - 1).toPlainString());
        }
    }

    /** @return the highest concentration the row covers (its last breakpoint) */
    public BigDecimal top() {
        return breakpoints.get(breakpoints.size() - 1);
    }

    /**
     * @param concentration a concentration the row covers
     * @return the confidence of the bracket that holds it (confirmed when the row states none)
     */
    public Confidence confidenceAt(BigDecimal concentration) {
        for (Confidence c : confidence) {
            if (concentration.compareTo(c.upTo()) <= 0) {
                return c;
            }
        }
        return new Confidence(null, Confidence.CONFIRMED, source);
    }
}
