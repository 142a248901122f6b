package plancheck.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import plancheck.app.Account;
import plancheck.app.AccountStore;
import plancheck.app.AuditEntry;
import plancheck.app.AuditLog;
import plancheck.app.Filings;
import plancheck.app.Role;
import plancheck.app.RulesVersions;
import plancheck.app.StoreUnavailableException;
import plancheck.engine.RuleDefectException;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.store.Database;
import plancheck.store.JdbcStore;

/**
 * {@code plancheck serve}: the county's filing service over HTTP (Javalin on Jetty). It opens the
 * database (migrating it), opens the active rules version once (compiled once, reused by every check),
 * creates the first administrator when there is none, and serves the pages ({@link Pages}) and the JSON
 * API ({@link Api}, described by /openapi.yaml). No rule logic and no SQL here: plancheck.app and
 * plancheck.store do that.
 */
public final class Server implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("plancheck.serve");
    static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .findAndAddModules().build();
    static final String SESSION_COOKIE = "plancheck_session";
    static final String LOGIN_CSRF_COOKIE = "plancheck_login";
    static final String LANG_COOKIE = "plancheck_lang";

    final ServiceConfig config;
    final Database db;
    final JdbcStore store;
    final RulesVersions rules;
    final Filings filings;
    final Sessions sessions = new Sessions();
    private Javalin app;

    private Server(ServiceConfig config, Database db, JdbcStore store, RulesVersions rules, Filings filings) {
        this.config = config;
        this.db = db;
        this.store = store;
        this.rules = rules;
        this.filings = filings;
    }

    /**
     * Starts the service.
     *
     * @param config how
     * @return the running service
     * @throws Database.StoreStartException the database cannot be opened
     * @throws InputException               rules that do not load or compile
     * @throws IOException                  folders that cannot be read or written
     */
    public static Server start(ServiceConfig config) throws InputException, IOException {
        Files.createDirectories(config.dataDir());
        String url = config.dbUrl() == null ? Database.embeddedUrl(config.dataDir()) : config.dbUrl();
        Database db = Database.open(url);
        Server s;
        try {
            JdbcStore store = new JdbcStore(db);
            RulesVersions rules = new RulesVersions(store, config.dataDir());
            rules.start(config.rulesDir(), config.plansDir());
            s = new Server(config, db, store, rules, new Filings(store, rules, config.dataDir()));
            s.firstAdmin();
            s.app = s.routes().start(config.host(), config.port());
        } catch (InputException | IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.info("plancheck serve: http://{}:{}/ ({} database, rules {})", config.host(), s.port(), db.vendor(),
                s.rules.active().version().label());
        return s;
    }

    /** @return the active rules version's workspace (compiled once; for the benchmark's baseline) */
    public plancheck.app.Workspace workspace() {
        return rules.active().workspace();
    }

    /** @return "h2" or "postgresql" */
    public String databaseVendor() {
        return db.vendor();
    }

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        db.close();
    }

    private void firstAdmin() {
        if (store.activeAdmins() > 0) {
            return;
        }
        String pw = config.adminPassword();
        boolean generated = pw == null || pw.isEmpty();
        if (generated) {
            pw = Sessions.token().substring(0, 20);
        }
        if (!generated && Passwords.weakness(pw) != null) {
            throw new IllegalArgumentException(Msg.get("en", Passwords.weakness(pw), "min", Passwords.MIN_LENGTH));
        }
        String name = "admin";
        if (store.find(name).isPresent()) {
            name = "admin-" + Sessions.token().substring(0, 6).toLowerCase(Locale.ROOT);
        }
        store.create(name, Passwords.hash(pw), Role.ADMIN, null, AuditEntry.of("system", "account-create", name,
                "first administrator", "local"));
        if (generated) {
            System.err.println("plancheck serve: " + Msg.get("zh", "service.first-admin", "name", name, "password", pw));
            System.err.println("plancheck serve: " + Msg.get("en", "service.first-admin", "name", name, "password", pw));
        }
    }

    private Javalin routes() {
        long max = config.maxUpload();
        Javalin j = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = max;
            c.http.defaultContentType = "text/plain; charset=utf-8";
            c.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(max + 64 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(max, 16L * 1024 * 1024), SizeUnit.BYTES);
            c.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            // a Chinese file name comes percent-encoded in X-File-Name (9 bytes a character): room for a
            // few thousand characters before Jetty's own 431 page (the name is then bounded for storage, Filings.safeName)
            c.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(64 * 1024));
        });
        Pages pages = new Pages(this);
        Api api = new Api(this);
        j.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            String len = ctx.header("Content-Length");
            if (len != null) {
                try {
                    if (Long.parseLong(len.trim()) > max + 64 * 1024) {
                        throw Problems.of(413, "service.too-large", "max", max);
                    }
                } catch (NumberFormatException e) {
                    throw Problems.of(400, "service.bad-request");
                }
            }
        });
        pages.register(j);
        api.register(j);
        j.get("/openapi.yaml", ctx -> openapi(ctx));
        j.get("/api/openapi.yaml", ctx -> openapi(ctx));
        j.exception(Problems.class, (e, ctx) -> problem(ctx, e));
        j.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("database unavailable: {}", rootMessage(e));
            problem(ctx, Problems.of(503, "service.db-down").header("Retry-After", "5"));
        });
        j.exception(InputException.class, (e, ctx) -> problem(ctx, new Problems(422, "service.bad-input", e.problems())));
        j.exception(RuleDefectException.class, (e, ctx) -> {
            List<InputProblem> ps = new ArrayList<>();
            e.defects().stream().limit(50).forEach(d -> ps.add(new InputProblem("rules", 0, 0, "",
                    Msg.text("service.rule-defect-line", "defect", plancheck.model.Bounded.cut(String.valueOf(d), 500)))));
            problem(ctx, new Problems(422, "service.rule-defect", ps));
        });
        j.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus() == 413
                ? Problems.of(413, "service.too-large", "max", max) : Problems.of(e.getStatus(), "service.http-error",
                "status", e.getStatus())));
        j.exception(Exception.class, (e, ctx) -> {
            if (tooLarge(e)) {
                problem(ctx, Problems.of(413, "service.too-large", "max", max));
                return;
            }
            String id = Sessions.token().substring(0, 8);
            LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
            problem(ctx, Problems.of(500, "service.internal", "id", id));
        });
        j.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                problem(ctx, Problems.of(404, "service.not-found"));
            }
        });
        return j;
    }

    /**
     * The request's body, read up to the upload limit: a body sent without a declared length (chunked) is
     * counted as it arrives and refused with 413 past the limit, never read whole first.
     */
    static byte[] body(io.javalin.http.Context ctx, long max) {
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw Problems.of(413, "service.too-large", "max", max);
            }
            return b;
        } catch (java.io.IOException e) {
            throw Problems.of(400, "service.bad-request");
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = Server.class.getResourceAsStream("/plancheck/service/openapi.yaml")) {
            ctx.contentType("application/yaml; charset=utf-8").result(in.readAllBytes());
        }
    }

    /** Renders a problem: JSON for the API (and clients that ask for JSON), a page otherwise. */
    void problem(Context ctx, Problems p) {
        ctx.status(p.status);
        p.headers.forEach(ctx::header);
        String lang = lang(ctx);
        if (wantsJson(ctx)) {
            try {
                ctx.contentType("application/problem+json; charset=utf-8").result(JSON.writeValueAsBytes(p.json(lang)));
            } catch (IOException e) {
                ctx.result(p.title(lang));
            }
            return;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", p.status);
        v.put("title", p.title(lang));
        List<String> lines = new ArrayList<>();
        p.problems.forEach(x -> lines.add(x.format(lang)));
        v.put("problems", lines);
        Account who = ctx.attribute("account");
        ctx.html(Pages.page(this, ctx, who, "service/error", v));
    }

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || accept != null && accept.contains("application/json")
                && !accept.contains("text/html");
    }

    /** @return "en" when asked for (?lang=en, or its cookie), else "zh" */
    static String lang(Context ctx) {
        String q = ctx.queryParam("lang");
        if (q == null) {
            q = ctx.cookie(LANG_COOKIE);
        }
        return "en".equals(q) ? "en" : "zh";
    }

    /** @return the client's address (the socket's; a proxy in front must be trusted explicitly, so it is not) */
    static String address(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    // ---- authentication ---------------------------------------------------------------------------------

    /** The account of the request (cookie or Bearer token), or 401. Forms need the session's CSRF token. */
    Account account(Context ctx) {
        Account cached = ctx.attribute("account");
        if (cached != null) {
            return cached;
        }
        String auth = ctx.header("Authorization");
        boolean bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
        String token = bearer ? auth.substring(7).trim() : ctx.cookie(SESSION_COOKIE);
        Sessions.Session s = sessions.get(token);
        if (s == null) {
            throw Problems.of(401, "service.login-needed").header("WWW-Authenticate", "Bearer realm=\"plancheck\"");
        }
        Account a = store.byId(s.accountId()).orElse(null);
        if (a == null || !a.active()) {
            sessions.remove(s.token());
            throw Problems.of(401, "service.login-needed");
        }
        String m = ctx.method().name();
        if (!bearer && !(m.equals("GET") || m.equals("HEAD"))) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null) {
                sent = ctx.formParam("_csrf");
            }
            if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    s.csrf().getBytes(StandardCharsets.UTF_8))) {
                throw Problems.of(403, "service.csrf");
            }
        }
        ctx.attribute("account", a);
        ctx.attribute("session", s);
        return a;
    }

    /** The account, which must have one of the roles, else 403. */
    Account require(Context ctx, Role... roles) {
        Account a = account(ctx);
        for (Role r : roles) {
            if (a.role() == r) {
                return a;
            }
        }
        throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
    }

    /**
     * Checks a login; throttled per name and address.
     *
     * @return the session
     */
    Sessions.Session login(Context ctx, String username, String password) {
        String addr = address(ctx);
        String name = username == null ? "" : plancheck.model.Bounded.cut(username.trim());
        long wait = sessions.retryAfter(name, addr);
        if (wait > 0) {
            store.append(AuditEntry.of(name, "login-throttled", name, "", addr));
            throw Problems.of(429, "service.throttled", "seconds", wait).header("Retry-After", String.valueOf(wait));
        }
        AccountStore.Stored st = name.isEmpty() ? null : store.find(name).orElse(null);
        boolean ok = Passwords.verify(password == null ? "" : password, st == null ? Passwords.DUMMY : st.passwordHash())
                && st != null && st.account().active();
        if (!ok) {
            sessions.failed(name, addr);
            store.append(AuditEntry.of(name, "login-failed", name, "", addr));
            throw Problems.of(401, "service.bad-login");
        }
        sessions.succeeded(name, addr);
        store.append(AuditEntry.of(name, "login", name, st.account().role().id(), addr));
        return sessions.create(st.account().id());
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
    static void sessionCookie(Context ctx, String name, String value, int maxAge) {
        String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + secure
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : ""));
    }

    AuditLog audit() {
        return store;
    }
}
