package plancheck.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile submissions made from the shipped ones and the command line's answer to them, for the fuzzing
 * tests ({@link FuzzTest}) and the long runs recorded in docs/robustness.md. An input is drawn from a
 * seed: a shipped facts file, mutated in its structure (a value replaced by a huge number, a long or odd
 * string, a deep nest, a wrong type; a key dropped, added or doubled), in its bytes (flipped, inserted,
 * cut, truncated), in its encoding (UTF-16 without BOM, GBK, Latin-1), or given twice.
 */
final class Fuzzer {
    private Fuzzer() {}

    static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build()).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** The most a run may print on stderr for an input of n bytes: proportional, never a flood. */
    static long stderrBound(long inputBytes) {
        return 200_000 + 4 * inputBytes;
    }

    private static List<String> seeds;

    static synchronized List<String> seeds() {
        if (seeds == null) {
            try (Stream<Path> s = Files.walk(Path.of("facts"))) {
                List<String> l = new ArrayList<>();
                for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    l.add(Files.readString(p, StandardCharsets.UTF_8));
                }
                seeds = List.copyOf(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static List<String> csvSeeds;

    /**
     * CSV seeds: every unit's CSV files for 2027 as {@code plancheck template --facts facts} writes them,
     * each year's column filled with the previous year's values (so the files hold numbers to mutate).
     */
    static synchronized List<String> csvSeeds() {
        if (csvSeeds == null) {
            try {
                Path dir = Files.createTempDirectory("plancheck-fuzz-csv");
                List<String> l = new ArrayList<>();
                for (String unit : List.of("safety", "environment", "agriculture", "education", "stats")) {
                    HostileCorpusTest.inProcess(List.of("template", "--bureau", unit, "--year", "2027", "--facts", "facts",
                            "--out", dir.resolve(unit + ".csv").toString()));
                }
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                        l.add(filled(Files.readString(p, StandardCharsets.UTF_8)));
                    }
                }
                deleteTree(dir);
                csvSeeds = List.copyOf(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return csvSeeds;
    }

    /** A template's 本年数值 column filled with its 上年数值. */
    private static String filled(String csv) {
        String[] lines = csv.split("\n", -1);
        if (lines.length < 2) {
            return csv;
        }
        List<String> header = List.of(lines[1].split(",", -1));
        int prev = header.indexOf("上年数值");
        int cur = header.indexOf("本年数值");
        if (prev < 0 || cur < 0) {
            return csv;
        }
        for (int i = 2; i < lines.length; i++) {
            if (lines[i].contains("\"")) {
                continue;
            }
            String[] c = lines[i].split(",", -1);
            if (c.length > Math.max(prev, cur) && c[cur].isEmpty()) {
                c[cur] = c[prev];
                lines[i] = String.join(",", c);
            }
        }
        return String.join("\n", lines);
    }

    /** A CSV file with one to three cells replaced by a hostile text (a huge number, a long or odd string …). */
    private static String mutateCsv(String csv, Random r, StringBuilder how) {
        String[] lines = csv.split("\n", -1);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int row = r.nextInt(Math.max(1, lines.length - 1));
            if (lines[row].contains("\"")) {
                continue;
            }
            String[] c = lines[row].split(",", -1);
            int col = r.nextInt(c.length);
            JsonNode v = nasty(r);
            String t;
            try {
                t = v.isTextual() ? v.asText() : v.isNumber() ? v.decimalValue().toString() : JSON.writeValueAsString(v);
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new UncheckedIOException(x);
            }
            if (t.length() > 300_000) {
                t = t.substring(0, 300_000);
            }
            c[col] = t.contains(",") || t.contains("\"") || t.contains("\n") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
            lines[row] = String.join(",", c);
            how.append(" cell@").append(row + 1).append(':').append(col + 1);
        }
        return String.join("\n", lines);
    }

    /** One input: the files to give on the command line, and how it was made. */
    record Input(List<Path> files, String how, long bytes) {}

    /** Writes the input drawn from {@code seed} into {@code dir}. */
    static Input make(long seed, Path dir) throws IOException {
        Random r = new Random(seed);
        Files.createDirectories(dir);
        int kind = r.nextInt(13);
        if (kind >= 10) {
            return sheet(kind, r, dir);
        }
        String base = seeds().get(r.nextInt(seeds().size()));
        byte[] bytes;
        String how;
        if (kind < 5) {
            JsonNode doc = JSON.readTree(base);
            StringBuilder h = new StringBuilder("structure:");
            int edits = 1 + r.nextInt(3);
            for (int i = 0; i < edits; i++) {
                doc = edit(doc, r, h);
            }
            bytes = JSON.writeValueAsBytes(doc);
            how = h.toString();
            if (r.nextInt(6) == 0) {
                bytes = doubleKey(new String(bytes, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8);
                how += " doubled-key";
            }
        } else if (kind < 8) {
            bytes = base.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder("bytes:");
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits; i++) {
                bytes = mutateBytes(bytes, r, h);
            }
            how = h.toString();
        } else if (kind < 9) {
            String[] cs = {"UTF-16LE", "UTF-16BE", "GBK", "ISO-8859-1", "UTF-32"};
            String c = cs[r.nextInt(cs.length)];
            bytes = base.getBytes(Charset.forName(c));
            how = "encoding:" + c;
        } else {
            bytes = base.getBytes(StandardCharsets.UTF_8);
            Path a = dir.resolve("s.json");
            Files.write(a, bytes);
            Files.createDirectories(dir.resolve("sub"));
            return new Input(List.of(a, dir.resolve("sub/../s.json")), "twice", 2L * bytes.length);
        }
        Path f = dir.resolve("s.json");
        Files.write(f, bytes);
        return new Input(List.of(f), how, bytes.length);
    }

    /** A bureau's CSV file with hostile cells, in UTF-8 or GBK, or its bytes mutated; or a workbook's bytes mutated. */
    private static Input sheet(int kind, Random r, Path dir) throws IOException {
        byte[] bytes;
        String how;
        String name = "s.csv";
        if (kind == 12) {
            bytes = Files.readAllBytes(Path.of("examples/example-safety-bureau-2026.xlsx"));
            StringBuilder h = new StringBuilder("workbook:");
            int edits = 1 + r.nextInt(3);
            for (int i = 0; i < edits; i++) {
                bytes = mutateBytes(bytes, r, h);
            }
            how = h.toString();
            name = "s.xlsx";
        } else {
            String base = csvSeeds().get(r.nextInt(csvSeeds().size()));
            StringBuilder h = new StringBuilder("csv:");
            if (r.nextInt(3) == 0) {
                bytes = base.getBytes(StandardCharsets.UTF_8);
                int edits = 1 + r.nextInt(4);
                for (int i = 0; i < edits; i++) {
                    bytes = mutateBytes(bytes, r, h);
                }
            } else {
                String t = mutateCsv(base, r, h);
                boolean gbk = r.nextInt(4) == 0 && Charset.forName("GBK").newEncoder().canEncode(t.replace("\uFEFF", ""));
                bytes = gbk ? t.replace("\uFEFF", "").getBytes(Charset.forName("GBK")) : t.getBytes(StandardCharsets.UTF_8);
                h.append(gbk ? " GBK" : "");
            }
            how = h.toString();
        }
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        if (r.nextInt(8) == 0) {
            Files.createDirectories(dir.resolve("sub"));
            return new Input(List.of(f, dir.resolve("sub/../" + name)), how + " twice", 2L * bytes.length);
        }
        return new Input(List.of(f), how, bytes.length);
    }

    private static JsonNode edit(JsonNode doc, Random r, StringBuilder how) {
        List<String> ptrs = new ArrayList<>();
        collect(doc, "", ptrs, 0);
        String ptr = ptrs.get(r.nextInt(ptrs.size()));
        int op = r.nextInt(10);
        if (ptr.isEmpty()) {
            how.append(" root");
            return op < 5 ? nasty(r) : doc;
        }
        String parentPtr = ptr.substring(0, ptr.lastIndexOf('/'));
        String last = ptr.substring(ptr.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        JsonNode parent = parentPtr.isEmpty() ? doc : doc.at(parentPtr);
        if (parent instanceof ObjectNode o) {
            if (op == 0) {
                o.remove(last);
                how.append(" drop ").append(ptr);
            } else if (op == 1) {
                o.set(last + "x", nasty(r));
                how.append(" unknown-key ").append(ptr);
            } else {
                o.set(last, nasty(r));
                how.append(" replace ").append(ptr);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (op == 0) {
                a.remove(i);
                how.append(" drop ").append(ptr);
            } else if (op == 1) {
                for (int k = 0; k < 1 + r.nextInt(50); k++) {
                    a.add(a.get(0).deepCopy());
                }
                how.append(" repeat ").append(ptr);
            } else {
                a.set(i, nasty(r));
                how.append(" replace ").append(ptr);
            }
        }
        return doc;
    }

    private static void collect(JsonNode n, String ptr, List<String> out, int depth) {
        out.add(ptr);
        if (depth > 6 || out.size() > 5000) {
            return;
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), ptr + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out, depth + 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size() && i < 40; i++) {
                collect(n.get(i), ptr + "/" + i, out, depth + 1);
            }
        }
    }

    /** A hostile value: huge or odd numbers, long or odd strings, deep nests, wrong types. */
    static JsonNode nasty(Random r) {
        switch (r.nextInt(16)) {
            case 0: return NODES.numberNode(new java.math.BigDecimal("1e" + (r.nextBoolean() ? "" : "-") + (1 + r.nextInt(999_999_999))));
            case 1: return NODES.numberNode(new java.math.BigDecimal("9".repeat(1 + r.nextInt(900))));
            case 2: return NODES.numberNode(java.math.BigDecimal.valueOf(r.nextInt(2001) - 1000, r.nextInt(6)));
            case 3: return NODES.numberNode(java.math.BigDecimal.ZERO);
            case 4: return NODES.textNode(randomString(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 200_000 : 80)));
            case 5: return NODES.textNode("");
            case 6: return NODES.nullNode();
            case 7: return NODES.booleanNode(r.nextBoolean());
            case 8: {
                JsonNode n = NODES.numberNode(1);
                int depth = 1 + r.nextInt(r.nextInt(4) == 0 ? 3000 : 50);
                for (int i = 0; i < depth; i++) {
                    ArrayNode a = NODES.arrayNode();
                    a.add(n);
                    n = a;
                }
                return n;
            }
            case 9: {
                ObjectNode o = NODES.objectNode();
                for (int i = 0; i < r.nextInt(30); i++) {
                    o.set(randomString(r, 1 + r.nextInt(20)), nasty(r.nextInt(3) == 0 ? r : new Random(r.nextLong())));
                }
                return o;
            }
            case 10: return NODES.textNode(new String[] {"垫江县", "火星县", "2026", "final", "preliminary", "万吨", "%", "μg/m³",
                    "2026-02-30", "2026-13", "9999-12-31", "grain_capacity", "pm25_concentration", "gdp", "NaN", "Infinity",
                    "-0", "1e999999999", "river", "lake"}[r.nextInt(20)]);
            case 11: return NODES.numberNode(java.math.BigDecimal.valueOf(-r.nextInt(1_000_000)));
            case 12: return NODES.numberNode(new java.math.BigInteger("9223372036854775808").multiply(java.math.BigInteger.valueOf(r.nextInt(1000) + 1)));
            case 13: return NODES.numberNode(2026 + r.nextInt(200) - 100);
            case 14: return NODES.arrayNode();
            default: return NODES.objectNode();
        }
    }

    static String randomString(Random r, int n) {
        StringBuilder b = new StringBuilder();
        String[] odd = {"\u0000", "\uFEFF", "\u202E", "😀", "垫", "\\", "\"", "\n", "\t", "%", "{", "}", "/", "~", "é", "\u00A0"};
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) {
                b.append(odd[r.nextInt(odd.length)]);
            } else {
                b.append((char) ('a' + r.nextInt(26)));
            }
        }
        return b.toString();
    }

    private static String doubleKey(String json, Random r) {
        int i = json.indexOf("\"year\"");
        return i < 0 ? json : json.substring(0, i) + "\"year\":" + (2000 + r.nextInt(40)) + "," + json.substring(i);
    }

    private static byte[] mutateBytes(byte[] b, Random r, StringBuilder how) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(6)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] = (byte) r.nextInt(256);
                how.append(" flip@").append(at);
                return c;
            }
            case 1 -> {
                int n = 1 + r.nextInt(8);
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at);
                for (int i = 0; i < n; i++) {
                    c[at + i] = (byte) r.nextInt(256);
                }
                System.arraycopy(b, at, c, at + n, b.length - at);
                how.append(" insert@").append(at);
                return c;
            }
            case 2 -> {
                int n = Math.min(b.length - at, 1 + r.nextInt(64));
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                how.append(" cut@").append(at);
                return c;
            }
            case 3 -> {
                how.append(" truncate@").append(at);
                return java.util.Arrays.copyOf(b, at);
            }
            case 4 -> {
                int n = Math.min(b.length - at, 1 + r.nextInt(200));
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at + n);
                System.arraycopy(b, at, c, at + n, b.length - at);
                how.append(" repeat@").append(at);
                return c;
            }
            default -> {
                byte[] c = b.clone();
                c[at] = (byte) (0x80 | r.nextInt(64)); // a continuation byte where a character starts
                how.append(" bad-utf8@").append(at);
                return c;
            }
        }
    }

    /**
     * What the command line answered.
     *
     * @param exit   the exit status, or -1 when it gave no answer in time
     * @param out    stdout
     * @param err    stderr
     * @param millis how long it took
     */
    record Answer(int exit, String out, String err, long millis, boolean reportWritten) {}

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-run");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code check --lang en} on the input, in this JVM, with a time limit. */
    static Answer check(Input in, Path outDir, long seconds) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--lang", "en", "--time-limit", "30", "--out", outDir.toString()));
        in.files().forEach(f -> args.add(f.toString()));
        long t0 = System.nanoTime();
        Future<HostileCorpusTest.Run> f = RUNNER.submit(() -> HostileCorpusTest.inProcess(args));
        try {
            HostileCorpusTest.Run r = f.get(seconds, TimeUnit.SECONDS);
            return new Answer(r.exit(), r.out(), r.err(), (System.nanoTime() - t0) / 1_000_000,
                    Files.exists(outDir.resolve("report.json")));
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Answer(-1, "", "", (System.nanoTime() - t0) / 1_000_000, false);
        }
    }

    /** @return what is wrong with an answer under the contract, or null when it is a clean exit */
    static String broken(Answer a, Input in) {
        if (a.exit() == -1) {
            return "no answer in time (a hang)";
        }
        if (a.exit() < 0 || a.exit() > 2) {
            return "exit " + a.exit() + " (0, 1 or 2 expected for an input; 3 is plancheck's own failure)";
        }
        if (a.err().contains("\tat ") || a.out().contains("\tat ") || a.err().contains("Exception:")) {
            return "a stack trace or an exception's text";
        }
        if (a.err().length() > stderrBound(in.bytes())) {
            return "stderr of " + a.err().length() + " chars for " + in.bytes() + " bytes of input";
        }
        if (a.exit() == 2 && a.reportWritten()) {
            return "a report written on exit 2";
        }
        if (a.exit() < 2 && !a.reportWritten()) {
            return "exit " + a.exit() + " without a report";
        }
        return null;
    }

    /** @return the outcome's class for the figures: the exit status and, for 2, the kind of the first problem */
    static String outcomeClass(Answer a) {
        if (a.exit() != 2) {
            return "exit " + a.exit();
        }
        String[] lines = a.err().split("\n");
        String first = lines.length > 1 ? lines[1] : lines[0];
        int colon = first.indexOf(": ");
        String msg = first;
        // after "file:line:col: " and a pointer "/…: "
        while (colon >= 0 && (msg.startsWith(" ") || fileBefore(msg, colon) || msg.startsWith("/")
                || msg.substring(0, colon).matches("(.+!)?[A-Z]{1,3}[0-9]+"))) { // a pointer, or a sheet!cell
            msg = msg.substring(colon + 2);
            colon = msg.indexOf(": ");
            if (!msg.startsWith("/") && !(colon >= 0 && msg.substring(0, colon).matches("(.+!)?[A-Z]{1,3}[0-9]+"))) {
                break;
            }
        }
        msg = msg.replaceAll("\"[^\"]*\"", "…").replaceAll("[0-9]+", "N").replaceAll("\\(.*", "").trim();
        return "exit 2: " + (msg.length() > 70 ? msg.substring(0, 70) : msg);
    }

    private static boolean fileBefore(String msg, int colon) {
        for (String ext : List.of(".json", ".csv", ".xlsx")) {
            int i = msg.indexOf(ext);
            if (i >= 0 && i < colon) {
                return true;
            }
        }
        return false;
    }

    /** @return the outcome's family: a clean exit's status, or for 2 the kind of problem in a few words */
    static String family(Answer a) {
        String c = outcomeClass(a);
        if (!c.startsWith("exit 2: ")) {
            return c.equals("exit 0") ? "exit 0: checked, no VIOLATION" : c.equals("exit 1") ? "exit 1: checked, a VIOLATION" : c;
        }
        String m = c.substring("exit 2: ".length());
        String f;
        if (m.startsWith("not UTF")) f = "not UTF-8 text";
        else if (m.contains("nesting depth") || m.contains("exceeds the maximum")) f = "beyond a parser limit (nesting, length)";
        else if (m.startsWith("not valid JSON") || m.startsWith("empty file")) f = "malformed JSON";
        else if (m.contains("appears twice")) f = "a key twice in one object";
        else if (m.startsWith("missing")) f = "a required field missing";
        else if (m.startsWith("unknown key")) f = "an unknown key";
        else if (m.startsWith("unknown indicator id")) f = "an unknown indicator id";
        else if (m.startsWith("number out of range") || m.startsWith("expected a whole number")) f = "a number out of range";
        else if (m.contains("not covered by any plan")) f = "a region no plan covers";
        else if (m.startsWith("expected")) f = "a value of the wrong type or form";
        else f = "other: " + m;
        return "exit 2: " + f;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
