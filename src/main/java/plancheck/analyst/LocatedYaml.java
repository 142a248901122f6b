package plancheck.analyst;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * YAML documents read into trees that remember where every value starts (line and column, 1-based,
 * keyed by JSON pointer), so that lint and scenario problems can say {@code file:line}. Numbers are
 * exact (BigDecimal); a file may hold several documents separated by {@code ---} (an empty one, as
 * after a trailing {@code ---}, is no document).
 *
 * @param docs      the documents, in file order
 * @param locations per document: JSON pointer → {line, column}
 */
public record LocatedYaml(List<JsonNode> docs, List<Map<String, int[]>> locations) {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    /**
     * @param bytes UTF-8 YAML
     * @return every document with its locations
     * @throws IOException on malformed YAML ({@link com.fasterxml.jackson.core.JsonProcessingException}
     *                     carries the location)
     */
    public static LocatedYaml parse(byte[] bytes) throws IOException {
        List<JsonNode> docs = new java.util.ArrayList<>();
        List<Map<String, int[]>> locs = new java.util.ArrayList<>();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || empty(p, text)) {
                    continue;
                }
                Map<String, int[]> loc = new HashMap<>();
                docs.add(read(p, "", loc));
                locs.add(loc);
            }
        }
        return new LocatedYaml(docs, locs);
    }

    /**
     * @return true for a document with nothing in it (after a trailing {@code ---}, or only comments): the
     *         parser gives it as an empty string, which a quoted {@code ""} is too
     */
    private static boolean empty(JsonParser p, String text) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || !p.getText().isEmpty()) {
            return false;
        }
        long at = p.currentTokenLocation().getCharOffset();
        return at < 0 || at >= text.length() || (text.charAt((int) at) != '"' && text.charAt((int) at) != '\'');
    }

    private static JsonNode read(JsonParser p, String ptr, Map<String, int[]> loc) throws IOException {
        return plancheck.load.LocatedJson.readTree(p, ptr, loc, true, "", new java.util.ArrayList<>());
    }

    /**
     * @param doc     document index
     * @param pointer a JSON pointer in it
     * @return {line, column} of the value, or of its closest enclosing value, or {0, 0}
     */
    public int[] at(int doc, String pointer) {
        Map<String, int[]> m = locations.get(doc);
        String p = pointer;
        while (true) {
            int[] l = m.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
