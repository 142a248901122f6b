package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import plancheck.load.Paths2;

/**
 * Faults: the server process killed with kill -9 while uploads are under way holds every acknowledged
 * revision whole and no half one after a restart; a database that goes away gives a clear 503 (no stack
 * trace), loses no acknowledged upload, and the service recovers when it is back.
 */
class ServiceFaultsTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The service as a process of its own (java -cp … plancheck.cli.Main serve), as it runs in production. */
    private static Process serve(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dplancheck.cache=target/rules-cache",
                "-cp", System.getProperty("java.class.path"), "plancheck.cli.Main", "serve", "--data", data.toString(),
                "--port", String.valueOf(port));
        pb.environment().put("PLANCHECK_ADMIN_PASSWORD", ServiceFixture.ADMIN_PASSWORD);
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        return pb.start();
    }

    private static void awaitUp(String base, Process p) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            assertTrue(p.isAlive(), "the service process exited with " + (p.isAlive() ? "" : p.exitValue()));
            try {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start within 180 s");
    }

    private static void kill9(Process p) throws Exception {
        Process k = new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).inheritIO().start();
        assertEquals(0, k.waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void killedMidUploadHoldsWholeRevisionsOrNoneAndEveryAcknowledgedOne() throws Exception {
        Path data = ServiceFixture.newDataDir("kill9");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process p = serve(data, port);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try {
            awaitUp(base, p);
            Client cl = new Client(base);
            String admin = cl.login("admin", ServiceFixture.ADMIN_PASSWORD);
            List<String> bureaus = List.of("safety", "stats", "health", "education");
            Map<String, String> tokens = new ConcurrentHashMap<>();
            for (String b : bureaus) {
                cl.post("/api/accounts", admin, ServiceFixture.JSON.writeValueAsBytes(Map.of("username", "k-" + b,
                        "password", "k-" + b + "-password", "role", "bureau", "bureau", b)));
                tokens.put(b, cl.login("k-" + b, "k-" + b + "-password"));
            }
            // uploads under way from four bureaus; one more whose body is only half sent when the process dies
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(bureaus.size());
            for (String b : bureaus) {
                pool.submit(() -> {
                    byte[] body = ServiceFixture.merged(2026, ServiceFixture.EXAMPLES.get(b));
                    for (int i = 0; i < 40 && !stop.get(); i++) {
                        try {
                            ServiceFixture.Res r = cl.send("POST", "/api/filings", tokens.get(b), body,
                                    "X-File-Name", "example-" + b + ".json");
                            if (r.status() == 201) {
                                JsonNode j = r.json();
                                acknowledged.put(j.get("revision").get("id").asLong(), j.get("revision").get("sha256").asText());
                            }
                        } catch (AssertionError | RuntimeException e) {
                            return null; // the process died under this request: not acknowledged
                        }
                    }
                    return null;
                });
            }
            Socket half = new Socket("127.0.0.1", port);
            byte[] halfBody = ServiceFixture.example(2026, "petition-bureau");
            OutputStream out = half.getOutputStream();
            out.write(("POST /api/filings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + tokens.get("safety")
                    + "\r\nX-File-Name: half-sent.json\r\nContent-Type: application/json\r\nContent-Length: "
                    + halfBody.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(halfBody, 0, halfBody.length / 2);
            out.flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() < 6 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(acknowledged.size() >= 6, "uploads were acknowledged before the kill");
            kill9(p);
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            half.close();
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor();
            }
        }
        // restart on the same data folder
        Process again = serve(data, port);
        try {
            awaitUp(base, again);
            Client cl = new Client(base);
            String auditor;
            String admin = cl.login("admin", ServiceFixture.ADMIN_PASSWORD);
            cl.post("/api/accounts", admin, ServiceFixture.JSON.writeValueAsBytes(Map.of("username", "k-audit",
                    "password", "k-audit-password", "role", "auditor")));
            auditor = cl.login("k-audit", "k-audit-password");
            JsonNode revs = ServiceFixture.JSON.readTree(cl.send("GET", "/api/revisions?limit=1000", auditor, null).body())
                    .get("revisions");
            Set<Long> stored = new TreeSet<>();
            for (JsonNode r : revs) {
                long id = r.get("id").asLong();
                stored.add(id);
                assertFalse(r.get("fileName").asText().equals("half-sent.json"), "the half-sent upload is not stored");
                byte[] content = cl.send("GET", "/api/revisions/" + id + "/content", auditor, null).body();
                assertEquals(r.get("sha256").asText(), Paths2.sha256(content), "r" + id + " is whole");
                assertEquals(r.get("size").asLong(), content.length);
            }
            for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
                assertTrue(stored.contains(a.getKey()), "acknowledged r" + a.getKey() + " survived kill -9");
            }
            long max = stored.stream().mapToLong(Long::longValue).max().orElse(0);
            assertEquals(max, stored.size(), "numbered without gaps: " + stored);
            // and every stored revision has its audit line
            JsonNode audit = ServiceFixture.JSON.readTree(cl.send("GET", "/api/audit?limit=1000", auditor, null).body())
                    .get("entries");
            long files = 0;
            for (JsonNode e : audit) {
                files += e.get("action").asText().equals("file") ? 1 : 0;
            }
            assertEquals(stored.size(), files, "one audit line per stored revision");
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
            if (again.isAlive()) {
                again.destroyForcibly();
            }
        }
    }

    @Test
    void databaseDownH2() throws Exception {
        Path data = ServiceFixture.newDataDir("dbdown-h2");
        int dbPort = freePort();
        String[] args = {"-tcpPort", String.valueOf(dbPort), "-ifNotExists", "-baseDir",
                data.toAbsolutePath().resolve("h2").toString()};
        org.h2.tools.Server[] h2 = {org.h2.tools.Server.createTcpServer(args).start()};
        try {
            databaseDown("jdbc:h2:tcp://127.0.0.1:" + dbPort + "/plancheck", new Outage() {
                @Override
                public void cut() {
                    h2[0].stop();
                }

                @Override
                public void restore() throws Exception {
                    h2[0] = org.h2.tools.Server.createTcpServer(args).start();
                }
            });
        } finally {
            h2[0].stop();
        }
    }

    /** Takes the database away and gives it back. */
    interface Outage {
        void cut() throws Exception;

        void restore() throws Exception;
    }

    @Test
    void databaseDownPostgres() throws Exception {
        String url = ServiceFixture.postgresSchema();
        URI u = URI.create(url.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(u.getPort())) {
            databaseDown(url.replace(":" + u.getPort() + "/", ":" + proxy.port() + "/"), new Outage() {
                @Override
                public void cut() {
                    proxy.cut();
                }

                @Override
                public void restore() throws Exception {
                    proxy.restore();
                }
            });
        }
    }

    private void databaseDown(String url, Outage proxy) throws Exception {
        try (ServiceFixture svc = ServiceFixture.start("dbdown", url, ServiceConfig.DEFAULT_MAX_UPLOAD)) {
            String safety = svc.account("safety1", "bureau", "safety");
            ServiceFixture.Res ok = svc.file(safety, "example-safety-bureau.json", ServiceFixture.example(2026, "safety-bureau"));
            assertEquals(201, ok.status(), ok.text());
            long acknowledged = ok.json().get("revision").get("id").asLong();

            proxy.cut();
            ServiceFixture.Res down = svc.file(safety, "example-safety-bureau.json", ServiceFixture.example(2027, "safety-bureau"));
            assertEquals(503, down.status(), down.text());
            assertTrue(down.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(down.json().get("title").asText().contains("数据库暂时无法访问"), down.text());
            assertClean(down.text());
            ServiceFixture.Res page = svc.send("GET", "/county", null, null, "Cookie", Server.SESSION_COOKIE + "=" + safety,
                    "Accept", "text/html");
            assertEquals(503, page.status(), page.text());
            assertTrue(page.text().contains("数据库暂时无法访问") && page.text().contains("<html"), page.text());
            assertClean(page.text());
            assertEquals(503, svc.get("/api/health", null).status());

            proxy.restore();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            ServiceFixture.Res back;
            do {
                back = svc.file(safety, "example-safety-bureau.json", ServiceFixture.example(2027, "safety-bureau"));
            } while (back.status() == 503 && System.nanoTime() < end);
            assertEquals(201, back.status(), back.text());
            long next = back.json().get("revision").get("id").asLong();
            assertEquals(acknowledged + 1, next, "the refused upload took no number");
            assertEquals(200, svc.get("/api/revisions/" + acknowledged, safety).status(), "the acknowledged upload is kept");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM revisions")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    private static void assertClean(String body) {
        for (String s : List.of("Exception", "\tat ", "at plancheck.", "at org.", "SQLState", "Hikari")) {
            assertFalse(body.contains(s), "no stack trace or driver message: " + s + " in " + body);
        }
    }

    /** A small HTTP client for a service in another process. */
    private record Client(String base) {
        ServiceFixture.Res send(String method, String path, String token, byte[] body, String... headers) {
            return ServiceFixture.send(base, method, path, token, body, headers);
        }

        ServiceFixture.Res post(String path, String token, byte[] body) {
            ServiceFixture.Res r = send("POST", path, token, body, "Content-Type", "application/json");
            assertTrue(r.status() < 300, path + ": " + r.text());
            return r;
        }

        String login(String user, String pw) throws IOException {
            return post("/api/session", null, ServiceFixture.JSON.writeValueAsBytes(Map.of("username", user, "password", pw)))
                    .json().get("token").asText();
        }
    }
}
