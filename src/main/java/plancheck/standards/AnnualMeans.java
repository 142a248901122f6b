package plancheck.standards;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Arithmetic means of monthly samples, per item (环办〔2011〕22号 年度评价: the annual class is the class
 * of each item's annual mean).
 *
 * @param means  item key → arithmetic mean of the months that gave a value for it (same unit as the
 *               samples; exact when the division terminates, otherwise 16 significant digits)
 * @param counts item key → number of months that gave a value (national-control sections should
 *               have 12)
 */
public record AnnualMeans(Map<String, BigDecimal> means, Map<String, Integer> counts) {

    /**
     * Makes the maps unmodifiable (iteration order is kept).
     *
     * @param means item key → arithmetic mean of the months that gave a value for it (same unit as the samples; exact when the division terminates, otherwise 16 significant digits)
     * @param counts item key → number of months that gave a value (national-control sections should have 12)
     */
    public AnnualMeans {
        means = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(means));
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
