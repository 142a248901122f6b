package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code plancheck explain}: Print how a finding of a report was reached, down to its inputs. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print how a finding of a report was reached, down to its inputs.")
public final class ExplainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plancheck explain: not available in this version");
        return Main.EXIT_INPUT;
    }
}
