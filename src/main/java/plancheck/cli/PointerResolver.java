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
        if (CSV_ROWS.matcher(pointer).matches() && (input.endsWith(".csv") || input.endsWith(".csv.gz"))) {
            return csvRows(p, pointer.substring(5));
        }
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
            String lower = input.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".csv")) {
                String v = pointer.startsWith("/") ? null : plancheck.load.sheet.Cells.at(p, pointer);
                if (v == null) {
                    return (en ? "(the whole list)" : "（整个列表）") + check;
                }
                return pointer + " = " + (v.length() > 200 ? v.substring(0, 197) + "…" : v) + check;
            }
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

    private static final java.util.regex.Pattern CSV_ROWS = java.util.regex.Pattern.compile("rows \\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    /**
     * Published rows of a CSV (airDaily[].source.rows, "rows 2-3471"): how many, the first one as
     * published, and the file's SHA-256 to compare with the one the submission recorded.
     */
    private String csvRows(Path p, String ranges) {
        java.util.TreeSet<Integer> want = new java.util.TreeSet<>();
        int count = 0;
        for (String part : ranges.split(",")) {
            String[] ab = part.split("-");
            int a = Integer.parseInt(ab[0]);
            int b = ab.length > 1 ? Integer.parseInt(ab[1]) : a;
            want.add(a);
            count += Math.max(0, b - a + 1);
        }
        if (!Files.isRegularFile(p)) {
            return en ? "(file not found)" : "（文件不存在）";
        }
        try (java.io.InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(p))) {
            java.io.InputStream in = p.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String first = null;
            int n = 0;
            for (String line = r.readLine(); line != null && first == null; line = r.readLine()) {
                n++;
                if (n == want.first()) {
                    first = line.length() > 160 ? line.substring(0, 157) + "…" : line;
                }
            }
            String sha = Paths2.sha256(p).substring(0, 12);
            return en ? count + " row(s); row " + want.first() + ": " + first + " (sha256 " + sha + "…)"
                    : "共" + count + "行；第" + want.first() + "行：" + first + "（sha256 " + sha + "…）";
        } catch (IOException e) {
            return (en ? "(unreadable: " : "（无法读取：") + e.getMessage() + (en ? ")" : "）");
        }
    }

    /**
     * Finds the entry "id: X" (or "- id: X") and, with a field, that field's line inside the entry; in
     * a standards table without ids, the key X (and then the key field below it).
     */
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
        // a standards table: keys, not ids ("PM2.5", "validFrom", "PM2.5/breakpoints")
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(id + ":")) {
                int at = i;
                if (field != null) {
                    for (int j = i + 1; j < lines.size() && lines.get(j).startsWith(" "); j++) {
                        if (lines.get(j).trim().startsWith(field + ":")) {
                            at = j;
                            break;
                        }
                    }
                }
                String l = lines.get(at).trim();
                return (en ? "line " : "第") + (at + 1) + (en ? ": " : "行：") + (l.length() > 160 ? l.substring(0, 157) + "…" : l);
            }
        }
        return en ? "(entry not found)" : "（未找到该条目）";
    }
}
