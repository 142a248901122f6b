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

    @Option(names = "--check", paramLabel = "FILE",
            description = "compare FILE with the generated Markdown: exit 0 when equal, 1 with a summary when it differs")
    Path check;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (out != null && check != null) {
            err.println("plancheck targets: give either --out or --check, not both");
            return Main.EXIT_INPUT;
        }
        String md;
        TargetInventory.Inventory inv;
        try {
            inv = TargetInventory.read(opts.rules(), opts.planDir());
            md = TargetInventory.markdown(inv);
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems());
        } catch (IOException e) {
            err.println("plancheck targets: cannot read the rules folder: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        if (check != null) {
            String have;
            try {
                have = Files.readString(check, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("plancheck targets: cannot read " + check + ": " + e.getMessage());
                return Main.EXIT_INPUT;
            }
            if (have.equals(md)) {
                outw.println("plancheck targets: " + check + " is up to date (" + inv.rows().size() + " targets, "
                        + inv.encodedCount() + " encoded)");
                return 0;
            }
            err.print(diffSummary(check.toString(), have, md));
            err.println("regenerate it: java -jar target/plancheck.jar targets --out " + check);
            err.flush();
            return 1;
        }
        if (out != null) {
            try {
                Path dir = out.toAbsolutePath().getParent();
                ReportWriter.writeAll(dir, Map.of(out.getFileName().toString(), md.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("plancheck targets: cannot write " + out + ": " + e.getMessage());
                return Main.EXIT_INPUT;
            }
            outw.println("plancheck targets: " + inv.rows().size() + " targets, " + inv.encodedCount() + " encoded → " + out);
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
     * @return the summary, '\n'-terminated lines
     */
    static String diffSummary(String name, String have, String generated) {
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
        s.append("plancheck targets: ").append(name).append(" differs from what the rules give: ")
                .append(onlyA.size()).append(" line(s) only in the file, ").append(onlyB.size())
                .append(" line(s) only in the generated inventory");
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            s.append(" (the same lines in another order, or line ends/whitespace differ)");
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
            s.append("… ").append(onlyA.size() + onlyB.size() - Math.min(shown, onlyA.size() + onlyB.size()))
                    .append(" more\n");
        }
        return s.toString();
    }

    private static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }
}
