package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import plancheck.load.InputException;
import plancheck.load.PlanFolders;
import plancheck.service.Server;
import plancheck.service.ServiceConfig;
import plancheck.store.Database;

/**
 * {@code plancheck serve [--db JDBC-URL] [--port N]}: the county's filing service (docs/service.md). Runs
 * until stopped. Exit status 2 when it cannot start (database unreachable, rules that do not compile,
 * port taken), with the reason on one line.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the filing service: bureaus file, every revision is kept, each role sees what it may.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "database: jdbc:postgresql://host:port/db?user=…&password=… (default: embedded H2 in DATA/db)")
    String db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "plancheck-data",
            description = "data folder: embedded database, revisions' files, rules versions (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--plans", paramLabel = "DIR", description = "plans folder (default: plans/ beside the rules folder)")
    Path plans;

    @Option(names = "--max-upload-mib", paramLabel = "N", defaultValue = "10",
            description = "largest upload in MiB (default: ${DEFAULT-VALUE})")
    int maxUploadMib;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (maxUploadMib < 1 || maxUploadMib > 1024) {
            err.println("plancheck serve: --max-upload-mib: expected 1 to 1024");
            return Main.EXIT_INPUT;
        }
        Path plansDir = plans != null ? plans : PlanFolders.besideRules(rules);
        String adminPassword = System.getenv("PLANCHECK_ADMIN_PASSWORD");
        ServiceConfig cfg = new ServiceConfig(db, data, host, port, rules, plansDir, maxUploadMib * 1024L * 1024L,
                adminPassword);
        Server server;
        try {
            server = Server.start(cfg);
        } catch (Database.StoreStartException e) {
            err.println("plancheck serve: " + e.getMessage());
            return Main.EXIT_INPUT;
        } catch (InputException e) {
            return CheckCommand.printProblems(err, e.problems());
        } catch (RuntimeException e) {
            err.println("plancheck serve: cannot start: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        spec.commandLine().getOut().println("plancheck serve: listening on http://" + host + ":" + server.port() + "/");
        spec.commandLine().getOut().flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "plancheck-stop"));
        stop.await();
        return 0;
    }
}
