package plancheck.model;

/**
 * Where a number came from: a submission file and a JSON pointer inside it (RFC 6901), or a rules
 * file for catalogue values and parameters.
 *
 * <p>A value with the accessors, equality and text of a record {@code Evidence(input, pointer)}; a
 * class so that an element of a list ("/waterSamples/17") keeps where its index starts and the index
 * itself: findings and reports sort tens of thousands of records, and comparing two elements of one
 * list is then a comparison of two numbers.
 */
public final class Evidence implements java.lang.Comparable<Evidence> {
    private final String input;
    private final String pointer;
    /** the position of the last '/' when the pointer ends in an index of 1–9 digits, else -1 */
    private final int cut;
    /** that index */
    private final int index;

    /**
     * @param input   path of the file relative to the working folder, with '/' separators
     * @param pointer JSON pointer to the value or record used, e.g. {@code /indicators/0}; for a YAML
     *                rules file, the id of the entry
     */
    public Evidence(String input, String pointer) {
        this.input = input;
        this.pointer = pointer;
        int c = pointer == null ? -1 : pointer.lastIndexOf('/');
        if (c >= 0 && digits(pointer, c + 1, pointer.length())) {
            this.cut = c;
            this.index = Integer.parseInt(pointer, c + 1, pointer.length(), 10);
        } else {
            this.cut = -1;
            this.index = 0;
        }
    }

    /** @return path of the file relative to the working folder, with '/' separators */
    public String input() { return input; }

    /** @return JSON pointer to the value or record used; for a YAML rules file, the id of the entry */
    public String pointer() { return pointer; }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Evidence e && java.util.Objects.equals(input, e.input)
                && java.util.Objects.equals(pointer, e.pointer);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(input) + java.util.Objects.hashCode(pointer);
    }

    @Override
    public String toString() {
        return "Evidence[input=" + input + ", pointer=" + pointer + "]";
    }

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

    /**
     * The longest list of evidence written out entry by entry inside a finding's details and
     * explanation; a longer one is written by reference ({@link #asMapsReferenced}).
     */
    public static final int LISTED = 50;

    /**
     * Evidence as report.json writes it where it repeats a finding's own {@code evidence} (details of
     * the observations used, derivation steps, explanation steps): up to {@link #LISTED} entries one by
     * one, as {@link #asMaps}; a longer list by reference, one entry per input and list of records,
     * {@code {"input": file, "pointer": "/waterSamples", "records": 43200}} — the records themselves
     * are each listed once, in the finding's {@code evidence}. Pointers that are not an element of a
     * list (an indicator's entry, a catalogue id) stay one entry each.
     *
     * @param evidence sorted evidence
     * @return the list of maps to write
     */
    public static java.util.List<Object> asMapsReferenced(java.util.Collection<Evidence> evidence) {
        if (evidence.size() <= LISTED) {
            return asMaps(evidence);
        }
        java.util.Map<String, Object[]> groups = new java.util.TreeMap<>();
        Evidence last = null; // the previous element of a list, whose group a run of its list continues
        Object[] lastGroup = null;
        for (Evidence e : evidence) {
            if (last != null && e.cut > 0 && e.cut == last.cut && java.util.Objects.equals(e.input, last.input)
                    && e.pointer.regionMatches(0, last.pointer, 0, e.cut)) {
                ((int[]) lastGroup[2])[0]++;
                continue;
            }
            String list = e.cut > 0 ? e.pointer.substring(0, e.cut) : null;
            String key = e.input + "\u0000" + (list == null ? e.pointer : list);
            Object[] g = groups.get(key);
            if (g == null) {
                g = new Object[] {e.input, list == null ? e.pointer : list, new int[] {list == null ? 0 : 1}};
                groups.put(key, g);
            } else if (list != null) {
                ((int[]) g[2])[0]++;
            }
            last = list == null ? null : e;
            lastGroup = g;
        }
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Object[] g : groups.values()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("input", g[0]);
            m.put("pointer", g[1]);
            int records = ((int[]) g[2])[0];
            if (records > 0) {
                m.put("records", records);
            }
            out.add(m);
        }
        return out;
    }

    /** @return "/waterSamples" for "/waterSamples/12" (an element of a list), else null */
    public static String listOf(String pointer) {
        int cut = pointer.lastIndexOf('/');
        if (cut <= 0 || !digits(pointer, cut + 1, pointer.length())) {
            return null;
        }
        return pointer.substring(0, cut);
    }

    /** Orders by input, then by pointer with array indexes compared as numbers (/2 before /10). */
    @Override
    public int compareTo(Evidence o) {
        int c = input == o.input ? 0 : input.compareTo(o.input); // records of one file share its name
        if (c != 0 || pointer == o.pointer) {
            return c;
        }
        // the usual case: two elements of one list, "/waterSamples/17" and "/waterSamples/130"
        if (cut >= 0 && cut == o.cut && pointer.regionMatches(0, o.pointer, 0, cut)) {
            return Integer.compare(index, o.index);
        }
        return comparePointers(pointer, o.pointer);
    }

    /**
     * @return the order of two JSON pointers, segment by segment, numeric segments (1–9 digits) as
     *         numbers; one scan of both strings, nothing allocated (reports sort many thousands)
     */
    public static int comparePointers(String a, String b) {
        // the usual case: two elements of one list, "/waterSamples/17" and "/waterSamples/130"
        int la = a.lastIndexOf('/');
        if (la >= 0 && la == b.lastIndexOf('/') && digits(a, la + 1, a.length()) && digits(b, la + 1, b.length())
                && a.regionMatches(0, b, 0, la)) {
            return compareIndexes(a, la + 1, b, la + 1);
        }
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (true) {
            int ei = a.indexOf('/', i);
            int ej = b.indexOf('/', j);
            if (ei < 0) {
                ei = n;
            }
            if (ej < 0) {
                ej = m;
            }
            int c = compareSegments(a, i, ei, b, j, ej);
            if (c != 0) {
                return c;
            }
            boolean lastA = ei == n;
            boolean lastB = ej == m;
            if (lastA || lastB) {
                return lastA == lastB ? 0 : lastA ? -1 : 1;
            }
            i = ei + 1;
            j = ej + 1;
        }
    }

    /** Two runs of 1–9 digits to the ends of a and b, compared as numbers (leading zeros allowed). */
    private static int compareIndexes(String a, int i, String b, int j) {
        if (a.charAt(i) != '0' && b.charAt(j) != '0') {
            int c = Integer.compare(a.length() - i, b.length() - j); // more digits, larger number
            if (c != 0) {
                return c;
            }
            for (int k = 0; k < a.length() - i; k++) {
                int d = a.charAt(i + k) - b.charAt(j + k);
                if (d != 0) {
                    return d;
                }
            }
            return 0;
        }
        return Integer.compare(Integer.parseInt(a, i, a.length(), 10), Integer.parseInt(b, j, b.length(), 10));
    }

    private static int compareSegments(String a, int i, int ei, String b, int j, int ej) {
        if (digits(a, i, ei) && digits(b, j, ej)) {
            return Integer.compare(Integer.parseInt(a, i, ei, 10), Integer.parseInt(b, j, ej, 10));
        }
        int len = Math.min(ei - i, ej - j);
        for (int k = 0; k < len; k++) {
            char x = a.charAt(i + k);
            char y = b.charAt(j + k);
            if (x != y) {
                return x - y;
            }
        }
        return (ei - i) - (ej - j);
    }

    /** @return true for 1 to 9 ASCII digits (what {@code \\d{1,9}} matched) */
    private static boolean digits(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 9) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
