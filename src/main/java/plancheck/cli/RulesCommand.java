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
import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/**
 * {@code plancheck rules lint|test|list|golden [--rules DIR] [--lang zh|en]}: the analysts' commands
 * (docs/adding-a-rule.md). They speak Chinese by default and English with {@code --lang en}; the messages
 * live in {@code plancheck/i18n/analyst.yaml}.
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

    /** The most characters of a scenario's or a rule's name printed (an analyst reads it whole). */
    static final int NAME = 200;

    /** {@code --lang zh|en}: the language of what the analysts' commands print (Chinese by default). */
    public static final class LangOption {
        @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
                description = "language of the messages (default: ${DEFAULT-VALUE})")
        String lang;
    }

    /** @return exit status 2 after saying that the rules folder is missing or a file, or null when it is a folder */
    private static Integer noFolder(CommandLine.Model.CommandSpec spec, Path rules, String lang) {
        plancheck.model.Text wrong = plancheck.load.RulesLoader.folderProblem(rules, true);
        if (wrong == null) {
            return null;
        }
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + rules + ": " + wrong.in(lang));
        return Main.EXIT_INPUT;
    }

    /** Prints a message in {@code lang}. */
    private static void say(PrintWriter out, String lang, String key, Object... args) {
        out.println(Msg.get(lang, key, args));
    }

    /** {@code plancheck rules lint [--rules DIR] [--lang zh|en]}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Compile the rules folder and check the catalogue; print every problem with file:line.")
    public static final class LintCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @CommandLine.Mixin
        LangOption l;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String lang = l.lang;
            if (!CheckCommand.langOk(lang, err)) {
                return Main.EXIT_INPUT;
            }
            Path rules = opts.rules();
            Integer missing = noFolder(spec, rules, lang);
            if (missing != null) {
                return missing;
            }
            Path plan;
            try {
                plan = opts.planDir();
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems(), lang);
            }
            Lint.Result r = Lint.run(rules, plan);
            for (InputProblem p : r.problems()) {
                out.println(p.format(lang));
            }
            if (r.clean()) {
                say(out, lang, "analyst.lint-clean", "dir", rules, "drl", r.drlFiles(), "rules", r.rules(),
                        "targets", r.targets(), "parameters", r.parameters());
            } else {
                say(out, lang, "analyst.lint-problems", "count", r.problems().size(), "dir", rules);
            }
            out.flush();
            return r.clean() ? 0 : 1;
        }
    }

    /** {@code plancheck rules test [--rules DIR] [--lang zh|en]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the scenarios kept beside the rules; fail on a failed scenario or a rule no scenario fires.")
    public static final class TestCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @CommandLine.Mixin
        LangOption l;

        @Option(names = {"-v", "--verbose"}, description = "list every scenario, not only the failed ones")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String lang = l.lang;
            if (!CheckCommand.langOk(lang, err)) {
                return Main.EXIT_INPUT;
            }
            Path rules = opts.rules();
            Integer missing = noFolder(spec, rules, lang);
            if (missing != null) {
                return missing;
            }
            Path plan;
            try {
                plan = opts.planDir();
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems(), lang);
            }
            List<Path> files = ScenarioRunner.scenarioFiles(rules);
            ScenarioRunner.Result r = ScenarioRunner.run(rules, plan, files);
            if (!r.problems().isEmpty()) {
                return CheckCommand.printProblems(err, r.problems(), lang);
            }
            int failed = 0;
            int expectations = 0;
            for (Map.Entry<String, List<ScenarioRunner.Outcome>> e : ScenarioRunner.byFile(r.outcomes()).entrySet()) {
                for (ScenarioRunner.Outcome o : e.getValue()) {
                    expectations += o.expectations();
                    String where = o.file() + ":" + o.line();
                    if (o.ok()) {
                        if (verbose) {
                            say(out, lang, "analyst.scenario-ok", "name", Bounded.cut(o.name(), NAME), "where", where);
                        }
                    } else {
                        failed++;
                        say(out, lang, "analyst.scenario-fail", "name", Bounded.cut(o.name(), NAME), "where", where);
                        o.messages(lang).forEach(m -> out.println("    " + m.replace("\n", "\n    ")));
                    }
                }
            }
            if (files.isEmpty()) {
                say(out, lang, "analyst.no-scenario", "dir", rules.resolve("scenarios"));
            }
            if (!r.uncovered().isEmpty()) {
                say(out, lang, "analyst.uncovered", "count", r.uncovered().size());
                for (DrlRules.Rule u : r.uncovered()) {
                    out.println("    " + u.where() + "  rule \"" + Bounded.cut(u.name(), NAME) + "\""
                            + (u.meta().get("kind") == null ? "" : "  @kind " + Bounded.cut(u.meta().get("kind"))));
                }
            }
            say(out, lang, "analyst.test-summary", "scenarios", r.outcomes().size(), "files", files.size(),
                    "expectations", expectations, "passed", r.outcomes().size() - failed, "failed", failed,
                    "fired", r.rules().size() - r.uncovered().size(), "rules", r.rules().size());
            boolean more;
            try {
                more = boundaries(out, lang, rules, plan) & examples(out, lang, rules, facts, golden);
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems(), lang);
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
        private boolean boundaries(PrintWriter out, String lang, Path rules, Path plan) throws InputException, IOException {
            RuleEngine engine = RuleEngine.compile(RulesLoader.load(rules, plan));
            BoundaryCases.Result b = BoundaryCases.run(engine);
            for (BoundaryCases.Failure f : b.failures()) {
                say(out, lang, "analyst.boundary-fail", "target", f.target(), "judge", f.judge(), "file", f.file(), "label", f.label());
                out.println("    " + f.text().in(lang));
            }
            b.noRecipe().forEach((kind, ids) -> say(out, lang, "analyst.boundary-no-recipe", "kind", Bounded.cut(kind),
                    "count", ids.size(), "ids", String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "")));
            say(out, lang, "analyst.boundary-summary", "targets", b.targets(), "cases", b.cases(), "failed", b.failures().size(),
                    "left", b.outOfRange() == 0 ? new Text("", "") : Msg.text("analyst.boundary-left-out", "count", b.outOfRange()));
            return b.ok();
        }

        /** Every target shown on the examples; the golden report unchanged ({@link Examples}). */
        private boolean examples(PrintWriter out, String lang, Path rules, Path factsDir, Path goldenDir) throws IOException {
            Path f = factsDir != null ? factsDir : Examples.factsBeside(rules);
            if (!java.nio.file.Files.isDirectory(f)) {
                say(out, lang, "analyst.examples-none", "dir", f);
                return true;
            }
            plancheck.app.Checked c;
            try {
                c = Examples.check(rules, opts.planOption(), f);
            } catch (InputException e) {
                say(out, lang, "analyst.examples-input", "dir", f);
                e.problems().stream().limit(20).forEach(p -> out.println("    " + p.format(lang)));
                return false;
            } catch (plancheck.engine.RuleDefectException e) {
                say(out, lang, "analyst.examples-defects", "dir", f);
                e.defects().stream().limit(20).forEach(d -> out.println("    " + d));
                return false;
            }
            List<Examples.Missing> missing = Examples.targetsNotShown(c);
            for (Examples.Missing m : missing) {
                say(out, lang, "analyst.examples-missing", "advice", Examples.advice(m, f.toString(), c.report().baseYear() + 1));
            }
            boolean ok = missing.isEmpty();
            Path g = goldenDir != null ? goldenDir : Examples.goldenBeside(rules);
            if (goldenDir == null && !Examples.runFromRoot(rules)) {
                say(out, lang, "analyst.golden-not-from-root");
            } else if (!java.nio.file.Files.isDirectory(g)) {
                say(out, lang, "analyst.golden-none", "dir", g);
            } else {
                List<Text> diffs = Examples.compare(Examples.golden(c), g);
                for (Text d : diffs) {
                    say(out, lang, "analyst.golden-differs", "diff", d);
                }
                if (!diffs.isEmpty()) {
                    say(out, lang, "analyst.golden-next", "dir", g);
                    ok = false;
                }
            }
            say(out, lang, "analyst.examples-summary", "dir", f, "count", missing.size(), "golden",
                    java.nio.file.Files.isDirectory(g) ? Msg.text("analyst.golden-compared", "dir", g) : new Text("", ""));
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

        @CommandLine.Mixin
        LangOption l;

        @Option(names = "--facts", paramLabel = "DIR", description = "the example submissions (default: facts/ beside the rules folder)")
        Path facts;

        @Option(names = "--golden", paramLabel = "DIR",
                description = "where the golden report goes (default: " + Examples.GOLDEN + " beside the rules folder)")
        Path golden;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String lang = l.lang;
            if (!CheckCommand.langOk(lang, err)) {
                return Main.EXIT_INPUT;
            }
            Integer missing = noFolder(spec, opts.rules(), lang);
            if (missing != null) {
                return missing;
            }
            Path f = facts != null ? facts : Examples.factsBeside(opts.rules());
            Path g = golden != null ? golden : Examples.goldenBeside(opts.rules());
            if (golden == null && !Examples.runFromRoot(opts.rules())) {
                err.println("plancheck rules golden: " + Msg.get(lang, "analyst.golden-run-from-root"));
                return Main.EXIT_INPUT;
            }
            try {
                plancheck.app.Checked c = Examples.check(opts.rules(), opts.planOption(), f);
                Examples.write(Examples.golden(c), g);
                say(spec.commandLine().getOut(), lang, "analyst.golden-wrote", "json", g.resolve("report.json"),
                        "md", g.resolve("report.md"), "count", c.report().inputs().size(), "dir", g);
                return 0;
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems(), lang);
            } catch (plancheck.engine.RuleDefectException e) {
                err.println("plancheck: " + Msg.get(lang, "analyst.golden-defects"));
                e.defects().forEach(d -> err.println("  " + d));
                return Main.EXIT_INPUT;
            }
        }
    }

    /** {@code plancheck rules list [--rules DIR] [--lang zh|en]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every target and rule with its source clause, kind and binding attribute.")
    public static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        RulesOptions opts;

        @CommandLine.Mixin
        LangOption l;

        @Override
        public Integer call() throws IOException {
            String lang = l.lang;
            if (!CheckCommand.langOk(lang, spec.commandLine().getErr())) {
                return Main.EXIT_INPUT;
            }
            try {
                spec.commandLine().getOut().print(RuleList.render(opts.load(), opts.rules(), lang));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InputException e) {
                return CheckCommand.printProblems(spec.commandLine().getErr(), e.problems(), lang);
            }
        }
    }
}
