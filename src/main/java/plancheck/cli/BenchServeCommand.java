package plancheck.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import plancheck.app.Workspace;
import plancheck.load.PlanFolders;
import plancheck.service.Server;
import plancheck.service.ServiceConfig;

/**
 * {@code plancheck bench serve}: the service's speed, side by side with a plain baseline in the same run
 * (figures printed, never asserted). The service runs in this JVM on localhost with its own database
 * (embedded H2 by default, or {@code --db}); the county's year is filed first (every bureau's example
 * submissions of {@code --year}); then
 * <ul>
 *   <li>upload-to-verdict: one bureau's file uploaded over HTTP again and again, from sending to the
 *       201 answer with its findings (stored, checked with the county's state, audited): p50, p95;</li>
 *   <li>uploads per second: {@code --clients} clients uploading different bureaus' files at once;</li>
 *   <li>baseline: the same check of the same state's files called in-process (no HTTP, no database),
 *       one at a time and from as many threads at once.</li>
 * </ul>
 * The rules are compiled once, when the service starts.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Measure the service: upload-to-verdict p50/p95 and uploads per second, beside the plain check.")
public final class BenchServeCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "database (default: embedded H2 in a temporary folder)")
    String db;

    @Option(names = "--facts", paramLabel = "DIR", defaultValue = "facts", description = "example submissions (default: ${DEFAULT-VALUE})")
    Path facts;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--year", defaultValue = "2026", description = "the year filed (default: ${DEFAULT-VALUE})")
    int year;

    @Option(names = "--bureau", defaultValue = "safety", description = "the bureau whose file is timed (default: ${DEFAULT-VALUE})")
    String bureau;

    @Option(names = "--workbook", paramLabel = "FILE", description = "the timed bureau's file: a workbook or CSV file "
            + "(e.g. examples/example-safety-bureau-2026.xlsx) in place of its JSON examples")
    Path workbook;

    @Option(names = "--uploads", defaultValue = "40", description = "timed uploads of one file (default: ${DEFAULT-VALUE})")
    int uploads;

    @Option(names = "--clients", defaultValue = "4", description = "clients uploading at once (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--concurrent-uploads", defaultValue = "80",
            description = "uploads for the uploads-per-second figure (default: ${DEFAULT-VALUE})")
    int concurrentUploads;

    /** Bureau ids of plans/dianjiang-15th/responsible-units.yaml → the name prefix of their example files. */
    public static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("agriculture", "agriculture-bureau"), Map.entry("civil_affairs", "civil-affairs-bureau"),
            Map.entry("commerce", "commerce-bureau"), Map.entry("culture_tourism", "culture-tourism-bureau"),
            Map.entry("development", "development-bureau"), Map.entry("education", "education-bureau"),
            Map.entry("environment", "environment-"), Map.entry("health", "health-bureau"),
            Map.entry("housing", "housing-urban-bureau"), Map.entry("human_resources", "human-resources-bureau"),
            Map.entry("petition", "petition-bureau"), Map.entry("safety", "safety-bureau"),
            Map.entry("stats", "stats-bureau"));

    /**
     * One bureau's example files of a year as one submission (the service keeps one file per bureau and
     * year): the lists of every {@code example-<prefix>*.json} of the year's folder concatenated.
     *
     * @return the submission's bytes, or null when the folder has no such file
     */
    public static byte[] merged(Path yearDir, String prefix) throws IOException {
        List<Path> ps;
        try (Stream<Path> files = Files.list(yearDir)) {
            ps = files.filter(p -> p.getFileName().toString().startsWith("example-" + prefix)).sorted().toList();
        }
        ObjectNode out = null;
        for (Path p : ps) {
            ObjectNode n = (ObjectNode) JSON.readTree(p.toFile());
            if (out == null) {
                out = n;
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode cur = out.get(e.getKey());
                if (e.getValue().isArray() && cur == null) {
                    out.set(e.getKey(), e.getValue());
                } else if (e.getValue().isArray()) {
                    ((ArrayNode) cur).addAll((ArrayNode) e.getValue());
                }
            }
        }
        return out == null ? null : JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    }

    @Override
    public Integer call() throws Exception {
        if (uploads < 2 || clients < 1 || concurrentUploads < clients) {
            System.err.println("plancheck bench serve: --uploads ≥ 2, --clients ≥ 1, --concurrent-uploads ≥ --clients");
            return Main.EXIT_INPUT;
        }
        Path data = Files.createTempDirectory(Path.of("").toAbsolutePath(), ".plancheck-bench-");
        String password = "bench-" + System.nanoTime();
        long t0 = System.nanoTime();
        try (Server server = Server.start(new ServiceConfig(db, data, "127.0.0.1", 0, rules,
                PlanFolders.besideRules(rules), ServiceConfig.DEFAULT_MAX_UPLOAD, password))) {
            double startMs = (System.nanoTime() - t0) / 1e6;
            Client c = new Client("http://127.0.0.1:" + server.port());
            String admin = c.login("admin", password);
            Map<String, String> tokens = new LinkedHashMap<>();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : EXAMPLES.entrySet()) {
                byte[] f = merged(facts.resolve(String.valueOf(year)), e.getValue());
                if (f == null) {
                    continue;
                }
                c.call("POST", "/api/accounts", admin, JSON.writeValueAsBytes(Map.of("username", "bench-" + e.getKey(),
                        "password", password, "role", "bureau", "bureau", e.getKey())), 201);
                tokens.put(e.getKey(), c.login("bench-" + e.getKey(), password));
                files.put(e.getKey(), f);
            }
            String timedName = "bench.json";
            if (workbook != null) {
                if (!tokens.containsKey(bureau)) {
                    System.err.println("plancheck bench serve: no account for bureau " + bureau);
                    return Main.EXIT_INPUT;
                }
                files.put(bureau, Files.readAllBytes(workbook));
                timedName = workbook.getFileName().toString();
            }
            String name = timedName;
            if (!files.containsKey(bureau)) {
                System.err.println("plancheck bench serve: no example file of bureau " + bureau + " in " + facts + "/" + year);
                return Main.EXIT_INPUT;
            }
            for (String b : files.keySet()) { // the county's year, filed once
                c.call("POST", "/api/filings", tokens.get(b), files.get(b), 201, b.equals(bureau) ? name : "bench.json");
            }
            // the state's files, for the baseline: the same check called in-process
            JsonNode rep = JSON.readTree(c.call("GET", "/api/reports/" + year + "/report.json", tokens.get(bureau), null, 200));
            List<Path> inputs = new ArrayList<>();
            rep.get("inputs").forEach(in -> inputs.add(Path.of(in.get("path").asText())));
            Workspace ws = server.workspace();
            // 1. upload-to-verdict, one bureau's file, one at a time, each followed by the baseline check
            //    (3 warm-up rounds first), so both run under the same conditions
            List<Double> latency = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            int findings = 0;
            for (int i = 0; i < uploads + 3; i++) {
                long a = System.nanoTime();
                JsonNode r = JSON.readTree(c.call("POST", "/api/filings", tokens.get(bureau), files.get(bureau), 201, name));
                double up = (System.nanoTime() - a) / 1e6;
                long b = System.nanoTime();
                ws.check(inputs);
                double check = (System.nanoTime() - b) / 1e6;
                if (i >= 3) {
                    latency.add(up);
                    base.add(check);
                }
                findings = r.get("findings").size();
            }
            // 2. uploads per second, several clients, different bureaus
            List<String> order = new ArrayList<>(files.keySet());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long w = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < concurrentUploads; i++) {
                String b = order.get(i % order.size());
                fs.add(pool.submit(() -> c.call("POST", "/api/filings", tokens.get(b), files.get(b), 201,
                        b.equals(bureau) ? name : "bench.json")));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double perSecond = concurrentUploads / ((System.nanoTime() - w) / 1e9);
            // 3. the baseline's checks per second from as many threads
            long bw = System.nanoTime();
            List<Future<?>> bs = new ArrayList<>();
            for (int i = 0; i < concurrentUploads; i++) {
                bs.add(pool.submit(() -> ws.check(inputs)));
            }
            for (Future<?> f : bs) {
                f.get();
            }
            double basePerSecond = concurrentUploads / ((System.nanoTime() - bw) / 1e9);
            pool.shutdown();
            System.out.printf("plancheck bench serve: %s database, %d bureaus' files of %d (%d inputs in the state), "
                            + "%d cores; rules compiled once at start (service up in %.1f s)%n",
                    server.databaseVendor(), files.size(), year, inputs.size(), Runtime.getRuntime().availableProcessors(),
                    startMs / 1000);
            System.out.printf("  upload-to-verdict, %s's file %s over HTTP (%d findings back), %d uploads:"
                    + "  p50 %7.1f ms  p95 %7.1f ms%n", bureau, name, findings, uploads, pct(latency, 50), pct(latency, 95));
            System.out.printf("  baseline, the same check in-process (no HTTP, no database):        "
                    + "  p50 %7.1f ms  p95 %7.1f ms%n", pct(base, 50), pct(base, 95));
            System.out.printf("  uploads per second, %d clients, %d uploads of %d bureaus:  %6.1f /s%n", clients,
                    concurrentUploads, files.size(), perSecond);
            System.out.printf("  baseline, checks per second in-process from %d threads:     %6.1f /s%n", clients, basePerSecond);
            return 0;
        } finally {
            plancheck.app.RulesVersions.deleteTree(data);
        }
    }

    static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    /** A plain HTTP client with a bearer token. */
    private record Client(String base) {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        byte[] call(String method, String path, String token, byte[] body, int expect) {
            return call(method, path, token, body, expect, "bench.json");
        }

        /** The same, with the name of the file sent (its format is judged by the name and the content). */
        byte[] call(String method, String path, String token, byte[] body, int expect, String fileName) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json").header("X-File-Name", fileName);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != expect) {
                    throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + ": "
                            + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return r.body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String login(String user, String pw) throws IOException {
            return JSON.readTree(call("POST", "/api/session", null, JSON.writeValueAsBytes(Map.of("username", user,
                    "password", pw)), 201)).get("token").asText();
        }
    }
}
