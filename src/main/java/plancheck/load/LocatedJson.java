package plancheck.load;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON document read with Jackson's streaming parser into a tree, remembering the line and column
 * where every value starts, keyed by its JSON pointer, so that problems can name both.
 * Numbers are kept exactly (BigDecimal). A key that appears twice in one object is a problem.
 *
 * @param root      the document
 * @param locations JSON pointer → {line, column} (1-based)
 */
public record LocatedJson(JsonNode root, Map<String, int[]> locations) {

    /**
     * The parser's limits, set deliberately for submissions (whose deepest value is four levels down): a
     * value nested deeper, a number longer, a text or key longer than this is refused with its place, in
     * ordinary words ({@link LimitException}), before it costs time or memory.
     */
    public static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS = com.fasterxml.jackson.core.StreamReadConstraints.builder()
            .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).maxNameLength(1_000).build();

    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    /** A document beyond one of {@link #LIMITS}: where, and which limit, in both languages. */
    public static final class LimitException extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;
        private final transient plancheck.model.Text text;
        private final int line;
        private final int column;

        LimitException(JsonParser p, JsonLocation at, plancheck.model.Text text) {
            super(p, text.en(), at);
            this.text = text;
            this.line = at == null ? 0 : at.getLineNr();
            this.column = at == null ? 0 : at.getColumnNr();
        }

        /** @return the limit passed, in both languages */
        public plancheck.model.Text text() { return text; }

        /** @return the line where it was passed */
        public int line() { return line; }

        /** @return the column where it was passed */
        public int column() { return column; }
    }

    /** Tells which of {@link #LIMITS} the parser's message is about. */
    static plancheck.model.Text limitText(String m) {
        String s = m == null ? "" : m;
        if (s.contains("nesting depth")) {
            return plancheck.i18n.Msg.text("limits.nesting", "max", LIMITS.getMaxNestingDepth());
        }
        if (s.contains("Number value length") || s.contains("number length")) {
            return plancheck.i18n.Msg.text("limits.number", "max", LIMITS.getMaxNumberLength());
        }
        if (s.contains("Name length")) {
            return plancheck.i18n.Msg.text("limits.name", "max", LIMITS.getMaxNameLength());
        }
        if (s.contains("String value length")) {
            return plancheck.i18n.Msg.text("limits.string", "max", LIMITS.getMaxStringLength());
        }
        return plancheck.i18n.Msg.text("limits.other");
    }
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * Parses a document.
     *
     * @param bytes    UTF-8 JSON
     * @param file     the file name used in problems
     * @param problems where duplicate keys are reported
     * @return the located tree
     * @throws JsonProcessingException on malformed JSON (with its location)
     * @throws IOException on a read failure
     */
    public static LocatedJson parse(byte[] bytes, String file, java.util.List<InputProblem> problems)
            throws IOException {
        return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), file, problems);
    }

    /**
     * Parses a document already decoded (columns then count characters, not bytes).
     *
     * @see #parse(byte[], String, java.util.List)
     */
    public static LocatedJson parse(String text, String file, java.util.List<InputProblem> problems)
            throws IOException {
        Map<String, int[]> loc = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "empty file (expected a JSON object)");
                }
                JsonNode root = read(p, "", loc, file, problems);
                if (p.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p,
                            "unexpected content after the end of the JSON document");
                }
                return new LocatedJson(root, loc);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // where the parser stood when the limit was passed
                throw new LimitException(p, e.getLocation() != null ? e.getLocation() : p.currentTokenLocation(),
                        limitText(e.getOriginalMessage()));
            }
        }
    }

    private static JsonNode read(JsonParser p, String ptr, Map<String, int[]> loc, String file,
                                 java.util.List<InputProblem> problems) throws IOException {
        return readTree(p, ptr, loc, false, file, problems);
    }

    /**
     * Reads the value at the parser's current token into a tree, recording where each value starts.
     * Shared by submissions (JSON) and the analysts' YAML files.
     *
     * @param p          a parser positioned on the value's first token
     * @param ptr        the value's JSON pointer
     * @param loc        pointer → {line, column}, filled in
     * @param locateKeys true to locate an object member at its key (YAML lint), false at its value
     * @param file       file name for problems
     * @param problems   where a key that appears twice is reported
     * @return the value as a tree, numbers exact
     * @throws IOException on a token JSON does not allow (JSON only; YAML's are read as text)
     */
    public static JsonNode readTree(JsonParser p, String ptr, Map<String, int[]> loc, boolean locateKeys, String file,
                                    java.util.List<InputProblem> problems) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        loc.putIfAbsent(ptr, new int[] {l.getLineNr(), l.getColumnNr()});
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (locateKeys) {
                        loc.put(child, new int[] {kl.getLineNr(), kl.getColumnNr()});
                    }
                    p.nextToken();
                    JsonNode v = readTree(p, child, loc, locateKeys, file, problems);
                    if (o.has(name)) {
                        problems.add(new InputProblem(file, kl.getLineNr(), kl.getColumnNr(), child,
                                plancheck.i18n.Msg.text("input.key-twice", "key", plancheck.model.Bounded.cut(name))));
                    }
                    o.set(name, v);
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readTree(p, ptr + "/" + i, loc, locateKeys, file, problems));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                if (locateKeys) {
                    return NODES.textNode(p.getText());
                }
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + p.currentToken());
        }
    }

    /**
     * @param pointer a JSON pointer of this document
     * @return {line, column} of the value (or of its closest enclosing value), or {0, 0}
     */
    public int[] at(String pointer) {
        String p = pointer;
        while (true) {
            int[] l = locations.get(p);
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
