package plancheck.load;

import plancheck.model.Text;

/**
 * One problem found in an input file (a submission or a rules file): where it is and what was
 * expected, in Chinese and English. Printed as {@code file:line:column: pointer: message}; a cell of a
 * workbook is a pointer such as {@code 指标!H7}.
 *
 * @param file    path as given on the command line (relative where it was given relative)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param pointer JSON pointer (RFC 6901) or sheet!cell of the offending value, or "" for the whole file
 * @param text    what is wrong and what was expected, in both languages
 */
public record InputProblem(String file, int line, int column, String pointer, Text text)
        implements Comparable<InputProblem> {

    /** The most characters of a message; a value quoted in it is cut shorter still (Bounded). */
    public static final int MAX_TEXT = 1000;

    /** Every part is bounded, whatever the input it quotes: a huge key or value never makes a huge line. */
    public InputProblem {
        file = plancheck.model.Bounded.cut(file, 300);
        pointer = pointer == null ? null : plancheck.model.Bounded.cut(pointer, 300);
        text = text == null ? new Text("", "") : new Text(plancheck.model.Bounded.cut(text.zh(), MAX_TEXT),
                plancheck.model.Bounded.cut(text.en(), MAX_TEXT));
    }

    /** @return the message in English (what tests and logs compare). */
    public String message() {
        return text.en();
    }

    /** @return the problem in one line in {@code lang} ("zh" or "en"). */
    public String format(String lang) {
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
        return b.append(text.in(lang)).toString();
    }

    /** @return the problem in one line, in English (logs; users see {@link #format(String)}). */
    @Override
    public String toString() {
        return format("en");
    }

    @Override
    public int compareTo(InputProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        if (c != 0) return c;
        c = Integer.compare(column, o.column);
        return c != 0 ? c : message().compareTo(o.message());
    }
}
