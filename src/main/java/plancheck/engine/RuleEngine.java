package plancheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.RuleSet;

/**
 * Compiles the DRL files of a rule set at run time (the classic DRL compiler, so a file dropped into
 * {@code rules/} is picked up without a rebuild and its errors name file and line) and fires them
 * against facts.
 */
public final class RuleEngine {

    private static final String PREFIX = "src/main/resources/plancheck/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase kieBase;
    private final RuleSet rules;
    private final Standards standards;
    private final Build build;

    private RuleEngine(KieBase kieBase, RuleSet rules, Standards standards, Build build) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.standards = standards;
        this.build = build;
    }

    /**
     * How the compiled rules were obtained.
     *
     * @param source  compiled from the DRL now, or reused from memory or from the disk cache
     * @param millis  the time it took
     * @param files   the number of DRL files
     * @param cached  the cache file written or read, or null
     */
    public record Build(CompiledRules.Source source, long millis, int files, java.nio.file.Path cached) {}

    /**
     * Compiles the rule set's DRL files, or reuses them compiled (see {@link CompiledRules}; the cache
     * of the environment).
     *
     * @param rules the rule set
     * @return an engine ready to fire
     * @throws InputException listing every compilation error with file and line (contract §1: exit 2)
     */
    public static RuleEngine compile(RuleSet rules) throws InputException {
        return compile(rules, CompiledRules.fromEnvironment());
    }

    /**
     * Compiles the rule set's DRL files unless the same DRL was compiled before by this build: then the
     * compiled rules are taken from memory or from the cache folder.
     *
     * @param rules the rule set
     * @param cache where compiled rules are kept
     * @return an engine ready to fire
     * @throws InputException listing every compilation error with file and line (contract §1: exit 2)
     */
    public static RuleEngine compile(RuleSet rules, CompiledRules cache) throws InputException {
        long t0 = System.nanoTime();
        Standards standards = Standards.load(java.nio.file.Path.of(rules.dir()));
        String key = CompiledRules.key(rules.drlSha256());
        KieBase known = CompiledRules.fromMemory(key);
        if (known != null) {
            return new RuleEngine(known, rules, standards,
                    new Build(CompiledRules.Source.MEMORY, millisSince(t0), rules.drl().size(), null));
        }
        KieBase stored = cache.awaitPrefetched(key);
        if (stored == null) {
            stored = cache.read(key);
        }
        if (stored != null) {
            CompiledRules.remember(key, stored);
            return new RuleEngine(stored, rules, standards,
                    new Build(CompiledRules.Source.DISK, millisSince(t0), rules.drl().size(), cache.dir()));
        }
        KieBase base = build(rules);
        CompiledRules.remember(key, base);
        boolean written = cache.write(key, base);
        return new RuleEngine(base, rules, standards, new Build(CompiledRules.Source.COMPILED, millisSince(t0),
                rules.drl().size(), written ? cache.dir() : null));
    }

    /**
     * Compiles the DRL now, whatever is cached (the benchmark measures compilation with it).
     *
     * @param rules the rule set
     * @return an engine ready to fire
     * @throws InputException listing every compilation error with file and line
     */
    public static RuleEngine compileWithoutCache(RuleSet rules) throws InputException {
        long t0 = System.nanoTime();
        Standards standards = Standards.load(java.nio.file.Path.of(rules.dir()));
        KieBase base = build(rules);
        return new RuleEngine(base, rules, standards,
                new Build(CompiledRules.Source.COMPILED, millisSince(t0), rules.drl().size(), null));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A DRL parser error as the compiler reports it: "[ERR 102] Line 2:18 mismatched input …". */
    private static final java.util.regex.Pattern SYNTAX_ERROR = java.util.regex.Pattern.compile("\\[ERR \\d+\\]");

    /** The longest compiler message quoted (a message may quote a whole rule). */
    private static final int MESSAGE_MAX = 400;

    /** The most compilation errors listed; the rest are counted. */
    private static final int PROBLEMS_MAX = 40;

    /**
     * Compiles the DRL with the classic compiler (errors name file and line). When a file does not parse,
     * only the parse errors are listed, with a count of the errors that follow from them.
     */
    private static KieBase build(RuleSet rules) throws InputException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("plancheck", "rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        Map<String, String> back = new TreeMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : rules.drl().entrySet()) {
            String name = String.format("f%04d.drl", i++);
            back.put(name, e.getKey());
            String path = PREFIX + name;
            // Bytes in UTF-8, declared as such: the DRL holds Chinese text, and the platform's default
            // charset (ASCII where no locale is set) must not change what the rules say.
            kfs.write(new org.drools.io.ByteArrayResource(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8), "UTF-8")
                    .setSourcePath(path).setResourceType(org.kie.api.io.ResourceType.DRL));
        }
        KieBuilder kb = ks.newKieBuilder(kfs);
        kb.buildAll(org.drools.compiler.kie.builder.impl.DrlProject.class);
        List<InputProblem> syntax = new ArrayList<>();
        List<InputProblem> other = new ArrayList<>();
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            String p = m.getPath() == null ? "" : m.getPath();
            String file = back.getOrDefault(p.substring(p.lastIndexOf('/') + 1), p.isEmpty() ? rules.dir() : p);
            String text = m.getText() == null ? "" : m.getText().replace('\n', ' ').trim();
            if (text.equals("Parser returned a null Package") && errors.size() > 1) {
                continue; // a consequence of the syntax error reported beside it
            }
            // the parser's errors ("[ERR 102] Line 2:18 mismatched input …") come first: after one, the
            // package's functions and declared types are missing, and every other file fails because of it
            (SYNTAX_ERROR.matcher(text).lookingAt() ? syntax : other).add(new InputProblem(file, Math.max(0, m.getLine()),
                    Math.max(0, m.getColumn()), "", plancheck.i18n.Msg.text("engine.drl-compile", "detail",
                            plancheck.model.Bounded.cut(text, MESSAGE_MAX))));
        }
        syntax.sort(null);
        other.sort(null);
        List<InputProblem> problems = new ArrayList<>(syntax.isEmpty() ? other : syntax);
        if (!syntax.isEmpty() && !other.isEmpty()) {
            problems.add(new InputProblem(rules.dir(), 0, 0, "",
                    plancheck.i18n.Msg.text("rules.drl-consequential", "count", other.size())));
        }
        if (problems.size() > PROBLEMS_MAX) {
            int more = problems.size() - PROBLEMS_MAX;
            problems = new ArrayList<>(problems.subList(0, PROBLEMS_MAX));
            problems.add(new InputProblem(rules.dir(), 0, 0, "", plancheck.i18n.Msg.text("rules.drl-more", "count", more)));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(id);
            throw new InputException(problems, false); // syntax errors first, then a count of the rest
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        ks.getRepository().removeKieModule(id);
        return base;
    }

    /** The outcome of one run: findings in report order, and which rule produced each. */
    public record Outcome(List<plancheck.model.Finding> findings, SortedMap<String, Long> firings) {}

    /**
     * Inserts the facts, fires every rule, and collects the findings the rules inserted.
     *
     * @param facts facts (targets, parameters, years, observations, records)
     * @return the findings in report order (contract §3)
     * @throws RuleDefectException when the rules misbehave: a message key that does not exist, or two
     *                             verdicts for one target, year and subject
     */
    public Outcome fire(Collection<?> facts, Emit out) throws RuleDefectException {
        KieSession session = kieBase.newKieSession();
        SortedMap<String, Long> firings = new TreeMap<>();
        try {
            java.util.Set<String> globals = new java.util.HashSet<>();
            kieBase.getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> globals.add(g.getName())));
            if (globals.contains("out")) {
                session.setGlobal("out", out);
            }
            if (globals.contains("std")) {
                if (standards == null) {
                    throw new RuleDefectException(List.of("the rules use the global std, but "
                            + rules.dir() + "/standards holds no standards tables"));
                }
                session.setGlobal("std", standards);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
                }
            });
            // Which rule inserted which observation: findings on a derived value name the rule that derived it.
            session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                    out.inserted(event.getObject(), event.getRule());
                }
            });
            FiringGuard guard = new FiringGuard(session, limits, this::fileOfRule);
            try {
                try {
                    for (Object f : facts) {
                        session.insert(f);
                    }
                    session.fireAllRules();
                } finally {
                    guard.close();
                }
            } catch (org.kie.api.runtime.rule.ConsequenceException ex) {
                Throwable c = ex.getCause() == null ? ex : ex.getCause();
                throw new RuleDefectException(List.of("rule \"" + ex.getMatch().getRule().getName()
                        + "\" failed while firing: " + plancheck.model.Bounded.cut(String.valueOf(c), 500)));
            } catch (RuntimeException ex) {
                // a condition that throws (e.g. a division by zero in a constraint): name the rules file
                throw new RuleDefectException(List.of("a rule's condition failed while matching: "
                        + plancheck.model.Bounded.cut(realFileNames(String.valueOf(ex.getMessage())), 500)));
            } catch (Error e) {
                throw FiringGuard.asDefect(e, guard);
            }
            if (guard.tripped()) {
                throw guard.exception();
            }
            List<plancheck.model.Finding> findings = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof plancheck.model.Finding)) {
                findings.add((plancheck.model.Finding) o);
            }
            findings.sort(plancheck.model.Finding.REPORT_ORDER);
            List<String> defects = new ArrayList<>(out.problems());
            for (int i = 1; i < findings.size(); i++) {
                plancheck.model.Finding a = findings.get(i - 1);
                plancheck.model.Finding b = findings.get(i);
                if (a.year() == b.year() && a.indicator().equals(b.indicator()) && a.subject().equals(b.subject())) {
                    defects.add("two verdicts for " + a.indicator() + " " + a.year() + " (" + a.subject() + "): rules \""
                            + a.rule() + "\" and \"" + b.rule() + "\"");
                }
            }
            if (!defects.isEmpty()) {
                throw new RuleDefectException(defects);
            }
            return new Outcome(findings, firings);
        } finally {
            session.dispose();
        }
    }

    /**
     * The same compiled rules over other data (catalogue entries, parameters), without compiling again:
     * the scenario runner uses it for scenarios that override parameters or targets.
     *
     * @param other a rule set whose DRL sources are the same as this engine's (same texts, in order)
     * @return an engine sharing this one's knowledge base
     * @throws IllegalArgumentException when the DRL differs (compile {@code other} instead)
     */
    public RuleEngine withData(RuleSet other) {
        if (!new java.util.ArrayList<>(other.drl().values()).equals(new java.util.ArrayList<>(rules.drl().values()))) {
            throw new IllegalArgumentException("the rule set's DRL differs from the compiled one");
        }
        RuleEngine e = new RuleEngine(kieBase, other, standards, build);
        e.limits = limits;
        return e;
    }

    /** The limits of one firing (see {@link FiringGuard}). */
    private FiringGuard.Limits limits = FiringGuard.Limits.fromEnvironment();

    /**
     * @param l the limits of every firing of this engine
     * @return this engine, with its limits set
     */
    public RuleEngine withLimits(FiringGuard.Limits l) {
        RuleEngine e = new RuleEngine(kieBase, rules, standards, build);
        e.limits = l;
        return e;
    }

    /** @return the limits of a firing */
    public FiringGuard.Limits limits() { return limits; }

    /** @return the rules file a rule comes from, or null */
    private String fileOfRule(String rule) {
        for (org.kie.api.definition.KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (r.getName().equals(rule) && r instanceof org.drools.base.definitions.rule.impl.RuleImpl ri
                        && ri.getResource() != null && ri.getResource().getSourcePath() != null) {
                    String src = ri.getResource().getSourcePath();
                    return realFileNames(src.substring(src.lastIndexOf('/') + 1));
                }
            }
        }
        return null;
    }

    /** Replaces the compiler's internal file names (f0018.drl) by the rules files they came from. */
    private String realFileNames(String message) {
        String m = message;
        int i = 0;
        for (String path : rules.drl().keySet()) {
            m = m.replace("plancheck/rules/" + String.format("f%04d.drl", i), path)
                 .replace(String.format("f%04d.drl", i), path);
            i++;
        }
        return m;
    }

    /** @return the compiled rule base (the cache writes it) */
    KieBase kieBase() { return kieBase; }

    /** @return how the compiled rules were obtained (compiled now, or reused) */
    public Build build() { return build; }

    /** @return the standards' tables (null when the rules folder has none). */
    public Standards standards() { return standards; }

    /** @return the rule set this engine was compiled from. */
    public RuleSet rules() { return rules; }

    /** @return every rule of the knowledge base as "package.name" → its metadata, sorted. */
    public SortedMap<String, Map<String, Object>> ruleMetadata() {
        SortedMap<String, Map<String, Object>> m = new TreeMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> m.put(r.getName(), new TreeMap<>(r.getMetaData()))));
        return m;
    }
}
