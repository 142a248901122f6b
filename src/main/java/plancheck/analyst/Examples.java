package plancheck.analyst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.app.Checked;
import plancheck.app.Workspace;
import plancheck.engine.RuleDefectException;
import plancheck.load.InputException;
import plancheck.i18n.Msg;
import plancheck.load.Paths2;
import plancheck.model.Bounded;
import plancheck.model.Evidence;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;
import plancheck.model.Text;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;

/**
 * The two checks of a rules change against the shipped example submissions, run by {@code plancheck
 * rules test} and by the unit tests alike:
 * <ul>
 *   <li><b>every target on the examples</b>: each encoded target (every judge kind but {@code record})
 *       has a finding other than NO_DATA in a plan year of the examples — a value was submitted or derived
 *       and judged (or is PENDING on the city), so the example report shows every target;</li>
 *   <li><b>the golden report</b>: report.json and report.md (Chinese) on the examples equal the reviewed
 *       copies in the golden folder ({@code src/test/resources/golden}); after a deliberate change
 *       {@code plancheck rules golden} writes them again and {@code git diff} shows what changed.</li>
 * </ul>
 * Both read the folder {@code facts/} beside the rules folder (or {@code --facts DIR}); the golden report
 * names its inputs relative to the working folder, so it is compared only when run from the folder that
 * holds the rules folder (the repository root).
 */
public final class Examples {
    private Examples() {}

    /** The reviewed report on the examples, relative to the repository root. */
    public static final String GOLDEN = "src/test/resources/golden";

    /** @return {@code facts} beside a rules folder */
    public static Path factsBeside(Path rulesDir) {
        return rootOf(rulesDir).resolve("facts");
    }

    /** @return {@code src/test/resources/golden} beside a rules folder */
    public static Path goldenBeside(Path rulesDir) {
        return rootOf(rulesDir).resolve(GOLDEN);
    }

    private static Path rootOf(Path rulesDir) {
        Path parent = rulesDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : Path.of("").toAbsolutePath().normalize().relativize(parent);
    }

    /** @return true when the rules folder sits in the working folder, as in the repository root */
    public static boolean runFromRoot(Path rulesDir) {
        Path parent = rulesDir.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(Path.of("").toAbsolutePath().normalize());
    }

    /**
     * Checks the examples with the rules and the plans beside them.
     *
     * @param rulesDir the rules folder
     * @param plans    a plan folder or the plans folder, or null for the one beside the rules
     * @param facts    the examples folder
     * @return the check
     * @throws InputException      the examples or the rules do not load
     * @throws RuleDefectException the rules misbehave
     * @throws IOException         a file cannot be read
     */
    public static Checked check(Path rulesDir, Path plans, Path facts) throws InputException, RuleDefectException, IOException {
        return Workspace.open(rulesDir, plans).check(List.of(facts));
    }

    /**
     * A target the examples do not show.
     *
     * @param target  the target
     * @param example an example submission of the bureau that submits the target (else one that holds a target of
     *                the same catalogue file), or null
     */
    public record Missing(PlanTarget target, String example) {}

    /**
     * @param c a check of the examples
     * @return the encoded targets with no finding other than NO_DATA in a plan year, in catalogue order
     */
    public static List<Missing> targetsNotShown(Checked c) {
        return targetsNotShown(c.report().findings(), c.rules().targets(), c.report().region(), c.report().baseYear(),
                c.report().targetYear());
    }

    /**
     * @param findings the findings on the examples
     * @param targets  the catalogue
     * @param region   the region of the examples
     * @param base     the plan's base year
     * @param last     the plan's target year
     * @return the encoded targets with no finding other than NO_DATA in a plan year, in catalogue order
     */
    public static List<Missing> targetsNotShown(List<Finding> findings, List<PlanTarget> targets, String region,
                                                int base, int last) {
        Map<String, Boolean> shown = new TreeMap<>();
        Map<String, String> exampleOfFile = new TreeMap<>();
        Map<String, String> exampleOfUnit = new TreeMap<>();
        Map<String, PlanTarget> byId = new TreeMap<>();
        targets.forEach(t -> byId.put(t.id(), t));
        for (Finding f : findings) {
            if (f.year() <= base || f.year() > last || !f.subject().equals(region) || f.status() == Status.NO_DATA) {
                continue;
            }
            shown.put(f.indicator(), true);
            PlanTarget t = byId.get(f.indicator());
            if (t != null && !f.evidence().isEmpty()) {
                Evidence e = f.evidence().get(0);
                if (e.input().endsWith(".json")) {
                    exampleOfFile.putIfAbsent(t.file(), e.input());
                    if (!t.responsible().isEmpty()) {
                        exampleOfUnit.putIfAbsent(t.responsible().get(0), e.input());
                    }
                }
            }
        }
        List<Missing> out = new ArrayList<>();
        for (PlanTarget t : targets) {
            if (!"record".equals(t.judge()) && !shown.containsKey(t.id())) {
                // the file of the bureau that submits it (responsible-units.yaml), else one of its catalogue file
                String ex = t.responsible().isEmpty() ? null : exampleOfUnit.get(t.responsible().get(0));
                out.add(new Missing(t, ex != null ? ex : exampleOfFile.get(t.file())));
            }
        }
        out.sort(java.util.Comparator.comparing((Missing m) -> m.target().file()).thenComparing(m -> m.target().id()));
        return out;
    }

    /** @return what an analyst reads for a target the examples do not show, in Chinese and English */
    public static Text advice(Missing m, String facts, int firstYear) {
        String snippet = "{\"id\": \"" + m.target().id() + "\", \"value\": …, \"unit\": \"" + m.target().unit() + "\"}";
        return Msg.text("analyst.examples-advice", "id", m.target().id(), "file", m.target().file(), "facts", facts,
                "snippet", snippet, "example", m.example() != null ? new Text(m.example(), m.example())
                        : Msg.text("analyst.examples-any-file", "year", firstYear));
    }

    /**
     * @param c a check of the examples
     * @return the golden files: name → bytes (report.json, report.md in Chinese)
     */
    public static Map<String, byte[]> golden(Checked c) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("report.json", JsonReport.render(c.report()));
        m.put("report.md", MarkdownReport.render(c.report(), c.audience(null), "zh"));
        return m;
    }

    /**
     * Compares the golden files with the reviewed copies.
     *
     * @param files  the files {@link #golden} rendered
     * @param golden the folder of the reviewed copies
     * @return one line per file that differs or is missing, in Chinese and English (empty: equal)
     * @throws IOException when a copy cannot be read
     */
    public static List<Text> compare(Map<String, byte[]> files, Path golden) throws IOException {
        List<Text> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = golden.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                out.add(Msg.text("analyst.golden-missing", "file", Paths2.display(f)));
                continue;
            }
            Text d = firstDifference(Files.readString(f, StandardCharsets.UTF_8), new String(e.getValue(), StandardCharsets.UTF_8));
            if (d != null) {
                out.add(Msg.text("analyst.golden-file-differs", "file", Paths2.display(f), "where", d));
            }
        }
        return out;
    }

    /** Writes the golden files (each replaced whole). */
    public static void write(Map<String, byte[]> files, Path golden) throws IOException {
        plancheck.report.ReportWriter.writeAll(golden, files);
    }

    /** @return "line N: reviewed …, now …" for the first line that differs, or null when equal */
    static Text firstDifference(String want, String got) {
        int i = firstDifferentLine(want, got);
        if (i < 0) {
            return null;
        }
        return Msg.text("analyst.golden-first-difference", "line", i + 1, "reviewed", lineText(want, i), "now", lineText(got, i));
    }

    /** Line i of a text, stripped and cut, or "(end of file)" in each language. */
    private static Text lineText(String text, int i) {
        String[] l = text.split("\n", -1);
        if (i >= l.length) {
            return Msg.text("analyst.end-of-file");
        }
        String s = Bounded.cut(l[i].strip());
        return new Text(s, s);
    }

    /** @return the 0-based index of the first line where two texts differ, or -1 when they are equal */
    public static int firstDifferentLine(String a, String b) {
        if (a.equals(b)) {
            return -1;
        }
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length || i >= y.length || !x[i].equals(y[i])) {
                return i;
            }
        }
        return Math.max(x.length, y.length);
    }

    /** @return line i of a text, or "(end of file)" */
    public static String line(String text, int i) {
        String[] l = text.split("\n", -1);
        return i < l.length ? l[i] : "(end of file)";
    }
}
