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
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.Bounded;
import plancheck.model.Finding;
import plancheck.model.Parameter;
import plancheck.model.Status;
import plancheck.model.Text;

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
     * @param texts    why not (expected and actual side by side), in Chinese and English; empty when ok
     * @param expectations how many expectations it checked
     */
    public record Outcome(String file, int line, String name, boolean ok, List<Text> texts, int expectations) {
        /** @return why not, in English (what tests and logs compare) */
        public List<String> messages() {
            return messages("en");
        }

        /** @return why not, in {@code lang} ("zh" or "en") */
        public List<String> messages(String lang) {
            return texts.stream().map(t -> t.in(lang)).toList();
        }
    }

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
        byte[] bytes = Files.readAllBytes(f);
        List<InputProblem> notText = new ArrayList<>();
        if (plancheck.load.RulesLoader.utf8(disp, bytes, notText) == null) {
            InputProblem p = notText.get(0);
            outcomes.add(new Outcome(disp, p.line(), f.getFileName().toString(), false,
                    List.of(new Text(p.format("zh"), p.format("en"))), 0));
            return;
        }
        try {
            y = LocatedYaml.parse(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            outcomes.add(new Outcome(disp, l == null ? 0 : l.getLineNr(), f.getFileName().toString(), false,
                    List.of(prefixed(disp + ":" + (l == null ? 0 : l.getLineNr()) + ": ",
                            Msg.text("analyst.not-yaml", "detail", Bounded.cut(e.getOriginalMessage(), 300)))), 0));
            return;
        }
        if (y.docs().isEmpty()) {
            outcomes.add(new Outcome(disp, 0, f.getFileName().toString(), false, List.of(prefixed(disp + ": ", Msg.text("analyst.scenario-empty-file"))), 0));
        }
        for (int d = 0; d < y.docs().size(); d++) {
            outcomes.add(runOne(disp, y, d, firings, names));
        }
    }

    private Outcome runOne(String file, LocatedYaml y, int d, SortedMap<String, Long> firings, Map<String, String> names)
            throws IOException {
        JsonNode s = y.docs().get(d);
        int line = y.at(d, "")[0];
        List<Text> errs = new ArrayList<>();
        String name = s.path("name").isTextual() ? s.path("name").asText() : file + " #" + (d + 1);
        if (!s.isObject()) {
            return new Outcome(file, line, name, false, List.of(at(file, y, d, "", "analyst.scenario-not-mapping")), 0);
        }
        unknown(s, "", TOP, file, y, d, errs);
        if (!s.path("name").isTextual() || s.path("name").asText().isBlank()) {
            errs.add(at(file, y, d, "/name", "analyst.scenario-no-name"));
        } else {
            String prev = names.putIfAbsent(name, file + ":" + line);
            if (prev != null) {
                errs.add(at(file, y, d, "/name", "analyst.scenario-name-used", "name", "\"" + Bounded.cut(name, 200) + "\"", "prev", prev));
            }
        }
        JsonNode given = s.path("given");
        if (!given.isArray() || given.isEmpty()) {
            errs.add(at(file, y, d, "/given", "analyst.scenario-given"));
        }
        JsonNode expect = s.path("expect");
        if (!expect.isMissingNode() && !expect.isNull() && !expect.isArray()) {
            errs.add(at(file, y, d, "/expect", "analyst.scenario-expect"));
        }
        Integer exitStatus = null;
        if (s.has("exitStatus")) {
            if (!s.path("exitStatus").canConvertToInt() || !List.of(0, 1, 2).contains(s.path("exitStatus").asInt())) {
                errs.add(at(file, y, d, "/exitStatus", "analyst.scenario-exit-status"));
            } else {
                exitStatus = s.path("exitStatus").asInt();
            }
        }
        String errorContains = s.path("errorContains").isTextual() ? s.path("errorContains").asText() : null;
        int nExpect = expect.isArray() ? expect.size() : 0;
        if (nExpect == 0 && errorContains == null) {
            errs.add(at(file, y, d, "", "analyst.scenario-expects-nothing"));
        }
        for (int i = 0; i < nExpect; i++) {
            JsonNode e = expect.get(i);
            String p = "/expect/" + i;
            if (!e.isObject()) {
                errs.add(at(file, y, d, p, "analyst.scenario-expect-mapping"));
                continue;
            }
            unknown(e, p, EXPECT, file, y, d, errs);
            if (!e.has("indicator")) {
                errs.add(at(file, y, d, p, "analyst.scenario-no-indicator"));
            }
            if (!e.has("year")) {
                errs.add(at(file, y, d, p, "analyst.scenario-no-year"));
            } else if (!e.get("year").isNumber() || !e.get("year").canConvertToExactIntegral() || !e.get("year").canConvertToInt()) {
                errs.add(wrongType(file, y, d, p, e, "year", "analyst.type-year"));
            }
            if (!e.has("status")) {
                errs.add(at(file, y, d, p, "analyst.scenario-no-status", "values", List.of(Status.values())));
            } else if (e.get("status").isTextual()) {
                try {
                    Status.valueOf(e.path("status").asText());
                } catch (IllegalArgumentException x) {
                    errs.add(at(file, y, d, p + "/status", "analyst.scenario-unknown-status",
                            "found", Bounded.cut(e.path("status").asText()), "values", List.of(Status.values())));
                }
            }
            for (String k : List.of("indicator", "status", "subject", "rule", "kind")) {
                if (e.has(k) && !e.get(k).isTextual()) {
                    errs.add(wrongType(file, y, d, p, e, k, "analyst.type-text"));
                }
            }
            for (String k : List.of("actual", "expected", "target")) {
                if (e.has(k) && !e.get(k).isNumber() && !e.get(k).isNull()) {
                    errs.add(wrongType(file, y, d, p, e, k, "analyst.type-number"));
                }
            }
            if (e.has("binding") && !e.get("binding").isBoolean()) {
                errs.add(wrongType(file, y, d, p, e, "binding", "analyst.type-boolean"));
            }
            if (e.has("details") && !e.get("details").isObject()) {
                errs.add(wrongType(file, y, d, p, e, "details", "analyst.type-mapping"));
            }
            if (e.has("messageContains")) {
                JsonNode mc = e.get("messageContains");
                boolean texts = mc.isArray() && !mc.isEmpty();
                for (JsonNode x : mc) {
                    texts &= (x.isTextual() || x.isNumber()) && !x.asText().isEmpty();
                }
                if (!((mc.isTextual() || mc.isNumber()) && !mc.asText().isEmpty()) && !texts) {
                    errs.add(wrongType(file, y, d, p, e, "messageContains", "analyst.type-texts"));
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
            List<Text> m = new ArrayList<>();
            m.add(at(file, y, d, "", "analyst.scenario-rules-do-not-load"));
            e.problems().forEach(p -> m.add(new Text("    " + p.format("zh"), "    " + p.format("en"))));
            return new Outcome(file, line, name, false, m, nExpect);
        }
        if (!errs.isEmpty()) {
            return new Outcome(file, line, name, false, errs, nExpect);
        }
        Path tmp = Files.createTempDirectory("plancheck-scenario");
        Map<String, Integer> givenAt = new HashMap<>();
        try {
            List<Path> paths = new ArrayList<>();
            String region = null;
            for (int i = 0; i < given.size(); i++) {
                JsonNode g = given.get(i);
                unknown(g, "/given/" + i, GIVEN, file, y, d, errs);
                JsonNode sub = g.path("submission");
                if (!sub.isObject()) {
                    errs.add(at(file, y, d, "/given/" + i, "analyst.scenario-submission"));
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
                    errs.add(at(file, y, d, "/given/" + i + "/file", "analyst.scenario-file-names"));
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8));
                paths.add(target);
                givenAt.put(Paths2.display(target), i);
                givenAt.put(target.toString(), i);
            }
            // a problem of a given submission is shown where it is written: in the scenario file
            whereGiven = pr -> {
                Integer gi = givenAt.get(pr.file());
                if (gi == null) {
                    return pr;
                }
                String ptr = "/given/" + gi + "/submission" + (pr.pointer() != null && pr.pointer().startsWith("/") ? pr.pointer() : "");
                int[] l = y.at(d, ptr);
                return new InputProblem(file, l[0], l[1], pr.pointer() != null && pr.pointer().startsWith("/") ? ptr
                        : ptr + (pr.pointer() == null || pr.pointer().isEmpty() ? "" : ": " + pr.pointer()), pr.text());
            };
            if (!errs.isEmpty()) {
                return new Outcome(file, line, name, false, errs, nExpect);
            }
            Run run = check(eng, paths);
            run.firings().forEach((k, v) -> firings.merge(k, v, Long::sum));
            int exit = run.exit();
            Text errors = run.errors();
            String errorText = errors.en();
            Text indented = new Text(errors.zh().strip().replace("\n", "\n    "), errors.en().strip().replace("\n", "\n    "));
            List<Finding> findings = run.findings();
            List<Text> fails = new ArrayList<>();
            if (exitStatus != null && exitStatus != exit) {
                Text exitText = Msg.text("analyst.scenario-exit", "want", exitStatus, "got", exit);
                fails.add(at(file, y, d, "/exitStatus", exit == 2
                        ? join(exitText, Msg.text("analyst.scenario-stopped-with", "errors", indented)) : exitText));
            } else if (exit == 2 && nExpect > 0) {
                fails.add(at(file, y, d, "", "analyst.scenario-stopped", "errors", indented));
            }
            if (errorContains != null && !errors.en().contains(errorContains) && !errors.zh().contains(errorContains)) {
                fails.add(at(file, y, d, "/errorContains", "analyst.scenario-error-contains", "want", Bounded.quote(errorContains),
                        "actual", errorText.isBlank() ? Msg.text("analyst.scenario-no-errors", "exit", exit)
                                : Msg.text("analyst.scenario-errors", "errors", indented)));
            }
            if (exit != 2) {
                for (int i = 0; i < nExpect; i++) {
                    compare(file, y, d, i, expect.get(i), findings, region, fails);
                }
            }
            List<String> unstated = unstatedDependencies(eng, s, paths, observed(expect, findings, region, exit, errorText), region);
            if (!unstated.isEmpty()) {
                fails.add(at(file, y, d, "/parameters", "analyst.scenario-unstated", "ids", unstated,
                        "file", rules.planDir() + "/parameters.yaml"));
            }
            return new Outcome(file, line, name, fails.isEmpty(), fails, nExpect);
        } finally {
            whereGiven = pr -> pr;
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
        return !seen.equals(observed(s.path("expect"), r.findings(), region, r.exit(), r.errors().en()));
    }

    /** One check of a scenario's submissions: exit status, the problems that stopped it, findings, firings. */
    private record Run(int exit, Text errors, List<Finding> findings, Map<String, Long> firings) {}

    /** Where a problem of the scenario being run is shown: a given submission's, in the scenario file. */
    private java.util.function.UnaryOperator<InputProblem> whereGiven = pr -> pr;

    private Run check(RuleEngine eng, List<Path> paths) throws IOException {
        try {
            plancheck.app.Checked c = Pipeline.check(eng, paths);
            return new Run(c.report().hasViolation() ? 1 : 0, new Text("", ""), c.report().findings(), c.report().firings());
        } catch (InputException e) {
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            e.problems().stream().map(whereGiven).forEach(p -> {
                zh.append(p.format("zh")).append('\n');
                en.append(p.format("en")).append('\n');
            });
            return new Run(2, new Text(zh.toString(), en.toString()), List.of(), Map.of());
        } catch (RuleDefectException e) {
            return new Run(2, Msg.text("analyst.scenario-misbehaved", "defects", String.join("\n", e.defects())), List.of(), Map.of());
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
    private RuleEngine engineFor(JsonNode s, String file, LocatedYaml y, int d, List<Text> errs)
            throws InputException, IOException {
        JsonNode params = s.path("parameters");
        JsonNode targets = s.path("targets");
        boolean hasParams = params.isObject() && !params.isEmpty();
        boolean hasTargets = targets.isArray() && !targets.isEmpty();
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            errs.add(at(file, y, d, "/parameters", "analyst.scenario-parameters"));
            return engine;
        }
        if (!targets.isMissingNode() && !targets.isNull() && !targets.isArray()) {
            errs.add(at(file, y, d, "/targets", "analyst.scenario-targets"));
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
                    errs.add(at(file, y, d, "/parameters/" + e.getKey(), "analyst.scenario-unknown-parameter",
                            "id", Bounded.cut(e.getKey()), "plan", rules.planDir(), "rules", rules.dir(),
                            "ids", Bounded.cut(ps.keySet().toString(), 500)));
                    continue;
                }
                JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().equals("plan")) {
                    continue; // the plan's own value: the scenario is about it
                }
                if (!v.isNull() && !v.isNumber()) {
                    errs.add(at(file, y, d, "/parameters/" + e.getKey(), "analyst.scenario-parameter-value"));
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
    private static void overrideTargets(Path copy, JsonNode targets, String file, LocatedYaml y, int d, List<Text> errs)
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
                errs.add(at(file, y, d, "/targets/" + i, "analyst.scenario-target-id"));
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
                                String region, List<Text> fails) {
        String p = "/expect/" + i;
        String ind = e.path("indicator").asText();
        int year = e.path("year").asInt();
        String subject = e.path("subject").isTextual() ? e.path("subject").asText() : region;
        String rule = e.path("rule").isTextual() ? e.path("rule").asText() : null;
        List<Finding> m = findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year
                && f.subject().equals(subject) && (rule == null || rule.equals(f.rule()))).toList();
        String head = at(file, y, d, p) + "expect[" + i + "] " + Bounded.cut(ind) + " " + year + " (" + Bounded.cut(subject) + ")"
                + (rule == null ? "" : " rule \"" + Bounded.cut(rule, 200) + "\"") + ": ";
        if (m.isEmpty()) {
            List<Text> near = findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year)
                    .map(f -> Msg.text("analyst.scenario-by-rule", "status", f.status(), "rule", f.rule(), "subject", f.subject()))
                    .toList();
            Text nearText = near.isEmpty() ? Msg.text("analyst.scenario-none")
                    : new Text(String.join("；", near.stream().map(Text::zh).toList()), String.join("; ", near.stream().map(Text::en).toList()));
            fails.add(prefixed(head, Msg.text("analyst.scenario-no-match", "indicator", Bounded.cut(ind), "year", year, "near", nearText)));
            return;
        }
        if (m.size() > 1) {
            fails.add(prefixed(head, Msg.text("analyst.scenario-many-match", "count", m.size(),
                    "list", m.stream().map(f -> f.status() + " \"" + f.rule() + "\"").toList())));
            return;
        }
        Finding f = m.get(0);
        List<Text[]> rows = new ArrayList<>();
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
                bad |= row(rows, k, e.get(k).isNull() ? "null" : Bounded.cut(e.get(k).asText()), got == null ? "null" : plain(got), same);
            }
        }
        if (e.has("binding")) {
            bad |= row(rows, "binding", Bounded.cut(e.get("binding").asText()), String.valueOf(f.binding()));
        }
        if (e.has("kind")) {
            bad |= row(rows, "kind", Bounded.cut(e.get("kind").asText()), String.valueOf(f.kind()));
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
                rows.add(new Text[] {same("message"), Msg.text("analyst.scenario-contains", "text", Bounded.quote(want)),
                        f.message(), same(ok ? "" : "✗")});
                bad |= !ok;
            }
        }
        if (e.path("details").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = e.get("details").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> x = it.next();
                Object got = f.details().get(x.getKey());
                boolean ok = sameValue(x.getValue(), got);
                rows.add(new Text[] {same("details." + Bounded.cut(x.getKey())), same(Bounded.cut(x.getValue().toString())),
                        got == null ? Msg.text("analyst.scenario-absent") : same(Bounded.cut(show(got))), same(ok ? "" : "✗")});
                bad |= !ok;
            }
        }
        if (bad) {
            fails.add(new Text(table(head, rows, "zh"), table(head, rows, "en")));
        }
    }

    /** The expected and actual values side by side under a header, in one language. */
    private static String table(String head, List<Text[]> rows, String lang) {
        StringBuilder b = new StringBuilder(head).append(Msg.get(lang, "analyst.scenario-mismatch")).append('\n');
        int w = Math.max(10, rows.stream().mapToInt(r -> width(r[1].in(lang))).max().orElse(10) + 2);
        b.append("      ").append(pad("", 18)).append(pad(Msg.get(lang, "analyst.scenario-col-expected"), w))
                .append(Msg.get(lang, "analyst.scenario-col-actual")).append('\n');
        for (Text[] r : rows) {
            String mark = r[3].in(lang);
            b.append("      ").append(pad(r[0].in(lang), 18)).append(pad(r[1].in(lang), w)).append(r[2].in(lang))
                    .append(mark.isEmpty() ? "" : "   " + mark).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** @return the columns a text takes in a terminal: Chinese characters take two */
    private static int width(String s) {
        return s.codePoints().map(c -> c >= 0x2E80 && c <= 0xFFEF ? 2 : 1).sum();
    }

    /** @return the text followed by spaces up to {@code columns} wide */
    private static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - width(s)));
    }

    /** @return the same text in both languages (a field name, a value, a number) */
    private static Text same(String s) {
        return new Text(s, s);
    }

    private static boolean row(List<Text[]> rows, String field, String want, String got) {
        return row(rows, field, String.valueOf(want), String.valueOf(got), java.util.Objects.equals(want, got));
    }

    private static boolean row(List<Text[]> rows, String field, String want, String got, boolean ok) {
        rows.add(new Text[] {same(field), same(want), same(got), same(ok ? "" : "✗")});
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

    private static void unknown(JsonNode n, String ptr, Set<String> allowed, String file, LocatedYaml y, int d, List<Text> errs) {
        if (!n.isObject()) {
            return;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errs.add(at(file, y, d, ptr + "/" + k, "analyst.scenario-unknown-key", "key", Bounded.cut(k), "allowed", new TreeSet<>(allowed)));
            }
        });
    }

    /** "field: expected …, found …" at the field of an expectation. */
    private static Text wrongType(String file, LocatedYaml y, int d, String p, JsonNode e, String field, String want) {
        return at(file, y, d, p + "/" + field, "analyst.scenario-wrong-type", "field", field, "want", Msg.text(want),
                "found", Bounded.cut(e.get(field).toString(), 60));
    }

    private static String at(String file, LocatedYaml y, int d, String ptr) {
        int[] l = y.at(d, ptr);
        return file + ":" + l[0] + (l[1] > 0 ? ":" + l[1] : "") + ": ";
    }

    /** @return "file:line: " and the message, in both languages */
    private static Text at(String file, LocatedYaml y, int d, String ptr, String key, Object... args) {
        return at(file, y, d, ptr, Msg.text(key, args));
    }

    private static Text at(String file, LocatedYaml y, int d, String ptr, Text message) {
        return prefixed(at(file, y, d, ptr), message);
    }

    private static Text prefixed(String prefix, Text t) {
        return new Text(prefix + t.zh(), prefix + t.en());
    }

    private static Text join(Text a, Text b) {
        return new Text(a.zh() + b.zh(), a.en() + b.en());
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
