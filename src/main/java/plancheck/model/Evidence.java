package plancheck.model;

/**
 * Where a number came from: a submission file and a JSON pointer inside it (RFC 6901), or a rules
 * file for catalogue values and parameters.
 *
 * @param input   path of the file relative to the working folder, with '/' separators
 * @param pointer JSON pointer to the value or record used, e.g. {@code /indicators/0}; for a YAML
 *                rules file, the id of the entry
 */
public record Evidence(String input, String pointer) implements java.lang.Comparable<Evidence> {
    /** Orders by input, then by pointer with array indexes compared as numbers (/2 before /10). */
    @Override
    public int compareTo(Evidence o) {
        int c = input.compareTo(o.input);
        return c != 0 ? c : comparePointers(pointer, o.pointer);
    }

    /** @return the order of two JSON pointers, segment by segment, numeric segments as numbers */
    public static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
