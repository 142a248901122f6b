package plancheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.load.LocatedJson;
import plancheck.load.Paths2;

/**
 * Follows an evidence pointer of a report ({input, pointer}) back to the file, for
 * {@code plancheck explain}: says what the file holds there (with its line) and whether the file still
 * has the SHA-256 the report recorded. Submissions are JSON (RFC 6901 pointers); rules files are YAML,
 * where the pointer is an entry's id, optionally followed by {@code /field}.
 */
final class PointerResolver implements Function<Map<String, Object>, String> {

    private final Map<String, String> recorded;
    private final boolean en;
    private final Map<String, byte[]> cache = new HashMap<>();

    /**
     * @param recorded path → sha256 recorded in the report (inputs and rules files)
     * @param lang     "zh" or "en"
     */
    PointerResolver(Map<String, String> recorded, String lang) {
        this.recorded = recorded;
        this.en = "en".equals(lang);
    }

    @Override
    public String apply(Map<String, Object> ev) {
        String input = String.valueOf(ev.get("input"));
        String pointer = String.valueOf(ev.get("pointer"));
        Path p = Path.of(input);
        byte[] bytes = cache.computeIfAbsent(input, k -> {
            try {
                return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            } catch (IOException e) {
                return null;
            }
        });
        if (bytes == null) {
            return en ? "(file not found)" : "（文件不存在）";
        }
        String hash = recorded.get(input);
        String check = hash == null ? "" : hash.equals(Paths2.sha256(bytes)) ? (en ? " ✓ sha256 as recorded" : " ✓ sha256与报告一致")
                : (en ? " ✗ file changed since the report (sha256 differs)" : " ✗ 文件已改动（sha256与报告不一致）");
        try {
            if (input.endsWith(".json")) {
                LocatedJson doc = LocatedJson.parse(bytes, input, new ArrayList<>());
                JsonNode n = doc.root().at(pointer);
                if (n.isMissingNode()) {
                    return (en ? "(nothing at this pointer)" : "（该位置无内容）") + check;
                }
                int[] at = doc.at(pointer);
                String v = n.toString();
                if (v.length() > 200) {
                    v = v.substring(0, 197) + "…";
                }
                return (en ? "line " : "第") + at[0] + (en ? ": " : "行：") + v + check;
            }
            return yaml(new String(bytes, StandardCharsets.UTF_8), pointer) + check;
        } catch (IOException e) {
            return (en ? "(unreadable: " : "（无法读取：") + e.getMessage() + (en ? ")" : "）") + check;
        }
    }

    /** Finds the entry "id: X" (or "- id: X") and, with a field, that field's line inside the entry. */
    private String yaml(String text, String pointer) {
        String id = pointer.contains("/") ? pointer.substring(0, pointer.indexOf('/')) : pointer;
        String field = pointer.contains("/") ? pointer.substring(pointer.indexOf('/') + 1) : null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.equals("- id: " + id) || l.equals("id: " + id) || l.equals("- id: \"" + id + "\"")) {
                if (field == null) {
                    return (en ? "line " : "第") + (i + 1) + (en ? ": " : "行：") + l;
                }
                for (int j = i + 1; j < lines.size(); j++) {
                    String m = lines.get(j).trim();
                    if (m.startsWith("- id:")) {
                        break;
                    }
                    if (m.startsWith(field + ":")) {
                        return (en ? "line " : "第") + (j + 1) + (en ? ": " : "行：") + m;
                    }
                }
                return (en ? "line " : "第") + (i + 1) + (en ? ": " : "行：") + l
                        + (en ? " (no " + field + " field: the plan gives none)" : "（无" + field + "字段）");
            }
        }
        return en ? "(entry not found)" : "（未找到该条目）";
    }
}
