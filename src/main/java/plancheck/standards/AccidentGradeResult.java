package plancheck.standards;

import java.util.List;
import java.util.Map;

/**
 * The grade of one accident by 国务院令第493号 第三条.
 *
 * @param grade      the highest grade any reported measure reaches
 * @param deciding   the measure(s) that reach {@code grade} (all reported measures when GENERAL)
 * @param byMeasure  each reported measure → the grade it alone reaches
 * @param unreported measures not given (null); the grade is then a lower bound
 * @param source     the clause of {@code grade}
 */
public record AccidentGradeResult(AccidentGrade grade, List<AccidentMeasure> deciding,
                                  Map<AccidentMeasure, AccidentGrade> byMeasure, List<AccidentMeasure> unreported,
                                  String source) {

    /**
     * Makes the collections unmodifiable (map order kept).
     *
     * @param grade the highest grade any reported measure reaches
     * @param deciding the measure(s) that reach {@code grade} (all reported measures when GENERAL)
     * @param byMeasure each reported measure → the grade it alone reaches
     * @param unreported measures not given (null); the grade is then a lower bound
     * @param source the clause of {@code grade}
     */
    public AccidentGradeResult {
        deciding = List.copyOf(deciding);
        byMeasure = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byMeasure));
        unreported = List.copyOf(unreported);
    }

    /** @return true if all three measures were reported */
    public boolean complete() {
        return unreported.isEmpty();
    }
}
