package plancheck.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import plancheck.engine.AirReduction;
import plancheck.engine.Checker;
import plancheck.engine.CompiledRules;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.PlanFolders;
import plancheck.load.PlanMonitoring;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;
import plancheck.model.PlanTarget;
import plancheck.report.Report;

/**
 * The rules compiled once with the plans they judge: the one door of the command line and the service
 * into plancheck. Open it once (the rules are compiled, or reused compiled, see {@link CompiledRules});
 * then check any number of submissions: each submission is judged against the plan that covers its
 * region ({@code regions} of the plan's plan.yaml).
 */
public final class Workspace {

    private final RuleEngine engine;
    private final Map<String, RuleEngine> byRegion;
    private final List<RuleSet> plans;

    /** Each plan's townships (townships.yaml), read once. */
    private final Map<RuleSet, PlanMonitoring.Townships> towns = new java.util.IdentityHashMap<>();

    private Workspace(RuleEngine engine, Map<String, RuleEngine> byRegion, List<RuleSet> plans) {
        this.engine = engine;
        this.byRegion = byRegion;
        this.plans = plans;
        plans.forEach(rs -> towns.put(rs, PlanMonitoring.townships(rs)));
        byRegion.values().forEach(e -> towns.computeIfAbsent(e.rules(), PlanMonitoring::townships));
    }

    /** @return the townships of a plan of this workspace (read once when it opened; regions are checked in parallel) */
    private PlanMonitoring.Townships townsOf(RuleSet rules) {
        PlanMonitoring.Townships t = towns.get(rules);
        return t != null ? t : PlanMonitoring.townships(rules);
    }

    /**
     * @param rulesDir the rules folder
     * @param plans    a plan folder, a folder of plan folders, or null: the rules folder itself when it
     *                 holds a plan, else the plans folder beside it
     * @return the workspace
     * @throws InputException rules or plans that do not load or compile, no plan, or one region in two plans
     * @throws IOException    a folder that cannot be read
     */
    public static Workspace open(Path rulesDir, Path plans) throws InputException, IOException {
        return open(rulesDir, plans, CompiledRules.fromEnvironment());
    }

    /** The same with the cache of compiled rules given. */
    public static Workspace open(Path rulesDir, Path plans, CompiledRules cache) throws InputException, IOException {
        // the compiled rules are read from the cache while the plans load; when the plans do not load,
        // what was read ahead is dropped, not kept for the life of the process
        String ahead = CompiledRules.key(RuleSet.drlSha256(RulesLoader.drlSources(rulesDir)));
        cache.prefetch(ahead);
        try {
            return load(rulesDir, plans, cache);
        } finally {
            cache.dropPrefetched(ahead);
        }
    }

    private static Workspace load(Path rulesDir, Path plans, CompiledRules cache) throws InputException, IOException {
        List<Path> dirs;
        if (plans == null && PlanFolders.isPlan(rulesDir)) {
            dirs = List.of(rulesDir);
        } else {
            dirs = PlanFolders.list(plans == null ? PlanFolders.besideRules(rulesDir) : plans);
            if (dirs.isEmpty()) {
                PlanFolders.planFor(rulesDir, plans); // throws the message for "no plan"
            }
        }
        List<RuleSet> sets = new ArrayList<>();
        RulesLoader.Rules rules = dirs.size() > 1 ? RulesLoader.rules(rulesDir) : null;
        List<InputProblem> bad = new ArrayList<>();
        for (Path d : dirs) {
            try {
                sets.add(rules == null ? RulesLoader.load(rulesDir, d) : RulesLoader.load(rules, d));
            } catch (InputException e) {
                bad.addAll(e.problems());
            }
        }
        if (!bad.isEmpty()) {
            throw new InputException(bad.stream().distinct().toList());
        }
        RuleEngine first = RuleEngine.compile(sets.get(0), cache);
        Map<String, RuleEngine> byRegion = new TreeMap<>();
        Map<String, RuleSet> owner = new TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (RuleSet rs : sets) {
            RuleEngine e = rs == sets.get(0) ? first : first.withData(rs);
            List<String> covered = new ArrayList<>(rs.regions());
            PlanMonitoring.townships(rs).townships().forEach(t -> covered.add(t.name()));
            for (String region : covered) {
                RuleSet prev = owner.putIfAbsent(region, rs);
                if (prev != null) {
                    problems.add(new InputProblem(rs.planDir() + "/plan.yaml", 0, 0, "/regions",
                            Msg.text("app.region-in-two-plans", "region", region, "other", prev.planDir())));
                }
                byRegion.put(region, e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Workspace(first, Map.copyOf(byRegion), List.copyOf(sets));
    }

    /**
     * @param engine compiled rules with one plan's data
     * @return a workspace that judges the regions of that plan
     */
    public static Workspace of(RuleEngine engine) {
        Map<String, RuleEngine> byRegion = new TreeMap<>();
        engine.rules().regions().forEach(r -> byRegion.put(r, engine));
        PlanMonitoring.townships(engine.rules()).townships().forEach(t -> byRegion.put(t.name(), engine));
        return new Workspace(engine, Map.copyOf(byRegion), List.of(engine.rules()));
    }

    /**
     * @param limits the limits of every firing of the rules (see {@link plancheck.engine.FiringGuard})
     * @return the same workspace with those limits
     */
    public Workspace withLimits(plancheck.engine.FiringGuard.Limits limits) {
        Map<RuleEngine, RuleEngine> done = new java.util.IdentityHashMap<>();
        Map<String, RuleEngine> by = new TreeMap<>();
        byRegion.forEach((r, e) -> by.put(r, done.computeIfAbsent(e, x -> x.withLimits(limits))));
        return new Workspace(done.computeIfAbsent(engine, x -> x.withLimits(limits)), Map.copyOf(by), plans);
    }

    /** @return the compiled rules with the first plan's data */
    public RuleEngine engine() { return engine; }

    /** @return every plan, in folder order */
    public List<RuleSet> plans() { return plans; }

    /** @return the compiled rules with the data of the plan that covers a region, or null */
    public RuleEngine engineFor(String region) { return byRegion.get(region); }

    /**
     * @param region a submission's region
     * @return the region whose run it belongs to: a township's or street's county (its submissions are checked
     *         with the county's, townships.yaml), else the region itself
     */
    public String runRegion(String region) {
        RuleEngine e = byRegion.get(region);
        if (e == null) {
            return region;
        }
        PlanMonitoring.Townships t = townsOf(e.rules());
        return t.named(region) != null && t.county() != null ? t.county() : region;
    }

    /**
     * Reads, validates and checks submissions of one region.
     *
     * @param paths submission files or folders
     * @return the report
     * @throws InputException      bad submissions, a region no plan covers, several regions (exit 2)
     * @throws RuleDefectException rules that misbehave at run time (exit 2)
     * @throws IOException         unreadable files
     */
    public Checked check(List<Path> paths) throws InputException, RuleDefectException, IOException {
        return check(readReducing(paths));
    }

    /**
     * Submissions read with their daily air records reduced on the way ({@link AirReduction}): the
     * records are not kept, so memory does not grow with them.
     *
     * @param submissions the submissions (their air lists empty)
     * @param air         the air records reduced, or null when the rules have no standards
     */
    public record Reading(List<Submission> submissions, AirReduction air) {}

    /**
     * Reads and validates submissions, reducing daily air records as they are read.
     *
     * @param paths submission files or folders
     * @return the submissions and the reduced air records
     * @throws InputException bad submissions, or a region no plan covers
     * @throws IOException    unreadable files
     */
    public Reading readReducing(List<Path> paths) throws InputException, IOException {
        List<Path> files = SubmissionReader.expand(paths);
        if (engine.standards() == null) {
            List<Submission> subs = reader().readAll(files);
            validate(subs, null);
            return new Reading(subs, null);
        }
        AirReduction air = airReduction(Set.of());
        List<Submission> subs = reader().airTo(air::add).readAll(files);
        if (air.lateBackground()) {
            // a station marked as a background point after its values were summed: read once more, knowing it
            air = airReduction(air.background());
            subs = reader().airTo(air::add).readAll(files);
        }
        validate(subs, air);
        return new Reading(subs, air);
    }

    private AirReduction airReduction(Set<String> background) {
        return new AirReduction(engine.standards().tables(), region -> {
            RuleEngine e = byRegion.getOrDefault(region, engine);
            return e.standards() == null ? null : e.standards().airOn(plancheck.engine.Standards.yearEnd(e.rules().baseYear()));
        }, background);
    }

    /**
     * Checks submissions read by {@link #readReducing}.
     *
     * @param r the reading
     * @return the report
     * @throws InputException      submissions of several regions, or of a region no plan covers
     * @throws RuleDefectException rules that misbehave at run time
     */
    public Checked check(Reading r) throws InputException, RuleDefectException {
        return checkSubmissions(r.submissions(), r.air());
    }

    /**
     * Reads and validates submissions (every problem of every file at once).
     *
     * @param paths submission files or folders
     * @return the submissions
     * @throws InputException bad submissions, or a region no plan covers
     * @throws IOException    unreadable files
     */
    public List<Submission> read(List<Path> paths) throws InputException, IOException {
        return read(paths, new ArrayList<>());
    }

    /**
     * Reads and validates submissions, noting what the folders hold but cannot be read.
     *
     * @param paths submission files or folders
     * @param notes where unreadable sub-folders, dangling links and loops of links are noted with their path
     * @return the submissions
     * @throws InputException bad submissions, a path given that cannot be read, or a region no plan covers
     * @throws IOException    unreadable files
     */
    public List<Submission> read(List<Path> paths, List<InputProblem> notes) throws InputException, IOException {
        List<Submission> subs = reader().readAll(SubmissionReader.expand(paths, notes));
        validate(subs, null);
        return subs;
    }

    /**
     * Reads and validates one submission from bytes (an upload), with the same messages as a file.
     *
     * @param name  the file's name, shown in messages
     * @param bytes its content
     * @return the submission
     * @throws InputException every structural problem, or a region no plan covers
     */
    public Submission readUpload(String name, byte[] bytes) throws InputException {
        Submission s = reader().readOne(name, bytes);
        validate(List.of(s), null);
        return s;
    }

    private volatile plancheck.load.Catalogue catalogue;
    private volatile int lastYear;

    /** @return a reader that knows every plan's targets (ids, names, units, calibers) */
    private SubmissionReader reader() {
        if (catalogue == null) {
            // once per workspace: with thousands of plans, once per read would cost plans × targets each time
            List<PlanTarget> all = new ArrayList<>();
            Set<String> townships = new TreeSet<>();
            int last = 0;
            for (RuleSet rs : plans) {
                all.addAll(rs.targets());
                townships.addAll(townsOf(rs).ownIds(rs));
                last = Math.max(last, rs.targetYear());
            }
            lastYear = last;
            catalogue = plancheck.load.Catalogue.of(all, townships);
        }
        return new SubmissionReader(catalogue, lastYear).regions(byRegion::containsKey,
                new plancheck.model.Text(covered("zh"), covered("en")));
    }

    private void validate(List<Submission> subs, AirReduction air) throws InputException {
        List<InputProblem> problems = new ArrayList<>();
        for (Submission s : subs) {
            RuleEngine e = byRegion.get(s.region());
            if (e == null) {
                problems.add(new InputProblem(s.file(), 0, 0, "/region", notCovered(s.region())));
                continue;
            }
            problems.addAll(townshipProblems(s, !s.air().isEmpty() || air != null && air.count(s.file()) > 0, e.rules(),
                    townsOf(e.rules())));
            if (plans.size() > 1) {
                Set<String> own = new java.util.HashSet<>(townsOf(e.rules()).ownIds(e.rules()));
                e.rules().targets().forEach(t -> own.add(t.id()));
                for (Submission.IndicatorValue v : s.indicators()) {
                    if (!own.contains(v.id())) {
                        problems.add(new InputProblem(s.file(), 0, 0, v.pointer() + "/id", Msg.text(
                                "app.indicator-not-in-plan", "id", v.id(), "plan", e.rules().planDir())));
                    }
                }
                if (s.year() > e.rules().targetYear()) {
                    problems.add(new InputProblem(s.file(), 0, 0, "/year", Msg.text("app.year-after-plan",
                            "year", s.year(), "plan", e.rules().planDir(), "targetYear", e.rules().targetYear())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** @return submission path → its submitter as written, for those that name one */
    private static java.util.SortedMap<String, String> submitters(List<Submission> subs) {
        TreeMap<String, String> m = new TreeMap<>();
        subs.forEach(s -> {
            if (s.submitter() != null && !s.submitter().isBlank()) {
                m.put(s.file(), s.submitter());
            }
        });
        return m;
    }

    /**
     * What a submission may not hold because of townships: a township's submission gives its assigned targets'
     * and the townships' figures as indicator values, and no records; a county's submission does not give the
     * figures that only townships submit (the county's are summed from its records).
     */
    private static List<InputProblem> townshipProblems(Submission s, boolean hasAir, RuleSet rules,
                                                       PlanMonitoring.Townships towns) {
        List<InputProblem> out = new ArrayList<>();
        if (towns.named(s.region()) != null) {
            Set<String> ids = towns.idsFor(s.region());
            for (Submission.IndicatorValue v : s.indicators()) {
                if (!ids.contains(v.id())) {
                    out.add(new InputProblem(s.file(), 0, 0, v.pointer() + "/id", Msg.text("monitoring.township-id",
                            "township", s.region(), "id", plancheck.model.Bounded.cut(v.id()), "ids", String.join(", ", ids))));
                }
            }
            List<String> kinds = new ArrayList<>();
            if (!s.water().isEmpty()) kinds.add("waterSamples");
            if (hasAir) kinds.add("airDaily");
            if (!s.accidents().isEmpty()) kinds.add("accidents");
            if (!s.energy().isEmpty()) kinds.add("energyUse");
            if (!s.crops().isEmpty()) kinds.add("cropOutput");
            if (!kinds.isEmpty()) {
                out.add(new InputProblem(s.file(), 0, 0, "/" + kinds.get(0), Msg.text("monitoring.township-records",
                        "kinds", String.join(", ", kinds))));
            }
        } else {
            Set<String> own = towns.ownIds(rules);
            for (Submission.IndicatorValue v : s.indicators()) {
                if (own.contains(v.id())) {
                    out.add(new InputProblem(s.file(), 0, 0, v.pointer() + "/id",
                            Msg.text("monitoring.county-township-figure", "id", v.id())));
                }
            }
        }
        return out;
    }

    /**
     * @return "垫江县 (plans/dianjiang-15th)" for every region of the plans, at most ten, and where each plan lists
     *         its townships, e.g. "24 townships (plans/dianjiang-15th/townships.yaml)" (for messages, in English)
     */
    public String covered() {
        return covered("en");
    }

    /**
     * @param lang "zh" or "en"
     * @return what the plans cover, in that language: the regions with their plan folders, at most ten, and each
     *         plan's townships counted, e.g. "24个乡镇（街道）(plans/dianjiang-15th/townships.yaml)"
     */
    public String covered(String lang) {
        List<String> l = new ArrayList<>();
        int n = 0;
        for (RuleSet rs : plans) {
            for (String r : rs.regions()) {
                if (n++ < 10) {
                    l.add(r + " (" + rs.planDir() + ")");
                }
            }
        }
        for (RuleSet rs : plans) {
            PlanMonitoring.Townships t = townsOf(rs);
            if (!t.townships().isEmpty()) {
                l.add(Msg.get(lang, "app.townships-covered", "n", t.townships().size(), "file", t.file()));
            }
        }
        return String.join(", ", l) + (n > 10 ? ", … (" + n + ")" : "");
    }

    /**
     * @param region a submission's region that no plan covers
     * @return the message naming what the plans do cover, in both languages
     */
    public plancheck.model.Text notCovered(String region) {
        String r = plancheck.model.Bounded.cut(region);
        return new plancheck.model.Text(Msg.get("zh", "app.region-not-covered", "region", r, "covered", covered("zh")),
                Msg.get("en", "app.region-not-covered", "region", r, "covered", covered("en")));
    }

    /**
     * Checks validated submissions of one region against the plan that covers it.
     *
     * @param subs submissions, all of one region (at least one)
     * @return the report
     * @throws InputException      submissions of several regions, or of a region no plan covers
     * @throws RuleDefectException rules that misbehave at run time
     */
    public Checked checkSubmissions(List<Submission> subs) throws InputException, RuleDefectException {
        return checkSubmissions(subs, null);
    }

    private Checked checkSubmissions(List<Submission> subs, AirReduction air) throws InputException, RuleDefectException {
        // the plan of the submissions' regions (a township's is its county's plan)
        Set<RuleEngine> engines = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        subs.forEach(s -> engines.add(byRegion.get(s.region())));
        RuleEngine e = engines.size() == 1 ? engines.iterator().next() : engine;
        if (e == null) {
            e = engine; // read() refuses such submissions; callers that build submissions get Checker's message
        }
        Checker.Result res = Checker.check(e, subs, air);
        RuleSet rules = e.rules();
        TreeMap<String, String> inputs = new TreeMap<>();
        subs.forEach(s -> inputs.put(s.file(), s.sha256()));
        Report report = new Report(rules.planId(), rules.baseYear(), rules.targetYear(), res.region(), inputs,
                rules.combinedSha256(), rules.files(), res.outcome().firings(), res.outcome().findings(),
                rules.dir(), rules.planDir(), submitters(subs));
        return new Checked(report, rules, subs);
    }
}
