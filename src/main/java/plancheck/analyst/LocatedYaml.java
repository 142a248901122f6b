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
 * exact (BigDecimal); a file may hold several documents separated by {@code ---}.
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
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                Map<String, int[]> loc = new HashMap<>();
                docs.add(read(p, "", loc));
                locs.add(loc);
            }
        }
        return new LocatedYaml(docs, locs);
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
