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
        this(problems, true);
    }

    /**
     * @param problems the problems
     * @param sort     false to keep their order (the most telling first, as a compiler lists them)
     */
    public InputException(List<InputProblem> problems, boolean sort) {
        super(problems.size() + " problem(s) in the input: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = sort ? problems.stream().sorted().toList() : List.copyOf(problems);
    }

    /** @return the problems, sorted by file, line and column (unless made unsorted). */
    public List<InputProblem> problems() { return problems; }
}
