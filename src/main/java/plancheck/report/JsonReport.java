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
 * versions), {@code region}, {@code rules.dir} (the rules folder, relative), {@code rules.fired} (rule →
 * times fired), and per finding {@code kind} (the rule's @kind), {@code details} (margin, baseline,
 * parameters used, years averaged, the observations used with their input pointers, the derivation of a
 * derived value …), {@code ruleMeta} (the rule's name and metadata) and {@code explanation} (the chain
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", r.planId());
        plan.put("baseYear", r.baseYear());
        plan.put("targetYear", r.targetYear());
        plan.put("dir", r.planDir());
        root.put("plan", plan);
        root.put("region", r.region());
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("plancheck", Versions.plancheck());
        tool.put("drools", Versions.drools());
        root.put("tool", tool);
        List<Object> inputs = new ArrayList<>();
        r.inputs().forEach((p, h) -> inputs.add(entry("path", p, "sha256", h)));
        root.put("inputs", inputs);
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("sha256", r.rulesSha());
        rules.put("dir", r.rulesDir());
        List<Object> files = new ArrayList<>();
        r.ruleFiles().forEach((p, h) -> files.add(entry("path", p, "sha256", h)));
        rules.put("files", files);
        rules.put("fired", r.firings());
        root.put("rules", rules);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<Status, Integer> counts = r.summary();
        for (Status s : Report.SUMMARY_ORDER) {
            summary.put(s.name(), counts.get(s));
        }
        root.put("summary", summary);
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(finding(f, r.baseYear(), r.targetYear()));
        }
        root.put("findings", findings);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer(pp).writeValueAsString(root) + "\n";
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
        m.put("evidence", Evidence.asMaps(f.evidence()));
        m.put("message", entry("zh", f.message().zh(), "en", f.message().en()));
        m.put("kind", f.kind());
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
