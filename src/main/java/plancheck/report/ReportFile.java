package plancheck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A report.json read back (for {@code plancheck explain} and {@code plancheck verify}): the whole
 * document as maps, lists, strings, booleans and exact numbers (BigDecimal for decimals).
 *
 * @param path the file read
 * @param root the document
 */
public record ReportFile(Path path, Map<String, Object> root) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * @param path a report.json
     * @return the report
     * @throws IOException when the file cannot be read, is not JSON, or is not format plancheck-report/1
     */
    public static ReportFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such report (expected a report.json written by plancheck check)");
        }
        Map<String, Object> root;
        try {
            root = JSON.readValue(path.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(path + ": not a JSON report: " + e.getOriginalMessage());
        }
        if (!JsonReport.FORMAT.equals(root.get("format"))) {
            throw new IOException(path + ": format is " + root.get("format") + ", expected " + JsonReport.FORMAT);
        }
        // the parts every command relies on, with their JSON types (a hand-edited report is refused here)
        for (String k : List.of("inputs", "findings")) {
            if (!(root.get(k) instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Map)) {
                throw new IOException(path + ": /" + k + " is missing or not a list of objects: not a report written by plancheck check");
            }
        }
        for (String k : List.of("plan", "tool", "rules")) {
            if (!(root.get(k) instanceof Map)) {
                throw new IOException(path + ": /" + k + " is missing or not an object: not a report written by plancheck check");
            }
        }
        return new ReportFile(path, root);
    }

    /** @return the findings, in report order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findings() {
        return (List<Map<String, Object>>) root.getOrDefault("findings", List.of());
    }

    /** @return input path → sha256 as recorded, sorted. */
    public TreeMap<String, String> inputs() {
        return pairs(root.get("inputs"));
    }

    /** @return rules file path → sha256 as recorded, sorted. */
    @SuppressWarnings("unchecked")
    public TreeMap<String, String> ruleFiles() {
        Object r = root.get("rules");
        return r instanceof Map<?, ?> m ? pairs(((Map<String, Object>) m).get("files")) : new TreeMap<>();
    }

    /** @return the rules folder recorded ({@code rules.dir}), or null for reports that lack it. */
    @SuppressWarnings("unchecked")
    public String rulesDir() {
        Object r = root.get("rules");
        return r instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("dir") : null;
    }

    /** @return the plan folder recorded ({@code plan.dir}), or null for reports that lack it. */
    @SuppressWarnings("unchecked")
    public String planDir() {
        Object r = root.get("plan");
        return r instanceof Map<?, ?> m && ((Map<String, Object>) m).get("dir") instanceof String s ? s : null;
    }

    /** @return the tool versions recorded ({@code tool}: plancheck, drools). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> tool() {
        Object t = root.get("tool");
        return t instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** @return the region checked. */
    public String region() {
        return (String) root.get("region");
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<String, String> pairs(Object list) {
        TreeMap<String, String> m = new TreeMap<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> e = (Map<String, Object>) o;
                m.put(String.valueOf(e.get("path")), String.valueOf(e.get("sha256")));
            }
        }
        return m;
    }
}
