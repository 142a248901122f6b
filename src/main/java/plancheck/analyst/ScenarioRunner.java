package plancheck.analyst;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import plancheck.app.Pipeline;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.Parameter;
import plancheck.model.Status;

/**
 * Runs the scenarios kept beside the rules ({@code rules/scenarios/**}/*.yaml, format in
 * docs/scenarios.md): for each, writes its submissions to a temporary folder, checks them with the
 * rules (parameters and catalogue entries overridden as the scenario says), and compares the findings
 * with what it expects — by indicator, year, subject (default: the region) and optionally rule — status,
 * numbers (exactly, BigDecimal), message text, details, exit status.
 *
 * <p>It fails, besides on a failed expectation: a scenario that expects nothing (a test that cannot
 * fail), a malformed or unknown key (a typo must not silently skip a check), two scenarios with one
 * name, no scenario at all, and — coverage — any rule of any {@code *.drl} under the rules folder that
 * fired in no scenario.
 */
public final class ScenarioRunner {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> TOP = Set.of("name", "clause", "given", "parameters", "targets", "expect",
            "exitStatus", "errorContains", "note");
    private static final Set<String> GIVEN = Set.of("file", "submission", "note");
    private static final Set<String> EXPECT = Set.of("indicator", "year", "subject", "rule", "status", "actual",
            "expected", "target", "messageContains", "details", "binding", "kind", "note");

    /**
     * One scenario's outcome.
     *
     * @param file     the scenario file (display path)
     * @param line     the line where the scenario starts
     * @param name     its name (or the file name when it has none)
     * @param ok       true when every expectation held
     * @param messages why not (expected and actual side by side), empty when ok
     * @param expectations how many expectations it checked
     */
    public record Outcome(String file, int line, String name, boolean ok, List<String> messages, int expectations) {}

    /**
     * Everything a run found.
     *
     * @param outcomes  per scenario, in file order
     * @param firings   rule name → times fired over all scenarios
     * @param rules     every rule of every DRL file under the folder
     * @param uncovered the rules that fired in no scenario
     * @param problems  problems that stopped the run (rules that do not load or compile), empty otherwise
     */
    public record Result(List<Outcome> outcomes, SortedMap<String, Long> firings, List<DrlRules.Rule> rules,
                         List<DrlRules.Rule> uncovered, List<InputProblem> problems) {
        /** @return true when the rules load, there is at least one scenario, all pass and every rule fired. */
        public boolean ok() {
            return problems.isEmpty() && !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::ok) && uncovered.isEmpty();
        }
    }

    private final Path rulesDir;
    private final Path planDir;
    private final RuleSet rules;
    private final RuleEngine engine;
    private final Map<String, RuleEngine> variants = new HashMap<>();

    private ScenarioRunner(Path rulesDir, Path planDir, RuleSet rules, RuleEngine engine) {
        this.rulesDir = rulesDir;
        this.planDir = planDir;
        this.rules = rules;
        this.engine = engine;
    }

    /** @return every {@code *.yaml}/{@code *.yml} under {@code DIR/scenarios}, sorted. */
    public static List<Path> scenarioFiles(Path rulesDir) throws IOException {
        Path d = rulesDir.resolve("scenarios");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /**
     * Runs scenario files against a rules folder.
     *
     * @param rulesDir the rules folder
     * @param files    scenario files (usually {@link #scenarioFiles})
     * @return outcomes, firings and coverage
     * @throws IOException when files cannot be read or written
     */
    public static Result run(Path rulesDir, List<Path> files) throws IOException {
        try {
            return run(rulesDir, plancheck.load.PlanFolders.planFor(rulesDir, null), files);
        } catch (InputException e) {
            return new Result(List.of(), new TreeMap<>(), DrlRules.parse(rulesDir).rules(), List.of(), e.problems());
        }
    }

    /**
     * Runs scenario files against a rules folder and the plan whose data the scenarios use.
     *
     * @param rulesDir the rules folder
     * @param planDir  the plan folder
     * @param files    scenario files (usually {@link #scenarioFiles})
     * @return outcomes, firings and coverage
     * @throws IOException when files cannot be read or written
     */
    public static Result run(Path rulesDir, Path planDir, List<Path> files) throws IOException {
        DrlRules.Parsed drl = DrlRules.parse(rulesDir);
        RuleSet rs;
        RuleEngine eng;
        try {
            rs = RulesLoader.load(rulesDir, planDir);
            eng = RuleEngine.compile(rs);
        } catch (InputException e) {
            return new Result(List.of(), new TreeMap<>(), drl.rules(), List.of(), e.problems());
        }
        ScenarioRunner runner = new ScenarioRunner(rulesDir, planDir, rs, eng);
        List<Outcome> outcomes = new ArrayList<>();
        SortedMap<String, Long> firings = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Path f : files) {
            runner.runFile(f, outcomes, firings, names);
        }
        List<DrlRules.Rule> uncovered = drl.rules().stream().filter(r -> !firings.containsKey(r.name())).toList();
        return new Result(outcomes, firings, drl.rules(), uncovered, List.of());
    }

    private void runFile(Path f, List<Outcome> outcomes, SortedMap<String, Long> firings, Map<String, String> names)
            throws IOException {
        String disp = Paths2.display(f);
        LocatedYaml y;
        try {
            y = LocatedYaml.parse(Files.readAllBytes(f));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            outcomes.add(new Outcome(disp, l == null ? 0 : l.getLineNr(), f.getFileName().toString(), false,
                    List.of(disp + ":" + (l == null ? 0 : l.getLineNr()) + ": not valid YAML: " + e.getOriginalMessage()), 0));
            return;
        }
        if (y.docs().isEmpty()) {
            outcomes.add(new Outcome(disp, 0, f.getFileName().toString(), false, List.of(disp + ": empty scenario file"), 0));
        }
        for (int d = 0; d < y.docs().size(); d++) {
            outcomes.add(runOne(disp, y, d, firings, names));
        }
    }

    private Outcome runOne(String file, LocatedYaml y, int d, SortedMap<String, Long> firings, Map<String, String> names)
            throws IOException {
        JsonNode s = y.docs().get(d);
        int line = y.at(d, "")[0];
        List<String> errs = new ArrayList<>();
        String name = s.path("name").isTextual() ? s.path("name").asText() : file + " #" + (d + 1);
        if (!s.isObject()) {
            return new Outcome(file, line, name, false, List.of(file + ":" + line + ": expected a scenario (a mapping with "
                    + "name, given, expect)"), 0);
        }
        unknown(s, "", TOP, file, y, d, errs);
        if (!s.path("name").isTextual() || s.path("name").asText().isBlank()) {
            errs.add(at(file, y, d, "/name") + "missing name (required, unique)");
        } else {
            String prev = names.putIfAbsent(name, file + ":" + line);
            if (prev != null) {
                errs.add(at(file, y, d, "/name") + "the name \"" + name + "\" is already used by the scenario at " + prev);
            }
        }
        JsonNode given = s.path("given");
        if (!given.isArray() || given.isEmpty()) {
            errs.add(at(file, y, d, "/given") + "expected given: a list of one or more submissions");
        }
        JsonNode expect = s.path("expect");
        if (!expect.isMissingNode() && !expect.isNull() && !expect.isArray()) {
            errs.add(at(file, y, d, "/expect") + "expected expect: a list of findings");
        }
        Integer exitStatus = null;
        if (s.has("exitStatus")) {
            if (!s.path("exitStatus").canConvertToInt() || !List.of(0, 1, 2).contains(s.path("exitStatus").asInt())) {
                errs.add(at(file, y, d, "/exitStatus") + "expected exitStatus 0, 1 or 2");
            } else {
                exitStatus = s.path("exitStatus").asInt();
            }
        }
        String errorContains = s.path("errorContains").isTextual() ? s.path("errorContains").asText() : null;
        int nExpect = expect.isArray() ? expect.size() : 0;
        if (nExpect == 0 && errorContains == null) {
            errs.add(at(file, y, d, "") + "the scenario expects nothing, so it cannot fail: give expect (findings) or, "
                    + "for rejected input, exitStatus: 2 with errorContains");
        }
        for (int i = 0; i < nExpect; i++) {
            JsonNode e = expect.get(i);
            String p = "/expect/" + i;
            if (!e.isObject()) {
                errs.add(at(file, y, d, p) + "expected a mapping (indicator, year, status …)");
                continue;
            }
            unknown(e, p, EXPECT, file, y, d, errs);
            if (!e.path("indicator").isTextual()) {
                errs.add(at(file, y, d, p) + "missing indicator");
            }
            if (!e.path("year").canConvertToInt()) {
                errs.add(at(file, y, d, p) + "missing year");
            }
            if (!e.path("status").isTextual()) {
                errs.add(at(file, y, d, p) + "missing status (one of " + List.of(Status.values()) + ")");
            } else {
                try {
                    Status.valueOf(e.path("status").asText());
                } catch (IllegalArgumentException x) {
                    errs.add(at(file, y, d, p + "/status") + "unknown status " + e.path("status").asText() + " (one of "
                            + List.of(Status.values()) + ")");
                }
            }
        }
        if (!errs.isEmpty()) {
            return new Outcome(file, line, name, false, errs, nExpect);
        }

        // Run it.
        RuleEngine eng;
        try {
            eng = engineFor(s, file, y, d, errs);
        } catch (InputException e) {
            List<String> m = new ArrayList<>();
            m.add(at(file, y, d, "") + "the rules with this scenario's parameters/targets do not load:");
            e.problems().forEach(p -> m.add("    " + p));
            return new Outcome(file, line, name, false, m, nExpect);
        }
        if (!errs.isEmpty()) {
            return new Outcome(file, line, name, false, errs, nExpect);
        }
        Path tmp = Files.createTempDirectory("plancheck-scenario");
        try {
            List<Path> paths = new ArrayList<>();
            String region = null;
            for (int i = 0; i < given.size(); i++) {
                JsonNode g = given.get(i);
                unknown(g, "/given/" + i, GIVEN, file, y, d, errs);
                JsonNode sub = g.path("submission");
                if (!sub.isObject()) {
                    errs.add(at(file, y, d, "/given/" + i) + "expected submission: a submission (contract §2)");
                    continue;
                }
                ObjectNode o = ((ObjectNode) sub).deepCopy();
                if (!o.has("format")) {
                    o.put("format", "plancheck-facts/1");
                }
                if (region == null && o.path("region").isTextual()) {
                    region = o.path("region").asText();
                }
                String fn = g.path("file").isTextual() ? g.path("file").asText() : "given-" + (i + 1) + ".json";
                if (!fn.endsWith(".json")) {
                    fn += ".json";
                }
                Path target = tmp.resolve(fn).normalize();
                if (!target.startsWith(tmp) || paths.contains(target)) {
                    errs.add(at(file, y, d, "/given/" + i + "/file") + "file names must be distinct and inside the scenario");
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8));
                paths.add(target);
            }
            if (!errs.isEmpty()) {
                return new Outcome(file, line, name, false, errs, nExpect);
            }
            Run run = check(eng, paths);
            run.firings().forEach((k, v) -> firings.merge(k, v, Long::sum));
            int exit = run.exit();
            String errorText = run.errorText();
            List<Finding> findings = run.findings();
            List<String> fails = new ArrayList<>();
            if (exitStatus != null && exitStatus != exit) {
                fails.add(at(file, y, d, "/exitStatus") + "exit status: expected " + exitStatus + ", actual " + exit
                        + (exit == 2 ? "; the run stopped with:\n    " + errorText.strip().replace("\n", "\n    ") : ""));
            } else if (exit == 2 && nExpect > 0) {
                fails.add(at(file, y, d, "") + "the run stopped (exit 2), so no finding can match:\n    "
                        + errorText.strip().replace("\n", "\n    "));
            }
            if (errorContains != null && !errorText.contains(errorContains)) {
                fails.add(at(file, y, d, "/errorContains") + "errors: expected a problem containing \"" + errorContains
                        + "\", actual: " + (errorText.isBlank() ? "none (exit " + exit + ")" : "\n    " + errorText.strip().replace("\n", "\n    ")));
            }
            if (exit != 2) {
                for (int i = 0; i < nExpect; i++) {
                    compare(file, y, d, i, expect.get(i), findings, region, fails);
                }
            }
            List<String> unstated = unstatedDependencies(eng, s, paths, observed(expect, findings, region, exit, errorText), region);
            if (!unstated.isEmpty()) {
                fails.add(at(file, y, d, "/parameters") + "the outcome depends on the plan's parameter(s) " + unstated
                        + " (" + rules.planDir() + "/parameters.yaml), which the scenario does not state, so the city's value would "
                        + "change it: state each under parameters: — null to test the rules while it is unset, a number for a value, "
                        + "or plan when the scenario is about the plan's own value (docs/scenarios.md)");
            }
            return new Outcome(file, line, name, fails.isEmpty(), fails, nExpect);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * The plan's parameters (plans/&lt;plan&gt;/parameters.yaml: the values the city assigns) that the
     * scenario does not state under {@code parameters:} and on which its outcome depends: the scenario is
     * run again with all of them flipped (unset ↔ set), and, when the findings it expects, the exit status
     * or the problems differ, with each flipped alone to name the ones that matter.
     */
    private List<String> unstatedDependencies(RuleEngine eng, JsonNode s, List<Path> paths, String seen, String region) {
        Set<String> stated = new TreeSet<>();
        s.path("parameters").fieldNames().forEachRemaining(stated::add);
        List<String> free = new ArrayList<>();
        for (Parameter p : eng.rules().parameters().values()) {
            if (isPlanParameter(p) && !stated.contains(p.id())) {
                free.add(p.id());
            }
        }
        if (free.isEmpty() || !differs(eng, free, s, paths, seen, region)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : free) {
            if (differs(eng, List.of(id), s, paths, seen, region)) {
                out.add(id);
            }
        }
        return out.isEmpty() ? free : out;
    }

    private boolean isPlanParameter(Parameter p) {
        String plan = rules.planDir();
        return p.file() != null && (p.file().equals(plan + "/parameters.yaml") || p.file().startsWith(plan + "/parameters/"));
    }

    /** Runs the scenario with the parameters flipped: a set value unset, an unset one set to 1. */
    private boolean differs(RuleEngine eng, List<String> flip, JsonNode s, List<Path> paths, String seen, String region) {
        SortedMap<String, Parameter> ps = new TreeMap<>(eng.rules().parameters());
        for (String id : flip) {
            Parameter p = ps.get(id);
            ps.put(id, new Parameter(p.id(), p.value() == null ? BigDecimal.ONE : null, p.unit(), p.source(), p.file()));
        }
        Run r;
        try {
            r = check(eng.withData(withParameters(eng.rules(), ps)), paths);
        } catch (IOException e) {
            return true;
        }
        return !seen.equals(observed(s.path("expect"), r.findings(), region, r.exit(), r.errorText()));
    }

    /** One check of a scenario's submissions: exit status, the problems that stopped it, findings, firings. */
    private record Run(int exit, String errorText, List<Finding> findings, Map<String, Long> firings) {}

    private static Run check(RuleEngine eng, List<Path> paths) throws IOException {
        try {
            plancheck.app.Checked c = Pipeline.check(eng, paths);
            return new Run(c.report().hasViolation() ? 1 : 0, "", c.report().findings(), c.report().firings());
        } catch (InputException e) {
            StringBuilder b = new StringBuilder();
            e.problems().forEach(p -> b.append(p).append('\n'));
            return new Run(2, b.toString(), List.of(), Map.of());
        } catch (RuleDefectException e) {
            return new Run(2, "the rules misbehaved: " + String.join("\n", e.defects()), List.of(), Map.of());
        }
    }

    /** What a scenario can observe: the findings its expectations pick, the exit status and the problems. */
    private static String observed(JsonNode expect, List<Finding> findings, String region, int exit, String errorText) {
        StringBuilder b = new StringBuilder("exit ").append(exit).append('\n').append(errorText).append('\n');
        for (JsonNode e : expect) {
            String ind = e.path("indicator").asText();
            int year = e.path("year").asInt();
            String subject = e.path("subject").isTextual() ? e.path("subject").asText() : region;
            String rule = e.path("rule").isTextual() ? e.path("rule").asText() : null;
            findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year && f.subject().equals(subject)
                    && (rule == null || rule.equals(f.rule()))).forEach(f -> b.append(f).append('\n'));
        }
        return b.toString();
    }

    private static RuleSet withParameters(RuleSet base, SortedMap<String, Parameter> ps) {
        return new RuleSet(base.dir(), base.planDir(), base.planId(), base.regions(), base.baseYear(),
                base.targetYear(), base.targets(), ps, base.units(), base.messages(), base.drl(), base.files(), base.extra());
    }

    /** The engine for a scenario: the shared one, or one compiled with its parameters and targets. */
    private RuleEngine engineFor(JsonNode s, String file, LocatedYaml y, int d, List<String> errs)
            throws InputException, IOException {
        JsonNode params = s.path("parameters");
        JsonNode targets = s.path("targets");
        boolean hasParams = params.isObject() && !params.isEmpty();
        boolean hasTargets = targets.isArray() && !targets.isEmpty();
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            errs.add(at(file, y, d, "/parameters") + "expected parameters: a mapping id → value (or null)");
            return engine;
        }
        if (!targets.isMissingNode() && !targets.isNull() && !targets.isArray()) {
            errs.add(at(file, y, d, "/targets") + "expected targets: a list of catalogue entries (by id)");
            return engine;
        }
        if (!hasParams && !hasTargets) {
            return engine;
        }
        String key = params + "|" + targets;
        RuleEngine cached = variants.get(key);
        if (cached != null) {
            return cached;
        }
        RuleSet base = rules;
        Path copy = null;
        try {
            if (hasTargets) {
                copy = Files.createTempDirectory("plancheck-scenario-rules");
                copyRules(planDir, copy);
                overrideTargets(copy, targets, file, y, d, errs);
                if (!errs.isEmpty()) {
                    return engine;
                }
                base = RulesLoader.load(rulesDir, copy);
            }
            SortedMap<String, Parameter> ps = new TreeMap<>(base.parameters());
            Iterator<Map.Entry<String, JsonNode>> it = params.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Parameter old = ps.get(e.getKey());
                if (old == null) {
                    errs.add(at(file, y, d, "/parameters/" + e.getKey()) + "unknown parameter " + e.getKey()
                            + " (defined in " + rules.planDir() + "/parameters.yaml and " + rules.dir()
                            + "/parameters.yaml: " + ps.keySet() + ")");
                    continue;
                }
                JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().equals("plan")) {
                    continue; // the plan's own value: the scenario is about it
                }
                if (!v.isNull() && !v.isNumber()) {
                    errs.add(at(file, y, d, "/parameters/" + e.getKey()) + "expected a number, null (unset) or plan (the plan's own value)");
                    continue;
                }
                ps.put(old.id(), new Parameter(old.id(), v.isNull() ? null : v.decimalValue(), old.unit(), old.source(), file));
            }
            if (!errs.isEmpty()) {
                return engine;
            }
            RuleSet variant = withParameters(base, ps);
            RuleEngine e = sameDrl(variant) ? engine.withData(variant) : RuleEngine.compile(variant);
            variants.put(key, e);
            return e;
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    private boolean sameDrl(RuleSet other) {
        return new ArrayList<>(other.drl().values()).equals(new ArrayList<>(rules.drl().values()));
    }

    /** Merges each {id: …, field: …} into the catalogue entry with that id, or adds it as a new entry. */
    private static void overrideTargets(Path copy, JsonNode targets, String file, LocatedYaml y, int d, List<String> errs)
            throws IOException {
        Map<Path, JsonNode> docs = new TreeMap<>();
        Path cat = copy.resolve("catalogue");
        Files.createDirectories(cat);
        try (Stream<Path> s = Files.walk(cat)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                docs.put(p, YAML.readTree(p.toFile()));
            }
        }
        List<JsonNode> added = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            JsonNode t = targets.get(i);
            String id = t.path("id").asText(null);
            if (id == null) {
                errs.add(at(file, y, d, "/targets/" + i) + "each entry of targets needs an id");
                continue;
            }
            boolean found = false;
            for (JsonNode doc : docs.values()) {
                for (JsonNode e : doc.path("targets")) {
                    if (id.equals(e.path("id").asText())) {
                        ((ObjectNode) e).setAll((ObjectNode) t);
                        found = true;
                    }
                }
            }
            if (!found) {
                added.add(t);
            }
        }
        for (Map.Entry<Path, JsonNode> e : docs.entrySet()) {
            YAML.writeValue(e.getKey().toFile(), e.getValue());
        }
        if (!added.isEmpty()) {
            ObjectNode root = YAML.createObjectNode();
            root.putArray("targets").addAll(added);
            YAML.writeValue(cat.resolve("zz-scenario.yaml").toFile(), root);
        }
    }

    private static void compare(String file, LocatedYaml y, int d, int i, JsonNode e, List<Finding> findings,
                                String region, List<String> fails) {
        String p = "/expect/" + i;
        String ind = e.path("indicator").asText();
        int year = e.path("year").asInt();
        String subject = e.path("subject").isTextual() ? e.path("subject").asText() : region;
        String rule = e.path("rule").isTextual() ? e.path("rule").asText() : null;
        List<Finding> m = findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year
                && f.subject().equals(subject) && (rule == null || rule.equals(f.rule()))).toList();
        String head = at(file, y, d, p) + "expect[" + i + "] " + ind + " " + year + " (" + subject + ")"
                + (rule == null ? "" : " rule \"" + rule + "\"") + ": ";
        if (m.isEmpty()) {
            List<String> near = findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year)
                    .map(f -> f.status() + " by \"" + f.rule() + "\" (" + f.subject() + ")").toList();
            fails.add(head + "no finding matches; findings for " + ind + " in " + year + ": "
                    + (near.isEmpty() ? "none" : String.join("; ", near)));
            return;
        }
        if (m.size() > 1) {
            fails.add(head + m.size() + " findings match (give rule: or subject: to pick one): "
                    + m.stream().map(f -> f.status() + " by \"" + f.rule() + "\"").toList());
            return;
        }
        Finding f = m.get(0);
        List<String[]> rows = new ArrayList<>();
        boolean bad = false;
        bad |= row(rows, "status", e.path("status").asText(), f.status().name());
        if (rule != null || e.has("rule")) {
            bad |= row(rows, "rule", rule, f.rule());
        }
        for (String k : List.of("actual", "expected", "target")) {
            if (e.has(k)) {
                BigDecimal want = e.get(k).isNull() ? null : e.get(k).isNumber() ? e.get(k).decimalValue() : null;
                BigDecimal got = k.equals("actual") ? f.actual() : k.equals("expected") ? f.expected() : f.target();
                boolean same = want == null ? got == null : got != null && want.compareTo(got) == 0;
                if (!e.get(k).isNull() && !e.get(k).isNumber()) {
                    same = false;
                }
                rows.add(new String[] {k, e.get(k).isNull() ? "null" : e.get(k).asText(), got == null ? "null" : plain(got), same ? "" : "✗"});
                bad |= !same;
            }
        }
        if (e.has("binding")) {
            bad |= row(rows, "binding", e.get("binding").asText(), String.valueOf(f.binding()));
        }
        if (e.has("kind")) {
            bad |= row(rows, "kind", e.get("kind").asText(), String.valueOf(f.kind()));
        }
        if (e.has("messageContains")) {
            List<String> wants = new ArrayList<>();
            if (e.get("messageContains").isArray()) {
                e.get("messageContains").forEach(x -> wants.add(x.asText()));
            } else {
                wants.add(e.get("messageContains").asText());
            }
            for (String want : wants) {
                boolean ok = f.message().zh().contains(want) || f.message().en().contains(want);
                rows.add(new String[] {"message", "contains \"" + want + "\"", f.message().zh(), ok ? "" : "✗"});
                bad |= !ok;
            }
        }
        if (e.path("details").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = e.get("details").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> x = it.next();
                Object got = f.details().get(x.getKey());
                boolean ok = sameValue(x.getValue(), got);
                rows.add(new String[] {"details." + x.getKey(), x.getValue().toString(), got == null ? "absent" : show(got), ok ? "" : "✗"});
                bad |= !ok;
            }
        }
        if (bad) {
            StringBuilder b = new StringBuilder(head).append("does not match\n");
            int w = Math.max(10, rows.stream().mapToInt(r -> r[1].length()).max().orElse(10) + 2);
            b.append(String.format("      %-18s%-" + w + "s%s%n", "", "expected", "actual"));
            for (String[] r : rows) {
                b.append(String.format("      %-18s%-" + w + "s%s%s%n", r[0], r[1], r[2], r[3].isEmpty() ? "" : "   " + r[3]));
            }
            fails.add(b.toString().stripTrailing());
        }
    }

    private static boolean row(List<String[]> rows, String field, String want, String got) {
        boolean ok = java.util.Objects.equals(want, got);
        rows.add(new String[] {field, String.valueOf(want), String.valueOf(got), ok ? "" : "✗"});
        return !ok;
    }

    private static boolean sameValue(JsonNode want, Object got) {
        if (got == null) {
            return want.isNull();
        }
        if (want.isNumber() && got instanceof Number n) {
            return want.decimalValue().compareTo(new BigDecimal(n.toString())) == 0;
        }
        if (want.isArray() && got instanceof List<?> l) {
            if (want.size() != l.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!sameValue(want.get(i), l.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isObject() && got instanceof Map<?, ?> m) {
            // a nested object (e.g. details.projection): every key given must match; other keys are not checked
            java.util.Iterator<Map.Entry<String, JsonNode>> it = want.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sameValue(e.getValue(), m.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return want.isValueNode() && want.asText().equals(String.valueOf(got));
    }

    private static String show(Object o) {
        return o instanceof BigDecimal b ? plain(b) : String.valueOf(o);
    }

    private static String plain(BigDecimal b) {
        return plancheck.model.Numbers.plain(b);
    }

    private static void unknown(JsonNode n, String ptr, Set<String> allowed, String file, LocatedYaml y, int d, List<String> errs) {
        if (!n.isObject()) {
            return;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errs.add(at(file, y, d, ptr + "/" + k) + "unknown key \"" + k + "\" (expected one of " + new TreeSet<>(allowed) + ")");
            }
        });
    }

    private static String at(String file, LocatedYaml y, int d, String ptr) {
        return file + ":" + y.at(d, ptr)[0] + ": ";
    }

    private static void copyRules(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith("scenarios")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return the outcomes grouped for printing: file → outcomes, in order (used by the command). */
    public static Map<String, List<Outcome>> byFile(List<Outcome> outcomes) {
        Map<String, List<Outcome>> m = new LinkedHashMap<>();
        outcomes.forEach(o -> m.computeIfAbsent(o.file(), k -> new ArrayList<>()).add(o));
        return m;
    }
}
