package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code plancheck verify}: Re-run a report with its recorded inputs and rules and say whether the result is identical. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Re-run a report with its recorded inputs and rules and say whether the result is identical.")
public final class VerifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plancheck verify: not available in this version");
        return Main.EXIT_INPUT;
    }
}
