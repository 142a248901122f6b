package plancheck.model;

import java.math.BigDecimal;

/**
 * A value the plan leaves to be set later (市级下达: assigned by the city), kept in
 * {@code plans/<plan>/parameters.yaml} (city-assigned values) or {@code rules/parameters.yaml} (thresholds of the standards). While {@code value} is null the targets that use it are PENDING.
 *
 * @param id     parameter id, e.g. {@code co2_intensity_reduction.target}
 * @param value  the value once the city has assigned it, or null (unset)
 * @param unit   its unit
 * @param source the clause that makes it city-assigned and, once set, the document that set it
 * @param file   the rules file it came from (relative path)
 */
public record Parameter(String id, BigDecimal value, String unit, String source, String file) {
    /** @return true once an analyst has filled the value in. */
    public boolean isSet() { return value != null; }
}
