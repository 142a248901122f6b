package plancheck.engine;

import java.util.List;

/**
 * The rules compiled but misbehaved at run time: a message key no file defines, a placeholder with no
 * value, or two verdicts for one target, year and subject. An analyst's mistake, reported with the rule
 * names; the command line exits with status 2 and writes no report.
 */
public class RuleDefectException extends Exception {
    private final transient List<String> defects;

    /** @param defects one line per defect */
    public RuleDefectException(List<String> defects) {
        super(String.join("; ", defects));
        this.defects = List.copyOf(defects);
    }

    /** @return one line per defect */
    public List<String> defects() { return defects; }
}
