package plancheck.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A township's figure for one year: an indicator value of its submissions, merged and converted to the unit
 * the plan gives for it. Kept apart from the county's {@link Observation}s so that the county's rules never
 * count a township's figure as the county's.
 *
 * @param township  the township's name
 * @param indicator the figure's id (a catalogue id or a figure of townships.yaml)
 * @param year      the year
 * @param value     the value in {@code unit}; null when {@code problem} is set
 * @param unit      the figure's unit
 * @param evidence  the inputs it came from
 * @param problem   null when usable; "unit", "conflict", "range" or "none" as for {@link Observation#problem()}
 * @param detail    how the value was obtained or what the problem is; null when nothing needs saying
 */
public record TownshipValue(String township, String indicator, int year, BigDecimal value, String unit,
                            List<Evidence> evidence, String problem, Text detail) {

    /** Copies the evidence list. */
    public TownshipValue {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** @return true when the value can be judged and summed */
    public boolean usable() { return problem == null && value != null; }
}
