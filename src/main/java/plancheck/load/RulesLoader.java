package plancheck.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Comparator;
import plancheck.model.Parameter;
import plancheck.model.PlanTarget;
import plancheck.model.TargetValue;
import plancheck.model.Text;
import plancheck.model.UnitTable;

/**
 * Reads the rules folder: {@code plan.yaml}, {@code units.yaml}, {@code parameters.yaml},
 * {@code catalogue/*.yaml}, {@code messages/*.yaml} and every {@code *.drl}. Every file under the folder
 * is hashed for the report's audit record.
 *
 * <p>Errors: every problem found (YAML syntax with line:column, a missing or mistyped field with its
 * pointer, a duplicate id, an unknown unit or comparator) is collected and thrown together as an
 * {@link InputException}.
 */
public final class RulesLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> TARGET_KEYS = Set.of("id", "table", "area", "name", "unit", "baseline",
            "target", "comparator", "binding", "judge", "source", "warnAt", "parameter", "related", "caliber",
            "note", "attribute", "year", "notes", "unitAliases", "range", "needs", "printedUnit", "calibers",
            "baselineCaliber");
    private static final Set<String> VALUE_KEYS = Set.of("text", "value", "periodAverage", "cumulative",
            "missing", "cityAssigned", "qualifier");

    private final List<InputProblem> problems = new ArrayList<>();

    /**
     * Loads a rules folder with the plan that goes with it: the folder itself when it also holds a
     * plan ({@code plan.yaml}, the layout of a single folder), else the one plan of the plans folder
     * beside it ({@code rules/../plans}, see {@link PlanFolders}).
     *
     * @param dir the rules folder (e.g. {@code rules})
     * @return the rule set
     * @throws InputException listing every problem found
     * @throws IOException when the folder cannot be read
     */
    public static RuleSet load(Path dir) throws InputException, IOException {
        return load(dir, PlanFolders.planFor(dir, null));
    }

    /**
     * Loads the rules that judge any plan and one plan's data.
     *
     * @param rulesDir the rules folder: DRL, standards, units, the rules' messages and parameters
     * @param planDir  the plan folder: plan.yaml, catalogue/, parameters.yaml, inventory/ (may be the
     *                 rules folder itself when one folder holds both)
     * @return the rule set: the rules with the plan's data
     * @throws InputException listing every problem found
     * @throws IOException when a folder cannot be read
     */
    public static RuleSet load(Path rulesDir, Path planDir) throws InputException, IOException {
        return new RulesLoader().read(rulesDir, planDir);
    }

    /** What the two folders hold, gathered file by file. */
    private final SortedMap<String, String> hashes = new TreeMap<>();
    private final SortedMap<String, String> drl = new TreeMap<>();
    private final SortedMap<String, Object> extra = new TreeMap<>();
    private final List<PlanTarget> targets = new ArrayList<>();
    /** Ids of catalogue entries refused for a problem of their own. */
    private final Set<String> refused = new TreeSet<>();
    private final SortedMap<String, Parameter> params = new TreeMap<>();
    private final SortedMap<String, Text> messages = new TreeMap<>();
    private JsonNode planNode;
    private String planFile;
    private JsonNode unitsNode;
    private String unitsFile;

    /**
     * The rules folder read once, for loading many plans with it ({@link #load(Rules, Path)}): a run over
     * thousands of plans reads the rules' files once, and each plan folder on its own.
     */
    public static final class Rules {
        private final Path dir;
        private final RulesLoader read;

        private Rules(Path dir, RulesLoader read) {
            this.dir = dir;
            this.read = read;
        }

        /** @return the rules folder */
        public Path dir() {
            return dir;
        }
    }

    /**
     * Reads the rules folder alone (its problems are reported with the first plan loaded).
     *
     * @param rulesDir the rules folder
     * @return the rules, ready to be combined with any number of plans
     * @throws InputException when the folder does not exist
     * @throws IOException    when it cannot be read
     */
    public static Rules rules(Path rulesDir) throws InputException, IOException {
        folderExists(rulesDir, true);
        RulesLoader l = new RulesLoader();
        l.readFolder(rulesDir, Role.RULES);
        return new Rules(rulesDir, l);
    }

    /**
     * Combines rules read once with one plan's folder.
     *
     * @param rules   the rules folder, read
     * @param planDir the plan folder (another folder than the rules')
     * @return the rule set
     * @throws InputException listing every problem found
     * @throws IOException    when the plan folder cannot be read
     */
    public static RuleSet load(Rules rules, Path planDir) throws InputException, IOException {
        if (rules.dir.toAbsolutePath().normalize().equals(planDir.toAbsolutePath().normalize())) {
            return load(rules.dir, planDir);
        }
        folderExists(planDir, false);
        RulesLoader l = new RulesLoader();
        RulesLoader r = rules.read;
        l.problems.addAll(r.problems);
        l.hashes.putAll(r.hashes);
        l.drl.putAll(r.drl);
        l.extra.putAll(r.extra);
        l.params.putAll(r.params);
        l.messages.putAll(r.messages);
        l.unitsNode = r.unitsNode;
        l.unitsFile = r.unitsFile;
        l.readFolder(planDir, Role.PLAN);
        return l.finish(rules.dir, planDir);
    }

    private static void folderExists(Path d, boolean rules) throws InputException {
        plancheck.model.Text wrong = folderProblem(d, rules);
        if (wrong != null) {
            throw new InputException(List.of(new InputProblem(d.toString(), 0, 0, "", wrong)));
        }
    }

    /**
     * @param d     a rules or plan folder given by the user
     * @param rules true for a rules folder
     * @return what is wrong with it (missing, or a file rather than a folder), or null when it is a folder
     */
    public static plancheck.model.Text folderProblem(Path d, boolean rules) {
        if (Files.isDirectory(d)) {
            return null;
        }
        return Files.exists(d) ? Msg.text(rules ? "rules.rules-not-a-folder" : "rules.plan-not-a-folder")
                : Msg.text(rules ? "files.rules-folder-missing" : "files.plan-folder-missing");
    }

    private RuleSet read(Path rulesDir, Path planDir) throws InputException, IOException {
        folderExists(rulesDir, true);
        folderExists(planDir, false);
        boolean oneFolder = rulesDir.toAbsolutePath().normalize().equals(planDir.toAbsolutePath().normalize());
        readFolder(rulesDir, oneFolder ? Role.BOTH : Role.RULES);
        if (!oneFolder) {
            readFolder(planDir, Role.PLAN);
        }
        return finish(rulesDir, planDir);
    }

    private RuleSet finish(Path rulesDir, Path planDir) throws InputException {
        UnitTable units = new UnitTable();
        if (unitsNode == null) {
            problems.add(new InputProblem(Paths2.display(rulesDir.resolve("units.yaml")), 0, 0, "",
                    Msg.text("rules.units-missing")));
        } else {
            readUnits(unitsFile, unitsNode, units);
        }
        String planId = "plan";
        int baseYear = 2025;
        int targetYear = 2030;
        List<String> regions = List.of();
        if (planNode == null) {
            problems.add(new InputProblem(Paths2.display(planDir.resolve("plan.yaml")), 0, 0, "",
                    Msg.text("rules.plan-missing")));
        } else {
            planId = planText("id", planId);
            baseYear = planYear("baseYear", baseYear);
            targetYear = planYear("targetYear", targetYear);
            regions = planRegions();
        }
        checkTargets(targets, params, units);
        checkResponsible(planDir, regions);
        PlanMonitoring.check(planDir, extra, targets, units, regions, baseYear, targetYear, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        targets.sort(java.util.Comparator.comparing(PlanTarget::id));
        return new RuleSet(Paths2.display(rulesDir), Paths2.display(planDir), planId, regions, baseYear, targetYear,
                List.copyOf(targets), params, units, messages, drl, hashes, extra);
    }

    /**
     * The DRL sources of a rules folder, read as {@link #load} reads them (display path → text), for the
     * key of their compiled rules before the rest of the folders is read; problems are left to the load.
     *
     * @param rulesDir the rules folder
     * @return the DRL sources, or an empty map when the folder cannot be read
     */
    public static SortedMap<String, String> drlSources(Path rulesDir) {
        SortedMap<String, String> out = new TreeMap<>();
        try {
            for (Path p : FolderWalk.walk(rulesDir, p -> p.getFileName().toString().endsWith(".drl"), true).files()) {
                out.put(Paths2.display(p), TextDecoding.decode(Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>();
        }
    }

    /**
     * A text file of the rules or plan folder, decoded as UTF-8 (a byte-order mark honoured).
     *
     * @param disp     the file's display path
     * @param bytes    its bytes
     * @param problems where a file that is not UTF-8 is reported, with the line, column and byte offset of
     *                 its first bad byte
     * @return the text, or null when the file is not UTF-8
     */
    public static String utf8(String disp, byte[] bytes, List<InputProblem> problems) {
        try {
            return TextDecoding.decode(bytes);
        } catch (TextDecoding.BadEncoding e) {
            problems.add(new InputProblem(disp, e.line(), e.column(), "", e.bytes().isEmpty()
                    ? Msg.text("rules.not-utf8-utf16")
                    : Msg.text("rules.not-utf8", "offset", e.byteOffset(), "bytes", e.bytes(), "guess", e.guess())));
            return null;
        }
    }

    /** Which part of the data a folder holds. */
    private enum Role { RULES, PLAN, BOTH }

    private void readFolder(Path dir, Role role) throws IOException {
        // Everything a rules or plan folder holds must be read: what cannot be is a problem, never skipped.
        FolderWalk.Found found = FolderWalk.walk(dir, p -> true, true);
        problems.addAll(found.notes());
        List<Path> all = found.files();
        boolean rules = role != Role.PLAN;
        boolean plan = role != Role.RULES;
        for (Path p : all) {
            String disp = Paths2.display(p);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                problems.add(new InputProblem(disp, 0, 0, "", FolderWalk.cannotRead(e)));
                continue;
            }
            hashes.put(disp, Paths2.sha256(bytes));
            String rel = dir.relativize(p).toString().replace('\\', '/');
            String name = p.getFileName().toString();
            if (name.endsWith(".drl")) {
                String text = utf8(disp, bytes, problems);
                if (text == null) {
                    continue;
                }
                if (rules) {
                    drl.put(disp, text);
                } else {
                    problems.add(new InputProblem(disp, 0, 0, "", Msg.text("rules.drl-in-plan")));
                }
                continue;
            }
            if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                continue;
            }
            if (rel.startsWith("scenarios/")) {
                continue; // read by the scenario runner
            }
            if (!plan && (rel.equals("plan.yaml") || rel.startsWith("catalogue/"))) {
                problems.add(new InputProblem(disp, 0, 0, "", Msg.text(rel.equals("plan.yaml")
                        ? "rules.plan-yaml-in-rules" : "rules.catalogue-in-rules")));
                continue;
            }
            if (!rules && rel.equals("units.yaml")) {
                problems.add(new InputProblem(disp, 0, 0, "", Msg.text("rules.units-in-plan")));
                continue;
            }
            if (utf8(disp, bytes, problems) == null) {
                continue;
            }
            JsonNode root = parseYaml(disp, bytes);
            if (root == null) {
                continue;
            }
            if (rel.equals("plan.yaml")) {
                planNode = root;
                planFile = disp;
            } else if (rel.equals("units.yaml")) {
                unitsNode = root;
                unitsFile = disp;
            } else if (rel.equals("parameters.yaml") || rel.startsWith("parameters/")) {
                readParameters(disp, root, params);
            } else if (rel.startsWith("catalogue/")) {
                readTargets(disp, root, targets);
            } else if (rel.startsWith("messages/")) {
                readMessages(disp, root, messages);
            } else {
                extra.put(disp, YAML.convertValue(root, Object.class));
            }
        }
    }

    private String planText(String key, String dflt) {
        String s = text(planNode, key);
        if (s == null) {
            problems.add(new InputProblem(planFile, 0, 0, "/" + key, Msg.text("rules.plan-text", "key", key)));
            return dflt;
        }
        return s;
    }

    private int planYear(String key, int dflt) {
        JsonNode n = planNode.path(key);
        if (!n.isInt() || n.asInt() < 1900 || n.asInt() > 2200) {
            problems.add(new InputProblem(planFile, 0, 0, "/" + key, n.isMissingNode()
                    ? Msg.text("rules.plan-year-missing", "example", dflt)
                    : Msg.text("rules.plan-year", "example", dflt, "found", Bounded.quote(n.isTextual() ? n.asText() : n.toString()))));
            return dflt;
        }
        return n.asInt();
    }

    private List<String> planRegions() {
        JsonNode n = planNode.path("regions");
        if (n.isMissingNode() && planNode.path("region").isTextual()) {
            return List.of(planNode.path("region").asText()); // one region, written as `region:`
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(r -> {
                if (r.isTextual() && !r.asText().isBlank()) {
                    out.add(r.asText().strip());
                }
            });
        }
        if (out.isEmpty() || out.size() != n.size()) {
            problems.add(new InputProblem(planFile, 0, 0, "/regions",
                    Msg.text("rules.regions")));
        }
        return List.copyOf(out);
    }

    private JsonNode parseYaml(String disp, byte[] bytes) {
        try {
            JsonNode n = YAML.readTree(bytes);
            if (n == null || n.isMissingNode() || n.isNull()) {
                problems.add(new InputProblem(disp, 0, 0, "", Msg.text("analyst.empty-yaml")));
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new InputProblem(disp, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    Msg.text("analyst.not-yaml", "detail", String.valueOf(e.getOriginalMessage()))));
            return null;
        } catch (IOException e) {
            problems.add(new InputProblem(disp, 0, 0, "", Msg.text("rules.cannot-read", "detail", Bounded.cut(String.valueOf(e.getMessage()), 200))));
            return null;
        }
    }

    private void readUnits(String disp, JsonNode root, UnitTable units) {
        JsonNode list = root.path("units");
        if (!list.isArray()) {
            problems.add(new InputProblem(disp, 0, 0, "/units", Msg.text("rules.units-list")));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode u = list.get(i);
            String ptr = "/units/" + i;
            String name = text(u, "unit");
            String dim = text(u, "dimension");
            BigDecimal factor = u.path("factor").isNumber() ? u.path("factor").decimalValue() : null;
            if (name == null || dim == null || factor == null || factor.signum() <= 0) {
                problems.add(new InputProblem(disp, 0, 0, ptr,
                        Msg.text("rules.unit-entry")));
                continue;
            }
            List<String> aliases = new ArrayList<>();
            u.path("aliases").forEach(a -> aliases.add(a.asText()));
            units.add(new UnitTable.Unit(name, dim, factor), aliases);
        }
    }

    private void readParameters(String disp, JsonNode root, SortedMap<String, Parameter> params) {
        JsonNode list = root.path("parameters");
        if (!list.isArray()) {
            problems.add(new InputProblem(disp, 0, 0, "/parameters", Msg.text("rules.parameters-list")));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String ptr = "/parameters/" + i;
            String id = text(n, "id");
            if (id == null) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/id", Msg.text("rules.parameter-id")));
                continue;
            }
            typed(disp, n, ptr);
            JsonNode v = n.path("value");
            BigDecimal value = null;
            if (v.isNumber()) {
                value = v.decimalValue();
            } else if (!v.isMissingNode() && !v.isNull()) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/value",
                        Msg.text("rules.parameter-value", "found", type(v))));
            }
            if (text(n, "source") == null) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/source", Msg.text("rules.parameter-source", "id", Bounded.cut(id))));
            }
            if (params.containsKey(id)) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/id", Msg.text("rules.parameter-duplicate", "id", Bounded.cut(id))));
            }
            params.put(id, new Parameter(id, value, text(n, "unit"), text(n, "source"), disp));
        }
    }

    private void readMessages(String disp, JsonNode root, SortedMap<String, Text> messages) {
        Iterator<Map.Entry<String, JsonNode>> it = root.path("messages").fields();
        if (!root.path("messages").isObject()) {
            problems.add(new InputProblem(disp, 0, 0, "/messages", Msg.text("rules.messages-mapping")));
            return;
        }
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String zh = text(e.getValue(), "zh");
            String en = text(e.getValue(), "en");
            if (zh == null || en == null) {
                problems.add(new InputProblem(disp, 0, 0, "/messages/" + e.getKey(), Msg.text("rules.message-both")));
                continue;
            }
            if (messages.containsKey(e.getKey())) {
                problems.add(new InputProblem(disp, 0, 0, "/messages/" + e.getKey(), Msg.text("rules.message-duplicate")));
            }
            messages.put(e.getKey(), new Text(zh, en));
        }
    }

    private void readTargets(String disp, JsonNode root, List<PlanTarget> out) {
        JsonNode list = root.path("targets");
        if (!list.isArray()) {
            problems.add(new InputProblem(disp, 0, 0, "/targets", Msg.text("rules.targets-list")));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String ptr = "/targets/" + i;
            int before = problems.size();
            if (!n.isObject()) {
                problems.add(new InputProblem(disp, 0, 0, ptr, Msg.text("rules.mapping")));
                continue;
            }
            n.fieldNames().forEachRemaining(k -> {
                if (!TARGET_KEYS.contains(k)) {
                    problems.add(new InputProblem(disp, 0, 0, ptr + "/" + k, unknownKey(k, TARGET_KEYS)));
                }
            });
            typed(disp, n, ptr);
            String id = require(disp, n, ptr, "id");
            String unit = require(disp, n, ptr, "unit");
            String judge = require(disp, n, ptr, "judge");
            String source = require(disp, n, ptr, "source");
            Text name = textPair(disp, n.path("name"), ptr + "/name", true);
            Comparator cmp = null;
            String c = require(disp, n, ptr, "comparator");
            if (c != null) {
                try {
                    cmp = Comparator.parse(c);
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem(disp, 0, 0, ptr + "/comparator", Msg.text("rules.comparator", "found", Bounded.cut(c))));
                }
            }
            JsonNode b = n.path("binding");
            if (!b.isBoolean()) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/binding",
                        Msg.text("rules.binding")));
            }
            TargetValue baseline = value(disp, n.path("baseline"), ptr + "/baseline");
            TargetValue target = value(disp, n.path("target"), ptr + "/target");
            BigDecimal warnAt = n.path("warnAt").isNumber() ? n.path("warnAt").decimalValue() : null;
            if (!n.path("warnAt").isMissingNode() && !n.path("warnAt").isNull() && warnAt == null) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/warnAt", Msg.text("rules.number-plain")));
            }
            Integer table = n.path("table").isInt() ? n.path("table").asInt() : null;
            Text note = n.has("note") ? textPair(disp, n.path("note"), ptr + "/note", false) : null;
            String attribute = text(n, "attribute");
            if (attribute != null && !java.util.Set.of("binding", "expected", "not_stated").contains(attribute)) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/attribute",
                        Msg.text("rules.attribute", "found", Bounded.quote(attribute))));
            }
            BigDecimal min = null;
            BigDecimal max = null;
            JsonNode rg = n.path("range");
            if (!rg.isMissingNode() && !rg.isNull()) {
                if (!rg.isArray() || rg.size() != 2 || !(rg.get(0).isNumber() || rg.get(0).isNull())
                        || !(rg.get(1).isNumber() || rg.get(1).isNull())) {
                    problems.add(new InputProblem(disp, 0, 0, ptr + "/range",
                            Msg.text("rules.range")));
                } else {
                    min = rg.get(0).isNull() ? null : rg.get(0).decimalValue();
                    max = rg.get(1).isNull() ? null : rg.get(1).decimalValue();
                }
            }
            java.util.Map<String, String> aliases = new TreeMap<>();
            JsonNode al = n.path("unitAliases");
            if (al.isObject()) {
                al.fields().forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
            } else if (!al.isMissingNode() && !al.isNull()) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/unitAliases",
                        Msg.text("rules.unit-aliases")));
            }
            List<String> needs = ids(disp, n, ptr, "needs");
            String printed = null;
            JsonNode pu = n.path("printedUnit");
            if (pu.isTextual()) {
                printed = pu.asText().strip();
                if (unit != null && !printed.equals(unit)) {
                    aliases.putIfAbsent(printed, unit); // the plan's own unit is accepted for the target
                }
            } else if (!pu.isMissingNode() && !pu.isNull()) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/printedUnit",
                        Msg.text("rules.printed-unit")));
            }
            java.util.Map<String, Text> calibers = new TreeMap<>();
            n.path("calibers").fields().forEachRemaining(e -> {
                Text t = textPair(disp, e.getValue(), ptr + "/calibers/" + e.getKey(), true);
                if (t != null) {
                    calibers.put(e.getKey(), t);
                }
            });
            if (problems.size() > before) {
                if (id != null) {
                    refused.add(id); // named by its own problem: not "not in the catalogue" elsewhere too
                }
                continue;
            }
            out.add(new PlanTarget(id, table, text(n, "area"), name, unit, baseline, target, cmp, b.asBoolean(),
                    judge, source, warnAt, text(n, "parameter"), text(n, "related"), text(n, "caliber"), note, disp,
                    attribute, java.util.Map.copyOf(aliases), min, max, List.of(), needs,
                    printed == null || printed.equals(unit) ? null : printed, calibers, text(n, "baselineCaliber")));
        }
    }

    /** A list of ids ({@code responsible}, {@code needs}); checked against the plan at the end. */
    private List<String> ids(String disp, JsonNode n, String ptr, String key) {
        JsonNode v = n.path(key);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/" + key, Msg.text("rules.ids-list")));
            return out;
        }
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private TargetValue value(String disp, JsonNode v, String ptr) {
        if (v.isMissingNode() || v.isNull()) {
            return new TargetValue("——", null, null, null, true, false, null);
        }
        if (!v.isObject()) {
            problems.add(new InputProblem(disp, 0, 0, ptr, Msg.text("rules.value-mapping")));
            return null;
        }
        v.fieldNames().forEachRemaining(k -> {
            if (!VALUE_KEYS.contains(k)) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/" + k, unknownKey(k, VALUE_KEYS)));
            }
        });
        String text = text(v, "text");
        if (text == null) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/text", Msg.text("rules.value-text")));
        }
        BigDecimal value = num(disp, v, ptr, "value");
        boolean missing = v.path("missing").asBoolean(false);
        boolean city = v.path("cityAssigned").asBoolean(false);
        if (value == null && !missing && !city) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/value",
                    Msg.text("rules.value-value")));
        }
        return new TargetValue(text, value, num(disp, v, ptr, "periodAverage"), num(disp, v, ptr, "cumulative"),
                missing, city, text(v, "qualifier"));
    }

    private BigDecimal num(String disp, JsonNode v, String ptr, String key) {
        JsonNode n = v.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/" + key, Msg.text("rules.number", "found", type(n))));
            return null;
        }
        return n.decimalValue();
    }

    private void checkTargets(List<PlanTarget> targets, Map<String, Parameter> params, UnitTable units) {
        Map<String, PlanTarget> seen = new TreeMap<>();
        for (PlanTarget t : targets) {
            PlanTarget prev = seen.put(t.id(), t);
            if (prev != null) {
                problems.add(new InputProblem(t.file(), 0, 0, "", Msg.text("rules.target-duplicate",
                        "id", Bounded.cut(t.id()), "other", prev.file())));
            }
            if (!units.names().isEmpty() && !units.knows(t.unit())) {
                problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/unit", Msg.text("rules.unit-unknown",
                        "unit", Bounded.cut(t.unit()))));
            }
            for (java.util.Map.Entry<String, String> a : t.unitAliases().entrySet()) {
                if (!units.names().isEmpty() && !units.knows(a.getValue())) {
                    problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/unitAliases/" + a.getKey(), Msg.text(
                            "rules.unit-unknown", "unit", Bounded.cut(a.getValue()))));
                }
            }
            Parameter par = t.parameter() == null ? null : params.get(t.parameter());
            if (par != null && par.unit() != null && !units.names().isEmpty()
                    && !units.find(par.unit()).map(u -> u.unit()).equals(units.find(t.unit()).map(u -> u.unit()))) {
                problems.add(new InputProblem(par.file(), 0, 0, par.id() + "/unit", Msg.text("rules.parameter-unit",
                        "unit", Bounded.cut(par.unit()), "id", Bounded.cut(t.id()), "targetUnit", Bounded.cut(t.unit()))));
            }
            if (t.parameter() != null && !params.containsKey(t.parameter())) {
                problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/parameter", Msg.text("rules.parameter-undefined",
                        "id", Bounded.cut(t.parameter()))));
            }
            if ("city_assigned".equals(t.judge()) && t.parameter() == null) {
                problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/parameter",
                        Msg.text("rules.city-assigned-parameter")));
            }
            if ("relational".equals(t.judge()) && t.related() == null) {
                problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/related",
                        Msg.text("rules.relational-related")));
            }
        }
        for (PlanTarget t : targets) {
            if (t.related() != null && !seen.containsKey(t.related())) {
                problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/related", Msg.text("rules.related-unknown",
                        "id", Bounded.cut(t.related()))));
            }
        }
    }

    /**
     * The responsible unit of every target from the plan's responsible-units.yaml (an indicator the file
     * lists that the catalogue lacks, or lists twice, is a problem); every {@code needs} id is a target.
     */
    private void checkResponsible(Path planDir, List<String> regions) {
        String file = PlanBureaus.file(Paths2.display(planDir));
        Object raw = extra.get(file);
        Set<String> ids = new TreeSet<>(refused);
        targets.forEach(t -> ids.add(t.id()));
        if (raw != null) {
            PlanBureaus.parse(raw, regions, file, problems);
            java.util.Map<String, List<String>> units = PlanBureaus.indicators(raw);
            units.forEach((id, us) -> {
                if (!ids.contains(id)) {
                    problems.add(new InputProblem(file, 0, 0, "/bureaus", Msg.text("rules.bureau-indicator-unknown",
                            "id", Bounded.cut(id), "unit", Bounded.cut(us.get(0)))));
                } else if (us.size() > 1) {
                    problems.add(new InputProblem(file, 0, 0, "/bureaus", Msg.text("rules.bureau-indicator-twice",
                            "id", Bounded.cut(id), "units", Bounded.cut(us.toString(), 200))));
                }
            });
            targets.replaceAll(t -> units.containsKey(t.id()) ? t.withResponsible(units.get(t.id())) : t);
        }
        for (PlanTarget t : targets) {
            for (String x : t.needs()) {
                if (!ids.contains(x)) {
                    problems.add(new InputProblem(t.file(), 0, 0, t.id() + "/needs", Msg.text("rules.needs-unknown",
                            "id", Bounded.cut(x))));
                }
            }
        }
    }

    private String require(String disp, JsonNode n, String ptr, String key) {
        String s = text(n, key);
        if (s == null) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/" + key, Msg.text("rules.missing-key", "key", key)));
        }
        return s;
    }

    private Text textPair(String disp, JsonNode n, String ptr, boolean required) {
        String zh = text(n, "zh");
        String en = text(n, "en");
        if (zh == null || en == null) {
            if (required || !n.isMissingNode()) {
                problems.add(new InputProblem(disp, 0, 0, ptr, Msg.text("rules.zh-en")));
            }
            return null;
        }
        return new Text(zh, en);
    }

    static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** @return a YAML mapper for the helpers that read data tables. */
    public static ObjectMapper yaml() { return YAML; }

    /** Fields whose value is a text: a list or mapping there would otherwise be read as absent. */
    private static final Set<String> TEXT_FIELDS = Set.of("id", "area", "unit", "judge", "source", "parameter",
            "related", "caliber", "attribute", "comparator");

    /** Every text field holds a text (never a list or mapping); {@code table} a whole number from 1 to 99. */
    private void typed(String disp, JsonNode n, String ptr) {
        for (String k : TEXT_FIELDS) {
            JsonNode v = n.path(k);
            if (v.isContainerNode()) {
                problems.add(new InputProblem(disp, 0, 0, ptr + "/" + k, Msg.text("rules.text-field",
                        "found", Msg.text(v.isArray() ? "rules.found-list" : "rules.found-mapping"))));
            }
        }
        JsonNode t = n.path("table");
        if (!t.isMissingNode() && !t.isNull() && (!t.isInt() || t.asInt() < 1 || t.asInt() > 99)) {
            problems.add(new InputProblem(disp, 0, 0, ptr + "/table", Msg.text("rules.table",
                    "found", Bounded.quote(t.isTextual() ? t.asText() : t.toString()))));
        }
    }

    /** @return "unknown key 'k' (expected one of [...])" in both languages */
    private static Text unknownKey(String k, Set<String> known) {
        return Msg.text("rules.unknown-key", "key", Bounded.cut(k), "keys", new TreeSet<>(known).toString());
    }

    /** @return the kind of a YAML value as "found …" names it (STRING, ARRAY … in English, as before) */
    static Text type(JsonNode n) {
        String key = switch (n.getNodeType()) {
            case STRING -> "rules.type-string";
            case NUMBER -> "rules.type-number";
            case BOOLEAN -> "rules.type-boolean";
            case ARRAY -> "rules.type-array";
            case OBJECT -> "rules.type-object";
            case NULL -> "rules.type-null";
            default -> null;
        };
        return key == null ? new Text(n.getNodeType().toString(), n.getNodeType().toString()) : Msg.text(key);
    }

}
