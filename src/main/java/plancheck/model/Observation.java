package plancheck.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The value of one indicator in one year after merging every submission for that year and converting
 * to the catalogue's unit; or a value derived by a domain rule (e.g. the death rate from accidents).
 * At most one exists per indicator and year.
 *
 * @param indicator     indicator id
 * @param year          the year it describes
 * @param value         the value in {@code unit}; null when {@code problem} makes it unusable
 * @param unit          the catalogue's unit for the indicator (or the submitted one when unknown)
 * @param caliber       the statistical caliber (口径) the submission declared, or null
 * @param stage         "final" or "preliminary"
 * @param origin        "submitted" or "derived"
 * @param evidence      the inputs it came from, sorted
 * @param problem       null when usable; otherwise a code: "unit" (unknown or unconvertible unit),
 *                      "conflict" (two submissions disagree), "none" (the submitter states there is no value)
 * @param detail        how the value was obtained (conversion, merge, derivation), or what the
 *                      problem is, in Chinese and English; null when nothing needs saying
 * @param steps         for a derived value, the chain that produced it, inputs first and the result
 *                      last (report.json {@code details.derivation}); empty when not given
 */
public record Observation(String indicator, int year, BigDecimal value, String unit, String caliber,
                          String stage, String origin, List<Evidence> evidence, String problem, Text detail,
                          List<DerivationStep> steps) {

    /** Normalises a null step list to an empty one. */
    public Observation {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * An observation without a structured derivation (submitted values, and derived values whose rule
     * explains itself in {@code detail} only).
     */
    public Observation(String indicator, int year, BigDecimal value, String unit, String caliber, String stage,
                       String origin, List<Evidence> evidence, String problem, Text detail) {
        this(indicator, year, value, unit, caliber, stage, origin, evidence, problem, detail, List.of());
    }

    /** @return true when the value can be judged. */
    public boolean usable() { return problem == null && value != null; }

    /** @return true when a domain rule computed the value from records. */
    public boolean derived() { return "derived".equals(origin); }
}
