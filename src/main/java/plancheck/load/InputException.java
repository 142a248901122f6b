package plancheck.load;

import java.util.List;

/**
 * Thrown when inputs cannot be checked at all: malformed or mistyped submissions, rules that do not
 * compile, a broken catalogue. Carries every problem found, not just the first; the command line
 * prints them and exits with status 2 (contract §1) without writing a report.
 */
public class InputException extends Exception {
    private final transient List<InputProblem> problems;

    /** @param problems every problem found (at least one), in any order; kept sorted. */
    public InputException(List<InputProblem> problems) {
        super(problems.size() + " problem(s) in the input: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = problems.stream().sorted().toList();
    }

    /** @return the problems, sorted by file, line and column. */
    public List<InputProblem> problems() { return problems; }
}
