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
        ServiceFixture.Res chunked = svc.fileChunked(safety, "big.json", big);
        assertEquals(413, chunked.status(), "a body without a declared length is counted as it arrives: " + chunked.text());
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

    // ---- spreadsheets: filed as the command line reads them, their outputs downloaded ------------------------

    static final Path WORKBOOK = Path.of("examples", "example-safety-bureau-2026.xlsx");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Runs {@code plancheck check} on files with the shipped rules; returns {exit status, stdout, stderr}. */
    private static String[] cli(Path out, Path... files) {
        return cli(null, out, files);
    }

    /**
     * Runs {@code plancheck check} on files with the rules version a service report used (its rules and plan
     * folders), or the shipped rules; returns {exit status, stdout, stderr}.
     */
    private static String[] cli(JsonNode report, Path out, Path... files) {
        List<String> args = new ArrayList<>(List.of("check", "-q", "--out", out.toString()));
        if (report != null) {
            args.addAll(List.of("--rules", report.get("rules").get("dir").asText(), "--plan",
                    report.get("plan").get("dir").asText()));
        }
        for (Path f : files) {
            args.add(f.toString());
        }
        return plancheck.TestSupport.cli(args.toArray(String[]::new));
    }

    /** @return every cell of every sheet as text ("sheet!A1=value" lines): what a reader of the workbook sees */
    static String cells(byte[] xlsx) throws Exception {
        StringBuilder b = new StringBuilder();
        org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            for (org.apache.poi.ss.usermodel.Sheet sh : wb) {
                for (org.apache.poi.ss.usermodel.Row r : sh) {
                    for (org.apache.poi.ss.usermodel.Cell c : r) {
                        String v = fmt.formatCellValue(c);
                        if (!v.isEmpty()) {
                            b.append(sh.getSheetName()).append('!').append(c.getAddress()).append('=').append(v).append('\n');
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    /** @return the 本年数值 (or another column's) cell of an indicator's row in a workbook's 指标 sheet, as text */
    static String indicatorCell(byte[] xlsx, String id, String header) throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheet("指标");
            int row = plancheck.sheets.Workbooks.rowOf(sh, id);
            assertTrue(row >= 0, id + " has a row");
            org.apache.poi.ss.usermodel.Cell c = sh.getRow(row).getCell(plancheck.sheets.Workbooks.column(sh, 3, header));
            return c == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c);
        }
    }

    private static JsonNode finding(JsonNode findings, String indicator) {
        for (JsonNode f : findings) {
            if (f.get("indicator").asText().equals(indicator)) {
                return f;
            }
        }
        throw new AssertionError("no finding on " + indicator + " in " + findings);
    }

    @Test
    void theSafetyWorkbookIsFiledAndItsSpreadsheetOutputsOfThatStateAreDownloaded() throws Exception {
        byte[] xlsx = Files.readAllBytes(WORKBOOK);
        ServiceFixture.Res r = svc.file(safety, "example-safety-bureau-2026.xlsx", xlsx, "Content-Type", XLSX);
        assertEquals(201, r.status(), r.text());
        JsonNode rev = r.json().get("revision");
        long id = rev.get("id").asLong();
        assertEquals(XLSX, rev.get("mediaType").asText());
        assertTrue(r.json().get("violation").asBoolean(), r.text());
        // the 较大 accident 2026-011 (Decree 493): major_accidents is a VIOLATION, as `plancheck check` says
        assertEquals("VIOLATION", finding(r.json().get("findings"), "major_accidents").get("status").asText());
        ServiceFixture.Res content = svc.get("/api/revisions/" + id + "/content", safety);
        assertArrayEquals(xlsx, content.body(), "the workbook as filed");
        assertTrue(content.header("Content-Type").startsWith(XLSX), content.header("Content-Type"));

        // the state as of this revision: report.json names the stored workbook, and verify re-runs it
        ServiceFixture.Res json = svc.get("/api/reports/2026/report.json?asOf=" + id, auditor);
        assertEquals(200, json.status(), json.text());
        List<Path> inputs = new ArrayList<>();
        ServiceFixture.JSON.readTree(json.body()).get("inputs").forEach(in -> inputs.add(Path.of(in.get("path").asText())));
        assertTrue(inputs.stream().anyMatch(p -> p.endsWith(Path.of("r" + id, "example-safety-bureau-2026.xlsx"))),
                "the report names the revision it came from: " + inputs);
        Path report = svc.dataDir.resolve("workbook-state-r" + id + ".json");
        Files.write(report, json.body());
        String[] v = plancheck.TestSupport.cli("verify", report.toString());
        assertEquals("0", v[0], v[1] + v[2]);
        assertTrue(v[1].contains("IDENTICAL"), v[1]);

        // report.xlsx, findings.csv and the annotated workbook are what `plancheck check` writes for those files
        Path out = svc.dataDir.resolve("cli-r" + id);
        String[] c = cli(ServiceFixture.JSON.readTree(json.body()), out, inputs.toArray(Path[]::new));
        assertEquals("1", c[0], c[2]);
        ServiceFixture.Res rx = svc.get("/api/reports/2026/report.xlsx?asOf=" + id, auditor);
        assertEquals(200, rx.status(), rx.text());
        assertTrue(rx.header("Content-Type").startsWith(XLSX));
        assertTrue(rx.header("Content-Disposition").contains("plancheck-2026-r" + id + "-report.xlsx"));
        assertEquals(cells(Files.readAllBytes(out.resolve("report.xlsx"))), cells(rx.body()));
        assertTrue(cells(rx.body()).contains("较大及以上生产安全事故"));
        ServiceFixture.Res csv = svc.get("/api/reports/2026/findings.csv?asOf=" + id, safety);
        assertEquals(200, csv.status(), csv.text());
        assertArrayEquals(Files.readAllBytes(out.resolve("findings.csv")), csv.body());
        ServiceFixture.Res ann = svc.get("/api/reports/2026/annotated-r" + id + ".xlsx?asOf=" + id, safety);
        assertEquals(200, ann.status(), ann.text());
        assertEquals(cells(Files.readAllBytes(out.resolve("example-safety-bureau-2026-核查结果.xlsx"))), cells(ann.body()));
        assertTrue(cells(ann.body()).contains("核查结果"), "the column of findings beside the rows");
        assertEquals(403, svc.get("/api/reports/2026/annotated-r" + id + ".xlsx?asOf=" + id, environment).status(),
                "another bureau's workbook is not the environment bureau's to read");
        assertEquals(404, svc.get("/api/reports/2026/annotated-r1.xlsx?asOf=" + id, auditor).status(),
                "no such workbook in that state");
        for (String page : List.of("/county?year=2026&asOf=" + id, "/revisions/" + id)) {
            ServiceFixture.Res p = svc.send("GET", page, null, null, "Cookie", Server.SESSION_COOKIE + "=" + auditor);
            assertEquals(200, p.status(), page);
            assertTrue(p.text().contains("annotated-r" + id + ".xlsx?asOf=" + id), page + " links the annotated workbook");
        }

        // the bureau's workbook from its page: 本年数值 holds what it filed, the empty cells what it still has to file
        ServiceFixture.Res t = svc.get("/api/template?year=2026", safety);
        assertEquals(200, t.status(), t.text());
        assertTrue(t.header("Content-Type").startsWith(XLSX));
        JsonNode state = svc.get("/api/state/2026", auditor).json();
        String rate = finding(state.get("findings"), "safety_death_rate").get("actual").asText();
        assertEquals(0, new java.math.BigDecimal(rate).compareTo(new java.math.BigDecimal(
                indicatorCell(t.body(), "safety_death_rate", "本年数值"))), "the filed death rate");
        ServiceFixture.Res next = svc.get("/api/template?year=2027", safety);
        assertEquals(200, next.status());
        assertEquals(0, new java.math.BigDecimal(rate).compareTo(new java.math.BigDecimal(
                indicatorCell(next.body(), "safety_death_rate", "上年数值"))), "last year's value from the county's state");
        assertEquals(200, svc.get("/api/template?year=2026&bureau=safety", auditor).status());
        assertEquals(403, svc.get("/api/template?year=2026", svc.admin()).status());
        assertEquals(404, svc.get("/api/template?year=2025", safety).status(), "the base year is not filed");
        // a template filled in and filed again is read back: the same values
        ServiceFixture.Res again = svc.file(safety, "safety-2027.xlsx", next.body(), "Content-Type", XLSX);
        assertEquals(201, again.status(), again.text());
    }

    private static final String CSV_2030 = "地区,垫江县,年份,2030,填报单位,垫江县应急管理局,阶段,正式\r\n"
            + "序号,指标名称,id,单位,本年数值,备注\r\n"
            + "1,单位生产总值安全事故死亡率,safety_death_rate,人/亿元,%s,\r\n"
            + "2,灾害预警信息公众覆盖率,,%%,\"95.5\",\"含“村村响”广播, 短信\"\r\n";

    @Test
    void csvFilesInUtf8AndGbkAreFiledOverTheApiAndThePage() throws Exception {
        byte[] utf8 = String.format(CSV_2030, "0.011").getBytes(StandardCharsets.UTF_8);
        ServiceFixture.Res api = svc.file(safety, "safety-2030.csv", utf8, "Content-Type", "text/csv");
        assertEquals(201, api.status(), api.text());
        assertEquals("text/csv", api.json().get("revision").get("mediaType").asText());
        JsonNode rate = finding(api.json().get("findings"), "safety_death_rate");
        assertEquals(2030, rate.get("year").asInt());
        assertEquals(0, new java.math.BigDecimal("0.011").compareTo(rate.get("actual").decimalValue()), rate.toString());

        byte[] gbk = String.format(CSV_2030, "0.012").getBytes(java.nio.charset.Charset.forName("GBK"));
        ServiceFixture.Res page = svc.filePage(svc.session("safety1"), "safety-2030-gbk.csv", gbk);
        assertEquals(201, page.status(), page.text());
        assertTrue(page.text().contains("id=\"filed\""), "the page shows the stored revision");
        JsonNode state = svc.get("/api/state/2030", auditor).json();
        JsonNode last = null;
        for (JsonNode r : state.get("revisions")) {
            if (r.get("bureau").asText().equals("safety") && r.get("year").asInt() == 2030) {
                last = r;
            }
        }
        assertEquals("safety-2030-gbk.csv", last.get("fileName").asText(), "the GBK file is the bureau's latest");
        assertArrayEquals(gbk, svc.get("/api/revisions/" + last.get("id").asLong() + "/content", safety).body());
        assertEquals(0, new java.math.BigDecimal("0.012").compareTo(
                finding(state.get("findings"), "safety_death_rate").get("actual").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("95.5").compareTo(
                finding(state.get("findings"), "disaster_warning_coverage").get("actual").decimalValue()));

        // a bad cell in a GBK file: refused with its cell, as the command line names it; nothing stored
        int before = revisionCount();
        byte[] bad = String.format(CSV_2030, "约0.01").getBytes(java.nio.charset.Charset.forName("GBK"));
        ServiceFixture.Res r = svc.file(safety, "bad-gbk.csv", bad, "Content-Type", "text/csv");
        assertEquals(422, r.status(), r.text());
        JsonNode p = r.json().get("problems").get(0);
        assertEquals("E3", p.get("pointer").asText());
        Path f = Files.write(svc.dataDir.resolve("bad-gbk.csv"), bad);
        String[] c = cli(svc.dataDir.resolve("bad-gbk-out"), f);
        assertEquals("2", c[0], c[2]);
        assertTrue(c[2].contains(plancheck.load.Paths2.display(f) + ": E3: " + p.get("message").asText()),
                c[2] + " / " + p);
        assertEquals(before, revisionCount(), "nothing stored");
    }

    @Test
    void aFileNameOfThousandsOfChineseCharactersIsFiledUnderANameTheFileSystemTakes() throws Exception {
        String longName = "垫江县应急管理局".repeat(375) + "-2030.csv"; // 3,009 characters, 27 KB percent-encoded
        String encoded = java.net.URLEncoder.encode(longName, StandardCharsets.UTF_8);
        assertTrue(encoded.length() > 8 * 1024, "beyond the 8 KB of headers Jetty allows by default");
        byte[] utf8 = String.format(CSV_2030, "0.011").getBytes(StandardCharsets.UTF_8);
        ServiceFixture.Res r = svc.file(safety, encoded, utf8, "Content-Type", "text/csv");
        assertEquals(201, r.status(), r.text());
        String stored = r.json().get("revision").get("fileName").asText();
        int bytes = stored.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 150 && bytes > 140, "bounded in bytes (a file system takes 255): " + bytes + " " + stored);
        assertTrue(stored.endsWith("应急管理局-2030.csv"), "the end of the name, with its extension: " + stored);
        assertArrayEquals(utf8, svc.get("/api/revisions/" + r.json().get("revision").get("id").asLong() + "/content",
                safety).body(), "stored whole under that name");
    }

    @Test
    void aBadWorkbookIsRefusedWithItsSheetAndCellAsTheCommandLineSaysAndNothingIsStored() throws Exception {
        Path bad = svc.dataDir.resolve("bad-safety-2026.xlsx");
        Files.copy(WORKBOOK, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int[] row = {0};
        plancheck.sheets.Workbooks.edit(bad, wb -> {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheet("指标");
            row[0] = plancheck.sheets.Workbooks.rowOf(sh, "safety_death_rate");
            plancheck.sheets.Workbooks.set(sh, row[0], plancheck.sheets.Workbooks.column(sh, 3, "本年数值"), "约0.01");
        });
        int before = revisionCount();
        ServiceFixture.Res r = svc.file(safety, "bad-safety-2026.xlsx", Files.readAllBytes(bad), "Content-Type", XLSX);
        assertEquals(422, r.status(), r.text());
        JsonNode p = r.json().get("problems").get(0);
        assertEquals("bad-safety-2026.xlsx", p.get("file").asText());
        assertEquals("指标!I" + (row[0] + 1), p.get("pointer").asText());
        assertEquals("应为数字，实为文本\"约0.01\"", p.get("message").asText());
        String[] c = cli(svc.dataDir.resolve("bad-out"), bad);
        assertEquals("2", c[0], c[2]);
        assertTrue(c[2].contains(plancheck.load.Paths2.display(bad) + ": 指标!I" + (row[0] + 1) + ": "
                + p.get("message").asText()), c[2]);
        ServiceFixture.Res page = svc.filePage(svc.session("safety1"), "bad-safety-2026.xlsx", Files.readAllBytes(bad));
        assertEquals(422, page.status());
        assertTrue(page.text().contains("bad-safety-2026.xlsx: 指标!I" + (row[0] + 1) + ": 应为数字"), page.text());
        assertEquals(before, revisionCount(), "nothing stored");
        assertTrue(auditActions().stream().filter(a -> a.startsWith("safety1 file-rejected")).count() >= 2);
        // a workbook named .json is refused as the command line refuses it
        ServiceFixture.Res named = svc.file(safety, "safety.json", Files.readAllBytes(WORKBOOK));
        assertEquals(422, named.status(), named.text());
        assertTrue(named.json().get("problems").get(0).get("message").asText().contains("不是JSON"), named.text());
    }

    @Test
    void theEnvironmentBureauIsRefusedTheSafetyBureausWorkbookNamingItsCells() {
        int before = revisionCount();
        byte[] xlsx;
        try {
            xlsx = Files.readAllBytes(WORKBOOK);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        ServiceFixture.Res r = svc.file(environment, "example-safety-bureau-2026.xlsx", xlsx, "Content-Type", XLSX);
        assertEquals(403, r.status(), r.text());
        String all = r.json().get("problems").toString();
        assertTrue(all.contains("safety_death_rate") && all.contains("垫江县应急管理局") && all.contains("垫江县生态环境局"), all);
        boolean cell = false;
        boolean records = false;
        for (JsonNode p : r.json().get("problems")) {
            cell |= p.get("pointer").asText().matches("指标!I\\d+") && p.get("message").asText().contains("safety_death_rate");
            records |= p.get("pointer").asText().startsWith("生产安全事故!A4");
        }
        assertTrue(cell, "the indicator at its cell: " + all);
        assertTrue(records, "the accidents at their first row: " + all);
        ServiceFixture.Res page = svc.filePage(svc.session("env1"), "example-safety-bureau-2026.xlsx", xlsx);
        assertEquals(403, page.status());
        assertTrue(page.text().contains("safety_death_rate") && page.text().contains("垫江县应急管理局"), page.text());
        assertEquals(before, revisionCount(), "nothing stored");
    }

    @Test
    void thePageRefusesAFormBasedOnAStaleRevisionAndAFileTooLarge() {
        svc.account("edu1", "bureau", "education");
        String[] ses = svc.session("edu1");
        byte[] f = ServiceFixture.example(2026, "education-bureau");
        ServiceFixture.Res first = svc.filePage(ses, "edu-2026.json", f, "base", "0", "baseYear", "2026");
        assertEquals(201, first.status(), first.text());
        ServiceFixture.Res stale = svc.filePage(ses, "edu-2026.json", f, "base", "0", "baseYear", "2026");
        assertEquals(409, stale.status(), "the page showed no revision of 2026, one was filed since");
        assertTrue(stale.text().contains("id=\"error\""), stale.text());
        assertEquals(1, revisionsBy("edu1", "edu-2026.json"), "nothing stored");
        ServiceFixture.Res otherYear = svc.filePage(ses, "edu-2026.json", f, "base", "0", "baseYear", "2027");
        assertEquals(201, otherYear.status(), "a base seen for 2027 says nothing about a file of 2026");
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        ServiceFixture.Res tooLarge = svc.filePage(ses, "big.json", big);
        assertEquals(413, tooLarge.status(), tooLarge.text());
        assertEquals(0, revisionsBy("edu1", "big.json"));
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
