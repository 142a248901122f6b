package plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.PlanTarget;
import plancheck.report.ExplainText;
import plancheck.report.ReportFile;

/**
 * {@code plancheck explain [REPORT] --indicator ID [--year Y] [--subject S] [--lang zh|en]}: prints how
 * the findings of a report on one indicator were reached — the verdict and the test behind it, the rule
 * and its clause, the plan clause and binding attribute, and the chain of values (target, baseline, path
 * value, parameters, the values used, a derived value's steps) down to the input pointers, each
 * followed back to its file (the value found there, its line, and whether the file still has the
 * SHA-256 the report recorded). Reads only the report and the files it names (docs/audit.md).
 *
 * <p>Exit status: 0 printed; 2 no such report, or no finding for the indicator (and year, subject).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print how a finding of a report was reached, down to its inputs.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPORT", defaultValue = "reports/report.json",
            description = "a report.json (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--indicator", required = true, paramLabel = "ID", description = "indicator id, e.g. grain_capacity")
    String indicator;

    @Option(names = "--year", paramLabel = "Y", description = "the year (default: every year in the report)")
    Integer year;

    @Option(names = "--subject", paramLabel = "S",
            description = "the subject (default: every subject; the region's verdict comes first)")
    String subject;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "rules folder for the indicators' names (default: the one the report records)")
    Path rules;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (RuntimeException e) {
            // a report.json edited by hand or by another tool: say so, never a stack trace
            System.err.println("plancheck %s: %s is not a report this version can read: %s".formatted("explain", report, e));
            return Main.EXIT_INPUT;
        }
    }

    private Integer run() {
        if (!"zh".equals(lang) && !"en".equals(lang)) {
            System.err.println("plancheck explain: --lang: expected zh or en, found \"" + lang + "\"");
            return Main.EXIT_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFile r;
        try {
            r = ReportFile.read(report);
        } catch (IOException e) {
            err.println("plancheck explain: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        List<Map<String, Object>> hits = r.findings().stream()
                .filter(f -> indicator.equals(f.get("indicator")))
                .filter(f -> year == null || Integer.valueOf(year).equals(f.get("year")))
                .filter(f -> subject == null || subject.equals(f.get("subject")))
                .sorted(java.util.Comparator.comparing((Map<String, Object> f) -> (Integer) f.get("year"))
                        .thenComparing(f -> !String.valueOf(f.get("subject")).equals(r.region()))
                        .thenComparing(f -> String.valueOf(f.get("subject"))))
                .toList();
        if (hits.isEmpty()) {
            err.println("plancheck explain: " + report + " has no finding for " + indicator
                    + (year == null ? "" : " in " + year) + (subject == null ? "" : " (" + subject + ")")
                    + "; indicators in it: " + r.findings().stream().map(f -> String.valueOf(f.get("indicator")))
                    .distinct().limit(12).toList() + " …");
            return Main.EXIT_INPUT;
        }
        Map<String, String> recorded = new TreeMap<>(r.inputs());
        recorded.putAll(r.ruleFiles());
        PointerResolver resolver = new PointerResolver(recorded, lang);
        String name = name(r);
        out.println(("en".equals(lang) ? "Report " : "报告 ") + report + " · plancheck " + r.tool().get("plancheck")
                + " · Drools " + r.tool().get("drools"));
        for (Map<String, Object> f : hits) {
            out.println();
            out.print(ExplainText.render(ExplainText.lines(f, name, lang, resolver)));
        }
        out.flush();
        return 0;
    }

    /** The indicator's name from the catalogue, or null when the rules cannot be read. */
    private String name(ReportFile r) {
        Path dir = rules != null ? rules : r.rulesDir() == null ? null : Path.of(r.rulesDir());
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try {
            RuleSet rs = r.planDir() != null && Files.isDirectory(Path.of(r.planDir()))
                    ? RulesLoader.load(dir, Path.of(r.planDir())) : RulesLoader.load(dir);
            PlanTarget t = rs.target(indicator);
            return t == null ? null : t.name().in(lang);
        } catch (Exception e) {
            return null;
        }
    }
}
