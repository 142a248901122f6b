package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code plancheck targets}: Print the inventory of the plan's targets (docs/targets.md) from the catalogue. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "Print the inventory of the plan's targets (docs/targets.md) from the catalogue.")
public final class TargetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plancheck targets: not available in this version");
        return Main.EXIT_INPUT;
    }
}
