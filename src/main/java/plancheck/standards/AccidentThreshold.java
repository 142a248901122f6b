package plancheck.standards;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One grade row of {@code rules/standards/decree-493.yaml}: the values from which (inclusive, "以上")
 * each measure reaches the grade.
 *
 * @param grade          LARGER, MAJOR or EXTRAORDINARY (GENERAL is below every row)
 * @param deaths         deaths from which the grade applies (e.g. 3 for 较大)
 * @param seriousInjuries serious injuries from which the grade applies (e.g. 10 for 较大)
 * @param directLossYuan direct economic loss in yuan from which the grade applies (e.g. 10 000 000)
 * @param source         the clause, e.g. "国务院令第493号 第三条第一款第（三）项 …"
 */
public record AccidentThreshold(AccidentGrade grade, long deaths, long seriousInjuries, BigDecimal directLossYuan,
                                String source) {

    /**
     * Checks and copies the components.
     *
     * @param grade LARGER, MAJOR or EXTRAORDINARY (GENERAL is below every row)
     * @param deaths deaths from which the grade applies (3 for 较大)
     * @param seriousInjuries serious injuries from which the grade applies (10 for 较大)
     * @param directLossYuan direct economic loss in yuan from which the grade applies (10 000 000 for 较大)
     * @param source the clause of 国务院令第493号 第三条
     * @throws NullPointerException if grade, directLossYuan or source is null
     */
    public AccidentThreshold {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(directLossYuan, "directLossYuan");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param measure a measure
     * @return this row's threshold for it (persons, or yuan)
     */
    public BigDecimal threshold(AccidentMeasure measure) {
        return switch (measure) {
            case DEATHS -> BigDecimal.valueOf(deaths);
            case SERIOUS_INJURIES -> BigDecimal.valueOf(seriousInjuries);
            case DIRECT_LOSS_YUAN -> directLossYuan;
        };
    }
}
