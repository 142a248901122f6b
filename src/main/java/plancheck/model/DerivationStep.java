package plancheck.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One step of the chain that produced a derived value, for the audit record (report.json
 * {@code details.derivation}) and {@code plancheck explain}. A derivation rule lists its steps in
 * order, the inputs first and the result last, e.g. for the production-safety death rate (专栏1 第25项):
 * <ol>
 *   <li>{@code deaths = 8 人} ← accidents 2026-003 and 2026-007 (evidence: their JSON pointers)</li>
 *   <li>{@code gdp = 560 亿元} ← the statistics bureau's file (evidence: its pointer)</li>
 *   <li>{@code safety_death_rate = 0.0142857 人/亿元} ← deaths ÷ gdp</li>
 * </ol>
 *
 * @param quantity what the step computes or reads (an indicator id or a plain name, e.g. "deaths")
 * @param value    its value in {@code unit}; null when the step has no single number
 * @param unit     the unit of {@code value}, or null
 * @param how      how it was obtained (a formula, a sum over records, a reading), in Chinese and English
 * @param evidence the inputs the step read (file + JSON pointer), in order; empty for a pure formula
 */
public record DerivationStep(String quantity, BigDecimal value, String unit, Text how, List<Evidence> evidence) {

    /** Copies the evidence list; a null list is an empty one. */
    public DerivationStep {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
