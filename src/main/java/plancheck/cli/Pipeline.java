package plancheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import plancheck.engine.Checker;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.load.InputException;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;
import plancheck.model.PlanTarget;
import plancheck.report.Report;

/**
 * The main job as one call: read the rules folder, compile it, read and validate the submissions,
 * fire the rules and assemble the report. Nothing is written here.
 */
public final class Pipeline {
    private Pipeline() {}

    /** A finished check: the report and the rule set it used. */
    public record Checked(Report report, RuleSet rules) {}

    /**
     * @param rulesDir the rules folder
     * @param paths    submission files or folders
     * @return the report
     * @throws InputException      bad submissions or rules that do not load or compile (exit 2)
     * @throws RuleDefectException rules that misbehave at run time (exit 2)
     * @throws IOException         unreadable files
     */
    public static Checked check(Path rulesDir, List<Path> paths)
            throws InputException, RuleDefectException, IOException {
        RuleSet rules = RulesLoader.load(rulesDir);
        RuleEngine engine = RuleEngine.compile(rules);
        return check(engine, paths);
    }

    /** The same with rules already compiled (the benchmark and the scenario runner reuse them). */
    public static Checked check(RuleEngine engine, List<Path> paths)
            throws InputException, RuleDefectException, IOException {
        RuleSet rules = engine.rules();
        Set<String> ids = rules.targets().stream().map(PlanTarget::id).collect(Collectors.toSet());
        List<Submission> subs = new SubmissionReader(ids, rules.targetYear()).readAll(SubmissionReader.expand(paths));
        Checker.Result res = Checker.check(engine, subs);
        TreeMap<String, String> inputs = new TreeMap<>();
        subs.forEach(s -> inputs.put(s.file(), s.sha256()));
        Report report = new Report(rules.planId(), rules.baseYear(), rules.targetYear(), res.region(), inputs,
                rules.combinedSha256(), rules.files(), res.outcome().firings(), res.outcome().findings());
        return new Checked(report, rules);
    }
}
