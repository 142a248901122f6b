package plancheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * plancheck's command line (contract §1). Exit status: 0 checked, no VIOLATION; 1 checked, at least
 * one VIOLATION; 2 nothing checked (bad input, rules that do not compile or do not finish within their
 * limits, usage errors); 3 nothing checked, plancheck could not finish (out of memory, an internal error).
 */
@Command(name = "plancheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks yearly submissions against the Dianjiang County 15th Five-Year Plan (2026–2030).")
public final class Main implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    private static final Class<?>[] COMMANDS = {CheckCommand.class, ExplainCommand.class, VerifyCommand.class,
        RulesCommand.class, TargetsCommand.class, BenchCommand.class, ServeCommand.class, ImportCommand.class,
        ReportCommand.class, TemplateCommand.class};

    /**
     * The command line, with the subcommand named first only when the arguments name one (picocli reads
     * every registered command's options by reflection: a short check need not pay for all ten), else
     * with all of them (the usage, and "did you mean" for a misspelt command).
     *
     * @param first the first argument, or null
     * @return the command line
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        boolean named = false;
        for (Class<?> c : COMMANDS) {
            named |= c.getAnnotation(Command.class).name().equals(first);
        }
        for (Class<?> c : COMMANDS) {
            if (!named || c.getAnnotation(Command.class).name().equals(first)) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    /** Exit status when the input cannot be checked (contract §1). */
    public static final int EXIT_INPUT = 2;

    @Override
    public void run() {
        commandLine(null).usage(System.out);
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        // logging set up on this thread before any other starts: a library logging from a second thread
        // while SLF4J initialises makes it print a note about replayed calls on the user's stderr
        org.slf4j.LoggerFactory.getILoggerFactory();
        // A rule's action that never returns, even when asked to stop: the one exit left (contract §1: 2).
        plancheck.engine.FiringGuard.onStuck = t -> {
            System.err.println("plancheck: " + t.zh() + " / " + t.en());
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_INPUT);
        };
        // What to say when even saying it runs out of memory: made before the work begins.
        byte[] lastWords = lastWords();
        int status;
        try {
            status = execute(args);
        } catch (Throwable t) { // out of memory again while reporting the first (a heap of a few MB)
            try {
                System.err.write(lastWords);
                System.err.flush();
            } catch (Throwable ignored) {
                // nothing more can be said
            }
            Runtime.getRuntime().halt(EXIT_FAILED);
            return;
        }
        System.exit(status);
    }

    /** @return the out-of-memory line in both languages, as bytes, or a short one when it cannot be made */
    private static byte[] lastWords() {
        try {
            long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            String detail = "java.lang.OutOfMemoryError";
            return ("plancheck: " + plancheck.i18n.Msg.get("zh", "cli.out-of-memory", "detail", detail, "max", max) + " / "
                    + plancheck.i18n.Msg.get("en", "cli.out-of-memory", "detail", detail, "max", max) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Throwable t) { // the message files could not even be read
            return "plancheck: out of memory / 内存不足\n".getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Exit status when plancheck could not finish for a reason of its own (out of memory, an internal error). */
    public static final int EXIT_FAILED = 3;

    /** Runs the command line and returns its exit status (used by tests). */
    public static int execute(String... args) {
        // Drools derives accessor names with the default locale (in Turkish, "i" capitalises to "İ"):
        // the rules must mean the same on every machine.
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> failed(cmd.getErr(), ex));
        try {
            return cl.execute(args);
        } catch (Throwable t) { // errors of the JVM (out of memory, stack overflow) pass picocli's handler
            return failed(cl.getErr(), t);
        }
    }

    /**
     * One line on stderr for a run that could not finish (never a stack trace: set PLANCHECK_DEBUG=1 to see
     * where), exit status 3; nothing was checked and no report was written.
     */
    static int failed(PrintWriter err, Throwable t) {
        String what;
        if (t instanceof OutOfMemoryError) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String rule = m.startsWith(plancheck.engine.FiringGuard.RULE_MARK)
                    ? m.substring(plancheck.engine.FiringGuard.RULE_MARK.length()) : null;
            long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            StringBuilder b = new StringBuilder();
            for (String lang : new String[] {"zh", "en"}) {
                String detail = rule != null ? plancheck.i18n.Msg.get(lang, "engine.out-of-memory", "rule", rule)
                        : plancheck.model.Bounded.cut(m);
                b.append(b.length() == 0 ? "" : " / ").append(plancheck.i18n.Msg.get(lang, "cli.out-of-memory", "detail", detail, "max", max));
            }
            what = b.toString();
        } else {
            String detail = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                    + plancheck.model.Bounded.cut(t.getMessage().replace('\n', ' ')));
            what = plancheck.i18n.Msg.get("zh", "cli.internal-error", "detail", detail) + " / "
                    + plancheck.i18n.Msg.get("en", "cli.internal-error", "detail", detail);
        }
        err.println("plancheck: " + what);
        if (System.getenv("PLANCHECK_DEBUG") != null) {
            t.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
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
