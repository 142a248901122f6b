package plancheck.service;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import plancheck.app.Account;
import plancheck.app.AuditEntry;
import plancheck.app.Checked;
import plancheck.app.Filings;
import plancheck.app.Responsibilities;
import plancheck.app.Revision;
import plancheck.app.Role;
import plancheck.app.RulesVersion;
import plancheck.app.StaleRevisionException;
import plancheck.i18n.Msg;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;
import plancheck.report.ExplainText;
import plancheck.report.JsonReport;
import plancheck.report.Templates;

/**
 * The service's pages: server-rendered HTML (Thymeleaf templates under plancheck/templates/service/),
 * Chinese by default (?lang=en for English), forms and links only — no script.
 */
final class Pages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Server s;

    Pages(Server s) {
        this.s = s;
    }

    void register(Javalin j) {
        j.before(ctx -> {
            String l = ctx.queryParam("lang");
            if ("en".equals(l) || "zh".equals(l)) {
                ctx.res().addHeader("Set-Cookie", Server.LANG_COOKIE + "=" + l + "; Path=/; SameSite=Lax");
            }
        });
        j.get("/", ctx -> {
            Account a = optionalAccount(ctx);
            ctx.redirect(a == null ? "/login" : home(a));
        });
        j.get("/login", ctx -> loginPage(ctx, null, 200));
        j.post("/login", this::login);
        j.post("/logout", ctx -> {
            Account a = s.account(ctx);
            Sessions.Session ses = ctx.attribute("session");
            s.sessions.remove(ses.token());
            s.audit().append(AuditEntry.of(a.username(), "logout", a.username(), "", Server.address(ctx)));
            Server.sessionCookie(ctx, Server.SESSION_COOKIE, "", 0);
            ctx.redirect("/login");
        });
        j.get("/county", this::county);
        j.get("/county/{year}/{file}", ctx -> Access.download(s, ctx, Api.year(ctx), ctx.pathParam("file")));
        j.get("/bureau", this::bureau);
        j.get("/bureau/template.xlsx", ctx -> {
            Account a = s.require(ctx, Role.BUREAU, Role.AUDITOR);
            Access.template(s, ctx, a.role() == Role.BUREAU ? a.bureau() : ctx.queryParam("id"), year(ctx));
        });
        j.post("/bureau/file", this::file);
        j.post("/bureau/withdraw", this::withdraw);
        j.get("/revisions/{id}", this::revision);
        j.get("/revisions/{id}/file", ctx -> {
            Revision r = Access.revision(s, ctx, Api.id(ctx));
            Access.sendRevision(s, ctx, r);
        });
        j.get("/finding", this::finding);
        j.get("/indicators/{id}", this::indicator);
        j.get("/audit", this::audit);
        j.get("/accounts", ctx -> accounts(ctx, null, 200));
        j.post("/accounts", ctx -> {
            Account admin = s.require(ctx, Role.ADMIN);
            try {
                Access.createAccount(s, ctx, admin, ctx.formParam("username"), ctx.formParam("password"),
                        ctx.formParam("role"), ctx.formParam("bureau"));
            } catch (Problems p) {
                accounts(ctx, p.title(Server.lang(ctx)), p.status);
                return;
            }
            ctx.redirect("/accounts");
        });
        j.post("/accounts/{id}/active", ctx -> {
            Account admin = s.require(ctx, Role.ADMIN);
            long id = Api.id(ctx);
            boolean on = "true".equals(ctx.formParam("active"));
            Account target = s.store.byId(id).orElseThrow(() -> Problems.of(404, "service.not-found"));
            if (!on && target.id() == admin.id()) {
                accounts(ctx, Msg.get(Server.lang(ctx), "service.self-disable"), 409);
                return;
            }
            s.store.setActive(id, on, AuditEntry.of(admin.username(), on ? "account-enable" : "account-disable",
                    target.username(), "", Server.address(ctx)));
            if (!on) {
                s.sessions.removeAccount(id);
            }
            ctx.redirect("/accounts");
        });
        j.post("/accounts/{id}/password", ctx -> {
            Account admin = s.require(ctx, Role.ADMIN);
            long id = Api.id(ctx);
            Account target = s.store.byId(id).orElseThrow(() -> Problems.of(404, "service.not-found"));
            String pw = ctx.formParam("password");
            String weak = Passwords.weakness(pw);
            if (weak != null) {
                accounts(ctx, Msg.get(Server.lang(ctx), weak, "min", Passwords.MIN_LENGTH), 400);
                return;
            }
            s.store.setPassword(id, Passwords.hash(pw), AuditEntry.of(admin.username(), "account-password",
                    target.username(), "", Server.address(ctx)));
            s.sessions.removeAccount(id);
            s.sessions.clearName(target.username());
            ctx.redirect("/accounts");
        });
        j.get("/rules", ctx -> rules(ctx, null, 200));
        j.post("/rules/candidates", ctx -> {
            Account a = s.require(ctx, Role.ANALYST);
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                rules(ctx, Msg.get(Server.lang(ctx), "service.empty-upload"), 400);
                return;
            }
            try (var in = f.content()) {
                s.rules.submit(ctx.formParam("path"), in.readAllBytes(), a.username(), Server.address(ctx));
            }
            ctx.redirect("/rules");
        });
        j.post("/rules/{id}/activate", ctx -> {
            Account a = s.require(ctx, Role.ANALYST);
            Long expected = ctx.formParam("active") == null ? null : Long.parseLong(ctx.formParam("active"));
            try {
                s.rules.activate(Api.id(ctx), expected, a.username(), Server.address(ctx));
            } catch (StaleRevisionException e) {
                rules(ctx, Msg.get(Server.lang(ctx), "service.rules-stale", "expected", "v" + e.expected(),
                        "latest", "v" + e.latest()), 409);
                return;
            }
            ctx.redirect("/rules");
        });
    }

    private Account optionalAccount(Context ctx) {
        try {
            return s.account(ctx);
        } catch (Problems p) {
            return null;
        }
    }

    static String home(Account a) {
        return switch (a.role()) {
            case BUREAU -> "/bureau";
            case AUDITOR -> "/county";
            case ANALYST -> "/rules";
            case ADMIN -> "/accounts";
        };
    }

    // ---- rendering ---------------------------------------------------------------------------------------

    /** Renders a page with the common variables: texts (t), language, account, CSRF token, navigation. */
    static String page(Server s, Context ctx, Account who, String template, Map<String, Object> vars) {
        String lang = Server.lang(ctx);
        Map<String, Object> v = new LinkedHashMap<>(vars);
        Map<String, String> t = new TreeMap<>();
        Msg.area("page").forEach((k, x) -> t.put(k.substring("page.".length()), x.in(lang)));
        v.put("t", t);
        v.put("who", who);
        Sessions.Session ses = ctx.attribute("session");
        v.put("csrf", ses == null ? "" : ses.csrf());
        List<Map<String, String>> nav = new ArrayList<>();
        if (who != null) {
            if (who.role() != Role.ADMIN) {
                nav.add(Map.of("href", "/county", "label", t.get("navCounty")));
            }
            if (who.role() == Role.BUREAU || who.role() == Role.AUDITOR) {
                nav.add(Map.of("href", "/bureau", "label", t.get("navBureau")));
            }
            if (who.role() == Role.AUDITOR) {
                nav.add(Map.of("href", "/audit", "label", t.get("navAudit")));
            }
            if (who.role() == Role.ANALYST || who.role() == Role.AUDITOR) {
                nav.add(Map.of("href", "/rules", "label", t.get("navRules")));
            }
            if (who.role() == Role.ADMIN) {
                nav.add(Map.of("href", "/accounts", "label", t.get("navAccounts")));
            }
            v.put("roleLabel", t.get("role_" + who.role().id()));
            if (who.bureau() != null) {
                Responsibilities.Bureau b = s.filings.responsibilities().bureau(who.bureau());
                v.put("bureauName", b == null ? who.bureau() : b.name());
            }
        }
        v.put("nav", nav);
        v.put("rulesLabel", s.rules.active().version().label());
        v.put("otherLang", "en".equals(lang) ? "zh" : "en");
        return Templates.render(template, lang, v);
    }

    private void render(Context ctx, int status, String template, Map<String, Object> vars) {
        Account who = ctx.attribute("account");
        ctx.status(status).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
                .html(page(s, ctx, who, template, vars));
    }

    // ---- login -------------------------------------------------------------------------------------------

    private void loginPage(Context ctx, String error, int status) {
        String token = Sessions.token();
        Server.sessionCookie(ctx, Server.LOGIN_CSRF_COOKIE, token, 600);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("loginCsrf", token);
        v.put("error", error);
        render(ctx, status, "service/login", v);
    }

    private void login(Context ctx) {
        String sent = ctx.formParam("_csrf");
        String cookie = ctx.cookie(Server.LOGIN_CSRF_COOKIE);
        if (sent == null || cookie == null || !sent.equals(cookie)) {
            loginPage(ctx, Msg.get(Server.lang(ctx), "service.csrf"), 403);
            return;
        }
        Sessions.Session ses;
        try {
            ses = s.login(ctx, ctx.formParam("username"), ctx.formParam("password"));
        } catch (Problems p) {
            p.headers.forEach(ctx::header);
            loginPage(ctx, p.title(Server.lang(ctx)), p.status);
            return;
        }
        Server.sessionCookie(ctx, Server.LOGIN_CSRF_COOKIE, "", 0);
        Server.sessionCookie(ctx, Server.SESSION_COOKIE, ses.token(), -1);
        Account a = s.store.byId(ses.accountId()).orElseThrow();
        ctx.redirect(home(a));
    }

    // ---- the county's year -------------------------------------------------------------------------------

    private int year(Context ctx) {
        String y = ctx.queryParam("year");
        if (y != null && !y.isBlank()) {
            return Api.intParam(ctx, "year", 0);
        }
        List<Revision> last = s.filings.history(s.filings.defaultRegion(), null, null, 1);
        return last.isEmpty() ? s.filings.activeRules().workspace().plans().get(0).baseYear() + 1 : last.get(0).year();
    }

    private void county(Context ctx) throws Exception {
        Account a = s.account(ctx);
        if (a.role() == Role.ADMIN) {
            throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
        }
        int year = year(ctx);
        long asOf = Api.intParam(ctx, "asOf", 0);
        String lang = Server.lang(ctx);
        Filings.State st = s.filings.state(s.filings.defaultRegion(), year, asOf);
        Checked c = s.filings.report(st);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("year", year);
        v.put("years", years());
        v.put("state", st);
        v.put("asOfParam", asOf > 0 ? "&asOf=" + st.asOf() : "");
        v.put("revisions", st.revisions().stream().map(r -> revisionRow(r, lang)).toList());
        List<Finding> fs = c == null ? List.of() : c.report().findings().stream().filter(f -> f.year() == year).toList();
        v.put("summary", counts(fs));
        // what needs action first: violations, then warnings, then the rest, each in report order
        List<Status> urgency = List.of(Status.VIOLATION, Status.WARNING, Status.PENDING, Status.PASS, Status.BASELINE);
        v.put("findings", fs.stream().filter(f -> f.status() != Status.NO_DATA)
                .sorted(java.util.Comparator.comparingInt(f -> urgency.indexOf(f.status())))
                .map(f -> findingRow(f, c, st.asOf(), lang)).toList());
        v.put("noData", fs.stream().filter(f -> f.status() == Status.NO_DATA).count());
        v.put("example", c == null || c.report().exampleWarning() == null ? null : c.report().exampleWarning().in(lang));
        v.put("rulesSha", c == null ? "" : c.report().rulesSha().substring(0, 12));
        List<Map<String, Object>> past = new ArrayList<>();
        for (Revision r : s.filings.history(st.region(), null, year, 50)) {
            past.add(revisionRow(r, lang));
        }
        v.put("past", past);
        List<Map<String, String>> annotated = new ArrayList<>();
        for (Revision r : st.revisions()) {
            Map<String, String> w = annotatedLink(a, r, year, st.asOf());
            if (w != null) {
                annotated.add(w);
            }
        }
        v.put("annotated", annotated);
        render(ctx, 200, "service/county", v);
    }

    /**
     * @return the link to a workbook revision's annotated copy in the state as of {@code asOf} (the findings
     *         beside its rows), or null when it is not a workbook or not the reader's to see
     */
    private static Map<String, String> annotatedLink(Account a, Revision r, int year, long asOf) {
        String f = Filings.annotatedFile(r);
        if (f == null || a.role() == Role.BUREAU && !r.bureau().equals(a.bureau())) {
            return null;
        }
        return Map.of("href", "/county/" + year + "/" + f + "?asOf=" + asOf,
                "label", Filings.annotatedName(r));
    }

    private List<Integer> years() {
        var p = s.filings.activeRules().workspace().plans().get(0);
        List<Integer> ys = new ArrayList<>();
        for (int y = p.baseYear(); y <= p.targetYear(); y++) {
            ys.add(y);
        }
        return ys;
    }

    static Map<String, Integer> counts(List<Finding> fs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status st : plancheck.report.Report.SUMMARY_ORDER) {
            m.put(st.name(), 0);
        }
        fs.forEach(f -> m.merge(f.status().name(), 1, Integer::sum));
        return m;
    }

    private Map<String, Object> findingRow(Finding f, Checked c, long asOf, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        PlanTarget t = c.rules().target(f.indicator());
        m.put("indicator", f.indicator());
        m.put("name", t == null ? f.indicator() : t.name().in(lang));
        m.put("subject", f.subject());
        m.put("status", f.status().name());
        m.put("statusLabel", ExplainText.status(f.status().name(), lang));
        m.put("actual", num(f.actual()));
        m.put("expected", num(f.expected()));
        m.put("unit", f.unit() == null ? "" : f.unit());
        m.put("message", f.message().in(lang));
        String owner = s.filings.responsibilities().ownerOf(f.indicator());
        Responsibilities.Bureau b = owner == null ? null : s.filings.responsibilities().bureau(owner);
        m.put("bureau", b == null ? "" : b.name());
        m.put("href", "/finding?year=" + f.year() + "&indicator=" + enc(f.indicator()) + "&subject=" + enc(f.subject())
                + "&rule=" + enc(f.rule()) + (asOf > 0 ? "&asOf=" + asOf : ""));
        return m;
    }

    private Map<String, Object> revisionRow(Revision r, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("label", r.label());
        m.put("bureau", r.bureau());
        Responsibilities.Bureau b = s.filings.responsibilities().bureau(r.bureau());
        m.put("bureauName", b == null ? r.bureau() : b.name());
        m.put("year", r.year());
        m.put("seq", r.seq());
        m.put("kind", r.withdrawn() ? Msg.get(lang, "page.withdrawn") : Msg.get(lang, "page.filed"));
        m.put("stage", r.stage() == null ? "" : Msg.get(lang, "page.stage_" + r.stage()));
        m.put("fileName", r.fileName());
        m.put("sha", r.sha256().substring(0, 12));
        m.put("by", r.filedBy());
        m.put("at", WHEN.format(r.filedAt()));
        m.put("summary", r.summary() == null ? "" : r.summary());
        m.put("rules", "v" + r.rulesVersion());
        return m;
    }

    static String num(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- a bureau's page ---------------------------------------------------------------------------------

    private void bureau(Context ctx) throws Exception {
        Account a = s.require(ctx, Role.BUREAU, Role.AUDITOR);
        String id = a.role() == Role.BUREAU ? a.bureau() : ctx.queryParam("id");
        bureauPage(ctx, a, id, year(ctx), null, 200);
    }

    private void bureauPage(Context ctx, Account a, String id, int year, Map<String, Object> extra, int status)
            throws Exception {
        String lang = Server.lang(ctx);
        Responsibilities resp = s.filings.responsibilities();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bureaus", resp.bureaus());
        v.put("year", year);
        v.put("years", years());
        v.put("canFile", a.role() == Role.BUREAU);
        v.put("maxUpload", s.config.maxUpload() / 1024 / 1024);
        Responsibilities.Bureau b = id == null ? null : resp.bureau(id);
        v.put("bureau", b);
        if (b != null) {
            String region = s.filings.defaultRegion();
            Filings.State st = s.filings.state(region, year, 0);
            Checked c = s.filings.report(st);
            Map<String, Finding> byInd = new LinkedHashMap<>();
            if (c != null) {
                for (Finding f : s.filings.own(c, b.id(), year)) {
                    byInd.merge(f.indicator(), f, (x, y) -> x.status().ordinal() <= y.status().ordinal() ? x : y);
                }
            }
            Revision mine = st.ofYear().stream().filter(r -> r.bureau().equals(b.id())).findFirst().orElse(null);
            java.util.Set<String> filed = new java.util.HashSet<>();
            if (mine != null) {
                for (var iv : s.filings.activeRules().workspace().readUpload(mine.fileName(),
                        s.filings.content(mine.id())).indicators()) {
                    filed.add(iv.id());
                }
            }
            List<Map<String, Object>> targets = new ArrayList<>();
            List<Map<String, Object>> todo = new ArrayList<>();
            var plan = s.filings.activeRules().workspace().plans().get(0);
            for (String ind : b.indicators()) {
                PlanTarget t = plan.target(ind);
                Finding f = byInd.get(ind);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("indicator", ind);
                row.put("name", t == null ? ind : t.name().in(lang));
                row.put("unit", t == null ? "" : t.unit());
                row.put("status", f == null ? "" : f.status().name());
                row.put("statusLabel", f == null ? "—" : ExplainText.status(f.status().name(), lang));
                row.put("actual", f == null ? "—" : num(f.actual()));
                row.put("expected", f == null ? "—" : num(f.expected()));
                row.put("href", f == null ? null : "/finding?year=" + year + "&indicator=" + enc(ind) + "&subject="
                        + enc(f.subject()) + "&rule=" + enc(f.rule()));
                targets.add(row);
                if (!filed.contains(ind) && (f == null || f.status() == Status.NO_DATA)) {
                    todo.add(row); // neither filed nor derived from the bureau's records (e.g. accidents[])
                }
            }
            v.put("targets", targets);
            v.put("todo", todo);
            v.put("latest", mine == null ? 0 : mine.id());
            long latestAny = s.filings.latestOf(region, b.id(), year);
            v.put("latestAny", latestAny);
            v.put("revisions", s.filings.history(region, b.id(), null, 100).stream().map(r -> revisionRow(r, lang)).toList());
        }
        if (extra != null) {
            v.putAll(extra);
        }
        render(ctx, status, "service/bureau", v);
    }

    private void file(Context ctx) throws Exception {
        Account a = s.require(ctx, Role.BUREAU);
        String lang = Server.lang(ctx);
        UploadedFile f = ctx.uploadedFile("file");
        Map<String, Object> extra = new LinkedHashMap<>();
        if (f == null || f.size() == 0) {
            extra.put("error", Msg.get(lang, "service.empty-upload"));
            bureauPage(ctx, a, a.bureau(), year(ctx), extra, 400);
            return;
        }
        byte[] bytes;
        try (var in = f.content()) {
            bytes = in.readAllBytes();
        }
        try {
            // the form carries the latest revision the page showed for its year: another filed meanwhile is a 409
            Long base = null;
            Integer baseYear = null;
            try {
                String b = ctx.formParam("base");
                String y = ctx.formParam("baseYear");
                if (b != null && !b.isBlank() && y != null && !y.isBlank()) {
                    base = Long.parseLong(b.trim());
                    baseYear = Integer.parseInt(y.trim());
                }
            } catch (NumberFormatException e) {
                throw Problems.of(400, "service.bad-request");
            }
            Filings.Filed filed = Access.file(s, ctx, a, f.filename(), bytes, base, baseYear);
            extra.put("filed", revisionRow(filed.revision(), lang));
            extra.put("filedSummary", counts(filed.own()));
            extra.put("filedViolation", filed.own().stream().anyMatch(x -> x.status() == Status.VIOLATION));
            extra.put("filedFindings", filed.own().stream().map(x -> findingRow(x, filed.checked(), 0, lang)).toList());
            bureauPage(ctx, a, a.bureau(), filed.revision().year(), extra, 201);
        } catch (Problems p) {
            if (p.status == 503 || p.status == 413) {
                throw p;
            }
            extra.put("error", p.title(lang));
            List<String> lines = new ArrayList<>();
            p.problems.forEach(x -> lines.add(x.format(lang)));
            extra.put("problems", lines);
            bureauPage(ctx, a, a.bureau(), year(ctx), extra, p.status);
        }
    }

    private void withdraw(Context ctx) throws Exception {
        Account a = s.require(ctx, Role.BUREAU);
        int year = Api.intParam(ctx, "year", 0);
        String baseText = ctx.formParam("base");
        Long base = baseText == null || baseText.isBlank() ? null : Long.parseLong(baseText.trim());
        String y = ctx.formParam("year");
        try {
            year = Integer.parseInt(y == null ? "" : y.trim());
        } catch (NumberFormatException e) {
            throw Problems.of(400, "service.year-needed");
        }
        try {
            Access.withdraw(s, ctx, a, s.filings.defaultRegion(), year, base);
        } catch (Problems p) {
            if (p.status != 409) {
                throw p;
            }
            bureauPage(ctx, a, a.bureau(), year, Map.of("error", p.title(Server.lang(ctx))), 409);
            return;
        }
        ctx.redirect("/bureau?year=" + year);
    }

    // ---- a revision, a finding, an indicator -------------------------------------------------------------

    private void revision(Context ctx) throws Exception {
        Revision r = Access.revision(s, ctx, Api.id(ctx));
        String lang = Server.lang(ctx);
        Filings.Diff d = s.filings.diff(r);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rev", revisionRow(r, lang));
        v.put("sha256", r.sha256());
        v.put("previous", d.previous() == null ? null : revisionRow(d.previous(), lang));
        v.put("values", d.values());
        v.put("verdicts", d.verdicts());
        v.put("annotated", annotatedLink(ctx.attribute("account"), r, r.year(), r.id()));
        render(ctx, 200, "service/revision", v);
    }

    private void finding(Context ctx) throws Exception {
        Account a = s.account(ctx);
        if (a.role() == Role.ADMIN) {
            throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
        }
        String lang = Server.lang(ctx);
        int year = Api.intParam(ctx, "year", 0);
        String ind = ctx.queryParam("indicator");
        String subject = ctx.queryParam("subject");
        String rule = ctx.queryParam("rule");
        long asOf = Api.intParam(ctx, "asOf", 0);
        Filings.State st = s.filings.state(s.filings.defaultRegion(), year, asOf);
        Checked c = s.filings.report(st);
        Finding f = c == null ? null : c.report().findings().stream().filter(x -> x.year() == year
                && x.indicator().equals(ind) && (subject == null || x.subject().equals(subject))
                && (rule == null || x.rule().equals(rule))).findFirst().orElse(null);
        if (f == null) {
            throw Problems.of(404, "service.no-finding");
        }
        PlanTarget t = c.rules().target(f.indicator());
        Map<String, Object> json = JsonReport.finding(f, c.report().baseYear(), c.report().targetYear());
        List<ExplainText.Line> lines = ExplainText.lines(json, t == null ? null : t.name().in(lang), lang, null);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("f", findingRow(f, c, asOf, lang));
        v.put("lines", lines);
        v.put("year", year);
        v.put("source", f.source());
        v.put("rule", f.rule());
        v.put("asOf", st.asOf());
        render(ctx, 200, "service/finding", v);
    }

    private void indicator(Context ctx) throws Exception {
        Account a = s.account(ctx);
        String ind = ctx.pathParam("id");
        Access.indicator(s, a, ind);
        String lang = Server.lang(ctx);
        PlanTarget t = s.filings.activeRules().workspace().plans().get(0).target(ind);
        if (t == null) {
            throw Problems.of(404, "service.not-found");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Filings.HistoryRow h : s.filings.indicatorHistory(s.filings.defaultRegion(), ind)) {
            Map<String, Object> m = revisionRow(h.revision(), lang);
            m.put("value", num(h.value()));
            m.put("unit", h.unit());
            m.put("current", h.current());
            rows.add(m);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("indicator", ind);
        v.put("name", t.name().in(lang));
        v.put("source", t.source());
        v.put("rows", rows);
        render(ctx, 200, "service/indicator", v);
    }

    // ---- audit, accounts, rules --------------------------------------------------------------------------

    private void audit(Context ctx) {
        s.require(ctx, Role.AUDITOR);
        long before = ctx.queryParam("before") == null ? Long.MAX_VALUE : Api.intParam(ctx, "before", Integer.MAX_VALUE);
        List<AuditEntry> es = s.audit().list(200, before);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEntry e : es) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("at", WHEN.format(e.at()));
            m.put("actor", e.actor());
            m.put("action", e.action());
            m.put("target", e.target());
            m.put("detail", e.detail());
            m.put("address", e.address());
            rows.add(m);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rows", rows);
        v.put("next", es.size() == 200 ? es.get(es.size() - 1).id() : null);
        render(ctx, 200, "service/audit", v);
    }

    private void accounts(Context ctx, String error, int status) {
        s.require(ctx, Role.ADMIN);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("accounts", s.store.list());
        v.put("bureaus", s.filings.responsibilities().bureaus());
        v.put("roles", List.of(Role.values()).stream().map(Role::id).toList());
        v.put("error", error);
        v.put("minPassword", Passwords.MIN_LENGTH);
        render(ctx, status, "service/accounts", v);
    }

    private void rules(Context ctx, String error, int status) {
        s.require(ctx, Role.ANALYST, Role.AUDITOR);
        Map<String, Object> v = new LinkedHashMap<>();
        RulesVersion act = s.rules.active().version();
        v.put("active", act);
        v.put("versions", s.rules.versions());
        v.put("canChange", ((Account) ctx.attribute("account")).role() == Role.ANALYST);
        v.put("error", error);
        render(ctx, status, "service/rules", v);
    }
}
