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
    /** @return {input, pointer} as an ordered map, the shape report.json and explanations use */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("input", input);
        m.put("pointer", pointer);
        return m;
    }

    /** @return each evidence as {@link #asMap()}, in the list's order */
    public static java.util.List<Object> asMaps(java.util.Collection<Evidence> evidence) {
        return new java.util.ArrayList<>(evidence.stream().map(Evidence::asMap).toList());
    }

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
