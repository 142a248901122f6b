package plancheck.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import plancheck.engine.RuleDefectException;
import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;
import plancheck.model.Bounded;
import plancheck.model.Finding;
import plancheck.model.Status;
import plancheck.report.HtmlReport;
import plancheck.report.IndexReport;
import plancheck.report.JsonReport;
import plancheck.report.MarkdownReport;
import plancheck.report.Report;
import plancheck.report.ReportWriter;

/**
 * The main job over any number of regions ({@code plancheck check}): the submissions are grouped by
 * the region they name, and each region is read, judged against the plan that covers it and reported
 * on its own, in parallel over the cores, one region's data in memory per worker at a time.
 *
 * <ul>
 *   <li>One region (the shipped county): {@code OUT/report.json}, {@code report.md}, {@code report.html},
 *       exactly as a single check writes them.</li>
 *   <li>Several regions: {@code OUT/<region>/report.*} per region and {@code OUT/index.json},
 *       {@code index.md}, {@code index.html} across regions (counts per region, the worst findings).</li>
 * </ul>
 * All or nothing: the reports are written to a folder beside them and moved into place only when every
 * region has been checked; a region with bad input stops the judging of the others (they are still
 * read, so that every problem is listed), and nothing is written.
 */
public final class RegionsRun {

    /** Reports progress (stderr of the command line); every method is called from worker threads too. */
    public interface Progress {
        /** A phase begins ("grouping 2800 files by region" …). */
        void phase(String text);

        /** The regions are about to be checked. */
        void start(int regions);

        /**
         * One region is done.
         *
         * @param region   its name
         * @param done     regions done so far
         * @param total    regions in the run
         * @param findings its findings
         */
        void region(String region, int done, int total, int findings);

        /** The run is over (also after a failure). */
        void end();

        /** Reports nothing. */
        Progress NONE = new Progress() {
            @Override public void phase(String text) { }
            @Override public void start(int regions) { }
            @Override public void region(String region, int done, int total, int findings) { }
            @Override public void end() { }
        };
    }

    /**
     * One region's result, as the index reports it.
     *
     * @param region  the region
     * @param planDir the plan it was judged against
     * @param inputs  its submission files
     * @param counts  findings per status
     * @param worst   its most serious findings (VIOLATION, then WARNING), at most {@link #WORST_PER_REGION}
     * @param dir     its reports' folder relative to OUT ("" when the run has one region)
     * @param dataProblems its WARNINGs about the data ({@link plancheck.report.Triage#dataProblem})
     * @param focus   the unit its reports centre on (name in the run's language), or null
     * @param focusTargets the number of targets that unit answers for
     */
    public record RegionResult(String region, String planDir, int inputs, Map<Status, Integer> counts,
                               List<Finding> worst, String dir, int dataProblems, String focus, int focusTargets) {

        /** A result without data problems or focus (the earlier form). */
        public RegionResult(String region, String planDir, int inputs, Map<Status, Integer> counts,
                            List<Finding> worst, String dir) {
            this(region, planDir, inputs, counts, worst, dir, 0, null, 0);
        }
    }

    /**
     * What a run produced.
     *
     * @param regions    every region, sorted
     * @param findings   findings over all regions
     * @param readMs     time spent reading (summed over regions and threads)
     * @param judgeMs    time spent judging
     * @param reportMs   time spent writing reports
     * @param jsonBytes  size of the report.json files
     */
    public record Outcome(List<RegionResult> regions, long findings, double readMs, double judgeMs, double reportMs,
                          long jsonBytes) {
        /** @return true when any region has a VIOLATION (exit status 1) */
        public boolean violation() {
            return regions.stream().anyMatch(r -> r.counts().getOrDefault(Status.VIOLATION, 0) > 0);
        }
    }

    /** The most serious findings kept per region for the index. */
    public static final int WORST_PER_REGION = 5;

    private final Workspace ws;
    private final Path out;
    private final String lang;
    private final int threads;
    private final Progress progress;
    private java.util.function.Consumer<Report> listener = r -> { };
    private String bureau;

    /**
     * @param ws       the rules and plans
     * @param out      the output folder
     * @param lang     language of report.md and report.html
     * @param threads  regions checked at once (0: the number of cores)
     * @param progress where progress goes
     */
    public RegionsRun(Workspace ws, Path out, String lang, int threads, Progress progress) {
        this.ws = ws;
        this.out = out;
        this.lang = lang;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.progress = progress;
    }

    /**
     * @param listener called with each region's report once it is written (from worker threads; the
     *                 benchmark compares the results); the report is dropped after the call
     * @return this run
     */
    public RegionsRun onReport(java.util.function.Consumer<Report> listener) {
        this.listener = listener;
        return this;
    }

    /**
     * @param name the unit the reports centre on ({@code --bureau}: id or name), or null: in each region
     *             the unit every input comes from, if one
     * @return this run
     */
    public RegionsRun bureau(String name) {
        this.bureau = name;
        return this;
    }

    /** @return who a region's reports speak to: the plan's units, who filed what, the unit they centre on */
    private plancheck.report.Audience audience(Checked c) {
        plancheck.model.Bureau focus = bureau == null ? null
                : plancheck.load.PlanBureaus.of(c.rules()).find(bureau).orElse(null);
        return c.audience(focus);
    }

    /**
     * Checks the submissions of every region and writes the reports.
     *
     * @param paths submission files or folders
     * @return what was checked
     * @throws InputException      bad submissions, regions no plan covers (exit 2; nothing written)
     * @throws RuleDefectException rules that misbehave (exit 2; nothing written)
     * @throws IOException         unreadable or unwritable files
     */
    public Outcome run(List<Path> paths) throws InputException, RuleDefectException, IOException {
        try {
            List<Path> files = SubmissionReader.expand(paths);
            progress.phase(Msg.get(lang, "app.progress-grouping", "files", files.size()));
            TreeMap<String, List<Path>> byRegion = new TreeMap<>();
            List<Path> unnamed = new ArrayList<>();
            for (Path f : files) {
                String r = SubmissionReader.region(f);
                if (r == null) {
                    unnamed.add(f);
                } else {
                    // a township's submissions go with its county's (they are reconciled with them)
                    byRegion.computeIfAbsent(ws.runRegion(r), k -> new ArrayList<>()).add(f);
                }
            }
            if (byRegion.size() <= 1) {
                return single(files);
            }
            if (!unnamed.isEmpty()) {
                ws.read(unnamed); // says what is wrong with them
            }
            return several(byRegion);
        } finally {
            progress.end();
        }
    }

    /** One region: OUT/report.* as a single check writes them. */
    private Outcome single(List<Path> files) throws InputException, RuleDefectException, IOException {
        progress.start(1);
        long t0 = System.nanoTime();
        progress.phase(Msg.get(lang, "app.progress-reading", "files", files.size()));
        Workspace.Reading subs = ws.readReducing(files);
        long t1 = System.nanoTime();
        progress.phase(Msg.get(lang, "app.progress-judging"));
        Checked c = ws.check(subs);
        subs = null;
        long t2 = System.nanoTime();
        progress.phase(Msg.get(lang, "app.progress-writing", "findings", c.report().findings().size()));
        ExecutorService pool = formatPool();
        long json;
        try {
            json = write(c, out, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long t3 = System.nanoTime();
        Report r = c.report();
        progress.region(r.region(), 1, 1, r.findings().size());
        RegionResult rr = result(c, "");
        listener.accept(r);
        return new Outcome(List.of(rr), r.findings().size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), json);
    }

    /**
     * Renders and writes one region's reports into a folder (each file whole): one after the other, or
     * with a pool all at once (each format rendered on a thread of its own).
     */
    private long write(Checked c, Path dir, ExecutorService pool) throws IOException {
        Map<String, ReportWriter.Content> files = new LinkedHashMap<>();
        long[] json = {0};
        files.put("report.json", o -> {
            java.io.FilterOutputStream counting = new java.io.FilterOutputStream(o) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    json[0] += len;
                    out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    json[0]++;
                    out.write(b);
                }
            };
            JsonReport.write(c.report(), counting);
            counting.flush();
        });
        plancheck.report.Audience a = audience(c);
        files.put("report.md", o -> o.write(MarkdownReport.render(c.report(), a, lang)));
        files.put("report.html", o -> o.write(HtmlReport.render(c.report(), a, lang)));
        // the findings back in Excel: a row each, and beside each value of every workbook checked
        files.put("report.xlsx", o -> o.write(Spreadsheets.findingsXlsx(c, a, lang)));
        files.put("findings.csv", o -> o.write(Spreadsheets.findingsCsv(c, a, lang)));
        for (Map.Entry<String, byte[]> e : Spreadsheets.annotated(c, a, lang).entrySet()) {
            files.put(e.getKey(), o -> o.write(e.getValue()));
        }
        ReportWriter.write(dir, files, pool);
        return json[0];
    }

    /** @return threads that render a single region's report formats at once (null with one thread) */
    private ExecutorService formatPool() {
        if (threads < 2) {
            return null;
        }
        return Executors.newFixedThreadPool(Math.min(threads, 3), r -> {
            Thread t = new Thread(r, "plancheck-report");
            t.setDaemon(true);
            return t;
        });
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** @return a region's folder name: the region, with characters a file name cannot hold replaced */
    public static String folder(String region) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < region.length(); i++) {
            char ch = region.charAt(i);
            b.append(ch < 32 || "/\\\\:*?\"<>|".indexOf(ch) >= 0 ? '_' : ch);
        }
        String s = b.toString().strip();
        if (s.isEmpty() || s.startsWith(".")) {
            s = "_" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private RegionResult result(Checked c, String dir) {
        Report r = c.report();
        Map<Status, Integer> counts = new EnumMap<>(r.summary());
        List<Finding> worst = r.findings().stream()
                .filter(f -> f.status() == Status.VIOLATION || f.status() == Status.WARNING)
                .sorted(IndexReport.WORST_FIRST).limit(WORST_PER_REGION).toList();
        plancheck.report.Audience a = audience(c);
        int data = (int) r.findings().stream().filter(plancheck.report.Triage::dataProblem).count();
        plancheck.model.Bureau focus = a.focus();
        int mine = focus == null ? 0 : (int) c.rules().targets().stream().filter(t -> t.responsible().contains(focus.id())).count();
        return new RegionResult(r.region(), r.planDir(), r.inputs().size(), counts, worst, dir, data,
                focus == null ? null : focus.name().in(lang), mine);
    }

    /** Several regions: a folder each and the index, all moved into place at the end. */
    private Outcome several(TreeMap<String, List<Path>> byRegion) throws InputException, RuleDefectException, IOException {
        List<Path> notCovered = new ArrayList<>();
        byRegion.forEach((region, fs) -> {
            if (ws.engineFor(region) == null) {
                notCovered.addAll(fs);
            }
        });
        if (!notCovered.isEmpty()) {
            ws.read(notCovered); // each named at its place (the region's line:column or cell)
        }
        List<InputProblem> uncovered = new ArrayList<>();
        byRegion.forEach((region, fs) -> {
            if (ws.engineFor(region) == null) {
                for (Path f : fs) {
                    uncovered.add(new InputProblem(plancheck.load.Paths2.display(f), 0, 0, "/region",
                            ws.notCovered(region)));
                }
            }
        });
        if (!uncovered.isEmpty()) {
            throw new InputException(uncovered);
        }
        Files.createDirectories(out);
        Path staging = Files.createTempDirectory(out, ".plancheck-run-");
        int total = byRegion.size();
        progress.start(total);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), r -> {
            Thread t = new Thread(r, "plancheck-region");
            t.setDaemon(true);
            return t;
        });
        List<InputProblem> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> defects = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicLong findings = new AtomicLong();
        AtomicLong readNs = new AtomicLong();
        AtomicLong judgeNs = new AtomicLong();
        AtomicLong reportNs = new AtomicLong();
        AtomicLong json = new AtomicLong();
        Map<String, RegionResult> results = Collections.synchronizedMap(new TreeMap<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<String, List<Path>> e : byRegion.entrySet()) {
                futures.add(pool.submit(() -> {
                    String region = e.getKey();
                    try {
                        long t0 = System.nanoTime();
                        Workspace.Reading subs = ws.readReducing(e.getValue());
                        long t1 = System.nanoTime();
                        readNs.addAndGet(t1 - t0);
                        if (!problems.isEmpty() || !defects.isEmpty()) {
                            return null; // the run writes nothing: only read, to list every problem
                        }
                        Checked c = ws.check(subs);
                        subs = null;
                        long t2 = System.nanoTime();
                        judgeNs.addAndGet(t2 - t1);
                        String dir = folder(region);
                        json.addAndGet(write(c, staging.resolve(dir), null));
                        reportNs.addAndGet(System.nanoTime() - t2);
                        results.put(region, result(c, dir));
                        listener.accept(c.report());
                        findings.addAndGet(c.report().findings().size());
                        progress.region(region, done.incrementAndGet(), total, c.report().findings().size());
                    } catch (InputException x) {
                        problems.addAll(x.problems());
                    } catch (RuleDefectException x) {
                        x.defects().forEach(d -> defects.add(region + ": " + d));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException x) {
                    ReportWriter.throwAsIs(x.getCause());
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            if (!problems.isEmpty()) {
                throw new InputException(new ArrayList<>(problems));
            }
            if (!defects.isEmpty()) {
                throw new RuleDefectException(new ArrayList<>(defects).stream().sorted().limit(50).toList());
            }
            List<RegionResult> all = new ArrayList<>(results.values());
            Map<String, byte[]> index = new LinkedHashMap<>();
            index.put("index.json", IndexReport.json(all));
            index.put("index.md", IndexReport.markdown(all, lang));
            index.put("index.html", IndexReport.html(all, lang));
            for (RegionResult r : all) {
                replace(staging.resolve(r.dir()), out.resolve(r.dir()));
            }
            ReportWriter.writeAll(out, index);
            return new Outcome(all, findings.get(), ms(readNs.get()), ms(judgeNs.get()), ms(reportNs.get()), json.get());
        } finally {
            pool.shutdownNow();
            delete(staging);
        }
    }

    /** Moves a region's new folder over its old one (the old one removed only once the new is in place). */
    private static void replace(Path from, Path to) throws IOException {
        Path old = null;
        if (Files.exists(to)) {
            old = to.resolveSibling("." + to.getFileName() + ".old-" + System.nanoTime());
            Files.move(to, old);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            delete(old);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
