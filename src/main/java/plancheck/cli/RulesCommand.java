package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code plancheck rules}: Analysts' commands: lint, test and list the rules. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Analysts' commands: lint, test and list the rules.")
public final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plancheck rules: not available in this version");
        return Main.EXIT_INPUT;
    }
}
