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
        html = new String(HtmlReport.render(checked.report(), checked.audience(null), "zh"), StandardCharsets.UTF_8);
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
            assertTrue(html.contains("<h2><span>" + area + "</span>"), "a table for " + area);
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
        assertTrue(html.contains("↳ 县统计局 指标第"), "down to the inputs, named by the unit that filed them");
        assertFalse(html.contains(".json#") || html.contains(".yaml#"), "file pointers belong to plancheck explain");
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
        byte[] a = HtmlReport.render(checked.report(), checked.audience(null), "zh");
        byte[] b = HtmlReport.render(checked.report(), checked.audience(null), "zh");
        assertArrayEquals(a, b);
        String en = new String(HtmlReport.render(checked.report(), checked.audience(null), "en"), StandardCharsets.UTF_8);
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("Summary by year"));
    }

    @Test
    void whatNeedsActionComesFirstByResponsibleUnitAndHashesLast() {
        int actions = html.indexOf("<section id=\"actions\">");
        int firstArea = html.indexOf("<section class=\"area\"");
        int appendix = html.indexOf("<section id=\"appendix\">");
        assertTrue(actions > 0 && actions < firstArea && firstArea < appendix, "actions, tables, appendix");
        String act = html.substring(actions, firstArea);
        // the units with violations lead (县生态环境局: a water section of class IV and the PM2.5 target)
        assertTrue(act.indexOf("<h3><span>县生态环境局</span>") < act.indexOf("<h3><span>县统计局</span>"), "violations first");
        assertTrue(act.contains("<span class=\"b VIOLATION\">违规</span>"), act.substring(0, 2000));
        int sha = html.indexOf(checked.report().inputs().values().iterator().next());
        assertTrue(sha > appendix, "the inputs' SHA-256 in the appendix only");
    }

    @Test
    void officersTextWithoutDeveloperText() {
        String body = html.substring(html.indexOf("<body>"), html.indexOf("<section id=\"appendix\">"));
        assertFalse(body.contains("contract §") || body.contains("契约") || body.contains("§"), "no reference to the contract");
        assertFalse(body.contains("&gt;=") || body.contains("&lt;="), "≥ and ≤, not &gt;=");
        assertTrue(body.contains("≥") && body.contains("≤"));
        assertFalse(body.matches("(?s).*\\d\\.\\d{6}.*"), "no 28.571429: numbers rounded to the indicator's precision");
        assertFalse(body.contains("规则“") || body.contains("kind "), "rule names and kinds belong to plancheck explain");
        for (plancheck.model.PlanTarget t : checked.rules().targets()) {
            if (t.id().contains("_")) {
                assertFalse(body.contains(">" + t.id() + "<") || body.contains("（" + t.id() + "）"), t.id());
            }
        }
    }

    @Test
    void printsOnA4AndPopUpsStayInsideTheWindow() {
        assertTrue(html.contains("@page{size:A4"), "an A4 page");
        assertTrue(html.contains("@media print{"), "a print stylesheet");
        assertTrue(html.contains("svg{break-inside:avoid}") || html.contains("td.chart,svg{break-inside:avoid}"), "charts whole");
        String ex = html.substring(html.indexOf("details.f .ex{"), html.indexOf("}", html.indexOf("details.f .ex{")));
        assertTrue(ex.contains("position:fixed") && ex.contains("max-width:92vw") && ex.contains("max-height:78vh")
                && ex.contains("left:50%") && ex.contains("translateX(-50%)"), "centred in the window and never wider or taller: " + ex);
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
