package plancheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * plancheck's command line (contract §1). Exit status: 0 checked, no VIOLATION; 1 checked, at least
 * one VIOLATION; 2 nothing checked (bad input, rules that do not compile, usage errors).
 */
@Command(name = "plancheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks yearly submissions against the Dianjiang County 15th Five-Year Plan (2026–2030).",
        subcommands = {CheckCommand.class, ExplainCommand.class, VerifyCommand.class, RulesCommand.class,
                TargetsCommand.class, BenchCommand.class, ServeCommand.class, ImportCommand.class, ReportCommand.class,
                TemplateCommand.class})
public final class Main implements Runnable {

    /** Exit status when the input cannot be checked (contract §1). */
    public static final int EXIT_INPUT = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (used by tests). */
    public static int execute(String... args) {
        // Drools derives accessor names with the default locale (in Turkish, "i" capitalises to "İ"):
        // the rules must mean the same on every machine.
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("plancheck: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return 3;
        });
        return cl.execute(args);
    }

    /** Prints plancheck's and Drools' versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"plancheck " + plancheck.load.Versions.plancheck() + " (Drools "
                    + plancheck.load.Versions.drools() + ")"};
        }
    }
}
