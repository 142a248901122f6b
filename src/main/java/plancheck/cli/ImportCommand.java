package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.engine.Standards;
import plancheck.feed.CnemcDay;
import plancheck.feed.CnemcImport;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.report.ReportWriter;

/**
 * {@code plancheck import cnemc --region R --year Y [--station CODE]… [--background CODE]… [--out FILE] CSV}:
 * turns the national real-time hourly publication (CNEMC CSV, as in {@code data/cnemc/}) into a
 * {@code plancheck-facts/1} submission of daily air records, each with the rows it was built from
 * (docs/air.md, docs/submissions.md). Exit 0 written; 2 bad input, nothing written.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a published data feed into a submission.",
        subcommands = {ImportCommand.Cnemc.class})
public final class ImportCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code plancheck import cnemc}: the CNEMC hourly CSV → airDaily records. */
    @Command(name = "cnemc", mixinStandardHelpOptions = true,
            description = "Build daily air records from the CNEMC hourly CSV (one row per station and hour; .csv or .csv.gz).")
    public static final class Cnemc implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--region", required = true, paramLabel = "R", description = "the region the stations belong to, e.g. 垫江县")
        String region;

        @Option(names = "--year", required = true, paramLabel = "Y", description = "the year to import (days of other years are left out)")
        int year;

        @Option(names = "--station", paramLabel = "CODE", description = "a station to import, e.g. 4137A (repeatable; default: every station in the file)")
        List<String> stations = List.of();

        @Option(names = "--background", paramLabel = "CODE",
                description = "a station that is a background/control point (对照点): judged on its own, left out of the region's value (repeatable)")
        List<String> background = List.of();

        @Option(names = "--submitter", paramLabel = "TEXT", defaultValue = "中国环境监测总站 全国城市空气质量实时发布（plancheck import cnemc 导入）",
                description = "the submission's submitter (default: ${DEFAULT-VALUE})")
        String submitter;

        @Option(names = "--note", paramLabel = "TEXT", description = "the submission's note")
        String note;

        @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
                description = "rules folder whose standards give the 8-hour O3 minimum (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(names = "--out", paramLabel = "FILE", description = "the submission to write (default: standard output)")
        Path out;

        @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language of the messages (default: ${DEFAULT-VALUE})")
        String lang;

        @Parameters(index = "0", paramLabel = "CSV", description = "the published hourly CSV (or .csv.gz)")
        Path csv;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Standards std = Standards.load(rules);
                if (std == null) {
                    return CheckCommand.printProblems(err, List.of(new InputProblem(rules.toString(), 0, 0, "",
                            plancheck.i18n.Msg.text("feed.no-standards"))), lang);
                }
                CnemcImport.Result r = CnemcImport.run(csv, std.tables().airLimits(), new CnemcImport.Options(region, year,
                        new LinkedHashSet<>(stations), new LinkedHashSet<>(background), submitter, note));
                if (out == null) {
                    spec.commandLine().getOut().print(r.json());
                    spec.commandLine().getOut().flush();
                } else {
                    Path dir = out.toAbsolutePath().getParent();
                    ReportWriter.writeAll(dir, Map.of(out.getFileName().toString(), CnemcImport.bytes(r)));
                }
                long complete = r.days().stream().filter(d -> d.hours() == 24).count();
                long empty = r.days().stream().filter(d -> d.hours() == 0).count();
                err.println("plancheck import cnemc: " + plancheck.i18n.Msg.get(lang, "feed.imported", "rows", r.rows(),
                        "days", r.days().size(), "period", CnemcImport.period(r),
                        "stations", r.days().stream().map(CnemcDay::station).distinct().count(),
                        "out", out == null ? "" : plancheck.i18n.Msg.get(lang, "feed.imported-to", "file", out),
                        "complete", complete, "empty", empty,
                        "other", r.otherYears() > 0 ? plancheck.i18n.Msg.get(lang, "feed.other-years", "count", r.otherYears()) : "",
                        "repeated", r.repeated().isEmpty() ? "" : plancheck.i18n.Msg.get(lang, "feed.repeated", "lines", String.join("; ", r.repeated()))));
                return 0;
            } catch (InputException e) {
                return CheckCommand.printProblems(err, e.problems(), lang);
            } catch (java.io.IOException e) {
                err.println("plancheck import cnemc: cannot read or write: " + e.getMessage() + "; nothing written");
                return Main.EXIT_INPUT;
            }
        }
    }
}
