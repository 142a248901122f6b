package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code plancheck bench}: Measure the wall time and memory of the main job. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the wall time and memory of the main job.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plancheck bench: not available in this version");
        return Main.EXIT_INPUT;
    }
}
