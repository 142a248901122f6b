package plancheck.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import plancheck.engine.RuleDefectException;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.Submission;
import plancheck.model.Finding;
import plancheck.model.Status;
import plancheck.report.HtmlReport;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;

/**
 * The county's filings: a bureau files a submission (checked at once, stored as a revision whole or not at
 * all), withdraws a year, and everyone reads the county's state for a year, any past state's report, what
 * a revision changed and an indicator's history. The service calls these; no HTTP and no SQL here.
 *
 * <p>The state of a year as of revision N: for every bureau and every year up to that year, its latest
 * revision numbered at most N, unless that is a withdrawal. Its report is the ordinary check of those
 * revisions' files, materialised once under {@code DATA/filings/<year>/<bureau>/r<N>/<file name>}: the
 * report names each file (so the revisions it came from), and {@code plancheck verify} run from the
 * service's working folder reproduces it.
 */
public final class Filings {

    /** A filing refused because of who filed it (HTTP 403): the problems name each indicator. */
    public static final class Refused extends Exception {
        private final transient List<InputProblem> problems;

        /** @param problems why, one a problem */
        public Refused(List<InputProblem> problems) {
            super(problems.isEmpty() ? "refused" : problems.get(0).format("en"));
            this.problems = List.copyOf(problems);
        }

        /** @return why */
        public List<InputProblem> problems() { return problems; }
    }

    /**
     * A stored filing and what the check found.
     *
     * @param revision the revision
     * @param state    the year's state with it
     * @param checked  the state's report
     * @param own      the findings of the year on the bureau's own indicators (subject = the region)
     */
    public record Filed(Revision revision, State state, Checked checked, List<Finding> own) {}

    /**
     * The county's state for a year as of a revision.
     *
     * @param region    the region
     * @param year      the year
     * @param asOf      the last revision counted
     * @param revisions the revisions whose files make up the state (withdrawals left out), by year, bureau
     * @param files     their materialised files, in the same order
     * @param rules     the rules version the report is made with
     */
    public record State(String region, int year, long asOf, List<Revision> revisions, List<Path> files,
                        RulesVersion rules) {
        /** @return true when nothing is filed */
        public boolean empty() { return revisions.isEmpty(); }

        /** @return the revisions of the year itself */
        public List<Revision> ofYear() {
            return revisions.stream().filter(r -> r.year() == year).toList();
        }
    }

    /** One row of a revision's changes of values. */
    public record ValueChange(String what, String before, String after) {}

    /** One row of a revision's changes of verdicts. */
    public record VerdictChange(int year, String indicator, String subject, String before, String after,
                                String detail) {}

    /**
     * What a revision changed against the one before it of its bureau and year.
     *
     * @param revision the revision
     * @param previous the one before (null: the first)
     * @param values   changed values and record counts
     * @param verdicts changed findings of the county's state
     */
    public record Diff(Revision revision, Revision previous, List<ValueChange> values, List<VerdictChange> verdicts) {}

    /** One value of an indicator in one revision. */
    public record HistoryRow(Revision revision, BigDecimal value, String unit, String note, boolean current) {}

    private static final int MAX_HISTORY = 500;
    private static final int FILING_WAIT_SECONDS = 120;

    private final java.util.concurrent.locks.ReentrantLock filing = new java.util.concurrent.locks.ReentrantLock(true);

    private final RevisionStore store;
    private final RulesVersions rules;
    private final Path dataDir;
    private final Map<String, Checked> reports = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Checked> e) {
                    return size() > 64;
                }
            });

    /**
     * @param store   the revisions
     * @param rules   the rules versions (the active one judges)
     * @param dataDir the service's data folder (materialised files)
     */
    public Filings(RevisionStore store, RulesVersions rules, Path dataDir) {
        this.store = store;
        this.rules = rules;
        this.dataDir = dataDir;
    }

    /** @return the region judged by default (the first plan's first region) */
    public String defaultRegion() {
        return rules.active().workspace().plans().get(0).regions().get(0);
    }

    /** @return the responsible units of the active rules */
    public Responsibilities responsibilities() {
        return rules.active().responsibilities();
    }

    /** @return the active rules version */
    public RulesVersions.Active activeRules() {
        return rules.active();
    }

    /**
     * Files a submission (JSON, a workbook or a CSV file): validated (every problem with its sheet!cell or
     * line:column and pointer, nothing stored), refused when it holds an indicator or records the bureau is
     * not responsible for, then stored as a revision and checked with the county's state of its year, in
     * one transaction.
     *
     * @param who       the bureau's account
     * @param fileName  the uploaded file's name
     * @param bytes     its content
     * @param base      the revision the bureau based this on (0: none yet), or null for no check
     * @param baseYear  the year {@code base} is the latest revision of (a bureau's page shows one year: a file
     *                  of another year is not checked against it), or null: the file's year
     * @param address   from where
     * @return the revision and the findings
     * @throws InputException          a bad file (HTTP 422)
     * @throws Refused                 a file the bureau may not file (HTTP 403)
     * @throws StaleRevisionException  {@code base} is not the latest (HTTP 409)
     * @throws RuleDefectException     the rules misbehave on it (nothing stored)
     */
    public Filed file(Account who, String fileName, byte[] bytes, Long base, Integer baseYear, String address)
            throws InputException, Refused, StaleRevisionException, RuleDefectException {
        String name = safeName(fileName);
        if (who.role() != Role.BUREAU || who.bureau() == null) {
            throw new Refused(List.of(new InputProblem(name, 0, 0, "", Msg.text("service.only-bureaus-file"))));
        }
        RulesVersions.Active act = rules.active();
        // JSON, a workbook or a CSV file (UTF-8 or GBK): read as the command line reads a file of that name
        Submission s = act.workspace().readUpload(name, bytes);
        List<InputProblem> refusals = act.responsibilities().refusals(who.bureau(), s, bytes);
        if (!refusals.isEmpty()) {
            throw new Refused(refusals);
        }
        NewRevision n = new NewRevision(s.region(), who.bureau(), s.year(), Revision.FILED, s.stage(), name,
                mediaType(name, bytes), bytes, Paths2.sha256(bytes), who.username(),
                address, act.version().id());
        if (baseYear != null && baseYear != s.year()) {
            base = null;
        }
        Object[] out = new Object[2];
        Revision r;
        lockFiling();
        try {
            r = store.append(n, base, AuditEntry.of(who.username(), "file", who.bureau() + " " + s.year(),
                    name + " sha256 " + n.sha256().substring(0, 12), address), (stored, view) -> {
                        State st = stateIn(view, stored.region(), stored.year(), stored.id(), act);
                        Checked c = act.workspace().check(st.files());
                        out[0] = st;
                        out[1] = c;
                        return summary(own(c, who.bureau(), stored.year(), act));
                    });
        } catch (RevisionStore.CheckFailedException e) {
            throw rethrow(e);
        } finally {
            filing.unlock();
        }
        State st = (State) out[0];
        Checked c = (Checked) out[1];
        reports.put(key(st), c);
        return new Filed(r, st, c, own(c, who.bureau(), r.year(), act));
    }

    /**
     * Withdraws a bureau's year: a new revision with no content (the earlier ones are kept).
     *
     * @throws Refused                not a bureau
     * @throws StaleRevisionException {@code base} is not the latest
     */
    public Revision withdraw(Account who, String region, int year, Long base, String address)
            throws Refused, StaleRevisionException {
        if (who.role() != Role.BUREAU || who.bureau() == null) {
            throw new Refused(List.of(new InputProblem("", 0, 0, "", Msg.text("service.only-bureaus-file"))));
        }
        RulesVersions.Active act = rules.active();
        byte[] none = new byte[0];
        NewRevision n = new NewRevision(region, who.bureau(), year, Revision.WITHDRAWN, null, "-", "application/json",
                none, Paths2.sha256(none), who.username(), address, act.version().id());
        lockFiling();
        try {
            return store.append(n, base, AuditEntry.of(who.username(), "withdraw", who.bureau() + " " + year, "", address),
                    (stored, view) -> "withdrawn");
        } catch (RevisionStore.CheckFailedException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            filing.unlock();
        }
    }

    /**
     * Filings of this process take turns (first come, first served) before they ask the database for its
     * lock: revisions are numbered and checked one at a time, so each is checked against exactly the state
     * it joins; waiting here holds no database connection.
     */
    private void lockFiling() {
        try {
            if (!filing.tryLock(FILING_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new StoreUnavailableException(new java.util.concurrent.TimeoutException(
                        "no turn to file within " + FILING_WAIT_SECONDS + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(e);
        }
    }

    private static RuntimeException rethrowUnchecked(Throwable t) {
        return t instanceof RuntimeException re ? re : new IllegalStateException(t);
    }

    private static InputException rethrow(RevisionStore.CheckFailedException e) throws RuleDefectException {
        Throwable c = e.getCause();
        if (c instanceof RuleDefectException d) {
            throw d;
        }
        if (c instanceof InputException i) {
            return i;
        }
        throw rethrowUnchecked(c);
    }

    /** @return the latest revision of a bureau and year, 0 when none */
    public long latestOf(String region, String bureau, int year) {
        return store.history(region, bureau, year, 1).stream().mapToLong(Revision::id).findFirst().orElse(0);
    }

    /**
     * @param region the region
     * @param year   the year
     * @param asOf   the last revision counted (Long.MAX_VALUE or 0: now)
     * @return the state
     */
    public State state(String region, int year, long asOf) {
        long n = asOf <= 0 ? store.lastId() : Math.min(asOf, store.lastId());
        RulesVersions.Active act = rules.active();
        List<Revision> all = store.latest(region, year, n);
        return materialise(region, year, n, all, store::content, act);
    }

    private State stateIn(RevisionStore.View view, String region, int year, long asOf, RulesVersions.Active act) {
        return materialise(region, year, asOf, view.latest(region, year), view::content, act);
    }

    private State materialise(String region, int year, long asOf, List<Revision> latest,
                              java.util.function.LongFunction<byte[]> content, RulesVersions.Active act) {
        List<Revision> kept = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Revision r : latest) {
            if (r.withdrawn()) {
                continue;
            }
            kept.add(r);
            files.add(fileOf(r, content));
        }
        return new State(region, year, asOf, List.copyOf(kept), List.copyOf(files), act.version());
    }

    /** @return the revision's file under the data folder, written once (checked by its SHA-256) */
    public Path fileOf(Revision r) {
        return fileOf(r, store::content);
    }

    private Path fileOf(Revision r, java.util.function.LongFunction<byte[]> content) {
        Path f = dataDir.resolve("filings").resolve(String.valueOf(r.year())).resolve(r.bureau()).resolve(r.label())
                .resolve(r.fileName());
        try {
            if (Files.isRegularFile(f) && Paths2.sha256(f).equals(r.sha256())) {
                return f;
            }
            byte[] b = content.apply(r.id());
            if (!Paths2.sha256(b).equals(r.sha256())) {
                throw new IllegalStateException("revision " + r.label() + ": stored bytes do not match its SHA-256");
            }
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".", ".tmp");
            Files.write(tmp, b);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report of a state (checked once, then kept while it is asked for).
     *
     * @return the report, or null when nothing is filed
     * @throws InputException      stored files the active rules refuse (e.g. an indicator removed since)
     * @throws RuleDefectException rules that misbehave
     */
    public Checked report(State s) throws InputException, RuleDefectException {
        if (s.empty()) {
            return null;
        }
        String k = key(s);
        Checked c = reports.get(k);
        if (c == null) {
            try {
                c = rules.active().workspace().check(s.files());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reports.put(k, c);
        }
        return c;
    }

    private static String key(State s) {
        StringBuilder b = new StringBuilder().append(s.rules().id()).append(':').append(s.region()).append(':');
        s.revisions().forEach(r -> b.append(r.id()).append(','));
        return b.toString();
    }

    /** The reports of a state that can be downloaded, by name (contract §1 and the spreadsheet outputs). */
    public static final List<String> REPORT_FILES = List.of("report.json", "report.md", "report.html", "report.xlsx",
            "findings.csv");

    /**
     * @param s    a state
     * @param lang "zh" or "en"
     * @return report.json, report.md, report.html, report.xlsx and findings.csv of the state, and the annotated
     *         copy of every workbook in it ({@link #annotatedFile}), as {@code plancheck check} writes them
     */
    public Map<String, byte[]> renderReport(State s, String lang) throws InputException, RuleDefectException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        if (report(s) == null) {
            return m;
        }
        for (String f : REPORT_FILES) {
            m.put(f, render(s, lang, f));
        }
        for (Revision r : s.revisions()) {
            String a = annotatedFile(r);
            if (a != null) {
                m.put(annotatedName(r), render(s, lang, a));
            }
        }
        return m;
    }

    /**
     * @param r a revision
     * @return the name its annotated workbook is downloaded by ({@code annotated-r12.xlsx}), or null when it
     *         is not a workbook
     */
    public static String annotatedFile(Revision r) {
        String n = r.fileName().toLowerCase(java.util.Locale.ROOT);
        return !r.withdrawn() && (n.endsWith(".xlsx") || n.endsWith(".xlsm")) ? "annotated-" + r.label() + ".xlsx" : null;
    }

    /** @return the name its annotated workbook is saved as: "r12-<its file name>-核查结果.xlsx" */
    public static String annotatedName(Revision r) {
        return Spreadsheets.annotatedName(r.label() + "-" + r.fileName());
    }

    /**
     * One report file of a state, rendered as the command line writes it.
     *
     * @param s    a state
     * @param lang "zh" or "en"
     * @param file one of {@link #REPORT_FILES}, or {@link #annotatedFile} of a revision of the state
     * @return its bytes, or null when the state has no such file (or nothing is filed)
     */
    public byte[] render(State s, String lang, String file) throws InputException, RuleDefectException {
        Checked c = report(s);
        if (c == null) {
            return null;
        }
        plancheck.report.Audience a = c.audience(null); // by responsible unit, who filed each value
        try {
            switch (file) {
                case "report.json":
                    return JsonReport.render(c.report());
                case "report.md":
                    return MarkdownReport.render(c.report(), a, lang);
                case "report.html":
                    return HtmlReport.render(c.report(), a, lang);
                case "report.xlsx":
                    return Spreadsheets.findingsXlsx(c, a, lang);
                case "findings.csv":
                    return Spreadsheets.findingsCsv(c, a, lang);
                default:
                    for (int i = 0; i < s.revisions().size(); i++) {
                        if (file.equals(annotatedFile(s.revisions().get(i)))) {
                            String path = Paths2.display(s.files().get(i));
                            for (Submission sub : c.submissions()) {
                                if (sub.file().equals(path)) {
                                    return Spreadsheets.annotate(c, sub, a, lang);
                                }
                            }
                        }
                    }
                    return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip that reproduces a state anywhere: the reports, the revisions' files and the rules version's
     * folders at the paths the report names, and a README saying how to run {@code plancheck verify}.
     */
    public byte[] bundle(State s, String lang) throws InputException, RuleDefectException {
        Map<String, byte[]> reports = renderReport(s, lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            Map<String, byte[]> entries = new TreeMap<>();
            String dir = "state-" + s.year() + "-r" + s.asOf() + "/";
            reports.forEach((k, v) -> entries.put(dir + k, v));
            for (Path f : s.files()) {
                entries.put(Paths2.display(f), Files.readAllBytes(f));
            }
            Path root = rules.active().root();
            for (Map.Entry<String, byte[]> e : RulesVersions.unzip(rulesArchive(s.rules())).entrySet()) {
                entries.put(Paths2.display(root.resolveSibling(s.rules().label()).resolve(e.getKey())), e.getValue());
            }
            entries.put(dir + "README.txt", Msg.get(lang, "service.bundle-readme", "dir", dir, "year", s.year(),
                    "rev", s.asOf(), "rules", s.rules().label()).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getKey().startsWith("../") || e.getKey().startsWith("/")) {
                    continue; // a data folder outside the working folder: only the reports and files below it
                }
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] rulesArchive(RulesVersion v) {
        return rules.archive(v.id());
    }

    /**
     * A bureau's workbook for a year as {@code plancheck template} writes it, from the county's current state:
     * 上年数值 from the previous year's filings, 本年数值 holding the values its own revision of the year already
     * gives, so its empty cells are what it still has to file.
     *
     * @param bureau the bureau's id
     * @param year   the year to fill
     * @return the workbook, or null for a bureau the plan does not know or a year outside the plan
     * @throws InputException stored files the active rules no longer accept
     */
    public byte[] template(String bureau, int year) throws InputException {
        RulesVersions.Active act = rules.active();
        String region = defaultRegion();
        plancheck.load.RuleSet rs = act.workspace().engineFor(region).rules();
        plancheck.model.Bureau b = plancheck.load.PlanBureaus.of(rs).find(bureau).orElse(null);
        if (b == null || year <= rs.baseYear() || year > rs.targetYear()) {
            return null;
        }
        State st = state(region, year, 0);
        List<Submission> filed = new ArrayList<>();
        List<Submission> own = new ArrayList<>();
        try {
            Map<String, Revision> byFile = new java.util.HashMap<>();
            for (int i = 0; i < st.files().size(); i++) {
                byFile.put(Paths2.display(st.files().get(i)), st.revisions().get(i));
            }
            for (Submission sub : st.empty() ? List.<Submission>of() : act.workspace().read(st.files())) {
                Revision r = byFile.get(sub.file());
                filed.add(sub);
                if (r != null && r.bureau().equals(b.id()) && r.year() == year) {
                    own.add(sub);
                }
            }
            return Spreadsheets.template(rs, b, year, filed, own, "template.xlsx").values().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the revision, if any */
    public java.util.Optional<Revision> revision(long id) {
        return store.get(id);
    }

    /** @return a revision's bytes */
    public byte[] content(long id) {
        return store.content(id);
    }

    /** @return revisions, newest first (bureau or year null: all) */
    public List<Revision> history(String region, String bureau, Integer year, int limit) {
        return store.history(region, bureau, year, limit);
    }

    /** @return the number of the last revision, 0 when none */
    public long lastId() {
        return store.lastId();
    }

    /**
     * What a revision changed against the one before it of its bureau and year: values (indicators,
     * record counts) and the verdicts of the county's state (as of the revision against just before it).
     */
    public Diff diff(Revision r) throws InputException, RuleDefectException {
        Revision prev = store.history(r.region(), r.bureau(), r.year(), 10_000).stream()
                .filter(x -> x.seq() == r.seq() - 1).findFirst().orElse(null);
        Map<String, String> before = values(prev);
        Map<String, String> after = values(r);
        List<ValueChange> vals = new ArrayList<>();
        for (String k : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            String a = before.get(k);
            String b = after.get(k);
            if (!Objects.equals(a, b)) {
                vals.add(new ValueChange(k, a == null ? "—" : a, b == null ? "—" : b));
            }
        }
        Checked then = report(state(r.region(), r.year(), r.id() - 1));
        Checked now = report(state(r.region(), r.year(), r.id()));
        return new Diff(r, prev, vals, verdictChanges(then, now));
    }

    private Map<String, String> values(Revision r) throws InputException {
        Map<String, String> m = new TreeMap<>();
        if (r == null || r.withdrawn()) {
            return m;
        }
        Submission s = rules.active().workspace().readUpload(r.fileName(), store.content(r.id()));
        for (Submission.IndicatorValue v : s.indicators()) {
            m.put(v.id(), (v.value() == null ? "null" : v.value().stripTrailingZeros().toPlainString()) + " " + v.unit());
        }
        put(m, "waterSamples", s.water().size());
        put(m, "airDaily", s.air().size());
        put(m, "accidents", s.accidents().size());
        put(m, "energyUse", s.energy().size());
        put(m, "cropOutput", s.crops().size());
        m.put("stage", s.stage());
        return m;
    }

    private static void put(Map<String, String> m, String k, int n) {
        if (n > 0) {
            m.put(k + "[]", n + " records");
        }
    }

    private static List<VerdictChange> verdictChanges(Checked then, Checked now) {
        Map<String, Finding> a = byKey(then);
        Map<String, Finding> b = byKey(now);
        List<VerdictChange> out = new ArrayList<>();
        for (String k : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            Finding x = a.get(k);
            Finding y = b.get(k);
            Finding f = y != null ? y : x;
            String sx = x == null ? "—" : x.status().name();
            String sy = y == null ? "—" : y.status().name();
            String vx = x == null ? "" : num(x.actual());
            String vy = y == null ? "" : num(y.actual());
            if (!sx.equals(sy) || !vx.equals(vy)) {
                out.add(new VerdictChange(f.year(), f.indicator(), f.subject(), sx, sy,
                        vx.equals(vy) ? "" : (vx.isEmpty() ? "—" : vx) + " → " + (vy.isEmpty() ? "—" : vy)));
            }
            if (out.size() >= 500) {
                break;
            }
        }
        return out;
    }

    private static String num(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static Map<String, Finding> byKey(Checked c) {
        Map<String, Finding> m = new TreeMap<>();
        if (c != null) {
            for (Finding f : c.report().findings()) {
                m.put(String.format("%d %s %s %s", f.year(), f.indicator(), f.subject(), f.rule()), f);
            }
        }
        return m;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> s = new java.util.LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    /**
     * An indicator's values in every revision that holds it, every year, newest first, marked where the
     * revision is in the current state.
     */
    public List<HistoryRow> indicatorHistory(String region, String indicator) throws InputException {
        List<Revision> all = store.history(region, null, null, MAX_HISTORY);
        Set<Long> current = new java.util.HashSet<>();
        store.latest(region, 9999, Long.MAX_VALUE).forEach(r -> current.add(r.id()));
        List<HistoryRow> out = new ArrayList<>();
        for (Revision r : all) {
            if (r.withdrawn()) {
                continue;
            }
            Submission s = rules.active().workspace().readUpload(r.fileName(), store.content(r.id()));
            for (Submission.IndicatorValue v : s.indicators()) {
                if (v.id().equals(indicator)) {
                    out.add(new HistoryRow(r, v.value(), v.unit(), v.note(), current.contains(r.id())));
                }
            }
        }
        return out;
    }

    /** @return the findings of a year on a bureau's indicators with subject = the region, in report order */
    public List<Finding> own(Checked c, String bureau, int year) {
        return own(c, bureau, year, rules.active());
    }

    private static List<Finding> own(Checked c, String bureau, int year, RulesVersions.Active act) {
        if (c == null) {
            return List.of();
        }
        Responsibilities.Bureau b = act.responsibilities().bureau(bureau);
        Set<String> mine = b == null ? Set.of() : b.indicators();
        return c.report().findings().stream().filter(f -> f.year() == year && mine.contains(f.indicator())
                && f.subject().equals(c.report().region())).toList();
    }

    /** @return "VIOLATION 1, WARNING 2, PASS 3" (statuses present only, in the report's order) */
    public static String summary(List<Finding> fs) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        fs.forEach(f -> m.merge(f.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Status s : plancheck.report.Report.SUMMARY_ORDER) {
            if (m.containsKey(s)) {
                parts.add(s.name() + " " + m.get(s));
            }
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    /** Media types of what a filing holds, kept with its revision (its bytes are sent back with it). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * @param name  the stored file name
     * @param bytes its content
     * @return the media type it is stored and sent back with: by its content (a workbook), else by its name
     *         (CSV), else JSON; the reader has accepted it under that name already
     */
    static String mediaType(String name, byte[] bytes) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (plancheck.load.sheet.SheetReader.kindOf(bytes) == plancheck.load.sheet.SheetReader.Kind.OOXML) {
            return n.endsWith(".xlsm") ? "application/vnd.ms-excel.sheet.macroEnabled.12" : XLSX;
        }
        return n.endsWith(".csv") ? "text/csv" : "application/json";
    }

    /** Longest stored file name in UTF-8 bytes: file systems allow 255 bytes, not 255 characters (a Chinese one is 3). */
    static final int NAME_BYTES = 150;

    /**
     * @return the file name without folders, with characters safe in a path, bounded to its last 100
     *         characters and {@link #NAME_BYTES} bytes of UTF-8 (the end, with the extension, is kept)
     */
    static String safeName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._\\-]", "_");
        if (n.isEmpty() || n.startsWith(".")) {
            n = "upload" + n;
        }
        if (n.codePointCount(0, n.length()) > 100) {
            n = n.substring(n.offsetByCodePoints(n.length(), -100));
        }
        return plancheck.model.Bounded.tailBytes(n, NAME_BYTES);
    }
}
