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

import plancheck.app.RegionsRun;
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
 * {@code plancheck check [--rules DIR] [--plans DIR] [--out DIR] [--lang zh|en] [--quiet] PATH...}
 * (contract §1): checks the submissions and writes OUT/report.json, OUT/report.md and OUT/report.html
 * whole ({@link ReportWriter#writeAll}); submissions of several regions are checked region by region
 * ({@link RegionsRun}: OUT/&lt;region&gt;/report.* and OUT/index.*).
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

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "regions checked at once (default: the number of cores)")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

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
            long bytes = 0;
            for (Path f : plancheck.load.SubmissionReader.expand(paths)) {
                bytes += java.nio.file.Files.size(f);
            }
            RegionsRun.Outcome o = new RegionsRun(ws, out, lang, threads, StderrProgress.of(err, lang, quiet, bytes)).run(paths);
            java.util.Map<plancheck.model.Status, Integer> s = new java.util.EnumMap<>(plancheck.model.Status.class);
            plancheck.report.Report.SUMMARY_ORDER.forEach(k -> s.put(k, 0));
            int inputs = 0;
            for (RegionsRun.RegionResult r : o.regions()) {
                r.counts().forEach((k, v) -> s.merge(k, v, Integer::sum));
                inputs += r.inputs();
            }
            if (o.regions().size() == 1) {
                outw.printf("plancheck: %d submission(s), %d finding(s): %s → %s%n", inputs, o.findings(), summaryLine(s),
                        out.resolve("report.json"));
            } else {
                outw.printf("plancheck: %d region(s), %d submission(s), %d finding(s): %s → %s%n", o.regions().size(), inputs,
                        o.findings(), summaryLine(s), out.resolve("index.json"));
            }
            return o.violation() ? 1 : 0;
        } catch (InputException e) {
            return printProblems(err, e.problems(), lang);
        } catch (RuleDefectException e) {
            return printDefects(err, e);
        } catch (java.io.IOException e) {
            return printIoProblem(err, e);
        }
    }

    /** Prints the rules' defects and returns exit status 2 (nothing written). */
    static int printDefects(PrintWriter err, RuleDefectException e) {
        err.println("plancheck: the rules misbehaved; no report written:");
        e.defects().forEach(d -> err.println("  " + d));
        return Main.EXIT_INPUT;
    }

    /** Prints a file that cannot be read or written and returns exit status 2 (nothing written). */
    static int printIoProblem(PrintWriter err, java.io.IOException e) {
        err.println("plancheck: cannot read or write: " + e.getMessage() + "; no report written");
        return Main.EXIT_INPUT;
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
