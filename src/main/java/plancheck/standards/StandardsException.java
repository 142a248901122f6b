package plancheck.standards;

/**
 * A standards table under {@code rules/standards/} cannot be read or is malformed.
 *
 * <p>Thrown only by {@link StandardsLoader}. The message has the form
 * {@code FILE: LOCATION: PROBLEM}, for example
 * {@code rules/standards/gb3838-2002.yaml: /items/6/all/III: expected a number, found "abc"}.
 * {@link #file()} is the file as given to the loader, {@link #location()} a JSON-pointer-like path
 * inside the file ({@code ""} for the whole file), {@link #problem()} what is wrong.
 */
public class StandardsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The table's file. */
    private final String file;
    /** Path inside the file. */
    private final String location;
    /** What is wrong. */
    private final String problem;

    /**
     * @param file     the table's file name or path, as shown to the user
     * @param location path inside the file ({@code /items/3/all/II}); empty for the whole file
     * @param problem  what is wrong, in plain words
     * @param cause    the underlying error, or {@code null}
     */
    public StandardsException(String file, String location, String problem, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + problem, cause);
        this.file = file;
        this.location = location == null ? "" : location;
        this.problem = problem;
    }

    /**
     * Same as {@link #StandardsException(String, String, String, Throwable)} without a cause.
     *
     * @param file     the table's file name or path, as shown to the user
     * @param location path inside the file; empty for the whole file
     * @param problem  what is wrong, in plain words
     */
    public StandardsException(String file, String location, String problem) {
        this(file, location, problem, null);
    }

    /** @return the table's file, as given to the loader */
    public String file() {
        return file;
    }

    /** @return the path inside the file ({@code /items/3/all/II}), or {@code ""} for the whole file */
    public String location() {
        return location;
    }

    /** @return what is wrong, without file and location */
    public String problem() {
        return problem;
    }
}
