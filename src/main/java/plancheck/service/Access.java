package plancheck.service;

import java.util.List;

import io.javalin.http.Context;

import plancheck.app.Account;
import plancheck.app.AuditEntry;
import plancheck.app.Filings;
import plancheck.app.Responsibilities;
import plancheck.app.Revision;
import plancheck.app.Role;
import plancheck.app.StaleRevisionException;
import plancheck.load.InputException;
import plancheck.load.InputProblem;

/**
 * Who may do what, and the actions shared by the pages and the API, each with its audit line (refusals
 * included). Bureaus read the county's reports and their own revisions; auditors and analysts read every
 * revision; administrators manage accounts.
 */
final class Access {
    private Access() {}

    static Revision revision(Server s, Context ctx, long id) {
        Account a = s.account(ctx);
        Revision r = s.filings.revision(id).orElseThrow(() -> Problems.of(404, "service.no-revision", "id", id));
        if (a.role() == Role.ADMIN || a.role() == Role.BUREAU && !r.bureau().equals(a.bureau())) {
            throw Problems.of(403, "service.forbidden-revision", "id", r.label());
        }
        return r;
    }

    static void indicator(Server s, Account a, String indicator) {
        if (a.role() == Role.ADMIN) {
            throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
        }
        if (a.role() == Role.BUREAU) {
            Responsibilities.Bureau b = s.filings.responsibilities().bureau(a.bureau());
            if (b == null || !b.indicators().contains(indicator)) {
                throw Problems.of(403, "service.forbidden-indicator", "id", plancheck.model.Bounded.cut(indicator));
            }
        }
    }

    static Filings.Filed file(Server s, Context ctx, Account a, String name, byte[] bytes, Long base, Integer baseYear)
            throws Exception {
        String addr = Server.address(ctx);
        try {
            return s.filings.file(a, name, bytes, base, baseYear, addr);
        } catch (InputException e) {
            s.audit().append(AuditEntry.of(a.username(), "file-rejected", a.bureau(), first(e.problems()), addr));
            throw new Problems(422, "service.bad-input", e.problems());
        } catch (Filings.Refused e) {
            s.audit().append(AuditEntry.of(a.username(), "file-refused", a.bureau(), first(e.problems()), addr));
            throw new Problems(403, "service.refused", e.problems());
        } catch (StaleRevisionException e) {
            s.audit().append(AuditEntry.of(a.username(), "file-stale", a.bureau(), "base r" + e.expected()
                    + ", latest r" + e.latest(), addr));
            throw Problems.of(409, "service.stale", "expected", "r" + e.expected(), "latest", "r" + e.latest())
                    .header("ETag", "\"r" + e.latest() + "\"");
        }
    }

    static Revision withdraw(Server s, Context ctx, Account a, String region, int year, Long base) {
        try {
            return s.filings.withdraw(a, region, year, base, Server.address(ctx));
        } catch (Filings.Refused e) {
            throw new Problems(403, "service.refused", e.problems());
        } catch (StaleRevisionException e) {
            throw Problems.of(409, "service.stale", "expected", "r" + e.expected(), "latest", "r" + e.latest());
        }
    }

    private static String first(List<InputProblem> ps) {
        return ps.isEmpty() ? "" : ps.size() + ": " + ps.get(0).format("en");
    }

    /**
     * Sends report.json, report.md, report.html, report.xlsx, findings.csv, the annotated copy of a workbook
     * of the state (annotated-r12.xlsx) or bundle.zip of a year's state (?asOf=N for a past one).
     */
    static void download(Server s, Context ctx, int year, String file) throws Exception {
        Account a = s.account(ctx);
        if (a.role() == Role.ADMIN) {
            throw Problems.of(403, "service.forbidden-role", "role", a.role().id());
        }
        long asOf = Api.intParam(ctx, "asOf", 0);
        String lang = Server.lang(ctx);
        Filings.State st = s.filings.state(s.filings.defaultRegion(), year, asOf);
        if (st.empty()) {
            throw Problems.of(404, "service.nothing-filed", "year", year);
        }
        String name = "plancheck-" + year + "-r" + st.asOf();
        if (file.equals("bundle.zip")) {
            ctx.contentType("application/zip").header("Content-Disposition", disposition("attachment", name + ".zip"))
                    .result(s.filings.bundle(st, lang));
            return;
        }
        String saveAs = name + "-" + file;
        for (Revision r : st.revisions()) {
            if (file.equals(Filings.annotatedFile(r))) {
                if (a.role() == Role.BUREAU && !r.bureau().equals(a.bureau())) {
                    // a copy of another bureau's workbook: its revisions are not this bureau's to read
                    throw Problems.of(403, "service.forbidden-revision", "id", r.label());
                }
                saveAs = name + "-" + Filings.annotatedName(r);
            }
        }
        byte[] b = s.filings.render(st, lang, file);
        if (b == null) {
            throw Problems.of(404, "service.not-found");
        }
        String type = file.endsWith(".json") ? "application/json" : file.endsWith(".md") ? "text/markdown; charset=utf-8"
                : file.endsWith(".xlsx") ? Filings.XLSX : file.endsWith(".csv") ? "text/csv; charset=utf-8"
                : "text/html; charset=utf-8";
        ctx.header("Content-Disposition", disposition(file.endsWith(".html") ? "inline" : "attachment", saveAs));
        if (file.endsWith(".html")) {
            // the report is one self-contained page: it may load nothing and run nothing
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        }
        ctx.contentType(type).result(b);
    }

    /** Sends a bureau's workbook for a year: what it has filed in 本年数值, the empty cells what it still has to file. */
    static void template(Server s, Context ctx, String bureau, int year) throws Exception {
        byte[] b = bureau == null ? null : s.filings.template(bureau, year);
        if (b == null) {
            throw Problems.of(404, "service.not-found");
        }
        ctx.contentType(Filings.XLSX).header("Cache-Control", "no-store").header("Content-Disposition",
                disposition("attachment", bureau + "-" + year + "-填报模板.xlsx")).result(b);
    }

    /**
     * A Content-Disposition value for any file name: an ASCII fallback and the name itself in RFC 5987's
     * {@code filename*} (file names of revisions may be Chinese).
     */
    static String disposition(String type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._\\-]", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends a revision's bytes as filed. */
    static void sendRevision(Server s, Context ctx, Revision r) {
        ctx.contentType(r.mediaType()).header("Content-Disposition", disposition("attachment", r.label() + "-" + r.fileName()))
                .header("ETag", "\"" + r.sha256() + "\"").result(s.filings.content(r.id()));
    }

    static Account createAccount(Server s, Context ctx, Account admin, String username, String password, String role,
                                 String bureau) {
        Role r = Role.of(role == null ? "" : role.trim());
        if (username == null || !username.matches("[A-Za-z0-9_.\\-]{3,64}")) {
            throw Problems.of(400, "service.bad-username");
        }
        if (r == null) {
            throw Problems.of(400, "service.bad-role");
        }
        String b = bureau == null || bureau.isBlank() ? null : bureau.trim();
        if (r == Role.BUREAU && s.filings.responsibilities().bureau(b) == null) {
            throw Problems.of(400, "service.bad-bureau", "bureau", plancheck.model.Bounded.cut(String.valueOf(b)));
        }
        if (r != Role.BUREAU) {
            b = null;
        }
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw Problems.of(400, weak, "min", Passwords.MIN_LENGTH);
        }
        try {
            return s.store.create(username, Passwords.hash(password), r, b, AuditEntry.of(admin.username(),
                    "account-create", username, r.id() + (b == null ? "" : " " + b), Server.address(ctx)));
        } catch (IllegalArgumentException e) {
            throw Problems.of(409, "service.username-taken", "name", username);
        }
    }
}
