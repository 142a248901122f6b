package plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.report.ReportWriter;
import plancheck.report.TargetInventory;

/**
 * {@code plancheck targets [--rules DIR] [--out FILE | --check FILE]}: the inventory of the plan's
 * quantitative targets (docs/targets.md), generated from the rules folder by {@link TargetInventory}.
 *
 * <ul>
 *   <li>no option: prints the Markdown to standard output;</li>
 *   <li>{@code --out FILE}: writes it to FILE whole (temporary file, then rename);</li>
 *   <li>{@code --check FILE}: compares FILE with what the rules give — exit 0 when identical, 1 with a
 *       summary of the differing lines on standard error when not (for CI:
 *       {@code java -jar target/plancheck.jar targets --check docs/targets.md}).</li>
 * </ul>
 * Exit 2 when the rules folder or the inventory files are malformed, or FILE cannot be read/written.
 */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = "Print the inventory of the plan's targets (docs/targets.md) from the catalogue; --check FILE compares it with FILE.")
public final class TargetsCommand implements Callable<Integer> {

    /** Differing lines shown by --check before the summary stops. */
    static final int DIFF_LINES = 20;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOptions opts;

    @Option(names = "--out", paramLabel = "FILE", description = "write the Markdown to FILE instead of standard output")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "language of the messages (default: ${DEFAULT-VALUE}); the inventory itself is bilingual")
    String lang;

    @Option(names = "--check", paramLabel = "FILE",
            description = "compare FILE with the generated Markdown: exit 0 when equal, 1 with a summary when it differs")
    Path check;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (!CheckCommand.langOk(lang, err)) {
            return Main.EXIT_INPUT;
        }
        if (out != null && check != null) {
            err.println("plancheck targets: " + Msg.get(lang, "targets.out-and-check"));
            return Main.EXIT_INPUT;
        }
        String md;
        TargetInventory.Inventory inv;
        try {
            inv = TargetInventory.read(opts.rules(), opts.planDir());
            md = TargetInventory.markdown(inv);
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems(), lang);
        } catch (IOException e) {
            err.println("plancheck targets: " + Msg.get(lang, "targets.cannot-read-rules", "detail", detail(e)));
            return Main.EXIT_INPUT;
        }
        if (check != null) {
            String have;
            try {
                have = Files.readString(check, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("plancheck targets: " + Msg.get(lang, "targets.cannot-read", "file", check, "detail", detail(e)));
                return Main.EXIT_INPUT;
            }
            if (have.equals(md)) {
                outw.println("plancheck targets: " + Msg.get(lang, "targets.up-to-date", "file", check,
                        "count", inv.rows().size(), "encoded", inv.encodedCount()));
                return 0;
            }
            err.print(diffSummary(check.toString(), have, md, lang));
            err.println(Msg.get(lang, "targets.regenerate", "file", check));
            err.flush();
            return 1;
        }
        if (out != null) {
            try {
                Path dir = out.toAbsolutePath().getParent();
                ReportWriter.writeAll(dir, Map.of(out.getFileName().toString(), md.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("plancheck targets: " + Msg.get(lang, "targets.cannot-write", "file", out, "detail", detail(e)));
                return Main.EXIT_INPUT;
            }
            outw.println("plancheck targets: " + Msg.get(lang, "targets.written", "count", inv.rows().size(),
                    "encoded", inv.encodedCount(), "file", out));
            return 0;
        }
        outw.print(md);
        outw.flush();
        return 0;
    }

    /**
     * A short account of how two texts differ, by lines: counts, then up to {@link #DIFF_LINES} lines
     * found only in the file ({@code -}) or only in the generated text ({@code +}), in order.
     *
     * @param name      the file's name, for the heading
     * @param have      the file's content
     * @param generated what the rules give
     * @param lang      "zh" or "en"
     * @return the summary, '\n'-terminated lines
     */
    static String diffSummary(String name, String have, String generated, String lang) {
        List<String> a = List.of(have.split("\n", -1));
        List<String> b = List.of(generated.split("\n", -1));
        Map<String, Integer> inB = count(b);
        Map<String, Integer> inA = count(a);
        List<String> onlyA = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        for (String l : a) {
            if (inB.merge(l, -1, Integer::sum) < 0) {
                onlyA.add(l);
            }
        }
        for (String l : b) {
            if (inA.merge(l, -1, Integer::sum) < 0) {
                onlyB.add(l);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("plancheck targets: ").append(Msg.get(lang, "targets.differs", "file", name,
                "onlyFile", onlyA.size(), "onlyGenerated", onlyB.size()));
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            s.append(Msg.get(lang, "targets.differs-order"));
        }
        s.append('\n');
        int shown = 0;
        for (String l : onlyA) {
            if (shown++ >= DIFF_LINES) break;
            s.append("- ").append(l).append('\n');
        }
        for (String l : onlyB) {
            if (shown++ >= 2 * DIFF_LINES) break;
            s.append("+ ").append(l).append('\n');
        }
        if (onlyA.size() + onlyB.size() > shown) {
            s.append(Msg.get(lang, "targets.more", "count",
                    onlyA.size() + onlyB.size() - Math.min(shown, onlyA.size() + onlyB.size()))).append('\n');
        }
        return s.toString();
    }

    /** @return the reason of an I/O error, bounded */
    private static String detail(IOException e) {
        return plancheck.model.Bounded.cut(String.valueOf(e.getMessage()), 200);
    }

    private static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }
}
