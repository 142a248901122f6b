package plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.analyst.BoundaryCases;
import plancheck.analyst.DrlRules;
import plancheck.analyst.Examples;
import plancheck.analyst.Lint;
import plancheck.analyst.RuleList;
import plancheck.analyst.ScenarioRunner;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.RulesLoader;
import plancheck.engine.RuleEngine;

/**
 * {@code plancheck rules lint|test|list [--rules DIR]}: the analysts' commands (docs/adding-a-rule.md).
 *
 * <ul>
 *   <li>{@code lint}: compiles the folder and checks the catalogue ({@link Lint}); prints every problem as
 *       {@code file:line:column: pointer: message}. Exit 0 clean, 1 problems found, 2 no such folder.</li>
 *   <li>{@code test}: runs the scenarios under {@code DIR/scenarios} ({@link ScenarioRunner},
 *       docs/scenarios.md); fails when a scenario fails, expects nothing, or when a rule of any
 *       {@code *.drl} fired in no scenario. Exit 0 all pass and every rule is covered, 1 otherwise,
 *       2 the rules do not load or compile.</li>
 *   <li>{@code list}: every target and rule with its source clause, kind, binding attribute and file:line.
 *       Exit 0, or 2 when the rules do not load.</li>
 * </ul>
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Analysts' commands: lint, test and list the rules.",
        subcommands = {RulesCommand.LintCommand.class, RulesCommand.TestCommand.class, RulesCommand.ListCommand.class,
                RulesCommand.GoldenCommand.class})
public final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_INPUT;
    }

    /** {@code plancheck rules lint [--rules DIR]}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Compile the rules folder and check the catalogue; print every problem with file:line.")
    public static final class LintCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path rules = opts.rules();
            if (!java.nio.file.Files.isDirectory(rules)) {
                spec.commandLine().getErr().println("plancheck rules lint: " + rules + ": rules folder not found");
                return Main.EXIT_INPUT;
            }
            Path plan;
            try {
                plan = opts.planDir();
            } catch (InputException e) {
                return CheckCommand.printProblems(spec.commandLine().getErr(), e.problems());
            }
            Lint.Result r = Lint.run(rules, plan);
            for (InputProblem p : r.problems()) {
                out.println(p);
            }
            if (r.clean()) {
                out.printf("rules lint: %s is clean: %d DRL file(s) with %d rule(s) compile; %d target(s), %d parameter(s) checked%n",
                        rules, r.drlFiles(), r.rules(), r.targets(), r.parameters());
            } else {
                out.printf("rules lint: %d problem(s) in %s%n", r.problems().size(), rules);
            }
            out.flush();
            return r.clean() ? 0 : 1;
        }
    }

    /** {@code plancheck rules test [--rules DIR]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the scenarios kept beside the rules; fail on a failed scenario or a rule no scenario fires.")
    public static final class TestCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @Option(names = {"-v", "--verbose"}, description = "list every scenario, not only the failed ones")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path rules = opts.rules();
            if (!java.nio.file.Files.isDirectory(rules)) {
                err.println("plancheck rules test: " + rules + ": rules folder not found");
                return Main.EXIT_INPUT;
            }
            Path plan;
            try {
                plan = opts.planDir();
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems());
            }
            List<Path> files = ScenarioRunner.scenarioFiles(rules);
            ScenarioRunner.Result r = ScenarioRunner.run(rules, plan, files);
            if (!r.problems().isEmpty()) {
                return CheckCommand.printProblems(err, r.problems());
            }
            int failed = 0;
            int expectations = 0;
            for (Map.Entry<String, List<ScenarioRunner.Outcome>> e : ScenarioRunner.byFile(r.outcomes()).entrySet()) {
                for (ScenarioRunner.Outcome o : e.getValue()) {
                    expectations += o.expectations();
                    if (o.ok()) {
                        if (verbose) {
                            out.println("ok    " + o.name() + "  (" + o.file() + ":" + o.line() + ")");
                        }
                    } else {
                        failed++;
                        out.println("FAIL  " + o.name() + "  (" + o.file() + ":" + o.line() + ")");
                        o.messages().forEach(m -> out.println("    " + m.replace("\n", "\n    ")));
                    }
                }
            }
            if (files.isEmpty()) {
                out.println("FAIL  no scenario found under " + rules.resolve("scenarios") + " (docs/scenarios.md)");
            }
            if (!r.uncovered().isEmpty()) {
                out.println("FAIL  " + r.uncovered().size() + " rule(s) fired in no scenario (each rule needs a scenario that makes it fire):");
                for (DrlRules.Rule u : r.uncovered()) {
                    out.println("    " + u.where() + "  rule \"" + u.name() + "\"" + (u.meta().get("kind") == null ? "" : "  @kind " + u.meta().get("kind")));
                }
            }
            out.printf("rules test: %d scenario(s) in %d file(s), %d expectation(s): %d passed, %d failed; rules fired: %d of %d%n",
                    r.outcomes().size(), files.size(), expectations, r.outcomes().size() - failed, failed,
                    r.rules().size() - r.uncovered().size(), r.rules().size());
            boolean more;
            try {
                more = boundaries(out, rules, plan) & examples(out, rules, facts, golden);
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems());
            }
            out.flush();
            return r.ok() && more ? 0 : 1;
        }

        @Option(names = "--facts", paramLabel = "DIR",
                description = "the example submissions (default: facts/ beside the rules folder)")
        Path facts;

        @Option(names = "--golden", paramLabel = "DIR",
                description = "the reviewed report on the examples (default: " + Examples.GOLDEN + " beside the rules folder)")
        Path golden;

        /** Every catalogue target at its boundaries with the plan's own numbers ({@link BoundaryCases}). */
        private boolean boundaries(PrintWriter out, Path rules, Path plan) throws InputException, IOException {
            RuleEngine engine = RuleEngine.compile(RulesLoader.load(rules, plan));
            BoundaryCases.Result b = BoundaryCases.run(engine);
            for (BoundaryCases.Failure f : b.failures()) {
                out.println("FAIL  boundary of target '" + f.target() + "' [judge " + f.judge() + "] (" + f.file() + "): "
                        + f.label());
                out.println("    " + f.text());
            }
            b.noRecipe().forEach((kind, ids) -> out.println("note  judge kind '" + kind + "' (" + ids.size() + " target(s): "
                    + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "")
                    + ") has no built-in boundary recipe: its scenarios must sit at its boundaries (docs/scenarios.md)"));
            out.printf("rules test: boundaries of %d target(s) with the plan's own numbers, %d case(s)%s: %d failed%n",
                    b.targets(), b.cases(), b.outOfRange() == 0 ? "" : " (" + b.outOfRange()
                            + " left out: a value beyond a plausible range is a data problem, not a verdict)", b.failures().size());
            return b.ok();
        }

        /** Every target shown on the examples; the golden report unchanged ({@link Examples}). */
        private boolean examples(PrintWriter out, Path rules, Path factsDir, Path goldenDir) throws IOException {
            Path f = factsDir != null ? factsDir : Examples.factsBeside(rules);
            if (!java.nio.file.Files.isDirectory(f)) {
                out.println("note  no example submissions at " + f + ": the examples and the golden report are not checked (give --facts DIR)");
                return true;
            }
            plancheck.app.Checked c;
            try {
                c = Examples.check(rules, opts.planOption(), f);
            } catch (InputException e) {
                out.println("FAIL  the example submissions in " + f + " do not check (exit 2):");
                e.problems().stream().limit(20).forEach(p -> out.println("    " + p));
                return false;
            } catch (plancheck.engine.RuleDefectException e) {
                out.println("FAIL  the rules misbehave on the example submissions in " + f + ":");
                e.defects().stream().limit(20).forEach(d -> out.println("    " + d));
                return false;
            }
            List<Examples.Missing> missing = Examples.targetsNotShown(c);
            for (Examples.Missing m : missing) {
                out.println("FAIL  examples: " + Examples.advice(m, f.toString(), c.report().baseYear() + 1));
            }
            boolean ok = missing.isEmpty();
            Path g = goldenDir != null ? goldenDir : Examples.goldenBeside(rules);
            if (goldenDir == null && !Examples.runFromRoot(rules)) {
                out.println("note  the golden report is compared only when run from the folder that holds the rules folder");
            } else if (!java.nio.file.Files.isDirectory(g)) {
                out.println("note  no golden report at " + g + ": not compared");
            } else {
                List<String> diffs = Examples.compare(Examples.golden(c), g);
                for (String d : diffs) {
                    out.println("FAIL  golden report: " + d);
                }
                if (!diffs.isEmpty()) {
                    out.println("    if the change is intended: plancheck rules golden (writes " + g
                            + " again), then review git diff " + g);
                    ok = false;
                }
            }
            out.printf("rules test: examples in %s: %d target(s) not shown%s%n", f, missing.size(),
                    java.nio.file.Files.isDirectory(g) ? "; golden report " + g + " compared" : "");
            return ok;
        }
    }

    /** {@code plancheck rules golden}: writes the reviewed report on the examples again. */
    @Command(name = "golden", mixinStandardHelpOptions = true,
            description = "Write the golden report (report.json, report.md) on the example submissions again, after a deliberate change; review it with git diff.")
    public static final class GoldenCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @Option(names = "--facts", paramLabel = "DIR", description = "the example submissions (default: facts/ beside the rules folder)")
        Path facts;

        @Option(names = "--golden", paramLabel = "DIR",
                description = "where the golden report goes (default: " + Examples.GOLDEN + " beside the rules folder)")
        Path golden;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path f = facts != null ? facts : Examples.factsBeside(opts.rules());
            Path g = golden != null ? golden : Examples.goldenBeside(opts.rules());
            if (golden == null && !Examples.runFromRoot(opts.rules())) {
                err.println("plancheck rules golden: run it from the folder that holds the rules folder (the repository root), "
                        + "or give --golden DIR: the report names its inputs relative to the working folder");
                return Main.EXIT_INPUT;
            }
            try {
                plancheck.app.Checked c = Examples.check(opts.rules(), opts.planOption(), f);
                Examples.write(Examples.golden(c), g);
                spec.commandLine().getOut().println("rules golden: wrote " + g.resolve("report.json") + " and "
                        + g.resolve("report.md") + " from " + c.report().inputs().size() + " example submission(s); review: git diff " + g);
                return 0;
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems());
            } catch (plancheck.engine.RuleDefectException e) {
                err.println("plancheck: the rules misbehaved; nothing written:");
                e.defects().forEach(d -> err.println("  " + d));
                return Main.EXIT_INPUT;
            }
        }
    }

    /** {@code plancheck rules list [--rules DIR]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every target and rule with its source clause, kind and binding attribute.")
    public static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @Override
        public Integer call() throws IOException {
            try {
                spec.commandLine().getOut().print(RuleList.render(opts.load(), opts.rules()));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InputException e) {
                return CheckCommand.printProblems(spec.commandLine().getErr(), e.problems());
            }
        }
    }
}
