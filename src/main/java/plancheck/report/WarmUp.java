package plancheck.report;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Readies the report writers while a short run does other work: a check of a county's submissions
 * lasts about as long as the JVM takes to load and initialise the template engine (Thymeleaf: its
 * dialect, the report template parsed and cached) and the workbook library (Apache POI: the OOXML
 * schema types behind every new workbook). Rendering an empty report on threads of their own, while the
 * main thread loads the rules and reads the submissions, lets the second core do that once; the real
 * rendering then finds everything loaded. Nothing is written anywhere: the output is dropped.
 *
 * <p>Only an optimisation: a failure here (out of memory included) is dropped without a word: the real
 * rendering meets it again and says so. The workbook is readied in memory ({@link XSSFWorkbook}, the
 * workbook the streaming one of report.xlsx is built on), so that the warm-up leaves no temporary file
 * behind whenever the run ends; the threads are daemons, and nothing waits for them. A heap too small to
 * hold the run and the warm-up at once gets none.
 */
public final class WarmUp {

    /** Below this maximum heap (bytes) nothing is readied ahead: the run needs the memory itself. */
    static final long MIN_HEAP = 256L << 20;

    private WarmUp() {}

    /**
     * Starts readying the writers of report.html, report.md, report.xlsx and findings.csv, unless the
     * heap is too small to do it beside the run.
     *
     * @param lang the language the run writes in ("zh" or "en")
     */
    public static void start(String lang) {
        if (Runtime.getRuntime().maxMemory() < MIN_HEAP) {
            return;
        }
        // two threads: the page's template engine and the workbook library each take long enough to
        // load that one after the other the second is often not ready when the real rendering starts
        thread("plancheck-warm-up-html", lang, true);
        thread("plancheck-warm-up-xlsx", lang, false);
    }

    private static void thread(String name, String lang, boolean pages) {
        Thread t = new Thread(() -> run(lang, pages), name);
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void run(String lang, boolean pages) {
        try {
            render(lang, pages);
        } catch (Exception | Error e) {
            // dropped (no stack trace on stderr): the real rendering meets the same problem and says so
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
            workbook(lang);
            FindingsSheet.csv(empty, a, lang);
        }
    }

    /** A workbook like report.xlsx (its header style, a frozen and filtered header row), written in memory. */
    private static byte[] workbook(String lang) throws java.io.IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = FindingsSheet.headStyle(wb);
            Sheet sh = wb.createSheet("en".equals(lang) ? "all findings" : "全部结论");
            Row r = sh.createRow(0);
            r.createCell(0).setCellValue("—");
            r.getCell(0).setCellStyle(head);
            sh.createRow(1).createCell(0).setCellValue(1.5);
            sh.createFreezePane(0, 1);
            sh.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, 1, 0, 0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
