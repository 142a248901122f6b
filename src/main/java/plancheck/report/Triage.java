package plancheck.report;

import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * What a finding asks of the people who read a report: a violation to answer for, a data problem to
 * correct (a unit slip, a conflict between bureaus, a value outside its plausible range, a faulty
 * record: the figure is wrong, not the target behind), a warning to act on, or nothing.
 *
 * <p>A data problem is a WARNING whose rule is of kind {@code data} or that lists the problems of its
 * records (details {@code problems} or {@code dataProblems}), or whose message opens with 数据问题 (details
 * {@code dataProblem}, set by the engine: a cross-check that disagrees, a sum that does not add up). This classification is compatible with
 * report format {@code plancheck-report/1}: the status stays WARNING, and report.json marks such a
 * finding with {@code "dataProblem": true}.
 */
public final class Triage {
    private Triage() {}

    /** What needs doing, most urgent first. */
    public enum Action {
        /** a binding target is broken */
        VIOLATION,
        /** a figure is wrong or cannot be used: correct the submission */
        DATA_PROBLEM,
        /** an expected target is behind, a value near a limit, a trend the wrong way */
        WARNING,
        /** nothing to do */
        NONE
    }

    /** @return what the finding asks for */
    public static Action of(Finding f) {
        if (f.status() == Status.VIOLATION) {
            return Action.VIOLATION;
        }
        if (f.status() == Status.WARNING) {
            return dataProblem(f) ? Action.DATA_PROBLEM : Action.WARNING;
        }
        return Action.NONE;
    }

    /**
     * @return true for a WARNING on data: a kind {@code data} rule, one that lists its records' problems, or one
     *         whose message reports a data problem
     */
    public static boolean dataProblem(Finding f) {
        return f.status() == Status.WARNING && ("data".equals(f.kind()) || f.details().containsKey("problems")
                || f.details().containsKey("dataProblems") || Boolean.TRUE.equals(f.details().get("dataProblem")));
    }

    /** @return the label of an action: 违规, 数据问题, 预警 (or English) */
    public static String label(Action a, String lang) {
        boolean en = "en".equals(lang);
        return switch (a) {
            case VIOLATION -> en ? "violation" : "违规";
            case DATA_PROBLEM -> en ? "data problem" : "数据问题";
            case WARNING -> en ? "warning" : "预警";
            case NONE -> "";
        };
    }
}
