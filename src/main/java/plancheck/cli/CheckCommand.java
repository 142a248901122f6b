package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.app.RegionsRun;
import plancheck.app.Spreadsheets;
import plancheck.app.Workspace;
import plancheck.engine.CompiledRules;
import plancheck.engine.RuleDefectException;
import plancheck.engine.RuleEngine;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.report.ReportWriter;

/**
 * {@code plancheck check [--rules DIR] [--plans DIR] [--out DIR] [--lang zh|en] [--bureau B]
 * [--fail-on warning|data-problem] [--quiet] PATH...} (contract §1): checks the submissions (JSON, XLSX,
 * CSV) and writes OUT/report.json, report.md, report.html, report.xlsx, findings.csv and an annotated
 * copy of every workbook, whole ({@link ReportWriter#writeAll}); submissions of several regions are
 * checked region by region ({@link RegionsRun}: OUT/&lt;region&gt;/report.* and OUT/index.*).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check submissions (JSON, XLSX or CSV files, or folders of them) against the plan; write report.json, "
                + "report.md, report.html, report.xlsx, findings.csv and an annotated copy of every workbook.")
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

    @Option(names = "--bureau", paramLabel = "BUREAU",
            description = "centre the reports on one unit's targets (id or Chinese name, e.g. 应急管理局); "
                    + "default: the unit every input comes from, if one")
    String bureau;

    @Option(names = "--fail-on", paramLabel = "warning|data-problem",
            description = "exit 1 also on a WARNING or a data problem (warning), or on a data problem (data-problem)")
    String failOn;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "submission files (*.json, *.xlsx, *.csv) or folders")
    List<Path> paths;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "stop the rules after N firings, exit 2 (default: PLANCHECK_MAX_FIRINGS or 1000000)")
    Long maxFirings;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "stop the rules after SECONDS, exit 2 (default: PLANCHECK_TIME_LIMIT or 120)")
    Long timeLimit;

    /** @return the limits of the rules: the options, else the environment's, else the defaults */
    static plancheck.engine.FiringGuard.Limits limits(Long maxFirings, Long timeLimit) {
        plancheck.engine.FiringGuard.Limits env = plancheck.engine.FiringGuard.Limits.fromEnvironment();
        return new plancheck.engine.FiringGuard.Limits(maxFirings != null ? Math.max(1, maxFirings) : env.maxFirings(),
                timeLimit != null ? Math.max(1, timeLimit) : env.seconds());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (!langOk(lang, err)) {
            return Main.EXIT_INPUT;
        }
        if (failOn != null && !failOn.equals("warning") && !failOn.equals("data-problem")) {
            err.println("plancheck: " + Msg.get(lang, "cli.fail-on", "found", plancheck.model.Bounded.quote(failOn)));
            return Main.EXIT_INPUT;
        }
        // the report writers are readied on the other core while the rules load and the submissions are read
        plancheck.report.WarmUp.start(lang);
        try {
            Workspace ws = Workspace.open(rules, plans).withLimits(limits(maxFirings, timeLimit));
            RuleEngine.Build b = ws.engine().build();
            if (b.source() == CompiledRules.Source.COMPILED) {
                err.println("plancheck: " + Msg.get(lang, "app.rules-compiled", "files", b.files(),
                        "seconds", String.format(java.util.Locale.ROOT, "%.1f", b.millis() / 1000.0),
                        "cached", b.cached() == null ? "" : Msg.get(lang, "app.rules-cached-in", "dir", b.cached())));
                err.flush();
            }
            if (bureau != null) {
                Spreadsheets.bureau(bureau, ws.plans().get(0)); // an unknown unit stops the run before it starts
            }
            long bytes = 0;
            List<InputProblem> notes = new java.util.ArrayList<>();
            List<Path> files = plancheck.load.SubmissionReader.expand(paths, notes);
            for (InputProblem n : notes) { // what the folders hold but cannot be read: named, the rest checked
                err.println("plancheck: " + Msg.get(lang, "cli.note") + ": " + n.format(lang));
            }
            err.flush();
            for (Path f : files) {
                bytes += java.nio.file.Files.size(f);
            }
            RegionsRun.Outcome o = new RegionsRun(ws, out, lang, threads, StderrProgress.of(err, lang, quiet, bytes))
                    .bureau(bureau).run(paths);
            java.util.Map<plancheck.model.Status, Integer> s = new java.util.EnumMap<>(plancheck.model.Status.class);
            plancheck.report.Report.SUMMARY_ORDER.forEach(k -> s.put(k, 0));
            int inputs = 0;
            long data = 0;
            for (RegionsRun.RegionResult r : o.regions()) {
                r.counts().forEach((k, v) -> s.merge(k, v, Integer::sum));
                inputs += r.inputs();
                data += r.dataProblems();
            }
            String summary = summaryLine(s, lang) + (data > 0 ? Msg.get(lang, "cli.data-problems", "count", data) : "");
            if (o.regions().size() == 1) {
                outw.println("plancheck: " + Msg.get(lang, "cli.summary", "count", inputs, "findings", o.findings(),
                        "summary", summary, "report", out.resolve("report.json")));
                RegionsRun.RegionResult r = o.regions().get(0);
                if (r.focus() != null) {
                    outw.println("plancheck: " + Msg.get(lang, "cli.focus", "bureau", r.focus(), "count", r.focusTargets()));
                }
            } else {
                outw.println("plancheck: " + Msg.get(lang, "cli.summary-regions", "regions", o.regions().size(),
                        "count", inputs, "findings", o.findings(), "summary", summary, "report", out.resolve("index.json")));
            }
            int judged = 0;
            for (var e : s.entrySet()) {
                judged += e.getKey() == plancheck.model.Status.NO_DATA || e.getKey() == plancheck.model.Status.PENDING
                        ? 0 : e.getValue();
            }
            if (judged == 0) { // an empty template checked: exit 0, but nothing was judged, and the bureau is told
                err.println("plancheck: " + Msg.get(lang, "cli.nothing-judged"));
                err.flush();
            }
            if (o.violation()) {
                return 1;
            }
            if (failOn != null) {
                long n = failOn.equals("warning") ? s.getOrDefault(plancheck.model.Status.WARNING, 0) : data;
                if (n > 0) {
                    err.println("plancheck: " + Msg.get(lang, "cli.failed-on", "what", failOn, "count", n, "label",
                            Msg.get(lang, failOn.equals("warning") ? "cli.label-warning" : "cli.label-data")));
                    return 1;
                }
            }
            return 0;
        } catch (InputException e) {
            return printProblems(err, e.problems(), lang);
        } catch (RuleDefectException e) {
            return printDefects(err, e, lang);
        } catch (java.io.IOException e) {
            return printIoProblem(err, e, lang);
        } catch (java.io.UncheckedIOException e) {
            return printIoProblem(err, e.getCause(), lang);
        }
    }

    /** Prints a file that cannot be read or written, with its path, and returns exit status 2 (nothing written). */
    static int printIoProblem(PrintWriter err, java.io.IOException e, String lang) {
        String path = e instanceof java.nio.file.FileSystemException fe && fe.getFile() != null ? fe.getFile() : "?";
        err.println("plancheck: " + new InputProblem(plancheck.model.Bounded.cut(path), 0, 0, "",
                plancheck.load.FolderWalk.cannotRead(e)).format(lang) + "; " + Msg.get(lang, "cli.no-report"));
        err.flush();
        return Main.EXIT_INPUT;
    }

    /** Prints what the rules did wrong, one a line, and returns exit status 2 (nothing written). */
    static int printDefects(PrintWriter err, RuleDefectException e, String lang) {
        if (e instanceof plancheck.engine.RuleLimitException l) {
            err.println("plancheck: " + l.text().in(lang));
        } else {
            err.println("plancheck: " + Msg.get(lang, "cli.rule-defects"));
            e.defects().stream().limit(50).forEach(d -> err.println("  " + d));
        }
        err.flush();
        return Main.EXIT_INPUT;
    }

    /** @return true when {@code lang} is zh or en; otherwise says so (in Chinese) and returns false. */
    static boolean langOk(String lang, PrintWriter err) {
        if ("zh".equals(lang) || "en".equals(lang)) {
            return true;
        }
        err.println("plancheck: " + Msg.get("zh", "cli.lang", "found", plancheck.model.Bounded.quote(lang)));
        err.flush();
        return false;
    }

    static String summaryLine(Map<plancheck.model.Status, Integer> s) {
        return summaryLine(s, "en");
    }

    /** "VIOLATION 1, WARNING 3 …" in English; "违规1、预警3……" in Chinese. */
    static String summaryLine(Map<plancheck.model.Status, Integer> s, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder b = new StringBuilder();
        s.forEach((k, v) -> b.append(b.length() == 0 ? "" : en ? ", " : "、")
                .append(en ? k.name() + " " : plancheck.report.ExplainText.status(k.name(), "zh")).append(v));
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
