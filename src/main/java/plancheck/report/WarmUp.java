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

    private final Thread thread;

    private WarmUp(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts readying the writers of report.html, report.md, report.xlsx and findings.csv.
     *
     * @param lang the language the run writes in ("zh" or "en")
     * @return the running warm-up
     */
    public static WarmUp start(String lang) {
        Thread t = new Thread(() -> run(lang), "plancheck-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return new WarmUp(t);
    }

    private static void run(String lang) {
        try {
            Report empty = new Report("", 0, 0, "", new TreeMap<>(), "", new TreeMap<>(), new TreeMap<>(), List.of(),
                    "", "", null);
            Audience a = Audience.of(List.of());
            HtmlReport.render(empty, a, lang);
            MarkdownReport.render(empty, a, lang);
            FindingsSheet.xlsx(empty, a, lang);
            FindingsSheet.csv(empty, a, lang);
        } catch (Exception | LinkageError e) {
            // ignored: the real rendering meets the same problem and says so
        }
    }

    /**
     * Waits until the warm-up is over, at most a few seconds.
     */
    public void await() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
