package plancheck.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import plancheck.engine.RuleEngine;
import plancheck.app.Pipeline;
import plancheck.load.InputException;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;

/**
 * {@code plancheck bench [--rules DIR] [--runs N] PATH...}: measures the main job in this JVM and prints
 * figures (never asserted in a test): the first and later rule compilations, the check of the
 * submissions with compiled rules, the rendering of the reports, and the peak heap.
 * Wall time of the whole command, JVM start included, is measured outside (see README).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure rule compilation, checking and report rendering; print the figures.",
        subcommands = {BenchServeCommand.class, BenchCnemcCommand.class, BenchSyntheticCommand.class, BenchGenerateCommand.class,
                BenchSheetsCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    RulesOptions opts;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "15", description = "measured runs after warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "submission files or folders (or a subcommand: serve, cnemc, synthetic, generate, sheets)")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        if (paths == null || paths.isEmpty()) {
            System.err.println("plancheck bench: expected PATH... (submission files or folders), or a subcommand: bench serve, bench cnemc FILE, bench synthetic, bench generate, bench sheets");
            return Main.EXIT_INPUT;
        }
        if (runs < 1) {
            System.err.println("plancheck bench: --runs: expected a whole number ≥ 1, found " + runs);
            return Main.EXIT_INPUT;
        }
        try {
            long t0 = System.nanoTime();
            RuleSet rs = opts.load();
            RuleEngine first = RuleEngine.compileWithoutCache(rs);
            double firstCompile = ms(t0);
            List<Double> compile = new ArrayList<>();
            List<Double> check = new ArrayList<>();
            List<Double> render = new ArrayList<>();
            int findings = 0;
            for (int i = 0; i < runs + 3; i++) {
                long a = System.nanoTime();
                RuleEngine e = RuleEngine.compileWithoutCache(opts.load());
                double c = ms(a);
                long b = System.nanoTime();
                plancheck.app.Checked r = Pipeline.check(e, paths);
                double k = ms(b);
                long d = System.nanoTime();
                JsonReport.render(r.report());
                MarkdownReport.render(r.report(), r.rules().targets(), "zh");
                double m = ms(d);
                findings = r.report().findings().size();
                if (i >= 3) { // the first three are warm-up
                    compile.add(c);
                    check.add(k);
                    render.add(m);
                }
            }
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            System.out.printf("plancheck bench: %d rule files, %d targets, %d findings, %d measured runs%n",
                    first.rules().files().size(), first.rules().targets().size(), findings, runs);
            System.out.printf("  first compilation (load + build KieBase, cold JVM): %8.1f ms%n", firstCompile);
            System.out.printf("  compilation, later runs   median %8.1f ms  min %8.1f  max %8.1f%n", median(compile), Collections.min(compile), Collections.max(compile));
            System.out.printf("  check (read, merge, fire) median %8.1f ms  min %8.1f  max %8.1f%n", median(check), Collections.min(check), Collections.max(check));
            System.out.printf("  render report.json + .md  median %8.1f ms  min %8.1f  max %8.1f%n", median(render), Collections.min(render), Collections.max(render));
            System.out.printf("  peak heap used (all pools): %.1f MiB; max heap %.0f MiB%n", peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return 0;
        } catch (InputException e) {
            return CheckCommand.printProblems(new java.io.PrintWriter(System.err, true), e.problems());
        }
    }

    static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
