package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.app.Workspace;
import plancheck.engine.CompiledRules;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.report.HtmlReport;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;
import plancheck.report.ReportWriter;

/**
 * {@code plancheck check [--rules DIR] [--out DIR] [--lang zh|en] PATH...} (contract §1): checks the
 * submissions and writes OUT/report.json, OUT/report.md and OUT/report.html whole (all three are
 * rendered in memory first, then written by {@link ReportWriter#writeAll}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check submissions (files or folders of *.json) against the plan; write report.json, report.md and report.html.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "rules folder: DRL, standards, units (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = {"--plans", "--plan"}, paramLabel = "DIR",
            description = "a plan folder, or a folder of plan folders; each submission is judged against the plan "
                    + "that covers its region (default: plans/ beside the rules folder)")
    Path plans;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "language of report.md and report.html (default: ${DEFAULT-VALUE})")
    String lang;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "submission files or folders")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (!lang.equals("zh") && !lang.equals("en")) {
            err.println("plancheck: --lang: expected zh or en, found \"" + lang + "\"");
            return Main.EXIT_INPUT;
        }
        try {
            Workspace ws = Workspace.open(rules, plans);
            RuleEngine.Build b = ws.engine().build();
            if (b.source() == CompiledRules.Source.COMPILED) {
                err.println("plancheck: " + Msg.get(lang, "app.rules-compiled", "files", b.files(),
                        "seconds", String.format(java.util.Locale.ROOT, "%.1f", b.millis() / 1000.0),
                        "cached", b.cached() == null ? "" : Msg.get(lang, "app.rules-cached-in", "dir", b.cached())));
                err.flush();
            }
            plancheck.app.Checked c = ws.check(paths);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("report.json", JsonReport.render(c.report()));
            files.put("report.md", MarkdownReport.render(c.report(), c.rules().targets(), lang));
            files.put("report.html", HtmlReport.render(c.report(), c.rules().targets(), lang));
            ReportWriter.writeAll(out, files);
            var s = c.report().summary();
            outw.printf("plancheck: %d submission(s), %d finding(s): %s → %s%n", c.report().inputs().size(),
                    c.report().findings().size(), summaryLine(s), out.resolve("report.json"));
            return c.report().hasViolation() ? 1 : 0;
        } catch (InputException e) {
            return printProblems(err, e.problems(), lang);
        } catch (RuleDefectException e) {
            err.println("plancheck: the rules misbehaved; no report written:");
            e.defects().forEach(d -> err.println("  " + d));
            return Main.EXIT_INPUT;
        } catch (java.io.IOException e) {
            err.println("plancheck: cannot read or write: " + e.getMessage() + "; no report written");
            return Main.EXIT_INPUT;
        }
    }

    static String summaryLine(Map<plancheck.model.Status, Integer> s) {
        StringBuilder b = new StringBuilder();
        s.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** Prints every problem, one a line, in English, and returns exit status 2. */
    static int printProblems(PrintWriter err, List<InputProblem> problems) {
        return printProblems(err, problems, "en");
    }

    /** Prints every problem, one a line, in {@code lang}, and returns exit status 2. */
    static int printProblems(PrintWriter err, List<InputProblem> problems, String lang) {
        err.println("plancheck: " + Msg.get(lang, "cli.problems", "count", problems.size()));
        for (InputProblem p : problems) {
            err.println("  " + p.format(lang));
        }
        err.flush();
        return Main.EXIT_INPUT;
    }
}
