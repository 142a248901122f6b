package plancheck.app;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.i18n.Msg;
import plancheck.load.Catalogue;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Merger;
import plancheck.load.PlanBureaus;
import plancheck.load.PlanFolders;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;
import plancheck.load.sheet.Annotator;
import plancheck.load.sheet.TemplateWriter;
import plancheck.model.Finding;
import plancheck.report.Audience;
import plancheck.report.ExplainText;
import plancheck.report.FindingsSheet;
import plancheck.report.Triage;
import plancheck.model.Bounded;
import plancheck.model.Bureau;
import plancheck.model.Bureaus;
import plancheck.model.Observation;
import plancheck.model.PlanTarget;

/**
 * The use cases of the spreadsheets bureaus work in, for the command line and the service alike: a
 * bureau's template for a year, reading a submission file of any format (JSON, XLSX, CSV), and the
 * findings written back as XLSX and CSV ({@link Findings}).
 */
public final class Spreadsheets {
    private Spreadsheets() {}

    /**
     * Reads submissions of any format: JSON, workbooks (XLSX) and CSV files, or folders of them.
     *
     * @param ws    the workspace (the plans' catalogues)
     * @param paths files or folders
     * @return the submissions
     * @throws InputException every problem of every file (file, sheet!cell or line:column and pointer)
     * @throws IOException    unreadable files
     */
    public static List<Submission> read(Workspace ws, List<Path> paths) throws InputException, IOException {
        return ws.read(paths);
    }

    /**
     * @param name an id, name or alias of a unit
     * @param rs   the plan
     * @return the unit
     * @throws InputException when the plan has no such unit (the message lists those it has)
     */
    public static Bureau bureau(String name, RuleSet rs) throws InputException {
        Bureaus all = PlanBureaus.of(rs);
        return all.find(name).orElseThrow(() -> new InputException(List.of(new InputProblem("--bureau", 0, 0, "",
                Msg.text("template.unknown-bureau", "name", Bounded.quote(name), "plan", rs.planDir(),
                        "known", String.join("、", all.all().stream().map(b -> b.id() + " " + b.name().zh()).toList()))))));
    }

    /**
     * A bureau's template for a year.
     *
     * @param rulesDir the rules folder
     * @param plans    the plan folder, or null for the one beside the rules
     * @param bureau   the unit: id, name or alias (应急管理局, safety …)
     * @param year     the year to fill
     * @param facts    submissions (files or folders) whose previous year's values fill 上年数值; may be empty
     * @param out      the file to write: *.xlsx, or *.csv (then one file per table)
     * @return file name (beside {@code out}) → bytes
     * @throws InputException an unknown unit, a year outside the plan, an unknown format, bad facts
     * @throws IOException    unreadable files
     */
    public static Map<String, byte[]> template(Path rulesDir, Path plans, String bureau, int year, List<Path> facts,
                                               Path out) throws InputException, IOException {
        RuleSet rs = RulesLoader.load(rulesDir, PlanFolders.planFor(rulesDir, plans));
        Bureau b = bureau(bureau, rs);
        String name = out.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        List<InputProblem> problems = new ArrayList<>();
        if (!lower.endsWith(".xlsx") && !lower.endsWith(".csv")) {
            problems.add(new InputProblem(out.toString(), 0, 0, "", Msg.text("template.format")));
        }
        if (year <= rs.baseYear() || year > rs.targetYear()) {
            problems.add(new InputProblem("--year", 0, 0, "", Msg.text("template.year", "year", year,
                    "from", rs.baseYear() + 1, "to", rs.targetYear())));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (TemplateWriter.targetsOf(rs.targets(), b.id()).isEmpty() && b.records().isEmpty()) {
            // a workbook without a row to fill helps nobody: say why there is none
            throw new InputException(List.of(new InputProblem("--bureau", 0, 0, "", Msg.text("template.nothing",
                    "bureau", b.name(), "year", year, "recorded", rs.targets().stream()
                            .filter(t -> t.responsible().contains(b.id())).count()))));
        }
        List<Submission> subs = facts == null || facts.isEmpty() ? List.of()
                : new SubmissionReader(Catalogue.of(rs), rs.targetYear()).readAll(SubmissionReader.expand(facts));
        return template(rs, b, year, subs, List.of(), name);
    }

    /**
     * A unit's template for a year from submissions already read (the service's filings).
     *
     * @param rs       the plan
     * @param b        the unit
     * @param year     the year to fill
     * @param filed    submissions whose previous year's values fill 上年数值
     * @param own      the unit's own submissions of the year: their values fill 本年数值 (in the catalogue's
     *                 unit), so the empty cells are what it still has to file; may be empty
     * @param name     the file name: *.xlsx, or *.csv (then one file per table, named after it)
     * @return file name → bytes
     */
    public static Map<String, byte[]> template(RuleSet rs, Bureau b, int year, List<Submission> filed,
                                               List<Submission> own, String name) throws IOException {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Map<String, BigDecimal> previous = new TreeMap<>();
        if (year - 1 == rs.baseYear()) {
            for (PlanTarget t : rs.targets()) {
                if (t.baselineValue() != null) {
                    previous.put(t.id(), t.baselineValue());
                }
            }
        }
        previous.putAll(values(rs, year - 1, filed));
        List<PlanTarget> targets = TemplateWriter.targetsOf(rs.targets(), b.id());
        Map<String, BigDecimal> current = new TreeMap<>(values(rs, year, own));
        current.keySet().retainAll(targets.stream().map(PlanTarget::id).toList());
        String region = rs.regions().isEmpty() ? "" : rs.regions().get(0);
        TemplateWriter.Spec spec = new TemplateWriter.Spec(region, year, b, targets, previous, rs.units(),
                "《" + planTitle(rs) + "》", current);
        Map<String, byte[]> files = new TreeMap<>();
        if (lower.endsWith(".csv")) {
            files.putAll(TemplateWriter.csv(spec, name.substring(0, name.length() - 4)));
        } else {
            files.put(name, TemplateWriter.xlsx(spec));
        }
        return files;
    }

    /**
     * The findings as report.xlsx (by responsible unit first, then every finding).
     *
     * @param c    a finished check
     * @param a    who the report speaks to ({@link Checked#audience})
     * @param lang "zh" or "en"
     * @return the workbook
     */
    public static byte[] findingsXlsx(Checked c, Audience a, String lang) throws IOException {
        return FindingsSheet.xlsx(c.report(), a, lang);
    }

    /** The findings as findings.csv (UTF-8 with a byte-order mark): one row per finding. */
    public static byte[] findingsCsv(Checked c, Audience a, String lang) {
        return FindingsSheet.csv(c.report(), a, lang);
    }

    /**
     * An annotated copy of every workbook checked: a column 核查结果 beside each row a finding rests on.
     *
     * @param c    a finished check (with its submissions)
     * @param a    who the report speaks to
     * @param lang "zh" or "en"
     * @return file name (the workbook's, with "-核查结果") → bytes, one per workbook input
     */
    public static Map<String, byte[]> annotated(Checked c, Audience a, String lang) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (Submission s : c.submissions()) {
            String lower = s.file().toLowerCase(java.util.Locale.ROOT);
            if (!lower.endsWith(".xlsx") && !lower.endsWith(".xlsm")) {
                continue;
            }
            String stem = annotatedName(s.file()).replaceFirst("\\.xlsx$", "");
            String target = stem + ".xlsx";
            for (int i = 2; out.containsKey(target); i++) {
                target = stem + "-" + i + ".xlsx";
            }
            try {
                out.put(target, annotate(c, s, a, lang));
            } catch (java.nio.file.FileSystemException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // the streaming reader read what it needed; POI cannot open the damaged workbook whole to
                // annotate it: the file is named (exit 2, nothing written), never an internal error
                throw new java.nio.file.FileSystemException(s.file(), null, plancheck.model.Bounded.cut(
                        plancheck.load.sheet.SheetReader.libraryWords(e.getMessage()), 200));
            }
        }
        return out;
    }

    /**
     * @param file a workbook's path or name
     * @return the name of its annotated copy: the workbook's name with "-核查结果"
     */
    public static String annotatedName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        // within the 255 bytes a file system takes for a name: the start of a long one gives way
        return plancheck.model.Bounded.tailBytes(dot > 0 ? name.substring(0, dot) : name, 230) + "-核查结果.xlsx";
    }

    /**
     * An annotated copy of one workbook of a check.
     *
     * @param c    a finished check
     * @param s    one of its submissions, read from a workbook
     * @param a    who the report speaks to
     * @param lang "zh" or "en"
     * @return the workbook with the column 核查结果
     */
    public static byte[] annotate(Checked c, Submission s, Audience a, String lang) throws IOException {
        String region = c.report().region();
        Map<String, String> idAt = new TreeMap<>();
        s.indicators().forEach(v -> {
            String k = Annotator.rowKey(v.pointer());
            if (k != null) {
                idAt.put(k, v.id());
            }
        });
        Map<String, List<Finding>> byRow = new TreeMap<>();
        for (Finding f : c.report().findings()) {
            boolean regional = f.subject().equals(region) || f.subject().startsWith(region + "·");
            java.util.Set<String> rows = new java.util.TreeSet<>();
            for (plancheck.model.Evidence e : f.evidence()) {
                String k = e.input().equals(s.file()) ? Annotator.rowKey(e.pointer()) : null;
                if (k == null) {
                    continue;
                }
                String id = idAt.get(k);
                if (id != null ? regional && id.equals(f.indicator()) : !regional) {
                    rows.add(k);
                }
            }
            rows.forEach(k -> byRow.computeIfAbsent(k, x -> new ArrayList<>()).add(f));
        }
        Map<String, Annotator.Note> notes = new TreeMap<>();
        byRow.forEach((k, fs) -> notes.put(k, note(fs, a, lang)));
        return Annotator.annotate(Path.of(s.file()), notes);
    }

    private static Annotator.Note note(List<Finding> fs, Audience a, String lang) {
        List<Finding> sorted = new ArrayList<>(fs);
        sorted.sort(java.util.Comparator.comparingInt((Finding f) -> Triage.of(f).ordinal()).thenComparing(Finding.REPORT_ORDER));
        List<String> parts = new ArrayList<>();
        int level = 3;
        for (Finding f : sorted) {
            Triage.Action act = Triage.of(f);
            level = Math.min(level, act.ordinal());
            String label = act == Triage.Action.NONE ? ExplainText.status(f.status().name(), lang) : Triage.label(act, lang);
            String m = a.readable(f.message().in(lang), f, lang).replaceAll("\\s+", " ");
            // a data problem's message says so itself ("数据问题：…"): the label once
            parts.add(m.startsWith(label) ? cut(m, 240) : label + ("en".equals(lang) ? ": " : "：") + cut(m, 240));
            if (parts.size() == 5) {
                break;
            }
        }
        return new Annotator.Note(String.join("\n", parts), level);
    }

    /** @return the text cut to {@code max} characters with "…" */
    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    private static String planTitle(RuleSet rs) {
        String region = rs.regions().isEmpty() ? "" : rs.regions().get(0);
        return region + "国民经济和社会发展第十五个五年规划纲要";
    }

    /** @return the usable values of a year (in each indicator's catalogue unit) the submissions of the plan's region give */
    private static Map<String, BigDecimal> values(RuleSet rs, int year, List<Submission> subs) {
        Map<String, BigDecimal> out = new TreeMap<>();
        List<Submission> mine = subs.stream().filter(s -> s.year() == year && rs.covers(s.region())).toList();
        if (mine.isEmpty()) {
            return out;
        }
        for (Observation o : Merger.merge(mine, rs)) {
            if (o.usable() && o.year() == year) {
                out.put(o.indicator(), o.value());
            }
        }
        return out;
    }
}
