package plancheck.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import plancheck.app.Account;
import plancheck.app.AuditEntry;
import plancheck.app.Checked;
import plancheck.app.Filings;
import plancheck.app.Responsibilities;
import plancheck.app.Revision;
import plancheck.app.Role;
import plancheck.app.RulesVersion;
import plancheck.app.StaleRevisionException;
import plancheck.model.Finding;
import plancheck.report.JsonReport;

/** The JSON API under /api (described in /openapi.yaml). */
final class Api {
    private final Server s;

    Api(Server s) {
        this.s = s;
    }

    void register(Javalin j) {
        j.post("/api/session", this::login);
        j.delete("/api/session", ctx -> {
            s.account(ctx);
            Sessions.Session ses = ctx.attribute("session");
            s.sessions.remove(ses.token());
            ctx.status(204);
        });
        j.get("/api/me", ctx -> json(ctx, 200, account(s.account(ctx))));
        j.get("/api/health", ctx -> {
            boolean up = s.db.healthy();
            json(ctx, up ? 200 : 503, Map.of("database", up ? "up" : "down", "rules", s.rules.active().version().label()));
        });
        j.post("/api/filings", this::file);
        j.post("/api/withdrawals", this::withdraw);
        j.get("/api/template", ctx -> {
            Account a = s.require(ctx, Role.BUREAU, Role.AUDITOR);
            Access.template(s, ctx, a.role() == Role.BUREAU ? a.bureau() : ctx.queryParam("bureau"),
                    intParam(ctx, "year", 0));
        });
        j.get("/api/revisions", this::revisions);
        j.get("/api/revisions/{id}", ctx -> json(ctx, 200, revision(Access.revision(s, ctx, id(ctx)))));
        j.get("/api/revisions/{id}/content", ctx -> {
            Revision r = Access.revision(s, ctx, id(ctx));
            Access.sendRevision(s, ctx, r);
        });
        j.get("/api/revisions/{id}/diff", ctx -> json(ctx, 200, diff(s.filings.diff(Access.revision(s, ctx, id(ctx))))));
        j.get("/api/state/{year}", this::state);
        j.get("/api/reports/{year}/{file}", ctx -> Access.download(s, ctx, year(ctx), ctx.pathParam("file")));
        j.get("/api/indicators/{id}/history", ctx -> {
            Account a = s.account(ctx);
            String ind = ctx.pathParam("id");
            Access.indicator(s, a, ind);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Filings.HistoryRow r : s.filings.indicatorHistory(s.filings.defaultRegion(), ind)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("revision", revision(r.revision()));
                m.put("value", r.value());
                m.put("unit", r.unit());
                m.put("current", r.current());
                rows.add(m);
            }
            json(ctx, 200, Map.of("indicator", ind, "values", rows));
        });
        j.get("/api/audit", ctx -> {
            s.require(ctx, Role.AUDITOR);
            int limit = Math.min(1000, intParam(ctx, "limit", 200));
            long before = ctx.queryParam("before") == null ? Long.MAX_VALUE : intParam(ctx, "before", Integer.MAX_VALUE);
            List<Map<String, Object>> out = new ArrayList<>();
            for (AuditEntry e : s.audit().list(limit, before)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("at", e.at().toString());
                m.put("actor", e.actor());
                m.put("action", e.action());
                m.put("target", e.target());
                m.put("detail", e.detail());
                m.put("address", e.address());
                out.add(m);
            }
            json(ctx, 200, Map.of("entries", out));
        });
        j.get("/api/accounts", ctx -> {
            s.require(ctx, Role.ADMIN, Role.AUDITOR);
            json(ctx, 200, Map.of("accounts", s.store.list().stream().map(Api::account).toList()));
        });
        j.post("/api/accounts", ctx -> {
            Account admin = s.require(ctx, Role.ADMIN);
            JsonNode b = body(ctx);
            Account a = Access.createAccount(s, ctx, admin, text(b, "username"), text(b, "password"), text(b, "role"),
                    text(b, "bureau"));
            json(ctx, 201, account(a));
        });
        j.get("/api/rules", ctx -> {
            s.require(ctx, Role.ANALYST, Role.AUDITOR);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("active", s.rules.active().version().label());
            m.put("versions", s.rules.versions().stream().map(Api::rulesVersion).toList());
            json(ctx, 200, m);
        });
        j.post("/api/rules/candidates", ctx -> {
            Account a = s.require(ctx, Role.ANALYST);
            String path = ctx.queryParam("path");
            RulesVersion v = s.rules.submit(path, Server.body(ctx, s.config.maxUpload()), a.username(), Server.address(ctx));
            json(ctx, 201, rulesVersion(v));
        });
        j.post("/api/rules/versions/{id}/activate", ctx -> {
            Account a = s.require(ctx, Role.ANALYST);
            Long expected = ifMatch(ctx, "v");
            try {
                var act = s.rules.activate(id(ctx), expected, a.username(), Server.address(ctx));
                json(ctx, 200, Map.of("active", act.version().label()));
            } catch (StaleRevisionException e) {
                throw Problems.of(409, "service.rules-stale", "expected", "v" + e.expected(), "latest", "v" + e.latest());
            }
        });
    }

    private void login(Context ctx) throws IOException {
        JsonNode b = body(ctx);
        Sessions.Session ses = s.login(ctx, text(b, "username"), text(b, "password"));
        Account a = s.store.byId(ses.accountId()).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", ses.token());
        m.put("csrf", ses.csrf());
        m.put("account", account(a));
        json(ctx, 201, m);
    }

    private void file(Context ctx) throws Exception {
        Account a = s.require(ctx, Role.BUREAU);
        Long base = ifMatch(ctx, "r");
        String name = ctx.header("X-File-Name");
        if (name == null || name.isBlank()) {
            name = "upload.json";
        }
        try { // headers are ASCII: a Chinese file name comes percent-encoded (UTF-8)
            name = java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problems.of(400, "service.bad-request");
        }
        byte[] bytes = Server.body(ctx, s.config.maxUpload());
        if (bytes.length == 0) {
            throw Problems.of(400, "service.empty-upload");
        }
        Filings.Filed f = Access.file(s, ctx, a, name, bytes, base, null);
        ctx.header("Location", "/api/revisions/" + f.revision().id());
        ctx.header("ETag", "\"" + f.revision().label() + "\"");
        json(ctx, 201, filed(f));
    }

    private void withdraw(Context ctx) throws Exception {
        Account a = s.require(ctx, Role.BUREAU);
        JsonNode b = body(ctx);
        if (!b.path("year").canConvertToInt()) {
            throw Problems.of(400, "service.year-needed");
        }
        int year = b.path("year").asInt();
        String region = b.hasNonNull("region") ? b.get("region").asText() : s.filings.defaultRegion();
        Revision r = Access.withdraw(s, ctx, a, region, year, ifMatch(ctx, "r"));
        ctx.header("Location", "/api/revisions/" + r.id());
        json(ctx, 201, revision(r));
    }

    private void revisions(Context ctx) throws IOException {
        Account a = s.account(ctx);
        String bureau = ctx.queryParam("bureau");
        if (a.role() == Role.BUREAU) {
            bureau = a.bureau();
        } else if (a.role() == Role.ADMIN) {
            throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
        }
        Integer year = ctx.queryParam("year") == null ? null : intParam(ctx, "year", 0);
        int limit = Math.min(1000, intParam(ctx, "limit", 200));
        json(ctx, 200, Map.of("revisions", s.filings.history(s.filings.defaultRegion(), bureau, year, limit).stream()
                .map(Api::revision).toList()));
    }

    private void state(Context ctx) throws Exception {
        s.account(ctx);
        int year = year(ctx);
        long asOf = ctx.queryParam("asOf") == null ? 0 : intParam(ctx, "asOf", 0);
        Filings.State st = s.filings.state(s.filings.defaultRegion(), year, asOf);
        Checked c = s.filings.report(st);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", st.region());
        m.put("year", year);
        m.put("asOf", st.asOf());
        m.put("rulesVersion", st.rules().label());
        m.put("rulesSha256", c == null ? null : c.report().rulesSha());
        m.put("revisions", st.revisions().stream().map(Api::revision).toList());
        List<Finding> fs = c == null ? List.of() : c.report().findings().stream().filter(f -> f.year() == year).toList();
        m.put("summary", Filings.summary(fs));
        m.put("findings", findings(c, fs));
        json(ctx, 200, m);
    }

    // ---- shapes ------------------------------------------------------------------------------------------

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("username", a.username());
        m.put("role", a.role().id());
        m.put("bureau", a.bureau());
        m.put("active", a.active());
        return m;
    }

    static Map<String, Object> revision(Revision r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("label", r.label());
        m.put("region", r.region());
        m.put("bureau", r.bureau());
        m.put("year", r.year());
        m.put("seq", r.seq());
        m.put("kind", r.kind());
        m.put("stage", r.stage());
        m.put("fileName", r.fileName());
        m.put("mediaType", r.mediaType());
        m.put("sha256", r.sha256());
        m.put("size", r.size());
        m.put("filedBy", r.filedBy());
        m.put("filedAt", r.filedAt().toString());
        m.put("rulesVersion", "v" + r.rulesVersion());
        m.put("summary", r.summary());
        return m;
    }

    static Map<String, Object> rulesVersion(RulesVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("label", v.label());
        m.put("parent", v.parent() == 0 ? null : "v" + v.parent());
        m.put("origin", v.origin());
        m.put("changedPath", v.changedPath());
        m.put("sha256", v.sha256());
        m.put("submittedBy", v.submittedBy());
        m.put("submittedAt", v.submittedAt().toString());
        m.put("passed", v.passed());
        m.put("results", v.results());
        return m;
    }

    static List<Map<String, Object>> findings(Checked c, List<Finding> fs) {
        if (c == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        fs.forEach(f -> out.add(JsonReport.finding(f, c.report().baseYear(), c.report().targetYear())));
        return out;
    }

    static Map<String, Object> filed(Filings.Filed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision(f.revision()));
        m.put("asOf", f.state().asOf());
        m.put("rulesVersion", f.state().rules().label());
        m.put("rulesSha256", f.checked().report().rulesSha());
        m.put("summary", Filings.summary(f.own()));
        m.put("violation", f.own().stream().anyMatch(x -> x.status() == plancheck.model.Status.VIOLATION));
        m.put("findings", findings(f.checked(), f.own()));
        m.put("report", "/api/reports/" + f.revision().year() + "/report.json?asOf=" + f.state().asOf());
        return m;
    }

    static Map<String, Object> diff(Filings.Diff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision(d.revision()));
        m.put("previous", d.previous() == null ? null : revision(d.previous()));
        m.put("values", d.values().stream().map(v -> Map.of("what", v.what(), "before", v.before(), "after", v.after()))
                .toList());
        List<Map<String, Object>> vs = new ArrayList<>();
        for (Filings.VerdictChange v : d.verdicts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("year", v.year());
            x.put("indicator", v.indicator());
            x.put("subject", v.subject());
            x.put("before", v.before());
            x.put("after", v.after());
            x.put("values", v.detail());
            vs.add(x);
        }
        m.put("verdicts", vs);
        return m;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static void json(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Server.JSON.writeValueAsBytes(body));
    }

    static JsonNode body(Context ctx) {
        try {
            JsonNode n = Server.JSON.readTree(Server.body(ctx, 1 << 20));
            if (n == null || !n.isObject()) {
                throw Problems.of(400, "service.json-object");
            }
            return n;
        } catch (IOException e) {
            throw Problems.of(400, "service.json-object");
        }
    }

    static String text(JsonNode b, String key) {
        JsonNode n = b.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id").replaceFirst("^[rv]", ""));
        } catch (NumberFormatException e) {
            throw Problems.of(400, "service.bad-request");
        }
    }

    static int year(Context ctx) {
        try {
            int y = Integer.parseInt(ctx.pathParam("year"));
            if (y < 1949 || y > 2100) {
                throw Problems.of(400, "service.bad-request");
            }
            return y;
        } catch (NumberFormatException e) {
            throw Problems.of(400, "service.bad-request");
        }
    }

    static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim().replaceFirst("^[rv]", ""));
        } catch (NumberFormatException e) {
            throw Problems.of(400, "service.bad-request");
        }
    }

    /** If-Match: "r12" (or "12") → 12; "r0" → 0 (nothing filed yet); absent → null (no check). */
    static Long ifMatch(Context ctx, String prefix) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            return null;
        }
        String v = h.trim().replace("W/", "").replace("\"", "");
        if (v.startsWith(prefix)) {
            v = v.substring(prefix.length());
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problems.of(400, "service.bad-if-match");
        }
    }

    static Responsibilities.Bureau bureau(Server s, String id) {
        return id == null ? null : s.filings.responsibilities().bureau(id);
    }
}
