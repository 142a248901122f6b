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
    @Override
    public int compareTo(Evidence o) {
        int c = input.compareTo(o.input);
        return c != 0 ? c : pointer.compareTo(o.pointer);
    }
}
