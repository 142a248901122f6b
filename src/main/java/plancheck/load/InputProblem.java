package plancheck.load;

/**
 * One problem found in an input file (a submission or a rules file): where it is and what was
 * expected. Printed as {@code file:line:column: pointer: message}.
 *
 * @param file    path as given on the command line (relative where it was given relative)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param pointer JSON pointer (RFC 6901) to the offending value, or "" for the whole file
 * @param message what is wrong and what was expected
 */
public record InputProblem(String file, int line, int column, String pointer, String message)
        implements Comparable<InputProblem> {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (pointer != null && !pointer.isEmpty()) {
            b.append(pointer).append(": ");
        }
        return b.append(message).toString();
    }

    @Override
    public int compareTo(InputProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        if (c != 0) return c;
        c = Integer.compare(column, o.column);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
