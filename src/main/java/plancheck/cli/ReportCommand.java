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

import plancheck.app.Checked;
import plancheck.app.Evaluations;
import plancheck.app.Workspace;
import plancheck.engine.RuleDefectException;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.report.Evaluation;
import plancheck.report.ReportWriter;

/**
 * {@code plancheck report annual|midterm|final [--year Y] [--public] [--out DIR] [--lang zh|en] PATH...}: the
 * plan's monitoring reports (第五十三章第三节) — the annual monitoring report (年度监测分析), the mid-term evaluation
 * (中期评估, 2028 by default) and the final evaluation (总结评估, 2030) — as OUT/&lt;kind&gt;-&lt;year&gt;.docx and .html
 * ({@code -public} added for the public version, 公开版). The submissions are checked as by {@code check}; the
 * report covers the data through the year.
 *
 * <p>Exit status: 0 written (the report states any violation); 2 nothing written (bad input, no data for the
 * year, rules that do not compile).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one of the plan's monitoring reports as .docx and HTML: annual (年度监测分析, --year Y), "
                + "midterm (中期评估, default year: the plan's middle, 2028) or final (总结评估, default: 2030).")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "annual, midterm or final")
    String kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "submission files or folders")
    List<Path> paths;

    @Option(names = "--year", paramLabel = "Y",
            description = "the year reported on (required for annual; default: 2028 for midterm, 2030 for final)")
    Integer year;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "rules folder: DRL, standards, units (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = {"--plans", "--plan"}, paramLabel = "DIR",
            description = "a plan folder, or a folder of plan folders (default: plans/ beside the rules folder)")
    Path plans;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--public", description = "the public version (公开版): no file paths, hashes, internal notes or ids")
    boolean publicVersion;

    @Option(names = "--partial", description = "write the report although some responsible unit filed nothing for the year "
            + "(the report lists the units missing); without it such a report is refused")
    boolean partial;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (!CheckCommand.langOk(lang, err)) {
            return Main.EXIT_INPUT;
        }
        if (!Evaluations.KINDS.contains(kind)) {
            err.println("plancheck report: " + Msg.get(lang, "monitoring.report-kind", "kind",
                    plancheck.model.Bounded.cut(kind), "kinds", String.join(", ", Evaluations.KINDS)));
            return Main.EXIT_INPUT;
        }
        if (year == null && "annual".equals(kind)) {
            err.println("plancheck report annual: " + Msg.get(lang, "monitoring.report-year-required"));
            return Main.EXIT_INPUT;
        }
        try {
            Workspace ws = Workspace.open(rules, plans);
            Checked c = ws.check(paths);
            int y = year != null ? year : Evaluations.defaultYear(kind, c.rules());
            Evaluation e = Evaluations.evaluate(c, kind, y, lang, publicVersion, partial);
            Map<String, byte[]> files = Evaluations.render(e);
            ReportWriter.writeAll(out, files);
            outw.println("plancheck: " + Msg.get(lang, "monitoring.report-written", "what", e.title(),
                    "files", String.join(", ", files.keySet().stream().map(f -> out.resolve(f).toString()).toList())));
            return 0;
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems(), lang);
        } catch (RuleDefectException e) {
            return CheckCommand.printDefects(err, e, lang);
        } catch (java.io.IOException e) {
            return CheckCommand.printIoProblem(err, e, lang);
        }
    }
}
