package plancheck.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import plancheck.engine.Standards;
import plancheck.feed.CnemcCsv;
import plancheck.feed.CnemcImport;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;

/**
 * {@code plancheck bench cnemc [--runs N] [--rules DIR] FILE}: measures, in this JVM, the import of a
 * CNEMC hourly CSV (all stations: read, build the official days, render the submission) side by side
 * with a plain baseline — reading the same file with the same CSV reader and nothing else — and prints
 * the time of each (median, min, max over the runs, after one warm-up run) and the peak heap each
 * reached. Figures only: no test asserts a time (README).
 */
@Command(name = "cnemc", mixinStandardHelpOptions = true,
        description = "Measure importing a CNEMC hourly CSV against just reading it; print time and peak heap.")
public final class BenchCnemcCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "measured runs after one warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--region", paramLabel = "R", defaultValue = "重庆市", description = "region of the submission (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--year", paramLabel = "Y", defaultValue = "2026", description = "year to import (default: ${DEFAULT-VALUE})")
    int year;

    @Parameters(index = "0", paramLabel = "FILE", description = "a CNEMC hourly CSV or CSV.gz (e.g. data/cnemc/chongqing-2026.csv.gz)")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            System.err.println("plancheck bench cnemc: --runs: expected a whole number ≥ 1, found " + runs);
            return Main.EXIT_INPUT;
        }
        try {
            Standards std = Standards.load(rules);
            if (std == null) {
                return CheckCommand.printProblems(new java.io.PrintWriter(System.err, true),
                        List.of(new InputProblem(rules.toString(), 0, 0, "", Msg.text("cli.no-standards"))));
            }
            CnemcImport.Options o = new CnemcImport.Options(region, year, Set.of(), Set.of(), "plancheck bench cnemc", null);
            String display = plancheck.load.Paths2.display(file);
            long[] stats = new long[3];
            Phase baseline = measure(() -> {
                int[] n = new int[1];
                try {
                    CnemcCsv.read(file, display, h -> n[0] += h.values().size());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return n;
            });
            Phase imp = measure(() -> {
                try {
                    CnemcImport.Result r = CnemcImport.run(file, std.tables().airLimits(), o);
                    stats[0] = r.rows();
                    stats[1] = r.days().size();
                    stats[2] = r.json().length();
                    return r;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("plancheck bench cnemc: %s, %d rows → %d station-days (%d characters of JSON), %d measured runs%n",
                    display, stats[0], stats[1], stats[2], runs);
            baseline.print("baseline: read the CSV only ");
            imp.print("import: read, build days, JSON");
            System.out.printf("  import ÷ baseline (median): %.2f; max heap %.0f MiB%n", imp.median() / baseline.median(),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return 0;
        } catch (InputException e) {
            return CheckCommand.printProblems(new java.io.PrintWriter(System.err, true), e.problems());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof InputException ie) {
                return CheckCommand.printProblems(new java.io.PrintWriter(System.err, true), ie.problems());
            }
            System.err.println("plancheck bench cnemc: cannot read " + file + ": " + e.getCause());
            return Main.EXIT_INPUT;
        }
    }

    /** One measured phase: the times of the runs and the peak heap used during them. */
    private record Phase(List<Double> ms, double peakMiB, double liveMiB) {
        double median() {
            List<Double> s = new ArrayList<>(ms);
            Collections.sort(s);
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }

        void print(String label) {
            System.out.printf("  %s  median %8.1f ms  min %8.1f  max %8.1f  peak heap %7.1f MiB  result held %6.1f MiB%n", label,
                    median(), Collections.min(ms), Collections.max(ms), peakMiB, liveMiB);
        }
    }

    /**
     * Times the runs and records the peak heap (all heap pools, garbage included: run with a small -Xmx
     * for a tight figure) and the heap the result still holds after a full collection.
     */
    private Phase measure(Supplier<Object> work) {
        work.get(); // warm-up
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : heap) {
            peak += p.getPeakUsage().getUsed();
        }
        long before = usedAfterGc();
        Object kept = work.get();
        long live = usedAfterGc() - before;
        java.lang.ref.Reference.reachabilityFence(kept); // the result is held while the heap is measured
        return new Phase(ms, peak / 1048576.0, Math.max(0, live) / 1048576.0);
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
