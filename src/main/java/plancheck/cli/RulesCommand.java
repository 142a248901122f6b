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

import plancheck.analyst.DrlRules;
import plancheck.analyst.Lint;
import plancheck.analyst.RuleList;
import plancheck.analyst.ScenarioRunner;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.RulesLoader;

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
        subcommands = {RulesCommand.LintCommand.class, RulesCommand.TestCommand.class, RulesCommand.ListCommand.class})
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
            out.flush();
            return r.ok() ? 0 : 1;
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
