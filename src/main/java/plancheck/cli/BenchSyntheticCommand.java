package plancheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.app.RegionsRun;
import plancheck.app.Workspace;
import plancheck.bench.Phases;
import plancheck.bench.PlainComputation;
import plancheck.bench.ReportResults;
import plancheck.bench.SyntheticData;
import plancheck.engine.Standards;
import plancheck.load.InputException;

/**
 * {@code plancheck bench synthetic [size]}: generates valid synthetic data at a chosen size, checks it
 * as {@code plancheck check} does (rules, reading, judging, reports per region and the index), computes
 * the same results with a plain Java loop over the same files and the same standard tables (no rules),
 * and prints per phase the wall time, CPU time and peak heap, the ratio of plancheck to the plain
 * computation, and every result on which the two differ (none expected). Figures only: nothing is
 * asserted.
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = "Generate synthetic data at a chosen size, check it, and compare time, memory and results with a plain Java computation.")
public final class BenchSyntheticCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions opts;

    @Mixin
    SyntheticOptions size;

    @Option(names = "--data", paramLabel = "DIR",
            description = "write the data here and keep it (default: a temporary folder, removed at the end)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write the reports here and keep them (default: a temporary folder, removed at the end)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "regions checked at once (default: the number of cores)")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SyntheticData d;
        try {
            d = size.data();
        } catch (IllegalArgumentException e) {
            err.println("plancheck bench synthetic: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        Path dataDir = data != null ? data : Files.createTempDirectory("plancheck-bench-data");
        Path outDir = out != null ? out : Files.createTempDirectory("plancheck-bench-out");
        try {
            Phases ph = new Phases();
            ph.start("generate data (not compared)");
            Path facts = d.write(dataDir, opts.planDir());
            ph.end();
            long bytes = size(facts);

            ph.start("plancheck: rules (compiled or cached)");
            Workspace ws = Workspace.open(opts.rules(), d.regions() > 1 ? dataDir.resolve("plans") : opts.planDir());
            ph.start("plancheck: read, judge, write reports");
            PlainComputation.Results got = new PlainComputation.Results();
            RegionsRun.Outcome run = new RegionsRun(ws, outDir, "zh", threads, StderrProgress.of(err, "zh", quiet, bytes))
                    .onReport(r -> {
                        PlainComputation.Results one = ReportResults.of(r.findings(), r.region());
                        synchronized (got) {
                            got.addAll(one);
                        }
                    }).run(List.of(facts));
            ph.end();

            ph.start("plain Java: read and compute");
            Standards std = ws.engine().standards();
            PlainComputation plain = new PlainComputation(std, ws.engine().rules().baseYear());
            PlainComputation.Results expected = new PlainComputation.Results();
            for (int r = 0; r < d.regions(); r++) {
                expected.addAll(plain.region(facts.resolve(d.region(r)), d.region(r)));
            }
            ph.end();

            List<String> diff = ReportResults.differences(expected, got);

            w.printf("plancheck bench synthetic: %s%n", size.describe());
            w.printf(java.util.Locale.ROOT, "  %,d records, %,.1f MiB of submissions; %d findings; max heap %.0f MiB; %d core(s)%n",
                    d.records(), bytes / 1048576.0, run.findings(), Runtime.getRuntime().maxMemory() / 1048576.0,
                    Runtime.getRuntime().availableProcessors());
            ph.print(w);
            double pc = ph.wall("plancheck: read, judge, write reports");
            double pj = ph.wall("plain Java: read and compute");
            double cc = ph.cpu("plancheck: read, judge, write reports");
            double cj = ph.cpu("plain Java: read and compute");
            w.printf(java.util.Locale.ROOT, "  plancheck ÷ plain Java (read, judge, reports): wall %s, CPU %s%n", ratio(pc, pj), ratio(cc, cj));
            if (d.regions() == 1) {
                // one region is read, judged and reported one step after the other: the steps' wall times
                // add up, and reading and judging alone compare with the plain loop, which writes nothing
                w.printf(java.util.Locale.ROOT, "  plancheck's reading and judging alone ÷ plain Java: wall %s (judging alone %s)%n",
                        ratio(run.readMs() + run.judgeMs(), pj), ratio(run.judgeMs(), pj));
            }
            w.printf(java.util.Locale.ROOT, "  plancheck: read %.0f ms, judge %.0f ms, reports %.0f ms (summed over regions); report.json %,.1f MiB%n",
                    run.readMs(), run.judgeMs(), run.reportMs(), run.jsonBytes() / 1048576.0);
            w.printf("  results compared: %s; differences: %d%n", ReportResults.counts(expected), diff.size());
            diff.stream().limit(20).forEach(x -> w.println("    " + x));
            if (diff.size() > 20) {
                w.println("    … " + (diff.size() - 20) + " more");
            }
            return diff.isEmpty() ? 0 : 1;
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems());
        } finally {
            if (data == null) {
                delete(dataDir);
            }
            if (out == null) {
                delete(outDir);
            }
        }
    }

    /** @return "4.20×", or "—" when the plain computation took under a millisecond (too short to compare) */
    static String ratio(double plancheck, double plain) {
        return plain < 1 ? "— (the plain computation took under 1 ms)" : String.format(java.util.Locale.ROOT, "%.2f×", plancheck / plain);
    }

    static long size(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
