package plancheck.standards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades production-safety accidents by 生产安全事故报告和调查处理条例（国务院令第493号）第三条.
 * Pure computation; thresholds come from {@code rules/standards/decree-493.yaml} through
 * {@link StandardsLoader#accidentGrading()}.
 *
 * <p>A measure reaches a grade when its value is at or above the grade's threshold ("以上" includes
 * the number, 第三条第三款). The accident takes the highest grade any one measure reaches.
 */
public final class AccidentGrading implements StandardTable {
    private final Validity validity;
    private final List<AccidentThreshold> rows; // most severe first
    private final String generalSource;

    /**
     * Builds the grading from table rows (normally done by {@link StandardsLoader}).
     *
     * @param validity      the period in force, the regulation's name and the file
     * @param thresholds    one row for each of LARGER, MAJOR, EXTRAORDINARY (any order)
     * @param generalSource the clause for 一般事故
     * @throws IllegalArgumentException if a grade is missing, repeated or GENERAL, or a threshold is
     *                                  not strictly above the one of the grade below (all &gt; 0)
     */
    public AccidentGrading(Validity validity, List<AccidentThreshold> thresholds, String generalSource) {
        this.validity = java.util.Objects.requireNonNull(validity, "validity");
        Map<AccidentGrade, AccidentThreshold> by = new EnumMap<>(AccidentGrade.class);
        for (AccidentThreshold t : thresholds) {
            if (t.grade() == AccidentGrade.GENERAL) {
                throw new TableException("standards.accident-general");
            }
            if (by.put(t.grade(), t) != null) {
                throw new TableException("standards.accident-grade-twice", "grade", t.grade().name());
            }
        }
        for (AccidentGrade g : List.of(AccidentGrade.LARGER, AccidentGrade.MAJOR, AccidentGrade.EXTRAORDINARY)) {
            if (!by.containsKey(g)) {
                throw new TableException("standards.accident-grade-missing", "grade", g.name());
            }
        }
        for (AccidentMeasure m : AccidentMeasure.values()) {
            BigDecimal prev = BigDecimal.ZERO;
            for (AccidentGrade g : List.of(AccidentGrade.LARGER, AccidentGrade.MAJOR, AccidentGrade.EXTRAORDINARY)) {
                BigDecimal v = by.get(g).threshold(m);
                if (v.compareTo(prev) <= 0) {
                    throw new TableException("standards.accident-threshold-order", "grade", g.name(), "measure", m.key(), "prev", prev.toPlainString());
                }
                prev = v;
            }
        }
        List<AccidentThreshold> sorted = new ArrayList<>(by.values());
        sorted.sort(Comparator.comparing(AccidentThreshold::grade).reversed());
        this.rows = List.copyOf(sorted);
        this.generalSource = generalSource;
    }

    @Override
    public Validity validity() {
        return validity;
    }

    /** @return the threshold rows, most severe first */
    public List<AccidentThreshold> thresholds() {
        return rows;
    }

    /**
     * Grades one accident.
     *
     * @param deaths          deaths (persons), or null if not reported
     * @param seriousInjuries serious injuries incl. acute industrial poisoning (persons), or null
     * @param directLossYuan  direct economic loss in yuan, or null
     * @return the grade, the measure(s) that decided it, the grade of each measure, and the measures
     *         not reported
     * @throws IllegalArgumentException if a value is negative or no measure is reported
     */
    public AccidentGradeResult grade(Integer deaths, Integer seriousInjuries, BigDecimal directLossYuan) {
        Map<AccidentMeasure, BigDecimal> values = new LinkedHashMap<>();
        values.put(AccidentMeasure.DEATHS, deaths == null ? null : BigDecimal.valueOf(deaths));
        values.put(AccidentMeasure.SERIOUS_INJURIES, seriousInjuries == null ? null : BigDecimal.valueOf(seriousInjuries));
        values.put(AccidentMeasure.DIRECT_LOSS_YUAN, directLossYuan);
        Map<AccidentMeasure, AccidentGrade> byMeasure = new LinkedHashMap<>();
        List<AccidentMeasure> unreported = new ArrayList<>();
        values.forEach((m, v) -> {
            if (v == null) {
                unreported.add(m);
                return;
            }
            if (v.signum() < 0) {
                throw new IllegalArgumentException(m.key() + " must be ≥ 0, got " + v.toPlainString());
            }
            AccidentGrade g = AccidentGrade.GENERAL;
            for (AccidentThreshold row : rows) {
                if (v.compareTo(row.threshold(m)) >= 0) {
                    g = row.grade();
                    break;
                }
            }
            byMeasure.put(m, g);
        });
        if (byMeasure.isEmpty()) {
            throw new IllegalArgumentException("an accident needs at least one of deaths, seriousInjuries, directLossYuan");
        }
        AccidentGrade grade = java.util.Collections.max(byMeasure.values());
        List<AccidentMeasure> deciding = new ArrayList<>();
        byMeasure.forEach((m, g) -> {
            if (g == grade) {
                deciding.add(m);
            }
        });
        String source = generalSource;
        for (AccidentThreshold row : rows) {
            if (row.grade() == grade) {
                source = row.source();
            }
        }
        return new AccidentGradeResult(grade, deciding, byMeasure, unreported, source);
    }

    /**
     * Same as {@link #grade(Integer, Integer, BigDecimal)} with all three measures given.
     *
     * @param deaths          deaths (persons) ≥ 0
     * @param seriousInjuries serious injuries (persons) ≥ 0
     * @param directLossYuan  direct economic loss (yuan) ≥ 0
     * @return the grading
     * @throws IllegalArgumentException if a value is negative
     */
    public AccidentGradeResult grade(int deaths, int seriousInjuries, long directLossYuan) {
        return grade(Integer.valueOf(deaths), Integer.valueOf(seriousInjuries), BigDecimal.valueOf(directLossYuan));
    }
}
