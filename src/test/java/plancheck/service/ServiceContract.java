package plancheck.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import plancheck.cli.Main;

/**
 * The service over real HTTP on localhost against a real database (H2 and PostgreSQL run the same tests):
 * filing with its findings, refusals that store nothing, 409/413/401/403, withdrawals, diffs, past states
 * reproduced by {@code plancheck verify}, the audit log, the append-only tables, and 50 concurrent uploads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceContract {

    ServiceFixture svc;
    String safety;
    String environment;
    String stats;
    String auditor;

    /** @return the database URL for this class's service (null: embedded H2) */
    abstract String dbUrl();

    @BeforeAll
    void start() throws Exception {
        svc = ServiceFixture.start(getClass().getSimpleName(), dbUrl(), 64 * 1024);
        safety = svc.account("safety1", "bureau", "safety");
        environment = svc.account("env1", "bureau", "environment");
        stats = svc.account("stats1", "bureau", "stats");
        auditor = svc.account("audit1", "auditor", null);
    }

    @AfterAll
    void stop() {
        if (svc != null) {
            svc.close();
        }
    }

    private int revisionCount() {
        return svc.get("/api/revisions?limit=1000", auditor).json().get("revisions").size();
    }

    private List<String> auditActions() {
        List<String> out = new ArrayList<>();
        svc.get("/api/audit?limit=1000", auditor).json().get("entries").forEach(e -> out.add(
                e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("address").asText()));
        return out;
    }

    @Test
    void aBureauFilesAndSeesItsFindingsAtOnce() {
        byte[] file = ServiceFixture.example(2026, "safety-bureau");
        ServiceFixture.Res r = svc.file(safety, "example-safety-bureau.json", file);
        assertEquals(201, r.status(), r.text());
        JsonNode j = r.json();
        long id = j.get("revision").get("id").asLong();
        assertEquals("/api/revisions/" + id, r.header("Location"));
        assertEquals("safety", j.get("revision").get("bureau").asText());
        assertEquals(plancheck.load.Paths2.sha256(file), j.get("revision").get("sha256").asText());
        assertEquals("safety1", j.get("revision").get("filedBy").asText());
        // five accidents, one of them 较大 (12 serious injuries, Decree 493): major_accidents is a VIOLATION
        assertTrue(j.get("violation").asBoolean(), j.toString());
        boolean major = false;
        for (JsonNode f : j.get("findings")) {
            if (f.get("indicator").asText().equals("major_accidents")) {
                assertEquals("VIOLATION", f.get("status").asText());
                major = true;
            }
            assertEquals(2026, f.get("year").asInt());
        }
        assertTrue(major, "the safety bureau's findings include major_accidents");
        // the stored bytes are the uploaded bytes
        assertArrayEquals(file, svc.get("/api/revisions/" + id + "/content", safety).body());
    }

    @Test
    void aChineseFileNameIsKeptAndDownloadedUnderItsName() {
        ServiceFixture.Res r = svc.file(safety, java.net.URLEncoder.encode("../应急管理局 2029年.json", StandardCharsets.UTF_8).replace("+", "%20"), ServiceFixture.example(2026, "safety-bureau"));
        assertEquals(201, r.status(), r.text());
        assertEquals("应急管理局_2029年.json", r.json().get("revision").get("fileName").asText(), "no folders, no spaces");
        ServiceFixture.Res d = svc.get("/api/revisions/" + r.json().get("revision").get("id").asLong() + "/content", safety);
        assertEquals(200, d.status());
        assertTrue(d.header("Content-Disposition").contains("filename*=UTF-8''r"), d.header("Content-Disposition"));
        assertTrue(d.header("Content-Disposition").contains(java.net.URLEncoder.encode("应急管理局", StandardCharsets.UTF_8)));
    }

    @Test
    void aBadFileIsRefusedWithLineColumnAndPointerAndNothingIsStored() {
        int before = revisionCount();
        String bad = "{\n  \"region\": \"垫江县\",\n  \"year\": 2026,\n  \"indicators\": [\n"
                + "    {\"id\": \"safety_death_rate\", \"value\": \"0.011\", \"unit\": \"人/亿元\"}\n  ]\n}\n";
        ServiceFixture.Res r = svc.file(safety, "safety-2026.json", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.text());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
        JsonNode p = r.json().get("problems").get(0);
        assertEquals("safety-2026.json", p.get("file").asText());
        assertEquals("/indicators/0/value", p.get("pointer").asText());
        assertEquals(5, p.get("line").asInt());
        assertTrue(p.get("column").asInt() > 0);
        assertTrue(p.get("message").asText().contains("应为数字，实为文本"), p.toString()); // Chinese by default
        assertEquals(before, revisionCount(), "nothing stored");
        assertTrue(auditActions().stream().anyMatch(a -> a.startsWith("safety1 file-rejected 127.0.0.1")));
    }

    @Test
    void anotherBureausIndicatorIsRefusedNamingIt() {
        int before = revisionCount();
        ServiceFixture.Res r = svc.file(environment, "example-safety-bureau.json", ServiceFixture.example(2026, "safety-bureau"));
        assertEquals(403, r.status(), r.text());
        String all = r.json().get("problems").toString();
        assertTrue(all.contains("safety_death_rate") && all.contains("垫江县应急管理局") && all.contains("垫江县生态环境局"), all);
        assertTrue(all.contains("/accidents"), "the records are named too: " + all);
        JsonNode first = r.json().get("problems").get(0);
        assertEquals("/indicators/0/id", first.get("pointer").asText());
        assertTrue(first.get("line").asInt() > 1 && first.get("column").asInt() > 0, "at its line and column: " + first);
        assertEquals(before, revisionCount(), "nothing stored");
        assertTrue(auditActions().stream().anyMatch(a -> a.startsWith("env1 file-refused 127.0.0.1")));
    }

    @Test
    void aStaleBaseRevisionIs409AndTheLatestOneIsAccepted() {
        byte[] f = ServiceFixture.example(2027, "safety-bureau");
        ServiceFixture.Res first = svc.file(safety, "example-safety-bureau.json", f, "If-Match", "\"r0\"");
        assertEquals(201, first.status(), first.text());
        long id = first.json().get("revision").get("id").asLong();
        ServiceFixture.Res stale = svc.file(safety, "example-safety-bureau.json", f, "If-Match", "\"r0\"");
        assertEquals(409, stale.status(), stale.text());
        assertEquals("\"r" + id + "\"", stale.header("ETag"));
        ServiceFixture.Res ok = svc.file(safety, "example-safety-bureau.json", f, "If-Match", "\"r" + id + "\"");
        assertEquals(201, ok.status(), ok.text());
        assertEquals(2, ok.json().get("revision").get("seq").asInt());
        assertEquals(400, svc.file(safety, "x.json", f, "If-Match", "yesterday").status());
    }

    @Test
    void tooLargeIs413UnauthenticatedIs401WrongRoleIs403() {
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals(413, svc.file(safety, "big.json", big).status());
        assertEquals(401, svc.file(null, "x.json", ServiceFixture.example(2026, "safety-bureau")).status());
        assertEquals(401, svc.file("not-a-token", "x.json", ServiceFixture.example(2026, "safety-bureau")).status());
        ServiceFixture.Res r = svc.file(auditor, "x.json", ServiceFixture.example(2026, "safety-bureau"));
        assertEquals(403, r.status(), "an auditor changes nothing");
        assertEquals(403, svc.get("/api/audit", safety).status(), "a bureau does not read the audit log");
        assertEquals(403, svc.postJson("/api/accounts", auditor, Map.of("username", "x", "password", "xxxxxxxxxxxx",
                "role", "admin")).status());
        assertEquals(400, svc.send("POST", "/api/filings", safety, new byte[0]).status(), "an empty body");
    }

    @Test
    void aBureauReadsOnlyItsOwnRevisions() {
        ServiceFixture.Res r = svc.file(stats, "example-stats-bureau.json", ServiceFixture.example(2026, "stats-bureau"));
        assertEquals(201, r.status(), r.text());
        long id = r.json().get("revision").get("id").asLong();
        assertEquals(403, svc.get("/api/revisions/" + id, safety).status());
        assertEquals(200, svc.get("/api/revisions/" + id, auditor).status());
        for (JsonNode x : svc.get("/api/revisions", safety).json().get("revisions")) {
            assertEquals("safety", x.get("bureau").asText());
        }
    }

    @Test
    void aWithdrawalIsANewRevisionAndTheOldOnesStay() {
        String ag = svc.account("agri1", "bureau", "agriculture");
        ServiceFixture.Res f = svc.file(ag, "example-agriculture-bureau.json", ServiceFixture.example(2026, "agriculture-bureau"));
        assertEquals(201, f.status(), f.text());
        long filed = f.json().get("revision").get("id").asLong();
        assertTrue(stateRevisions(2026).contains(filed));
        ServiceFixture.Res w = svc.postJson("/api/withdrawals", ag, Map.of("year", 2026));
        assertEquals(201, w.status(), w.text());
        long withdrawn = w.json().get("id").asLong();
        assertEquals("withdrawn", w.json().get("kind").asText());
        assertFalse(stateRevisions(2026).contains(filed), "the county's state no longer holds the withdrawn file");
        assertFalse(stateRevisions(2026).contains(withdrawn));
        assertEquals(200, svc.get("/api/revisions/" + filed + "/content", ag).status(), "the withdrawn file is kept");
        // the state as of the filing still holds it
        assertTrue(stateRevisions(2026, filed).contains(filed));
    }

    private Set<Long> stateRevisions(int year, long... asOf) {
        String q = asOf.length == 0 ? "" : "?asOf=" + asOf[0];
        Set<Long> s = new HashSet<>();
        svc.get("/api/state/" + year + q, auditor).json().get("revisions").forEach(r -> s.add(r.get("id").asLong()));
        return s;
    }

    @Test
    void aRevisionShowsWhatItChangedInValuesAndVerdicts() throws Exception {
        String hr = svc.account("hr1", "bureau", "human_resources");
        byte[] a = ServiceFixture.example(2026, "human-resources-bureau");
        ServiceFixture.Res first = svc.file(hr, "hr.json", a);
        assertEquals(201, first.status(), first.text());
        JsonNode doc = ServiceFixture.JSON.readTree(a);
        JsonNode ind = doc.get("indicators").get(0);
        String id = ind.get("id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) ind).put("value", -5);
        ServiceFixture.Res second = svc.file(hr, "hr.json", ServiceFixture.JSON.writeValueAsBytes(doc));
        assertEquals(201, second.status(), second.text());
        long rid = second.json().get("revision").get("id").asLong();
        JsonNode d = svc.get("/api/revisions/" + rid + "/diff", hr).json();
        assertEquals(first.json().get("revision").get("id").asLong(), d.get("previous").get("id").asLong());
        boolean valueChanged = false;
        for (JsonNode v : d.get("values")) {
            if (v.get("what").asText().equals(id)) {
                assertEquals("-5 " + ind.get("unit").asText(), v.get("after").asText());
                valueChanged = true;
            }
        }
        assertTrue(valueChanged, d.toString());
        assertTrue(d.get("values").size() == 1, "only that value changed: " + d.get("values"));
        boolean verdictChanged = false;
        for (JsonNode v : d.get("verdicts")) {
            if (v.get("indicator").asText().equals(id) && v.get("year").asInt() == 2026) {
                assertNotEquals(v.get("before").asText(), v.get("after").asText(), v.toString());
                verdictChanged = true;
            }
        }
        assertTrue(verdictChanged, "a negative value is a data problem, not the earlier verdict: " + d.get("verdicts"));
    }

    @Test
    void anyPastStatesReportIsReproducedByVerify() throws Exception {
        String hous = svc.account("housing1", "bureau", "housing");
        ServiceFixture.Res f = svc.file(hous, "example-housing-urban-bureau.json",
                ServiceFixture.example(2026, "housing-urban-bureau"));
        assertEquals(201, f.status(), f.text());
        long asOf = f.json().get("revision").get("id").asLong();
        ServiceFixture.Res later = svc.file(hous, "example-housing-urban-bureau.json",
                ServiceFixture.merged(2026, "housing-urban-bureau"));
        assertEquals(201, later.status(), later.text());
        ServiceFixture.Res then = svc.get("/api/reports/2026/report.json?asOf=" + asOf, auditor);
        assertEquals(200, then.status(), then.text());
        assertArrayEquals(then.body(), svc.get("/api/reports/2026/report.json?asOf=" + asOf, auditor).body(),
                "the same past state gives the same bytes");
        assertNotEquals(new String(then.body(), StandardCharsets.UTF_8),
                svc.get("/api/reports/2026/report.json", auditor).text(), "the current state differs");
        JsonNode rep = ServiceFixture.JSON.readTree(then.body());
        boolean named = false;
        for (JsonNode in : rep.get("inputs")) {
            named |= in.get("path").asText().endsWith("/r" + asOf + "/example-housing-urban-bureau.json");
        }
        assertTrue(named, "the report names the revisions it came from: " + rep.get("inputs"));
        Path report = svc.dataDir.resolve("downloaded-report.json");
        Files.write(report, then.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            rc = Main.execute("verify", report.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("IDENTICAL"));
        for (String file : List.of("report.md", "report.html", "bundle.zip")) {
            ServiceFixture.Res d = svc.get("/api/reports/2026/" + file + "?asOf=" + asOf, safety);
            assertEquals(200, d.status(), file);
            assertTrue(d.body().length > 100, file);
        }
    }

    @Test
    void theAuditLogIsAppendOnlyInTheDatabase() throws Exception {
        assertFalse(auditActions().isEmpty());
        try (Connection c = DriverManager.getConnection(svc.dbUrl); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_log SET actor = 'someone'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_log"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM revisions"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE revisions SET bureau = 'x'"));
        }
    }

    @Test
    void loginsAreThrottledAndCookiesAreHttpOnlyAndSameSite() {
        svc.account("throttle1", "bureau", "petition");
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertEquals(401, svc.postJson("/api/session", null, Map.of("username", "throttle1", "password", "wrong")).status());
        }
        ServiceFixture.Res r = svc.postJson("/api/session", null, Map.of("username", "throttle1", "password", "throttle1-password"));
        assertEquals(429, r.status(), "even the right password waits after 5 failures");
        assertNotNull(r.header("Retry-After"));
        ServiceFixture.Res page = svc.get("/login", null);
        String cookie = page.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertTrue(auditActions().stream().anyMatch(a -> a.startsWith("throttle1 login-throttled")));
    }

    @Test
    void formsNeedTheirCsrfToken() {
        String tok = svc.login("safety1", "safety1-password");
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ServiceFixture.Res r = svc.send("POST", "/bureau/file", null, body, "Cookie", Server.SESSION_COOKIE + "=" + tok,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertEquals(403, r.status(), "a form posted without the session's CSRF token");
        assertEquals(0, revisionsBy("safety1", "x.json"));
    }

    private long revisionsBy(String user, String name) {
        long n = 0;
        for (JsonNode x : svc.get("/api/revisions?limit=1000", auditor).json().get("revisions")) {
            if (x.get("filedBy").asText().equals(user) && x.get("fileName").asText().equals(name)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void fiftyConcurrentUploadsFromDifferentBureausAreAllStoredWithAConsistentState() throws Exception {
        Map<String, String> tokens = new TreeMap<>();
        for (String b : ServiceFixture.EXAMPLES.keySet()) {
            tokens.put(b, svc.account("c-" + b, "bureau", b));
        }
        List<String[]> jobs = new ArrayList<>(); // bureau, year
        int i = 0;
        while (jobs.size() < 50) {
            for (String b : tokens.keySet()) {
                int year = 2028 + (i % 2);
                if (jobs.size() < 50) {
                    jobs.add(new String[] {b, String.valueOf(year)});
                }
            }
            i++;
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<ServiceFixture.Res>> fs = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (String[] job : jobs) {
            byte[] body = ServiceFixture.JSON.writeValueAsBytes(withYear(ServiceFixture.merged(2026,
                    ServiceFixture.EXAMPLES.get(job[0])), Integer.parseInt(job[1])));
            Callable<ServiceFixture.Res> c = () -> {
                go.await();
                return svc.file(tokens.get(job[0]), "example-" + job[0] + ".json", body);
            };
            fs.add(pool.submit(c));
        }
        go.countDown();
        Map<String, List<Integer>> seqs = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (Future<ServiceFixture.Res> f : fs) {
            ServiceFixture.Res r = f.get(5, TimeUnit.MINUTES);
            assertEquals(201, r.status(), r.text());
            JsonNode rev = r.json().get("revision");
            ids.add(rev.get("id").asLong());
            seqs.computeIfAbsent(rev.get("bureau").asText() + " " + rev.get("year").asInt(), k -> new ArrayList<>())
                    .add(rev.get("seq").asInt());
        }
        pool.shutdown();
        assertEquals(50, ids.size(), "50 revisions, each its own number");
        long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        for (long n = min; n < min + 50; n++) {
            assertTrue(ids.contains(n), "numbered without gaps: r" + n);
        }
        for (Map.Entry<String, List<Integer>> e : seqs.entrySet()) {
            List<Integer> l = new ArrayList<>(e.getValue());
            java.util.Collections.sort(l);
            for (int k = 0; k < l.size(); k++) {
                assertEquals(k + 1, l.get(k), "sequence of " + e.getKey() + ": " + l);
            }
        }
        for (int year : List.of(2028, 2029)) {
            JsonNode state = svc.get("/api/state/" + year, auditor).json();
            Map<String, Long> latest = new HashMap<>();
            for (JsonNode r : svc.get("/api/revisions?year=" + year + "&limit=1000", auditor).json().get("revisions")) {
                latest.merge(r.get("bureau").asText(), r.get("id").asLong(), Math::max);
            }
            Map<String, Long> inState = new HashMap<>();
            for (JsonNode r : state.get("revisions")) {
                if (r.get("year").asInt() == year) {
                    inState.put(r.get("bureau").asText(), r.get("id").asLong());
                }
            }
            assertEquals(latest, inState, "the state of " + year + " is the latest revision of every bureau");
            // and its report is the ordinary check of those files
            byte[] served = svc.get("/api/reports/" + year + "/report.json", auditor).body();
            List<Path> files = new ArrayList<>();
            JsonNode rep = ServiceFixture.JSON.readTree(served);
            rep.get("inputs").forEach(in -> files.add(Path.of(in.get("path").asText())));
            var ws = plancheck.app.Workspace.open(Path.of(rep.get("rules").get("dir").asText()),
                    Path.of(rep.get("plan").get("dir").asText()).getParent());
            assertArrayEquals(plancheck.report.JsonReport.render(ws.check(files).report()), served);
        }
    }

    private static JsonNode withYear(byte[] json, int year) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
                ServiceFixture.JSON.readTree(json);
        n.put("year", year);
        for (String k : plancheck.app.Responsibilities.RECORD_KINDS) {
            n.remove(k); // records carry their own dates; the values alone move to the other year
        }
        return n;
    }

    @Test
    void theOpenApiDocumentIsServed() {
        ServiceFixture.Res r = svc.get("/openapi.yaml", null);
        assertEquals(200, r.status());
        assertTrue(r.text().startsWith("openapi: 3."), r.text());
        for (String path : List.of("/api/session", "/api/filings", "/api/withdrawals", "/api/state/{year}",
                "/api/reports/{year}/{file}", "/api/revisions/{id}/diff", "/api/audit", "/api/accounts",
                "/api/rules/candidates")) {
            assertTrue(r.text().contains("  " + path + ":"), path);
        }
    }
}
