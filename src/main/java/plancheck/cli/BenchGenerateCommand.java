package plancheck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.bench.SyntheticData;

/**
 * {@code plancheck bench generate --out DIR [size]}: writes valid synthetic submissions (and, for more
 * than one region, a plan folder per county) so that {@code plancheck check} can be run on them in a
 * process of its own (e.g. with {@code -Xmx1g}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write valid synthetic submissions at a chosen size (facts/ and, for several regions, plans/).")
public final class BenchGenerateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions opts;

    @Mixin
    SyntheticOptions size;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        SyntheticData d;
        try {
            d = size.data();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("plancheck bench generate: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        long t0 = System.nanoTime();
        Path facts = d.write(out, opts.planDir());
        spec.commandLine().getOut().printf("plancheck bench generate: %s, %,d records in %s (%.1f s)%n", size.describe(),
                d.records(), facts, (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().println("  check them with: plancheck check --rules " + opts.rules()
                + (d.regions() > 1 ? " --plans " + out.resolve("plans") : "") + " --out " + out.resolve("reports") + " " + facts);
        return 0;
    }
}
