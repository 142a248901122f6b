package plancheck.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import plancheck.load.Versions;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Writes {@code report.json} in format {@code plancheck-report/1} (contract §3), byte for byte the same
 * for the same inputs and rules: fields in a fixed order, findings sorted, numbers in plain notation,
 * no clock time, no absolute path, LF line ends.
 *
 * <p>Beyond the contract's fields (compatible extensions): {@code tool} (plancheck and Drools
 * versions), {@code region}, {@code inputs[].submitter} (who filed the input, as it says), {@code rules.dir} (the rules folder, relative), {@code rules.fired} (rule →
 * times fired), and per finding {@code kind} (the rule's @kind), {@code details} (margin, baseline,
 * parameters used, years averaged, the observations used with their input pointers, the derivation of a
 * derived value …), {@code dataProblem} (true on a WARNING about the data, {@link Triage}), {@code ruleMeta} (the rule's name and metadata) and {@code explanation} (the chain
 * that led to the verdict, see {@link Explanation}). docs/audit.md describes every field.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The format string of report.json. */
    public static final String FORMAT = "plancheck-report/1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** @return the report as UTF-8 JSON text ending in a newline. */
    public static byte[] render(Report r) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(1 << 16);
        write(r, b);
        return b.toByteArray();
    }

    /**
     * @param out where the bytes go (not closed)
     * @return a generator writing plain numbers with report.json's indentation (two spaces, LF)
     */
    public static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
        JsonGenerator g = JSON.getFactory().createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
        g.setCodec(JSON);
        g.setPrettyPrinter(pp);
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /**
     * Writes the report as a stream: one finding at a time is turned into its JSON form and written, so
     * that memory does not grow with the size of the file.
     *
     * @param r   the report
     * @param out where the UTF-8 JSON text goes, ending in a newline (not closed)
     * @throws IOException when it cannot be written
     */
    public static void write(Report r, java.io.OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("plan");
            g.writeStringField("id", r.planId());
            g.writeNumberField("baseYear", r.baseYear());
            g.writeNumberField("targetYear", r.targetYear());
            g.writeStringField("dir", r.planDir());
            g.writeEndObject();
            g.writeStringField("region", r.region());
            g.writeObjectFieldStart("tool");
            g.writeStringField("plancheck", Versions.plancheck());
            g.writeStringField("drools", Versions.drools());
            g.writeEndObject();
            g.writeArrayFieldStart("inputs");
            for (Map.Entry<String, String> e : r.inputs().entrySet()) {
                g.writeStartObject();
                g.writeStringField("path", e.getKey());
                g.writeStringField("sha256", e.getValue());
                if (r.submitters().containsKey(e.getKey())) {
                    g.writeStringField("submitter", r.submitters().get(e.getKey())); // who filed it, as the file says
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("rules");
            g.writeStringField("sha256", r.rulesSha());
            g.writeStringField("dir", r.rulesDir());
            g.writeArrayFieldStart("files");
            for (Map.Entry<String, String> e : r.ruleFiles().entrySet()) {
                pair(g, "path", e.getKey(), "sha256", e.getValue());
            }
            g.writeEndArray();
            g.writeFieldName("fired");
            value(g, r.firings());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            Map<Status, Integer> counts = r.summary();
            for (Status s : Report.SUMMARY_ORDER) {
                g.writeNumberField(s.name(), counts.get(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                value(g, finding(f, r.baseYear(), r.targetYear(), Form.WRITTEN));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void pair(JsonGenerator g, String k1, String v1, String k2, String v2) throws IOException {
        g.writeStartObject();
        g.writeStringField(k1, v1);
        g.writeStringField(k2, v2);
        g.writeEndObject();
    }

    /**
     * The JSON form of one finding (also used by report.html).
     *
     * @param f          the finding
     * @param baseYear   the plan's base year
     * @param targetYear the plan's target year
     * @return its fields in report order
     */
    public static Map<String, Object> finding(Finding f, int baseYear, int targetYear) {
        return finding(f, baseYear, targetYear, Form.MAPS);
    }

    /** How {@link #finding(Finding, int, int, Form)} gives a finding's own evidence. */
    enum Form {
        /** as a list of {input, pointer} maps */
        MAPS,
        /** as the evidence itself, for {@link #value} to write (the same JSON, without a map per record) */
        WRITTEN,
        /** left out: for a reader of the explanation only (report.html's cells) */
        WITHOUT
    }

    /** A finding's evidence, written by {@link #value} as {@link Evidence#asMaps} would give it. */
    private record Written(List<Evidence> evidence) {}

    static Map<String, Object> finding(Finding f, int baseYear, int targetYear, Form form) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("indicator", f.indicator());
        m.put("year", f.year());
        m.put("subject", f.subject());
        m.put("status", f.status().name());
        m.put("binding", f.binding());
        m.put("actual", num(f.actual()));
        m.put("expected", num(f.expected()));
        m.put("target", num(f.target()));
        m.put("comparator", f.comparator());
        m.put("unit", f.unit());
        m.put("source", f.source());
        if (form == Form.MAPS) {
            m.put("evidence", Evidence.asMaps(f.evidence()));
        } else if (form == Form.WRITTEN) {
            m.put("evidence", new Written(f.evidence()));
        }
        m.put("message", entry("zh", f.message().zh(), "en", f.message().en()));
        m.put("kind", f.kind());
        if (Triage.dataProblem(f)) {
            m.put("dataProblem", true); // a data problem (docs/contract.md §3), not a target behind
        }
        Map<String, Object> d = new LinkedHashMap<>();
        f.details().forEach((k, v) -> {
            if (!k.equals("ruleMeta")) {
                d.put(k, v instanceof BigDecimal b ? num(b) : v);
            }
        });
        m.put("details", d);
        Object meta = f.details().get("ruleMeta");
        if (meta == null) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", f.rule());
            mm.put("kind", f.kind());
            meta = mm;
        }
        m.put("ruleMeta", meta);
        m.put("explanation", Explanation.of(f, baseYear, targetYear));
        return m;
    }

    /**
     * Writes a value as the report's ObjectMapper would (the same bytes), without its serializer lookups
     * for the maps, lists, strings and numbers that make up a finding; anything else goes to the mapper.
     */
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> map && stringKeys(map)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof java.util.Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Written w) {
            g.writeStartArray();
            for (Evidence e : w.evidence()) {
                g.writeStartObject();
                g.writeStringField("input", e.input());
                g.writeStringField("pointer", e.pointer());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else {
            g.writeObject(v);
        }
    }

    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal num(BigDecimal b) {
        if (b == null) {
            return null;
        }
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Map<String, Object> entry(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
