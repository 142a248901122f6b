package plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.engine.RuleDefectException;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.PlanFolders;
import plancheck.report.ExplainText;
import plancheck.report.JsonReport;
import plancheck.report.ReportFile;
import plancheck.load.Versions;

/**
 * {@code plancheck verify [REPORT] [--rules DIR]}: re-checks a report. It re-runs the check with the
 * inputs the report names (paths relative to the working folder, as recorded) and the rules folder it
 * records, renders report.json in memory, and compares it byte for byte with the report. When they
 * differ it says why: the tool's version, an input whose SHA-256 changed (or that is missing), a rules
 * file changed, added or removed, and which findings changed (status, value, expected value, rule).
 * Nothing is written.
 *
 * <p>Exit status: 0 identical; 1 different (the reasons are printed); 2 cannot verify (no such report,
 * not a plancheck report, an input missing, the rules folder missing).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-run a report with its recorded inputs and rules and say whether the result is identical.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPORT", defaultValue = "reports/report.json",
            description = "a report.json (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "rules folder (default: the one the report records, else rules)")
    Path rules;

    @Option(names = "--plan", paramLabel = "DIR",
            description = "plan folder (default: the one the report records, else the plan beside the rules folder)")
    Path plan;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language of messages (default: ${DEFAULT-VALUE})")
    String lang;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (RuntimeException e) {
            // a report.json edited by hand or by another tool: say so, never a stack trace
            System.err.println("plancheck verify: " + Msg.get(lang, "verify.not-a-report", "file", report, "why", e));
            return Main.EXIT_INPUT;
        }
    }

    private Integer run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFile r;
        byte[] recordedBytes;
        try {
            r = ReportFile.read(report);
            recordedBytes = Files.readAllBytes(report);
        } catch (IOException e) {
            err.println("plancheck verify: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        Path rulesDir = rules != null ? rules : Path.of(r.rulesDir() == null ? "rules" : r.rulesDir());
        if (!Files.isDirectory(rulesDir)) {
            err.println("plancheck verify: " + Msg.get(lang, "verify.rules-folder", "dir", rulesDir));
            return Main.EXIT_INPUT;
        }

        Path planDir;
        try {
            planDir = plan != null ? plan : r.planDir() != null ? Path.of(r.planDir()) : PlanFolders.planFor(rulesDir, null);
        } catch (InputException | IOException e) {
            err.println("plancheck verify: " + (e instanceof InputException ie ? ie.problems().get(0).format(lang) : e.getMessage()));
            return Main.EXIT_INPUT;
        }
        if (!Files.isDirectory(planDir)) {
            err.println("plancheck verify: " + Msg.get(lang, "verify.plan-folder", "dir", planDir));
            return Main.EXIT_INPUT;
        }

        List<String> reasons = new ArrayList<>();
        // 1. The tool.
        Object pv = r.tool().get("plancheck");
        Object dv = r.tool().get("drools");
        if (!Objects.equals(pv, Versions.plancheck())) {
            reasons.add(Msg.get(lang, "verify.tool-plancheck", "then", pv, "now", Versions.plancheck()));
        }
        if (!Objects.equals(dv, Versions.drools())) {
            reasons.add(Msg.get(lang, "verify.tool-drools", "then", dv, "now", Versions.drools()));
        }
        // 2. The inputs.
        List<String> missing = new ArrayList<>();
        List<String> changedInputs = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, String> e : r.inputs().entrySet()) {
            Path p = Path.of(e.getKey());
            paths.add(p);
            if (!Files.isRegularFile(p)) {
                missing.add(e.getKey());
                continue;
            }
            try {
                String now = Paths2.sha256(p);
                if (!now.equals(e.getValue())) {
                    changedInputs.add(e.getKey());
                    reasons.add(Msg.get(lang, "verify.input-changed", "file", e.getKey(), "then", shortHash(e.getValue()),
                            "now", shortHash(now)));
                }
            } catch (IOException x) {
                missing.add(e.getKey());
            }
        }
        // 3. The rules.
        TreeMap<String, String> nowRules;
        try {
            nowRules = hashes(rulesDir);
            if (!planDir.toAbsolutePath().normalize().equals(rulesDir.toAbsolutePath().normalize())) {
                nowRules.putAll(hashes(planDir));
            }
        } catch (IOException e) {
            err.println("plancheck verify: " + Msg.get(lang, "verify.cannot-read", "file", rulesDir, "why", e.getMessage()));
            return Main.EXIT_INPUT;
        }
        TreeMap<String, String> thenRules = r.ruleFiles();
        for (String f : new TreeSet<>(union(thenRules.keySet(), nowRules.keySet()))) {
            String a = thenRules.get(f);
            String b = nowRules.get(f);
            if (a == null) {
                reasons.add(Msg.get(lang, "verify.rule-added", "file", f));
            } else if (b == null) {
                reasons.add(Msg.get(lang, "verify.rule-removed", "file", f));
            } else if (!a.equals(b)) {
                reasons.add(Msg.get(lang, "verify.rule-changed", "file", f, "then", shortHash(a), "now", shortHash(b)));
            }
        }
        if (!missing.isEmpty()) {
            out.println("plancheck verify " + report + ": " + Msg.get(lang, "verify.missing", "files", String.join(", ", missing)));
            reasons.forEach(x -> out.println("  " + x));
            out.flush();
            return Main.EXIT_INPUT;
        }

        // 4. Re-run and compare.
        byte[] again;
        Map<String, Object> againRoot;
        try {
            plancheck.app.Checked c = plancheck.app.Workspace.open(rulesDir, planDir).check(paths);
            again = JsonReport.render(c.report());
            Path tmp = Files.createTempFile("plancheck-verify", ".json");
            try {
                Files.write(tmp, again);
                againRoot = ReportFile.read(tmp).root();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (InputException e) {
            out.println("plancheck verify " + report + ": " + Msg.get(lang, "verify.rejects"));
            for (InputProblem p : e.problems()) {
                out.println("    " + p.format(lang));
            }
            reasons.forEach(x -> out.println("  " + x));
            out.flush();
            return 1;
        } catch (RuleDefectException e) {
            out.println("plancheck verify " + report + ": " + Msg.get(lang, "verify.misbehave"));
            e.defects().forEach(d -> out.println("    " + d));
            reasons.forEach(x -> out.println("  " + x));
            out.flush();
            return 1;
        } catch (IOException e) {
            err.println("plancheck verify: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        if (Arrays.equals(recordedBytes, again)) {
            out.println("plancheck verify " + report + ": " + Msg.get(lang, "verify.identical", "inputs", r.inputs().size(),
                    "files", thenRules.size(), "plancheck", Versions.plancheck(), "drools", Versions.drools(),
                    "findings", r.findings().size()));
            out.flush();
            return 0;
        }
        out.println("plancheck verify " + report + ": " + Msg.get(lang, "verify.different"));
        if (!reasons.isEmpty()) {
            out.println("  " + Msg.get(lang, "verify.what-changed"));
            reasons.forEach(x -> out.println("    " + x));
        }
        List<String> changes = findingChanges(r.findings(), findings(againRoot), changedInputs, lang);
        if (!changes.isEmpty()) {
            out.println("  " + Msg.get(lang, "verify.findings-changed", "count", changes.size()));
            changes.forEach(x -> out.println("    " + x));
        }
        if (reasons.isEmpty() && changes.isEmpty()) {
            out.println("  " + Msg.get(lang, "verify.edited", "where", firstDifference(recordedBytes, again)));
        }
        out.flush();
        return 1;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> root) {
        return (List<Map<String, Object>>) root.getOrDefault("findings", List.of());
    }

    /** Findings keyed by year, indicator, subject: what differs, and which changed input each rests on. */
    @SuppressWarnings("unchecked")
    static List<String> findingChanges(List<Map<String, Object>> then, List<Map<String, Object>> now,
                                       List<String> changedInputs, String lang) {
        Map<String, Map<String, Object>> a = byKey(then);
        Map<String, Map<String, Object>> b = byKey(now);
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            Map<String, Object> x = a.get(k);
            Map<String, Object> y = b.get(k);
            if (x == null) {
                out.add(k + ": " + Msg.get(lang, "verify.new-finding", "status", y.get("status"), "rule", y.get("rule")));
                continue;
            }
            if (y == null) {
                out.add(k + ": " + Msg.get(lang, "verify.finding-gone", "status", x.get("status"), "rule", x.get("rule")));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            for (String field : List.of("status", "actual", "expected", "target", "rule", "binding", "comparator", "unit",
                    "source")) {
                Object u = x.get(field);
                Object v = y.get(field);
                if (!same(u, v)) {
                    diffs.add(field + " " + show(u) + " → " + show(v));
                }
            }
            if (diffs.isEmpty() && !Objects.equals(x.get("message"), y.get("message"))) {
                diffs.add("message \"" + ((Map<String, Object>) x.get("message")).get("zh") + "\" → \""
                        + ((Map<String, Object>) y.get("message")).get("zh") + "\"");
            }
            if (diffs.isEmpty() && !Objects.equals(x, y)) {
                diffs.add(Msg.get(lang, "verify.details-differ"));
            }
            if (!diffs.isEmpty()) {
                List<String> via = new ArrayList<>();
                for (Object e : (List<Object>) y.getOrDefault("evidence", List.of())) {
                    Map<String, Object> ev = (Map<String, Object>) e;
                    if (changedInputs.contains(String.valueOf(ev.get("input")))) {
                        via.add(ev.get("input") + "#" + ev.get("pointer"));
                    }
                }
                out.add(k + ": " + String.join("; ", diffs)
                        + (via.isEmpty() ? "" : Msg.get(lang, "verify.changed-input", "inputs", String.join(", ", via))));
            }
        }
        return out;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> fs) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> f : fs) {
            m.put(f.get("year") + " " + f.get("indicator") + " (" + f.get("subject") + ")", f);
        }
        return m;
    }

    private static boolean same(Object u, Object v) {
        if (u instanceof Number && v instanceof Number) {
            return new java.math.BigDecimal(u.toString()).compareTo(new java.math.BigDecimal(v.toString())) == 0;
        }
        return Objects.equals(u, v);
    }

    private static String show(Object o) {
        return o instanceof Number ? ExplainText.num(o) : String.valueOf(o);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> s = new java.util.LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** The same hashes the rules loader records: every file under the folder except hidden ones. */
    static TreeMap<String, String> hashes(Path dir) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                m.put(Paths2.display(p), Paths2.sha256(p));
            }
        }
        return m;
    }

    private static String shortHash(String h) {
        return h == null ? "—" : h.substring(0, Math.min(12, h.length()));
    }

    private static String firstDifference(byte[] a, byte[] b) {
        String x = new String(a, StandardCharsets.UTF_8);
        String y = new String(b, StandardCharsets.UTF_8);
        int i = plancheck.analyst.Examples.firstDifferentLine(x, y);
        if (i < 0) {
            return "(none)";
        }
        return "line " + (i + 1) + ": report has " + plancheck.analyst.Examples.line(x, i).trim() + ", the re-run "
                + plancheck.analyst.Examples.line(y, i).trim();
    }
}
