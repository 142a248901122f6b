package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.app.Pipeline;
import plancheck.model.Finding;

/**
 * report.html on the shipped examples: one self-contained page (no script, nothing loaded from the
 * network: a Content-Security-Policy forbids it), Chinese by default, a summary per year, a table per
 * area with a chart per indicator, every finding's explanation one click away; the same bytes for the
 * same report; and, where Chromium is installed (.ci/html-check.sh installs it from Debian's packages),
 * it loads in headless Chromium with no console message.
 */
class HtmlReportTest {

    static plancheck.app.Checked checked;
    static String html;

    @BeforeAll
    static void render() throws Exception {
        checked = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        html = new String(HtmlReport.render(checked.report(), checked.rules().targets(), "zh"), StandardCharsets.UTF_8);
    }

    @Test
    void selfContainedChinesePage() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assertTrue(html.contains("default-src 'none'"), "CSP forbids loading anything");
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            assertTrue(m.group(1).startsWith("#"), "only in-page links: " + m.group(1));
        }
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("), "no external resources");
        assertTrue(html.contains("规划目标核查报告") && html.contains("年度总览"));
        for (String area : List.of("经济发展", "绿色生态", "安全韧性", "粮食安全", "民生福祉")) {
            assertTrue(html.contains("<h2>" + area), "a table for " + area);
        }
    }

    @Test
    void everyFindingHasItsExplanationOneClickAway() {
        List<Finding> fs = checked.report().findings();
        int details = count(html, "<details class=\"f\"");
        // findings on records beyond the first LongLists.SHOWN of an indicator and year are counted, not shown
        // (the 24 townships' findings on one indicator are the shipped facts' only such list)
        java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
        for (Finding f : fs) {
            boolean record = !f.subject().equals(checked.report().region()) || checked.rules().target(f.indicator()) == null;
            if (record) {
                groups.merge(f.year() + "|" + f.indicator(), 1, Integer::sum);
            }
        }
        int counted = groups.values().stream().mapToInt(n -> Math.max(0, n - LongLists.SHOWN)).sum();
        assertEquals(fs.size() - counted, details, "one <details> per finding shown");
        assertEquals(counted > 0, html.contains("class=\"omitted\""), "the rest counted in a line");
        for (Finding f : fs) {
            String id = "id=\"f-" + f.year() + "-" + f.indicator() + "-";
            assertTrue(html.contains(id), "finding " + f.year() + " " + f.indicator());
        }
        assertTrue(html.contains("计算链条："), "explanations inside");
        assertTrue(html.contains("↳ facts/"), "down to the input pointers");
    }

    @Test
    void chartsDrawTheSeriesAgainstThePath() {
        assertTrue(count(html, "<svg") >= 10, "charts");
        // urbanization (专栏1 第5项): the dashed path from 53 (2025) to 60 (2030) and the yearly values
        int i = html.indexOf("常住人口城镇化率：实际值与2030年目标路径");
        assertTrue(i > 0, "a chart for urbanization_rate");
        String svg = html.substring(html.lastIndexOf("<svg", i), html.indexOf("</svg>", i));
        assertTrue(svg.contains("class=\"path\"") && svg.contains("53 → 60"), svg);
        assertTrue(svg.contains("class=\"exp\""), "expected values as rings: " + svg);
        assertTrue(svg.contains("2026年：54.6"), svg);
    }

    @Test
    void sameReportSameBytesAndEnglishOnRequest() {
        byte[] a = HtmlReport.render(checked.report(), checked.rules().targets(), "zh");
        byte[] b = HtmlReport.render(checked.report(), checked.rules().targets(), "zh");
        assertArrayEquals(a, b);
        String en = new String(HtmlReport.render(checked.report(), checked.rules().targets(), "en"), StandardCharsets.UTF_8);
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("Summary by year"));
    }

    @Test
    void loadsInHeadlessChromiumWithoutConsoleErrors(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(plancheck.TestSupport.CHROMIUM),
                "Chromium not installed (.ci/html-check.sh installs it)");
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        plancheck.TestSupport.Chromium c = plancheck.TestSupport.chromium(page, tmp);
        assertTrue(c.dom().contains("</html>") && c.dom().contains("<svg"), "the page loaded: " + c.log());
        assertEquals(List.of(), c.consoleMessages(), "console messages");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
