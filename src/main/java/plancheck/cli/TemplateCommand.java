package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.app.Spreadsheets;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.report.ReportWriter;

/**
 * {@code plancheck template --bureau B --year Y [--facts PATH…] --out FILE.xlsx|FILE.csv}: a bureau's
 * workbook for a year (docs/spreadsheets.md): the sheet 指标 with its indicators (上年数值 from
 * {@code --facts}), a sheet per record list it files, and 填报说明. With a .csv name: one CSV file per
 * table. Files are written whole or not at all. Exit 0 written, 2 bad arguments.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write a bureau's workbook (or CSV files) to fill in for a year.")
public final class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bureau", required = true, paramLabel = "BUREAU",
            description = "the unit: id or Chinese name (safety, 应急管理局, 县应急管理局 …)")
    String bureau;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the year to fill, e.g. 2026")
    int year;

    @Option(names = "--facts", arity = "1..*", paramLabel = "PATH",
            description = "submissions (files or folders) whose previous year's values fill 上年数值")
    List<Path> facts = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.xlsx, or FILE.csv (one CSV file per table)")
    Path out;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = {"--plan", "--plans"}, paramLabel = "DIR", description = "plan folder (default: the plan beside the rules folder)")
    Path plan;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language of messages (default: ${DEFAULT-VALUE})")
    String lang;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!CheckCommand.langOk(lang, err)) {
            return Main.EXIT_INPUT;
        }
        try {
            Map<String, byte[]> files = Spreadsheets.template(rules, plan, bureau, year, facts, out);
            Path dir = out.toAbsolutePath().getParent();
            ReportWriter.writeAll(dir, files);
            var rs = plancheck.load.RulesLoader.load(rules, plancheck.load.PlanFolders.planFor(rules, plan));
            var b = Spreadsheets.bureau(bureau, rs);
            int n = plancheck.load.sheet.TemplateWriter.targetsOf(rs.targets(), b.id()).size();
            List<String> written = new ArrayList<>();
            files.keySet().forEach(f -> written.add(out.resolveSibling(f).toString()));
            spec.commandLine().getOut().println("plancheck: " + Msg.get(lang, "template.written", "bureau",
                    "en".equals(lang) ? b.name().en() : b.name().zh(), "year", year, "count", n,
                    "records", b.records().isEmpty() ? "" : Msg.get(lang, "template.records", "lists", String.join("en".equals(lang) ? ", " : "、",
                            b.records().stream().map(l -> plancheck.load.sheet.Layout.SHEETS.stream().filter(x -> x.list().equals(l))
                                    .map(x -> "en".equals(lang) ? x.en() : x.name()).findFirst().orElse(l)).toList())),
                    "files", String.join(", ", written)));
            return 0;
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems(), lang);
        } catch (java.io.IOException e) {
            err.println("plancheck: " + Msg.get(lang, "cli.io", "detail", String.valueOf(e.getMessage())));
            return Main.EXIT_INPUT;
        }
    }
}
