package plancheck.report;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Readies the report writers while a short run does other work: a check of a county's submissions
 * lasts about as long as the JVM takes to load and initialise the template engine (Thymeleaf: its
 * dialect, the report template parsed and cached) and the workbook library (Apache POI: the OOXML
 * schema types behind every new workbook). Rendering an empty report on a thread of its own, while the
 * main thread loads the rules and reads the submissions, lets the second core do that once; the real
 * rendering then finds everything loaded. Nothing is written anywhere: the output is dropped.
 *
 * <p>Only an optimisation: a failure here is ignored (the real rendering meets it again and reports it);
 * the thread is a daemon, and {@link #await} lets a command wait for it before the JVM exits, so that
 * the workbook library's temporary files of the empty workbook are removed.
 */
public final class WarmUp {

    private final Thread[] threads;

    private WarmUp(Thread... threads) {
        this.threads = threads;
    }

    /**
     * Starts readying the writers of report.html, report.md, report.xlsx and findings.csv.
     *
     * @param lang the language the run writes in ("zh" or "en")
     * @return the running warm-up
     */
    public static WarmUp start(String lang) {
        // two threads: the page's template engine and the workbook library each take long enough to
        // load that one after the other the second is often not ready when the real rendering starts
        return new WarmUp(thread("plancheck-warm-up-html", lang, true), thread("plancheck-warm-up-xlsx", lang, false));
    }

    private static Thread thread(String name, String lang, boolean pages) {
        Thread t = new Thread(() -> run(lang, pages), name);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return t;
    }

    private static void run(String lang, boolean pages) {
        try {
            render(lang, pages);
        } catch (Exception | LinkageError e) {
            // ignored: the real rendering meets the same problem and says so
        }
    }

    /**
     * Renders an empty report and drops it.
     *
     * @param lang  the language
     * @param pages true for report.html and report.md, false for report.xlsx and findings.csv
     * @throws java.io.IOException never in practice (the workbook is written to memory)
     */
    static void render(String lang, boolean pages) throws java.io.IOException {
        Report empty = new Report("", 0, 0, "", new TreeMap<>(), "0".repeat(64), new TreeMap<>(), new TreeMap<>(),
                List.of(), "", "", null);
        Audience a = Audience.of(List.of());
        if (pages) {
            HtmlReport.render(empty, a, lang);
            MarkdownReport.render(empty, a, lang);
        } else {
            FindingsSheet.xlsx(empty, a, lang);
            FindingsSheet.csv(empty, a, lang);
        }
    }

    /**
     * Waits until the warm-up is over, at most a few seconds.
     */
    public void await() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
