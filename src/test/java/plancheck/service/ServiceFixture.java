package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

/**
 * A real service for the tests: started in this JVM on a free port of localhost, with its own data folder
 * under target/service-tests/ (so report paths are relative to the working folder and {@code plancheck
 * verify} re-runs them) and its own database — embedded H2, or a fresh schema of the PostgreSQL server
 * named by the environment variable {@code PLANCHECK_TEST_PG} (.ci/postgres.sh starts one). Requests go
 * over real HTTP with java.net.http.
 */
final class ServiceFixture implements AutoCloseable {

    static final String PG_ENV = "PLANCHECK_TEST_PG";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final Server server;
    final Path dataDir;
    final String dbUrl;
    final String base;
    private String adminToken;

    private ServiceFixture(Server server, Path dataDir, String dbUrl) {
        this.server = server;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** @return a fresh data folder under target/service-tests/ (relative to the working folder) */
    static Path newDataDir(String name) throws IOException {
        Path d = Path.of("target", "service-tests", name + "-" + Long.toString(System.nanoTime(), 36));
        Files.createDirectories(d);
        return d;
    }

    static ServiceFixture h2(String name) throws Exception {
        return start(name, null, ServiceConfig.DEFAULT_MAX_UPLOAD);
    }

    static ServiceFixture start(String name, String dbUrl, long maxUpload) throws Exception {
        Path data = newDataDir(name);
        Server s = Server.start(new ServiceConfig(dbUrl, data, "127.0.0.1", 0, Path.of("rules"), Path.of("plans"),
                maxUpload, ADMIN_PASSWORD));
        return new ServiceFixture(s, data, dbUrl == null ? plancheck.store.Database.embeddedUrl(data) : dbUrl);
    }

    /**
     * The JDBC URL of a fresh schema on the test PostgreSQL server. Without {@code PLANCHECK_TEST_PG} the
     * test is skipped, except in CI (CI=true), where it fails; with it, an unreachable server fails the test.
     */
    static String postgresSchema() {
        String url = System.getenv(PG_ENV);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(PG_ENV + " is not set in CI: .ci/run starts PostgreSQL and sets it");
            }
            Assumptions.abort(PG_ENV + " not set: no PostgreSQL server for this run (bash .ci/postgres.sh starts one)");
        }
        String schema = "t_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("PostgreSQL at " + PG_ENV + " is unreachable: " + e.getMessage());
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    record Res(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        List<String> all(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(Map.Entry::getValue).orElse(List.of());
        }
    }

    Res send(String method, String path, String token, byte[] body, String... headers) {
        return send(base, method, path, token, body, headers);
    }

    /** One request to a service at {@code base} (this JVM's or another process's). */
    static Res send(String base, String method, String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    /** Files bytes as a bureau over the API, sent chunked: no Content-Length declared. */
    Res fileChunked(String token, String name, byte[] bytes) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/filings")).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .header("Authorization", "Bearer " + token).header("X-File-Name", name)
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<byte[]> res = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Res(res.statusCode(), res.headers().map(), res.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("chunked upload: " + e, e);
        }
    }

    Res get(String path, String token) {
        return send("GET", path, token, null);
    }

    Res postJson(String path, String token, Object body) {
        try {
            return send("POST", path, token, JSON.writeValueAsBytes(body), "Content-Type", "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Files bytes as a bureau over the API. */
    Res file(String token, String name, byte[] bytes, String... headers) {
        List<String> h = new ArrayList<>(List.of("X-File-Name", name));
        h.addAll(List.of(headers));
        if (!h.contains("Content-Type")) {
            h.addAll(List.of("Content-Type", "application/json"));
        }
        return send("POST", "/api/filings", token, bytes, h.toArray(String[]::new));
    }

    String login(String user, String password) {
        Res r = postJson("/api/session", null, Map.of("username", user, "password", password));
        assertEquals(201, r.status(), () -> "login " + user + ": " + r.text());
        return r.json().get("token").asText();
    }

    /** @return {token, csrf} of a new session (the token is also the session cookie of the pages) */
    String[] session(String user) {
        Res r = postJson("/api/session", null, Map.of("username", user, "password", user + "-password"));
        assertEquals(201, r.status(), () -> "login " + user + ": " + r.text());
        return new String[] {r.json().get("token").asText(), r.json().get("csrf").asText()};
    }

    /**
     * Uploads a file on the bureau's page (/bureau/file) as a browser's form does: multipart/form-data with
     * the session cookie and the form's CSRF token.
     *
     * @param session {token, csrf} ({@link #session})
     * @param fields  other fields of the form: name, value, …
     */
    Res filePage(String[] session, String name, byte[] bytes, String... fields) {
        String boundary = "----plancheck" + Long.toString(System.nanoTime(), 36);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        b.writeBytes((form + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session[1]
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(bytes);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/bureau/file", null, b.toByteArray(), "Cookie", Server.SESSION_COOKIE + "=" + session[0],
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    String admin() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Creates an account (as the administrator) and returns its token. */
    String account(String user, String role, String bureau) {
        String pw = user + "-password";
        Res r = postJson("/api/accounts", admin(), bureau == null ? Map.of("username", user, "password", pw, "role", role)
                : Map.of("username", user, "password", pw, "role", role, "bureau", bureau));
        assertEquals(201, r.status(), () -> "create " + user + ": " + r.text());
        return login(user, pw);
    }

    // ---- submissions ------------------------------------------------------------------------------------------

    /** @return a shipped example submission's bytes, e.g. {@code example("2026", "safety-bureau")} */
    static byte[] example(int year, String name) {
        try {
            return Files.readAllBytes(Path.of("facts", String.valueOf(year), "example-" + name + ".json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One bureau's examples of a year merged into one submission (see {@link plancheck.cli.BenchServeCommand#merged}). */
    static byte[] merged(int year, String bureauFilePrefix) {
        try {
            byte[] b = plancheck.cli.BenchServeCommand.merged(Path.of("facts", String.valueOf(year)), bureauFilePrefix);
            if (b == null) {
                throw new AssertionError("no example-" + bureauFilePrefix + "*.json in facts/" + year);
            }
            return b;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Bureau ids (responsible-units.yaml) → the prefix of their example files in facts/. */
    static final Map<String, String> EXAMPLES = plancheck.cli.BenchServeCommand.EXAMPLES;
}
