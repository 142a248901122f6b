package plancheck.analyst;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.engine.RuleEngine;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Comparator;
import plancheck.model.Text;
import plancheck.model.UnitTable;

/**
 * {@code plancheck rules lint}: everything wrong with a rules folder, each problem with its file and
 * line, in one pass (a broken catalogue does not hide DRL errors, nor the other way round).
 *
 * <ul>
 *   <li>DRL: compile errors of the folder's {@code *.drl} (classic compiler, file:line); a rule without
 *       {@code @kind} or {@code @source}; a literal message key ({@code .message("key")}) that no file in
 *       {@code messages/} defines.</li>
 *   <li>Catalogue ({@code catalogue/*.yaml}, docs/catalogue.md): an unknown comparator; a target with no
 *       source clause; a target that points the wrong way (a {@code path} target whose 2030 value is on
 *       the wrong side of its 2025 baseline: below it when higher is better, above it when lower is
 *       better) unless a caliber change is declared ({@code caliber:}); a duplicate id (naming the first
 *       occurrence); a unit not in {@code units.yaml}; a {@code judge} kind no DRL rule mentions; a
 *       {@code warnAt} on the wrong side of its limit.</li>
 *   <li>Everything else the loader rejects (YAML syntax, missing or mistyped fields, parameters without
 *       source, unknown parameters or related ids), with a line where the pointer allows.</li>
 * </ul>
 */
public final class Lint {
    private Lint() {}

    /**
     * The outcome.
     *
     * @param problems   sorted by file, line, column
     * @param drlFiles   DRL files found
     * @param rules      rules found in them
     * @param targets    catalogue entries read
     * @param parameters parameters defined
     */
    public record Result(List<InputProblem> problems, int drlFiles, int rules, int targets, int parameters) {
        /** @return true when nothing is wrong. */
        public boolean clean() { return problems.isEmpty(); }
    }

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\.message\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> HANDLED_HERE = Set.of("duplicate target id", "unit '", "unknown comparator",
            "missing 'source'", "missing 'comparator'");

    /**
     * @param dir the rules folder
     * @return the problems found (none: the folder is clean)
     * @throws IOException when files cannot be read
     */
    public static Result run(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Result(List.of(noFolder(dir)), 0, 0, 0, 0);
        }
        try {
            return run(dir, plancheck.load.PlanFolders.planFor(dir, null));
        } catch (InputException e) {
            return new Result(e.problems(), 0, 0, 0, 0);
        }
    }

    /**
     * @param dir     the rules folder
     * @param planDir the plan folder whose catalogue and parameters are checked with the rules
     * @return the problems found (none: both folders are clean)
     * @throws IOException when files cannot be read
     */
    public static Result run(Path dir, Path planDir) throws IOException {
        List<InputProblem> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            out.add(noFolder(dir));
            return new Result(out, 0, 0, 0, 0);
        }
        DrlRules.Parsed drl = DrlRules.parse(dir);

        // 1. The loader (catalogue, parameters, units, messages); its problems get lines below.
        RuleSet rs = null;
        List<InputProblem> loaderProblems = new ArrayList<>();
        try {
            rs = RulesLoader.load(dir, planDir);
        } catch (InputException e) {
            loaderProblems.addAll(e.problems());
        }

        // 2. The DRL compiles (with a bare rule set when the catalogue does not load).
        RuleSet forCompile = rs != null ? rs : new RuleSet(Paths2.display(dir), Paths2.display(planDir), "plan",
                List.of(), 2025, 2030, List.of(),
                new TreeMap<>(), new UnitTable(), new TreeMap<>(), new TreeMap<>(drl.sources()), new TreeMap<>(),
                new TreeMap<>());
        List<InputProblem> compile = new ArrayList<>();
        try {
            RuleEngine.compile(forCompile);
        } catch (InputException e) {
            compile.addAll(e.problems()); // in the compiler's order: syntax errors first, then a count
        }
        packages(drl.sources(), out);

        // 3. Rule metadata and message keys.
        for (DrlRules.Rule r : drl.rules()) {
            for (String k : List.of("kind", "source")) {
                String v = r.meta().get(k);
                if (v == null || v.isBlank()) {
                    out.add(new InputProblem(r.file(), r.line(), 0, "", Msg.text("analyst.lint-no-" + k, "name", Bounded.cut(r.name(), 200))));
                }
            }
        }
        if (rs != null) {
            for (Map.Entry<String, String> e : drl.sources().entrySet()) {
                Matcher m = MESSAGE_KEY.matcher(e.getValue());
                while (m.find()) {
                    if (!rs.messages().containsKey(m.group(1))) {
                        out.add(new InputProblem(e.getKey(), lineOf(e.getValue(), m.start()), 0, "",
                                Msg.text("analyst.lint-message-key", "key", Bounded.cut(m.group(1)), "dir", rs.dir())));
                    }
                }
            }
        }

        // 4. The catalogue, read with lines.
        Set<String> literals = new HashSet<>();
        for (String text : drl.sources().values()) {
            Matcher m = LITERAL.matcher(text);
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        Units units = units(dir, rs);
        Map<String, LocatedYaml> located = new TreeMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        int targets = 0;
        for (Path f : yamlFiles(planDir.resolve("catalogue"))) {
            String disp = Paths2.display(f);
            LocatedYaml y;
            try {
                y = LocatedYaml.parse(Files.readAllBytes(f));
            } catch (IOException e) {
                continue; // the loader reports the syntax error with its line, or the file that is not UTF-8
            }
            located.put(disp, y);
            if (y.docs().isEmpty()) {
                continue;
            }
            JsonNode list = y.docs().get(0).path("targets");
            for (int i = 0; i < list.size(); i++) {
                targets++;
                checkTarget(disp, y, i, list.get(i), units, literals, firstSeen, out, dir);
            }
        }
        for (Path f : List.of(dir.resolve("parameters.yaml"), planDir.resolve("parameters.yaml"), dir.resolve("units.yaml"))) {
            if (Files.isRegularFile(f)) {
                try {
                    located.put(Paths2.display(f), LocatedYaml.parse(Files.readAllBytes(f)));
                } catch (IOException e) {
                    // reported by the loader (YAML syntax, not UTF-8)
                }
            }
        }
        for (InputProblem p : loaderProblems) {
            boolean catalogue = located.containsKey(p.file()) && p.file().contains("/catalogue/");
            boolean alias = p.pointer() != null && p.pointer().contains("/unitAliases/"); // not checked here
            if (catalogue && !alias && HANDLED_HERE.stream().anyMatch(h -> p.message().startsWith(h))) {
                continue;
            }
            out.add(withLine(p, located.get(p.file())));
        }
        if (rs != null) {
            responsibilities(rs, located, out);
        }
        out.removeAll(compile);
        List<InputProblem> sorted = new ArrayList<>(compile);
        sorted.addAll(new TreeSet<>(out));
        return new Result(sorted, drl.sources().size(), drl.rules().size(), targets,
                rs == null ? 0 : rs.parameters().size());
    }

    private static void checkTarget(String file, LocatedYaml y, int i, JsonNode t, Units units, Set<String> literals,
                                    Map<String, String> firstSeen, List<InputProblem> out, Path dir) {
        String ptr = "/targets/" + i;
        String id = text(t, "id");
        Text who = id == null ? Msg.text("analyst.lint-target-number", "n", i + 1)
                : Msg.text("analyst.lint-target-id", "id", Bounded.cut(id));
        if (id != null) {
            String where = file + ":" + y.at(0, ptr + "/id")[0];
            String prev = firstSeen.putIfAbsent(id, where);
            if (prev != null) {
                add(out, file, y, ptr + "/id", Msg.text("analyst.lint-duplicate-id", "id", Bounded.cut(id), "first", prev));
            }
        }
        String cmp = text(t, "comparator");
        Comparator c = null;
        if (cmp == null) {
            add(out, file, y, ptr, Msg.text("analyst.lint-no-comparator", "who", who));
        } else {
            try {
                c = Comparator.parse(cmp);
            } catch (IllegalArgumentException e) {
                add(out, file, y, ptr + "/comparator", Msg.text("analyst.lint-unknown-comparator", "who", who, "found", Bounded.cut(cmp)));
            }
        }
        if (text(t, "source") == null) {
            add(out, file, y, ptr, Msg.text("analyst.lint-no-clause", "who", who));
        }
        String unit = text(t, "unit");
        if (unit != null && !units.knows(unit)) {
            add(out, file, y, ptr + "/unit", Msg.text("analyst.lint-unit", "who", who, "unit", Bounded.cut(unit),
                    "table", Paths2.display(dir.resolve("units.yaml"))));
        }
        String judge = text(t, "judge");
        if (judge != null && !literals.contains(judge)) {
            add(out, file, y, ptr + "/judge", Msg.text("analyst.lint-judge", "who", who, "dir", Paths2.display(dir),
                    "judge", Bounded.cut(judge)));
        }
        BigDecimal base = num(t.path("baseline"), "value");
        BigDecimal target = num(t.path("target"), "value");
        boolean caliber = text(t, "caliber") != null;
        if (c != null && "path".equals(judge) && base != null && target != null && !caliber) {
            boolean higher = c.higherIsBetter();
            if (higher ? target.compareTo(base) < 0 : target.compareTo(base) > 0) {
                add(out, file, y, ptr + "/target", Msg.text(higher ? "analyst.lint-wrong-way-higher" : "analyst.lint-wrong-way-lower",
                        "who", who, "cmp", cmp, "target", target.stripTrailingZeros().toPlainString(),
                        "base", base.stripTrailingZeros().toPlainString()));
            }
        }
        BigDecimal warn = t.path("warnAt").isNumber() ? t.path("warnAt").decimalValue() : null;
        if (c != null && warn != null && target != null) {
            boolean wrong = c.higherIsBetter() ? warn.compareTo(target) < 0 : warn.compareTo(target) > 0;
            if (wrong) {
                add(out, file, y, ptr + "/warnAt", Msg.text(c.higherIsBetter() ? "analyst.lint-warn-above" : "analyst.lint-warn-below",
                        "who", who, "warn", warn.stripTrailingZeros().toPlainString(),
                        "limit", target.stripTrailingZeros().toPlainString(), "cmp", cmp));
            }
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    /**
     * Every DRL file of a rules folder declares the same package (the one most files declare): the rules
     * of another package do not see the functions, declared types and imports of the folder's.
     */
    private static void packages(Map<String, String> sources, List<InputProblem> out) {
        Map<String, String> declared = new TreeMap<>();
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> count = new TreeMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Matcher m = PACKAGE.matcher(e.getValue());
            if (m.find()) {
                declared.put(e.getKey(), m.group(1));
                lines.put(e.getKey(), lineOf(e.getValue(), m.start(1)));
                count.merge(m.group(1), 1, Integer::sum);
            }
        }
        String usual = count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (usual == null || count.get(usual) < 2) {
            return;
        }
        for (Map.Entry<String, String> e : declared.entrySet()) {
            if (!e.getValue().equals(usual)) {
                out.add(new InputProblem(e.getKey(), lines.get(e.getKey()), 0, "", Msg.text("analyst.lint-package",
                        "found", Bounded.cut(e.getValue()), "expected", usual)));
            }
        }
    }

    private static InputProblem noFolder(Path dir) {
        return new InputProblem(dir.toString(), 0, 0, "", RulesLoader.folderProblem(dir, true));
    }

    private static void add(List<InputProblem> out, String file, LocatedYaml y, String ptr, Text msg) {
        int[] l = y.at(0, ptr);
        out.add(new InputProblem(file, l[0], l[1], ptr, msg));
    }

    /** Gives a loader problem the line of its pointer ("/targets/3/x", or "id/field" for targets). */
    private static InputProblem withLine(InputProblem p, LocatedYaml y) {
        if (y == null || p.line() > 0 || y.docs().isEmpty()) {
            return p;
        }
        String ptr = p.pointer() == null ? "" : p.pointer();
        if (!ptr.isEmpty() && !ptr.startsWith("/")) {
            String id = ptr.contains("/") ? ptr.substring(0, ptr.indexOf('/')) : ptr;
            String rest = ptr.contains("/") ? ptr.substring(ptr.indexOf('/')) : "";
            JsonNode list = y.docs().get(0).path("targets");
            for (int i = 0; i < list.size(); i++) {
                if (id.equals(list.get(i).path("id").asText())) {
                    ptr = "/targets/" + i + rest;
                    break;
                }
            }
        }
        if (!ptr.startsWith("/")) {
            return p;
        }
        int[] l = y.at(0, ptr);
        return new InputProblem(p.file(), l[0], l[1], p.pointer(), p.text());
    }

    /** Unit names and aliases: from the loaded rule set, else read directly from units.yaml. */
    private record Units(Set<String> names) {
        boolean knows(String u) { return names.isEmpty() || names.contains(u); }
    }

    private static Units units(Path dir, RuleSet rs) throws IOException {
        Set<String> names = new HashSet<>();
        Path f = dir.resolve("units.yaml");
        if (Files.isRegularFile(f)) {
            try {
                JsonNode root = LocatedYaml.parse(Files.readAllBytes(f)).docs().stream().findFirst().orElse(null);
                if (root != null) {
                    for (JsonNode u : root.path("units")) {
                        names.add(u.path("unit").asText());
                        u.path("aliases").forEach(a -> names.add(a.asText()));
                    }
                }
            } catch (IOException e) {
                // the loader reports it (YAML syntax, not UTF-8)
            }
        }
        if (rs != null) {
            names.addAll(rs.units().names());
        }
        return new Units(names);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static BigDecimal num(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNumber() ? v.decimalValue() : null;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * When the plan names its responsible units (responsible-units.yaml, which the service holds uploads
     * to), every target is filed by exactly one bureau, and no bureau lists an id the catalogue lacks.
     */
    private static void responsibilities(RuleSet rs, Map<String, LocatedYaml> located, List<InputProblem> out) {
        String file = rs.planDir() + "/responsible-units.yaml";
        if (!rs.extra().containsKey(file)) {
            return;
        }
        plancheck.app.Responsibilities r = plancheck.app.Responsibilities.of(rs);
        Map<String, List<String>> owners = new TreeMap<>();
        for (plancheck.app.Responsibilities.Bureau b : r.bureaus()) {
            for (String id : b.indicators()) {
                owners.computeIfAbsent(id, k -> new ArrayList<>()).add(b.id());
                if (rs.target(id) == null) {
                    out.add(new InputProblem(file, 0, 0, "", Msg.text("analyst.lint-bureau-unknown-id",
                            "bureau", Bounded.cut(b.id()), "id", Bounded.cut(id))));
                }
            }
        }
        for (plancheck.model.PlanTarget t : rs.targets()) {
            List<String> o = owners.getOrDefault(t.id(), List.of());
            if (o.size() != 1) {
                LocatedYaml y = located.get(t.file());
                int line = 0;
                if (y != null && !y.docs().isEmpty()) {
                    JsonNode list = y.docs().get(0).path("targets");
                    for (int i = 0; i < list.size(); i++) {
                        if (t.id().equals(list.get(i).path("id").asText())) {
                            line = y.at(0, "/targets/" + i + "/id")[0];
                        }
                    }
                }
                Text filedBy = o.isEmpty() ? Msg.text("analyst.lint-filed-by-none")
                        : Msg.text("analyst.lint-filed-by-many", "count", o.size(), "list", Bounded.cut(o.toString()));
                out.add(new InputProblem(t.file(), line, 0, "", Msg.text("analyst.lint-filed-by", "id", Bounded.cut(t.id()),
                        "owners", filedBy, "file", file)));
            }
        }
    }
}
