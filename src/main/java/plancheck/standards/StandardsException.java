package plancheck.standards;

import plancheck.model.Text;

/**
 * A standards table under {@code rules/standards/} cannot be read or is malformed.
 *
 * <p>Thrown only by {@link StandardsLoader}. The message has the form
 * {@code FILE: LOCATION: PROBLEM}, for example
 * {@code rules/standards/gb3838-2002.yaml: /items/6/all/III: expected a number, found "abc"}.
 * {@link #file()} is the file as given to the loader, {@link #location()} a JSON-pointer-like path
 * inside the file ({@code ""} for the whole file, "line L, column C" for a YAML syntax error),
 * {@link #text()} what is wrong in Chinese and English ({@link #problem()} the English).
 */
public class StandardsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The table's file. */
    private final String file;
    /** Path inside the file. */
    private final String location;
    /** 1-based line and column of a YAML syntax error, 0 when not known. */
    private final int line;
    private final int column;
    /** What is wrong, in both languages. */
    private final transient Text text;

    /**
     * @param file     the table's file name or path, as shown to the user
     * @param location path inside the file ({@code /items/3/all/II}); empty for the whole file
     * @param line     1-based line of a syntax error, or 0
     * @param column   1-based column of a syntax error, or 0
     * @param text     what is wrong, in Chinese and English
     * @param cause    the underlying error, or {@code null}
     */
    public StandardsException(String file, String location, int line, int column, Text text, Throwable cause) {
        super(file + ": " + (location == null || location.isEmpty() ? "" : location + ": ") + text.en(), cause);
        this.file = file;
        this.location = location == null ? "" : location;
        this.line = line;
        this.column = column;
        this.text = text;
    }

    /**
     * Same as {@link #StandardsException(String, String, int, int, Text, Throwable)} without line,
     * column or cause.
     */
    public StandardsException(String file, String location, Text text) {
        this(file, location, 0, 0, text, null);
    }

    /** @return the table's file, as shown to the user */
    public String file() {
        return file;
    }

    /** @return path inside the file, {@code ""} for the whole file */
    public String location() {
        return location;
    }

    /** @return 1-based line of a YAML syntax error, or 0 */
    public int line() {
        return line;
    }

    /** @return 1-based column of a YAML syntax error, or 0 */
    public int column() {
        return column;
    }

    /** @return what is wrong, in Chinese and English */
    public Text text() {
        return text;
    }

    /** @return what is wrong, in English */
    public String problem() {
        return text.en();
    }
}
