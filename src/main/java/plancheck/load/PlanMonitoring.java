package plancheck.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import plancheck.i18n.Msg;
import plancheck.model.AdditiveFigure;
import plancheck.model.AnnualTarget;
import plancheck.model.Bounded;
import plancheck.model.Comparator;
import plancheck.model.PlanTarget;
import plancheck.model.Text;
import plancheck.model.Township;
import plancheck.model.TownshipTarget;
import plancheck.model.UnitTable;

/**
 * The plan's monitoring data beside its catalogue (第五十三章: 年度计划、乡镇（街道）分解): the annual plan's
 * targets ({@code annual/<year>.yaml}) and the townships with their figures and assigned targets
 * ({@code townships.yaml}). The loader keeps these files as plain data ({@link RuleSet#extra()}); this class
 * checks them when the plan is loaded (every problem with its file and pointer, exit 2) and turns them into
 * the facts the rules judge. An analyst adds a year's targets or a township's assignment as data, without Java.
 *
 * <p>Formats: docs/monitoring.md.
 */
public final class PlanMonitoring {
    private PlanMonitoring() {}

    /** The folder of a plan that holds the annual plans' targets. */
    public static final String ANNUAL_DIR = "annual/";
    /** The file of a plan that lists its townships. */
    public static final String TOWNSHIPS_FILE = "townships.yaml";
    /** The file of a plan that gives its main table's sections (专栏1: 一、经济发展 …). */
    public static final String SECTIONS_FILE = "sections.yaml";
    /** The township name that assigns a target to every township. */
    public static final String ALL = "all";
    /** How the county's figure of an additive figure is obtained. */
    public static final Set<String> COUNTY_SOURCES = Set.of("indicator", "accidents", "deaths", "energy", "sections");

    /**
     * The townships of a plan and what they report.
     *
     * @param file       the townships file (display path), or null when the plan has none
     * @param county     the county they belong to
     * @param source     where the list comes from
     * @param townships  the townships and streets, in file order
     * @param figures    the figures whose townships' values add up to the county's
     * @param targets    the targets assigned to townships (one per township; {@code all} expanded)
     */
    public record Townships(String file, String county, Text source, List<Township> townships,
                            List<AdditiveFigure> figures, List<TownshipTarget> targets) {

        /** @return no townships */
        public static Townships none() {
            return new Townships(null, null, null, List.of(), List.of(), List.of());
        }

        /** @return the township of that name, or null */
        public Township named(String name) {
            return townships.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        }

        /** @return the figure with that id, or null */
        public AdditiveFigure figure(String id) {
            return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
        }

        /** @return the ids a township of this plan may submit: its assigned targets' (catalogue ids) and the figures' */
        public Set<String> idsFor(String township) {
            Set<String> ids = new TreeSet<>();
            figures.forEach(f -> ids.add(f.id()));
            targets.stream().filter(t -> t.township().equals(township)).forEach(t -> ids.add(t.indicator()));
            return ids;
        }

        /** @return the figure ids that are not catalogue targets (submitted by townships only) */
        public Set<String> ownIds(RuleSet rules) {
            Set<String> ids = new TreeSet<>();
            figures.stream().filter(f -> rules.target(f.id()) == null).forEach(f -> ids.add(f.id()));
            return ids;
        }
    }

    /**
     * A section of the plan's main table as the plan prints it (专栏1 “五、安全韧性”: rows 25–26).
     *
     * @param name the section's name, in Chinese and English
     * @param from the first row (序号)
     * @param to   the last row
     */
    public record Section(Text name, int from, int to) {
        /** @return true when the row number is in this section */
        public boolean holds(Integer row) {
            return row != null && row >= from && row <= to;
        }
    }

    /**
     * @param rules a loaded rule set
     * @return its main table's sections, in the plan's order (none when the plan has no sections file)
     */
    public static List<Section> sections(RuleSet rules) {
        Object t = rules.extra().get(planFile(rules.planDir(), SECTIONS_FILE));
        return t == null ? List.of() : readSections(planFile(rules.planDir(), SECTIONS_FILE), tree(t), rules.targets(), new ArrayList<>());
    }

    private static List<Section> readSections(String file, JsonNode root, List<PlanTarget> targets, List<InputProblem> problems) {
        List<Section> out = new ArrayList<>();
        int before = problems.size();
        unknownKeys(file, root, "", Set.of("table", "note"), problems);
        JsonNode list = root.path("table");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new InputProblem(file, 0, 0, "/table", msg("monitoring.sections")));
            return out;
        }
        int max = targets.stream().filter(PlanTarget::inTable).mapToInt(PlanTarget::table).max().orElse(0);
        int next = 1;
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String ptr = "/table/" + i;
            unknownKeys(file, n, ptr, Set.of("name", "rows"), problems);
            Text name = pair(file, n.path("name"), ptr + "/name", problems);
            JsonNode rows = n.path("rows");
            if (!rows.isArray() || rows.size() != 2 || !rows.get(0).isInt() || !rows.get(1).isInt()) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/rows", msg("monitoring.section-rows", "found", found(rows))));
                continue;
            }
            int from = rows.get(0).asInt();
            int to = rows.get(1).asInt();
            if (from != next || to < from || to > max) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/rows", msg("monitoring.section-range", "from", from, "to", to,
                        "next", next, "max", max)));
                continue;
            }
            next = to + 1;
            if (name != null) {
                out.add(new Section(name, from, to));
            }
        }
        if (next != max + 1 && problems.size() == before) {
            problems.add(new InputProblem(file, 0, 0, "/table", msg("monitoring.section-cover", "next", next, "max", max)));
        }
        return out;
    }

    /**
     * @param rules a loaded rule set
     * @return the annual plans' targets of its plan, by year then file order
     */
    public static List<AnnualTarget> annualTargets(RuleSet rules) {
        List<AnnualTarget> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : annualFiles(rules.planDir(), rules.extra()).entrySet()) {
            out.addAll(readAnnual(e.getKey(), tree(e.getValue()), rules.targets(), rules.baseYear(), rules.targetYear(),
                    new ArrayList<>()));
        }
        out.sort(java.util.Comparator.comparingInt(AnnualTarget::year));
        return List.copyOf(out);
    }

    /**
     * @param rules a loaded rule set
     * @return its plan's townships (none when the plan has no townships file)
     */
    public static Townships townships(RuleSet rules) {
        Object t = rules.extra().get(townshipsFile(rules.planDir()));
        if (t == null) {
            return Townships.none();
        }
        return readTownships(townshipsFile(rules.planDir()), tree(t), rules.targets(), rules.units(), rules.regions(),
                new ArrayList<>());
    }

    /**
     * Checks the monitoring files of a plan while it is loaded, each problem located at its line and column.
     *
     * @param planDir    the plan folder
     * @param extra      the plain data files read (display path → data)
     * @param targets    the catalogue
     * @param units      the unit table
     * @param regions    the plan's regions
     * @param baseYear   the plan's base year
     * @param targetYear the plan's target year
     * @param problems   where problems are added
     */
    static void check(java.nio.file.Path planDir, SortedMap<String, Object> extra, List<PlanTarget> targets, UnitTable units,
                      List<String> regions, int baseYear, int targetYear, List<InputProblem> problems) {
        int from = problems.size();
        String disp = Paths2.display(planDir);
        String prefix = ".".equals(disp) ? "" : disp + "/";
        // where each value is, and any key given twice (which the data read keeps once, silently)
        Map<String, Map<String, int[]>> located = new TreeMap<>();
        List<String> files = new ArrayList<>(annualFiles(disp, extra).keySet());
        if (extra.containsKey(townshipsFile(disp))) {
            files.add(townshipsFile(disp));
        }
        if (extra.containsKey(planFile(disp, SECTIONS_FILE))) {
            files.add(planFile(disp, SECTIONS_FILE));
        }
        for (String f : files) {
            if (f.startsWith(prefix)) {
                located.put(f, locations(planDir.resolve(f.substring(prefix.length())), f, problems));
            }
        }
        check(disp, extra, targets, units, regions, baseYear, targetYear, problems);
        for (int i = from; i < problems.size(); i++) {
            InputProblem p = problems.get(i);
            if (p.line() > 0 || p.pointer().isEmpty() || !p.file().startsWith(prefix)) {
                continue;
            }
            Map<String, int[]> loc = located.getOrDefault(p.file(), Map.of());
            String ptr = p.pointer();
            int[] at = loc.get(ptr);
            while (at == null && !ptr.isEmpty()) {
                ptr = ptr.substring(0, ptr.lastIndexOf('/'));
                at = loc.get(ptr);
            }
            if (at != null && at[0] > 0) {
                problems.set(i, new InputProblem(p.file(), at[0], at[1], p.pointer(), p.text()));
            }
        }
    }

    /**
     * Where each value and key of a YAML file starts (pointer → {line, column}); empty if it cannot be read.
     * A key given twice in one mapping is added to the problems.
     */
    private static Map<String, int[]> locations(java.nio.file.Path file, String display, List<InputProblem> problems) {
        Map<String, int[]> loc = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
                .createParser(java.nio.file.Files.readAllBytes(file))) {
            if (p.nextToken() != null) {
                LocatedJson.readTree(p, "", loc, true, display, problems);
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return loc;
    }

    /**
     * Checks the monitoring files of a plan while it is loaded.
     *
     * @param planDir    the plan folder's display path
     * @param extra      the plain data files read (display path → data)
     * @param targets    the catalogue
     * @param units      the unit table
     * @param regions    the plan's regions
     * @param baseYear   the plan's base year
     * @param targetYear the plan's target year
     * @param problems   where problems are added
     */
    static void check(String planDir, SortedMap<String, Object> extra, List<PlanTarget> targets, UnitTable units,
                      List<String> regions, int baseYear, int targetYear, List<InputProblem> problems) {
        Map<Integer, String> years = new TreeMap<>();
        for (Map.Entry<String, Object> e : annualFiles(planDir, extra).entrySet()) {
            JsonNode root = tree(e.getValue());
            readAnnual(e.getKey(), root, targets, baseYear, targetYear, problems);
            int y = root.path("year").asInt();
            String prev = root.path("year").isInt() ? years.putIfAbsent(y, e.getKey()) : null;
            if (prev != null) {
                problems.add(new InputProblem(e.getKey(), 0, 0, "/year",
                        msg("monitoring.annual-year-twice", "year", y, "other", prev)));
            }
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            if (name.matches("\\d{4}") && root.path("year").isInt() && Integer.parseInt(name) != y) {
                problems.add(new InputProblem(e.getKey(), 0, 0, "/year",
                        msg("monitoring.annual-file-year", "name", name, "year", y)));
            }
        }
        Object t = extra.get(townshipsFile(planDir));
        if (t != null) {
            readTownships(townshipsFile(planDir), tree(t), targets, units, regions, problems);
        }
        Object sec = extra.get(planFile(planDir, SECTIONS_FILE));
        if (sec != null) {
            readSections(planFile(planDir, SECTIONS_FILE), tree(sec), targets, problems);
        }
    }

    private static SortedMap<String, Object> annualFiles(String planDir, SortedMap<String, Object> extra) {
        String prefix = (".".equals(planDir) ? "" : planDir + "/") + ANNUAL_DIR;
        SortedMap<String, Object> out = new TreeMap<>();
        extra.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String planFile(String planDir, String name) {
        return (".".equals(planDir) ? "" : planDir + "/") + name;
    }

    private static String townshipsFile(String planDir) {
        return (".".equals(planDir) ? "" : planDir + "/") + TOWNSHIPS_FILE;
    }

    private static JsonNode tree(Object data) {
        return RulesLoader.yaml().valueToTree(data);
    }

    // ---- annual plans ----------------------------------------------------------------------------------

    private static List<AnnualTarget> readAnnual(String file, JsonNode root, List<PlanTarget> targets, int baseYear,
                                                 int targetYear, List<InputProblem> problems) {
        List<AnnualTarget> out = new ArrayList<>();
        unknownKeys(file, root, "", Set.of("year", "document", "fictional", "note", "targets"), problems);
        JsonNode y = root.path("year");
        if (!y.isInt() || y.asInt() <= baseYear || y.asInt() > targetYear) {
            problems.add(new InputProblem(file, 0, 0, "/year", msg("monitoring.annual-year",
                    "from", baseYear + 1, "to", targetYear, "found", found(y))));
            return out;
        }
        Text document = pair(file, root.path("document"), "/document", problems);
        boolean fictional = flag(file, root.path("fictional"), "/fictional", false, problems);
        JsonNode list = root.path("targets");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new InputProblem(file, 0, 0, "/targets", msg("monitoring.annual-targets")));
            return out;
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String ptr = "/targets/" + i;
            int before = problems.size();
            unknownKeys(file, n, ptr, Set.of("id", "value", "comparator", "text", "note"), problems);
            String id = text(n, "id");
            PlanTarget t = id == null ? null : targets.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (t == null) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/id", msg("monitoring.unknown-indicator",
                        "id", Bounded.cut(String.valueOf(id)))));
            } else if (!seen.add(id)) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/id", msg("monitoring.annual-duplicate", "id", id)));
            }
            BigDecimal value = number(file, n, ptr, problems);
            Comparator c = comparator(file, n, ptr, problems);
            String txt = text(n, "text");
            if (txt == null) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/text", msg("monitoring.text")));
            }
            if (problems.size() == before && document != null) {
                out.add(new AnnualTarget(id, y.asInt(), value, c, txt, document, fictional, file, ptr));
            }
        }
        return out;
    }

    // ---- townships -----------------------------------------------------------------------------------------

    private static Townships readTownships(String file, JsonNode root, List<PlanTarget> targets, UnitTable units,
                                          List<String> regions, List<InputProblem> problems) {
        unknownKeys(file, root, "", Set.of("county", "source", "townships", "figures", "assignments"), problems);
        String county = text(root, "county");
        if (county == null || !regions.contains(county)) {
            problems.add(new InputProblem(file, 0, 0, "/county", msg("monitoring.county",
                    "regions", String.join(", ", regions), "found", found(root.path("county")))));
        }
        Text source = pair(file, root.path("source"), "/source", problems);
        List<Township> towns = new ArrayList<>();
        JsonNode list = root.path("townships");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new InputProblem(file, 0, 0, "/townships", msg("monitoring.townships")));
        } else {
            Set<String> names = new TreeSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                String ptr = "/townships/" + i;
                unknownKeys(file, n, ptr, Set.of("name", "kind", "note"), problems);
                String name = text(n, "name");
                String kind = text(n, "kind");
                if (name == null || kind == null || !Set.of("街道", "镇", "乡").contains(kind)) {
                    problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.township")));
                    continue;
                }
                if (!names.add(name) || regions.contains(name) || ALL.equals(name)) {
                    problems.add(new InputProblem(file, 0, 0, ptr + "/name", msg("monitoring.township-name",
                            "name", Bounded.cut(name))));
                    continue;
                }
                towns.add(new Township(name, county, kind, towns.size()));
            }
        }
        List<AdditiveFigure> figures = new ArrayList<>();
        JsonNode fl = root.path("figures");
        if (!fl.isMissingNode() && !fl.isArray()) {
            problems.add(new InputProblem(file, 0, 0, "/figures", msg("monitoring.figures")));
        }
        for (int i = 0; fl.isArray() && i < fl.size(); i++) {
            JsonNode n = fl.get(i);
            String ptr = "/figures/" + i;
            int before = problems.size();
            unknownKeys(file, n, ptr, Set.of("id", "name", "unit", "county", "rounding", "note"), problems);
            String id = text(n, "id");
            String unit = text(n, "unit");
            String src = text(n, "county");
            String rounding = text(n, "rounding");
            Text name = pair(file, n.path("name"), ptr + "/name", problems);
            PlanTarget t = id == null ? null : targets.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (id == null || unit == null || !units.knows(unit) || src == null || !COUNTY_SOURCES.contains(src)
                    || !"exact".equals(rounding) && !"last-digit".equals(rounding)) {
                problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.figure",
                        "sources", String.join(", ", new TreeSet<>(COUNTY_SOURCES)))));
            } else if ("indicator".equals(src) && (t == null || !units.find(unit).map(u -> u.unit())
                    .equals(units.find(t.unit()).map(u -> u.unit())))) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/id", msg("monitoring.figure-indicator",
                        "id", Bounded.cut(id))));
            } else if ("energy".equals(src) && !Set.of("吨标准煤", "万吨标准煤").contains(unit)) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/unit", msg("monitoring.figure-energy-unit")));
            } else if (!"indicator".equals(src) && t != null) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/id", msg("monitoring.figure-own", "id", id)));
            } else if (figures.stream().anyMatch(f -> f.id().equals(id))) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/id", msg("monitoring.figure-duplicate", "id", id)));
            }
            if (problems.size() == before && name != null) {
                figures.add(new AdditiveFigure(id, name, unit, src, "exact".equals(rounding)));
            }
        }
        List<TownshipTarget> assigned = new ArrayList<>();
        JsonNode as = root.path("assignments");
        if (!as.isMissingNode()) {
            unknownKeys(file, as, "/assignments", Set.of("document", "fictional", "note", "targets"), problems);
            Text document = pair(file, as.path("document"), "/assignments/document", problems);
            boolean fictional = flag(file, as.path("fictional"), "/assignments/fictional", false, problems);
            JsonNode tl = as.path("targets");
            if (!tl.isArray()) {
                problems.add(new InputProblem(file, 0, 0, "/assignments/targets", msg("monitoring.assignments")));
            }
            Set<String> seen = new TreeSet<>();
            for (int i = 0; tl.isArray() && i < tl.size(); i++) {
                JsonNode n = tl.get(i);
                String ptr = "/assignments/targets/" + i;
                int before = problems.size();
                unknownKeys(file, n, ptr, Set.of("township", "indicator", "value", "comparator", "text", "document",
                        "fictional", "note"), problems);
                // a target set by another document than the rest (the plan's own bottom line among invented
                // shares) names it, and whether it is an example, itself
                Text doc = n.has("document") ? pair(file, n.path("document"), ptr + "/document", problems) : document;
                boolean fic = flag(file, n.path("fictional"), ptr + "/fictional", fictional, problems);
                String town = text(n, "township");
                String id = text(n, "indicator");
                boolean known = id != null && targets.stream().anyMatch(x -> x.id().equals(id));
                if (town == null || !ALL.equals(town) && towns.stream().noneMatch(x -> x.name().equals(town))) {
                    problems.add(new InputProblem(file, 0, 0, ptr + "/township", msg("monitoring.assigned-township",
                            "name", Bounded.cut(String.valueOf(town)))));
                }
                if (!known) {
                    problems.add(new InputProblem(file, 0, 0, ptr + "/indicator", msg("monitoring.unknown-indicator",
                            "id", Bounded.cut(String.valueOf(id)))));
                }
                BigDecimal value = number(file, n, ptr, problems);
                Comparator c = comparator(file, n, ptr, problems);
                String txt = text(n, "text");
                if (txt == null) {
                    problems.add(new InputProblem(file, 0, 0, ptr + "/text", msg("monitoring.text")));
                }
                if (problems.size() > before || doc == null) {
                    continue;
                }
                for (Township x : towns) {
                    if (ALL.equals(town) || x.name().equals(town)) {
                        if (!seen.add(x.name() + "|" + id)) {
                            problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.assigned-twice",
                                    "name", x.name(), "id", id)));
                            continue;
                        }
                        assigned.add(new TownshipTarget(x.name(), id, value, c, txt, doc, fic, file, ptr));
                    }
                }
            }
        }
        return new Townships(file, county, source, List.copyOf(towns), List.copyOf(figures), List.copyOf(assigned));
    }

    // ---- township submissions -------------------------------------------------------------------------

    /**
     * The townships' figures of a set of submissions: per township, merged as the county's values are
     * ({@link Merger}: stages, conflicts, units, plausible ranges), then converted to the figure's unit where the
     * id is a figure of townships.yaml rather than a catalogue indicator (a negative figure is a data problem).
     *
     * @param subs  township submissions (region = a township of {@code towns})
     * @param rules the rule set
     * @param towns the plan's townships
     * @return one value per township, figure and year
     */
    public static List<plancheck.model.TownshipValue> townshipValues(List<Submission> subs, RuleSet rules,
                                                                     Townships towns) {
        Map<String, List<Submission>> byTown = new TreeMap<>();
        subs.forEach(s -> byTown.computeIfAbsent(s.region(), k -> new ArrayList<>()).add(s));
        List<plancheck.model.TownshipValue> out = new ArrayList<>();
        for (Map.Entry<String, List<Submission>> e : byTown.entrySet()) {
            for (plancheck.model.Observation o : Merger.merge(e.getValue(), rules)) {
                AdditiveFigure f = towns.figure(o.indicator());
                BigDecimal v = o.value();
                String unit = o.unit();
                String problem = o.problem();
                Text detail = o.detail();
                if (f != null && rules.target(o.indicator()) == null && o.usable()) {
                    unit = f.unit();
                    java.util.Optional<BigDecimal> c = rules.units().convert(v, o.unit(), f.unit());
                    if (c.isEmpty()) {
                        problem = "unit";
                        detail = msg("monitoring.township-unit", "unit", Bounded.cut(o.unit()), "want", f.unit());
                        v = null;
                    } else if (c.get().signum() < 0) {
                        problem = "range";
                        detail = msg("monitoring.township-negative", "value", plancheck.model.Numbers.plain(c.get()));
                        v = null;
                    } else {
                        v = c.get();
                    }
                }
                out.add(new plancheck.model.TownshipValue(e.getKey(), o.indicator(), o.year(), v, unit, o.evidence(),
                        problem, detail));
            }
        }
        return out;
    }

    // ---- small readers ---------------------------------------------------------------------------------

    private static void unknownKeys(String file, JsonNode n, String ptr, Set<String> allowed, List<InputProblem> problems) {
        if (!n.isObject()) {
            if (!n.isMissingNode()) {
                problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.mapping")));
            }
            return;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/" + k, msg("monitoring.unknown-key",
                        "key", Bounded.cut(k), "allowed", String.join(", ", new TreeSet<>(allowed)))));
            }
        });
    }

    private static BigDecimal number(String file, JsonNode n, String ptr, List<InputProblem> problems) {
        JsonNode v = n.path("value");
        if (!v.isNumber()) {
            problems.add(new InputProblem(file, 0, 0, ptr + "/value", msg("monitoring.number", "found", found(v))));
            return null;
        }
        return v.decimalValue();
    }

    private static Comparator comparator(String file, JsonNode n, String ptr, List<InputProblem> problems) {
        String c = text(n, "comparator");
        try {
            return Comparator.parse(String.valueOf(c));
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem(file, 0, 0, ptr + "/comparator", msg("monitoring.comparator",
                    "found", Bounded.cut(String.valueOf(c)))));
            return null;
        }
    }

    /** The longest text of a {zh, en} pair: a name, a document's title, a source. */
    static final int PAIR_MAX = 500;

    /** @return a {zh, en} pair of non-blank texts of at most {@link #PAIR_MAX} characters, else null (problems said) */
    private static Text pair(String file, JsonNode n, String ptr, List<InputProblem> problems) {
        if (!n.isObject()) {
            problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.zh-en-found", "found", found(n))));
            return null;
        }
        int before = problems.size();
        unknownKeys(file, n, ptr, Set.of("zh", "en"), problems);
        String[] t = new String[2];
        String[] keys = {"zh", "en"};
        for (int i = 0; i < 2; i++) {
            JsonNode v = n.path(keys[i]);
            if (!v.isTextual() || v.asText().isBlank()) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/" + keys[i], msg("monitoring.text-value", "found", found(v))));
            } else if (v.asText().length() > PAIR_MAX) {
                problems.add(new InputProblem(file, 0, 0, ptr + "/" + keys[i], msg("monitoring.text-long",
                        "length", v.asText().length(), "max", PAIR_MAX)));
            } else {
                t[i] = v.asText().strip();
            }
        }
        return problems.size() > before ? null : new Text(t[0], t[1]);
    }

    /** @return a true/false field's value, the default when absent; anything else is a problem */
    private static boolean flag(String file, JsonNode n, String ptr, boolean absent, List<InputProblem> problems) {
        if (n.isMissingNode()) {
            return absent;
        }
        if (!n.isBoolean()) {
            problems.add(new InputProblem(file, 0, 0, ptr, msg("monitoring.boolean", "found", found(n))));
            return absent;
        }
        return n.asBoolean();
    }

    private static String text(JsonNode n, String key) {
        return RulesLoader.text(n, key);
    }

    /** What a message says was found: a value quoted, or nothing (in each language, see {@link #msg}). */
    private static Object found(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? NOTHING : Bounded.quote(n.isTextual() ? n.asText() : n.toString());
    }

    /** Stands for a value that is absent, worded per language. */
    private static final Text NOTHING = new Text("（未填写）", "nothing");

    /** A message in both languages, any {@link #NOTHING} worded in each. */
    private static Text msg(String key, Object... args) {
        Object[] zh = args.clone();
        Object[] en = args.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == NOTHING) {
                zh[i] = NOTHING.zh();
                en[i] = NOTHING.en();
            }
        }
        return new Text(Msg.get("zh", key, zh), Msg.get("en", key, en));
    }
}
