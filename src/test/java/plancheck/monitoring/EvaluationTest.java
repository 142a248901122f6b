package plancheck.monitoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Checked;
import plancheck.app.Evaluations;
import plancheck.app.Pipeline;
import plancheck.load.InputException;
import plancheck.model.Finding;
import plancheck.model.PlanTarget;
import plancheck.model.Status;
import plancheck.report.Evaluation;
import plancheck.report.EvaluationDocx;
import plancheck.report.EvaluationHtml;

/**
 * The annual monitoring report, the mid-term and the final evaluation on the shipped facts (example data),
 * read as a county office reads them: the .docx opened with Apache POI (the counts sentence, the main table's
 * rows), the HTML in headless Chromium, and the public version checked for what it must not show.
 */
class EvaluationTest {

    static Checked facts;

    @BeforeAll
    static void check() throws Exception {
        facts = Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
    }

    private static List<Finding> tableVerdicts(int year) {
        return facts.report().findings().stream().filter(f -> f.year() == year && f.subject().equals(TestSupport.REGION)
                && facts.rules().target(f.indicator()).inTable()).toList();
    }

    @Test
    void theAnnualCountsSentenceCountsTheTablesVerdicts() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "annual", 2027, "zh", false);
        // counted from the verdicts themselves: binding targets met / broken, expected ones on target / behind
        List<Finding> v = tableVerdicts(2027);
        long binding = v.stream().filter(Finding::binding).count();
        long broken = v.stream().filter(f -> f.binding() && f.status() == Status.VIOLATION).count();
        long pending = v.stream().filter(f -> f.status() == Status.PENDING).count();
        long expectedTargets = v.size() - binding;
        long reached = v.stream().filter(f -> !f.binding() && f.status() == Status.PASS).count();
        assertEquals(26, v.size());
        String s = e.countsSentence();
        assertTrue(s.startsWith("2027年，《纲要》专栏1确定的26项主要指标中："), s);
        assertTrue(s.contains(binding + "项约束性指标中"), s);
        assertTrue(s.contains(broken + "项未完成（26．粮食综合生产能力）"), s);
        assertTrue(s.contains(pending + "项目标待市级下达（22．"), s);
        assertTrue(s.contains(expectedTargets + "项预期性指标中，" + reached + "项达到预期"), s);
        assertTrue(s.contains("其中25．单位生产总值安全事故死亡率虽在限值内但已越过预警线"), s);
        // the annual plan's targets worded as the five-year table words them: binding 完成 / 未完成, expected 达到预期 /
        // 未达预期. 2027: grain 40.9 < 41 (binding, not met), death rate 0.012289 ≤ 0.015 (binding, met); of the ten
        // expected, GDP growth 5.9 < 6, private share 74.6 < 75, urbanization 55.5 < 56, income growth 5 < 6 and retail
        // sales growth are below target; unemployment 5.5 ≤ 5.5, trade 1 ≥ 1, industry 20.9 ≥ 20.5, R&D 1.02 ≥ 1 and
        // good air days meet it
        assertEquals("2027年度计划确定的12项年度目标中：约束性目标2项，完成1项，未完成1项（26．粮食综合生产能力）；预期性目标10项，"
                + "达到预期5项，未达预期5项（1．地区生产总值增长、4．民营经济占地区生产总值比重、5．常住人口城镇化率、"
                + "14．全体居民人均可支配收入增速、社会消费品零售总额年均增长）。", e.annualSentence());
        assertEquals("未达预期", e.annual().stream().filter(a -> a.name().startsWith("1．")).findFirst().orElseThrow().done());
        // 2026: both binding targets met (grain 416000 吨 = 41.6 万吨 ≥ 41, death rate 0.011 ≤ 0.015): in the official words 全部完成
        assertTrue(Evaluations.evaluate(facts, "annual", 2026, "zh", false).annualSentence()
                .startsWith("2026年度计划确定的11项年度目标中：约束性目标2项全部完成；预期性目标9项，达到预期4项"), "2026");
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("示例数据")), "the example data is marked");
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("年度目标为示例（虚构）")), "the fictional annual targets are marked");
    }

    @Test
    void theDocxHasTheSentenceAndTheTableAsTheCountyWritesThem() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "annual", 2027, "zh", false);
        byte[] docx = EvaluationDocx.render(e);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paras = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals(e.title(), paras.get(0));
            assertTrue(paras.contains(e.countsSentence()), "the counts sentence as a paragraph");
            XWPFTable main = d.getTables().get(0);
            List<String> head = cells(main.getRow(0));
            assertEquals(List.of("序号", "指标", "单位", "属性", "2025年", "年度目标", "五年目标路径值", "完成值", "完成情况", "预警"), head);
            assertEquals(27, main.getRows().size(), "a header and the 26 indicators of 专栏1");
            // 第26项 粮食综合生产能力: 40.9 万吨 against ≥41, binding: 未完成; the annual plan's 41万吨以上
            List<String> grain = cells(main.getRow(26));
            assertEquals(List.of("26", "粮食综合生产能力", "万吨", "约束性", "41.7", "41万吨以上", "≥41", "40.9", "未完成", "—"), grain);
            // 第5项 城镇化率: 55.5 against the path value 55.8, off track
            List<String> urb = cells(main.getRow(5));
            assertEquals("≥55.8", urb.get(6));
            assertEquals("55.5", urb.get(7));
            assertEquals("未达预期", urb.get(8));
            assertEquals("进度滞后", urb.get(9));
            // 第6项 进出口总额: the year's amount with the running total
            assertEquals("1（累计1.9）", cells(main.getRow(6)).get(7));
        }
        assertArrayEquals(docx, EvaluationDocx.render(e), "the same report gives the same bytes");
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }

    @Test
    void theMidTermEvaluationMeasuresProgressAgainstTime() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "midterm", 2028, "zh", false);
        assertTrue(e.subtitle().contains("时间进度60%"), e.subtitle());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("示例数据")), "2026–2028 rest on example data");
        Evaluation.Row urb = row(e, "urbanization_rate");
        // 53 → 60; 2028 57.3: (57.3 − 53) ÷ 7 = 61.4 % ≥ 60 %
        assertEquals("61.4%", urb.progress());
        assertEquals("达到时序进度", urb.pace());
        Evaluation.Row pc = row(e, "gdp_per_capita");
        // 9 → 12; 2028 10.7: 1.7 ÷ 3 = 56.67 % < 60 % (shown cut to one decimal: 56.6 %)
        assertEquals("56.6%", pc.progress());
        assertEquals("滞后于时序进度", pc.pace());
        Evaluation.Row priv = row(e, "private_economy_share");
        assertEquals("有年份未达标", priv.pace(), "an every-year limit missed in 2027");
        assertTrue(e.paceSentence().startsWith("对照“时间过半、任务过半”（时间进度60%）"), e.paceSentence());
        // the list to review: off track with a needed pace beyond the best year so far
        Finding f = facts.report().findings().stream().filter(x -> x.year() == 2028 && x.indicator().equals("gdp_per_capita")
                && x.subject().equals(TestSupport.REGION)).findFirst().orElseThrow();
        Map<?, ?> pj = (Map<?, ?>) f.details().get("projection");
        assertEquals(Boolean.TRUE, pj.get("beyondBest"));
        assertTrue(e.adjustments().stream().anyMatch(w -> w.name().equals("2．人均地区生产总值")), e.adjustments()::toString);
        byte[] docx = EvaluationDocx.render(e);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> head = cells(d.getTables().get(0).getRow(0));
            assertEquals(List.of("完成进度", "时间过半、任务过半"), head.subList(10, 12));
            assertTrue(d.getParagraphs().stream().anyMatch(p -> p.getText().equals(e.paceSentence())));
        }
    }

    private static Evaluation.Row row(Evaluation e, String id) {
        return e.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFinalEvaluationJudgesWhetherEachTargetWasReached(@TempDir Path tmp) throws Exception {
        // 城镇化率 53 → 60: 2030 60.2 (reached); 人均GDP 9 → 12: 2030 11.8 (not reached)
        List<Path> files = new ArrayList<>();
        String[][] years = {{"2026", "54.5", "9.6"}, {"2027", "55.9", "10.2"}, {"2028", "57.3", "10.8"},
                {"2029", "58.8", "11.3"}, {"2030", "60.2", "11.8"}};
        for (String[] y : years) {
            files.add(TestSupport.submission(tmp, "s-" + y[0] + ".json", Integer.parseInt(y[0]),
                    TestSupport.ind("urbanization_rate", y[1], "%"), TestSupport.ind("gdp_per_capita", y[2], "万元")));
        }
        Checked c = Pipeline.check(Path.of("rules"), files);
        assertEquals(2030, Evaluations.defaultYear("final", c.rules()));
        Evaluation e = Evaluations.evaluate(c, "final", 2030, "zh", true);
        assertEquals("全面完成", row(e, "urbanization_rate").pace());
        assertEquals("未全面完成", row(e, "gdp_per_capita").pace());
        assertTrue(e.paceSentence().contains("未全面完成（2．人均地区生产总值）"), e.paceSentence());
        assertTrue(e.title().endsWith("总结评估报告（公开版）"), e.title());
        assertFalse(e.notes().stream().anyMatch(n -> n.contains("示例数据")), "no example data in this input");
    }

    @Test
    void aYearWithoutDataIsRefused() {
        InputException x = assertThrows(InputException.class, () -> Evaluations.evaluate(facts, "annual", 2029, "zh", false));
        // located at the inputs, with the years they do hold
        assertEquals("facts", x.problems().get(0).file());
        assertTrue(x.problems().get(0).format("zh").contains("输入中没有2029年的报送数据（已有年份：2026、2027、2028）"),
                x.problems()::toString);
        assertTrue(x.problems().get(0).format("en").contains("no submission for 2029 (years submitted: 2026, 2027, 2028)"),
                x.problems()::toString);
        assertThrows(InputException.class, () -> Evaluations.evaluate(facts, "weekly", 2027, "zh", false));
        assertEquals(2028, Evaluations.defaultYear("midterm", facts.rules()));
    }

    @Test
    void aYearOutsideThePlanIsLocatedAtTheYearGiven() {
        for (int y : new int[] {2025, 2031}) {
            InputException x = assertThrows(InputException.class, () -> Evaluations.evaluate(facts, "annual", y, "zh", false));
            assertEquals("--year " + y + ": 报告年份" + y + "不在规划期内（2026—2030年）", x.problems().get(0).format("zh"));
            assertEquals("--year " + y + ": the year " + y + " is outside the plan period (2026–2030)", x.problems().get(0).format("en"));
        }
    }

    @Test
    void theFinalEvaluationOnTheDataSoFarSaysWhatIsMissingAndJudgesNoEnd() throws Exception {
        // the shipped facts end in 2028: the final evaluation rests on 2026–2028 and says 2029 and 2030 are missing
        Evaluation e = Evaluations.evaluate(facts, "final", 2030, "zh", false);
        assertEquals(2028, e.year());
        assertTrue(e.notes().contains("数据缺失：2029、2030年尚无报送数据。本总结评估依据截至2028年的数据，对缺失年份不作推算、不补数值；"
                + "规划期末（2030年）目标的完成情况待2030年数据报送后评定。"), e.notes()::toString);
        assertTrue(e.countsSentence().startsWith("截至2028年（规划期末2030年的数据尚未报送），《纲要》专栏1确定的26项主要指标中："),
                e.countsSentence());
        assertFalse(e.countsSentence().contains("规划期末（"), "2028 is not the end of the period");
        assertTrue(e.paceSentence().startsWith("截至2028年，可计算完成进度的14项指标中，0项已全面完成"), e.paceSentence());
        assertEquals("尚未全面完成", row(e, "gdp_per_capita").pace());
        // the progress is 2028's: (10.7 − 9) ÷ (12 − 9) = 56.67 %, cut to 56.6 %
        assertEquals("56.6%", row(e, "gdp_per_capita").progress());
        assertTrue(e.adjustments().stream().anyMatch(w -> w.name().equals("2．人均地区生产总值")), e.adjustments()::toString);
        Evaluation en = Evaluations.evaluate(facts, "final", 2030, "en", true);
        assertTrue(en.notes().stream().anyMatch(n -> n.startsWith("Missing data: nothing submitted for 2029, 2030.")), en.notes()::toString);
        assertTrue(en.notes().contains("The annual targets are examples (fictional): Dianjiang County 2028 plan for economic and social development."),
                en.notes()::toString);
    }

    @Test
    void aMidTermBeforeHalfTimeDoesNotSayHalfTheTimeHasPassed() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "midterm", 2027, "zh", false);
        // 2 of 5 years: 40 %
        assertTrue(e.countsSentence().startsWith("规划实施至2027年（时间进度40%，尚未过半），"), e.countsSentence());
        assertTrue(Evaluations.evaluate(facts, "midterm", 2028, "zh", false).countsSentence().startsWith("规划实施至2028年（时间过半），"));
    }

    @Test
    void aReportOnOneBureausSubmissionIsRefusedUnlessPartialAndThenNamesTheUnitsMissing() throws Exception {
        assertEquals(List.of(), Evaluations.unfiled(facts, 2027), "every unit filed for 2027 in the shipped facts");
        Checked one = Pipeline.check(Path.of("rules"), List.of(Path.of("facts/2027/example-stats-bureau.json")));
        List<String> unfiled = Evaluations.unfiled(one, 2027);
        assertTrue(unfiled.contains("垫江县卫生健康委员会") && unfiled.contains("垫江县应急管理局"), unfiled::toString);
        assertFalse(unfiled.contains("垫江县统计局"), unfiled::toString);
        InputException x = assertThrows(InputException.class, () -> Evaluations.evaluate(one, "annual", 2027, "zh", false, false));
        assertEquals("facts/2027/example-stats-bureau.json", x.problems().get(0).file());
        assertTrue(x.problems().get(0).format("zh").contains("2027年有" + unfiled.size() + "个责任单位没有报送任何数据：垫江县农业农村委员会、"),
                x.problems()::toString);
        assertTrue(x.problems().get(0).format("en").contains("--partial")
                && x.problems().get(0).format("en").contains(": 垫江县农业农村委员会, 垫江县民政局, "), x.problems()::toString);
        Evaluation e = Evaluations.evaluate(one, "annual", 2027, "zh", false, true);
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("数据缺失：2027年以下" + unfiled.size() + "个责任单位没有报送数据")
                && n.contains("垫江县卫生健康委员会")), e.notes()::toString);
        assertTrue(e.notes().contains("数据缺失：2026年尚无报送数据，相关年份不作推算、不补数值。"), e.notes()::toString);
    }

    @Test
    void thePublicVersionShowsNoPathsHashesIdsOrRecords() throws Exception {
        Evaluation pub = Evaluations.evaluate(facts, "annual", 2027, "zh", true);
        Evaluation internal = Evaluations.evaluate(facts, "annual", 2027, "zh", false);
        String pubText = docxText(EvaluationDocx.render(pub)) + "\n" + visibleText(EvaluationHtml.render(pub));
        String intText = docxText(EvaluationDocx.render(internal)) + "\n" + visibleText(EvaluationHtml.render(internal));
        List<String> secrets = new ArrayList<>();
        facts.report().inputs().forEach((path, sha) -> {
            secrets.add(path);
            secrets.add(sha);
        });
        facts.rules().parameters().keySet().forEach(secrets::add);
        facts.rules().targets().stream().map(PlanTarget::id).filter(id -> id.contains("_")).forEach(secrets::add);
        // record subjects: accident ids of the inputs
        facts.report().findings().stream().filter(f -> f.subject().matches("\\d{4}-\\d{3}")).map(Finding::subject)
                .forEach(secrets::add);
        secrets.addAll(List.of("facts/", ".json", "sha256", "plans/", "rules/", "example-"));
        for (String s : secrets) {
            assertFalse(pubText.contains(s), "the public version shows " + s);
        }
        assertTrue(intText.contains("facts/2027/example-stats-bureau.json"), "the internal version names its inputs");
        assertTrue(intText.contains(facts.report().rulesSha()), "and the rules' hash");
        assertTrue(pubText.contains(pub.countsSentence()) && pub.countsSentence().equals(internal.countsSentence()),
                "the same counts in both");
        assertTrue(pub.title().endsWith("（公开版）"));
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder b = new StringBuilder();
            d.getParagraphs().forEach(p -> b.append(p.getText()).append('\n'));
            for (XWPFTable t : d.getTables()) {
                t.getRows().forEach(r -> b.append(cells(r).stream().collect(Collectors.joining(" | "))).append('\n'));
            }
            return b.toString();
        }
    }

    /** The page's text as a reader sees it: without the style sheet and the markup. */
    private static String visibleText(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8).replaceAll("(?s)<style>.*?</style>", "");
        return s.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void theTownshipsHaveAViewAndTheirSumsAreReconciled() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "annual", 2027, "zh", false);
        assertEquals(24, e.townships().size(), "every township that filed");
        Evaluation.TownshipView shaping = e.townships().stream().filter(v -> v.name().equals("沙坪镇")).findFirst().orElseThrow();
        assertTrue(shaping.rows().stream().anyMatch(r -> r.indicator().equals("26．粮食综合生产能力") && r.done().equals("未完成")
                && r.actual().equals("2.12")), shaping.rows()::toString);
        Evaluation.Reconciliation grain = e.reconciliations().stream().filter(r -> r.figure().startsWith("粮食产量"))
                .findFirst().orElseThrow();
        assertEquals("differs", grain.code());
        assertEquals("40.9", grain.county());
        assertEquals("41.3", grain.sum());
        assertEquals("+0.4", grain.difference());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("粮食产量") && p.contains("相差0.4万吨")), e.problems()::toString);
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("乡镇（街道）分解目标含示例（虚构）")));
    }

    @Test
    void theMainIndicatorsAreGroupedByAreaAndByTheirResponsibleBureau() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "annual", 2027, "zh", false);
        assertEquals(26, e.areas().stream().mapToInt(g -> g.rows().size()).sum(), "every indicator in one area");
        assertEquals(26, e.units().stream().mapToInt(g -> g.rows().size()).sum(), "every indicator under one unit");
        plancheck.app.Responsibilities units = plancheck.app.Responsibilities.of(facts.rules());
        for (Evaluation.Group g : e.units()) {
            for (Evaluation.Row r : g.rows()) {
                assertEquals(units.bureau(units.ownerOf(r.id())).name(), g.name(), r.id());
            }
        }
        assertEquals(null, e.unitsNote(), "the plan names its responsible units");
        // the units in the table's order: the statistics bureau files row 1, the development commission row 7 first
        List<String> unitOrder = e.units().stream().map(Evaluation.Group::name).toList();
        assertEquals("垫江县统计局", unitOrder.get(0));
        assertTrue(unitOrder.indexOf("垫江县发展和改革委员会") < unitOrder.indexOf("垫江县应急管理局"), unitOrder::toString);
        // by area as the plan's 专栏1 groups them (sections.yaml): 25 and 26 together under 五、安全韧性
        assertEquals(List.of("经济发展", "产业创新", "民生福祉", "绿色生态", "安全韧性"), e.areas().stream().map(Evaluation.Group::name).toList());
        assertEquals(List.of(6, 7, 8, 3, 2), e.areas().stream().map(g -> g.rows().size()).toList());
        assertEquals(List.of(25, 26), e.areas().get(4).rows().stream().map(Evaluation.Row::no).toList());
        // each group counted in the order of the counts sentence: 产业创新 2027 — 8, 9, 11, 13 on target, 10 and 12 below, 7 doubtful
        assertEquals("7项：达到预期4项，未达预期2项，数据存疑1项", e.areas().get(1).summary());
        assertEquals("Security and resilience", Evaluations.evaluate(facts, "annual", 2027, "en", true).areas().get(4).name());
    }

    @Test
    void englishOnRequest() throws Exception {
        Evaluation e = Evaluations.evaluate(facts, "annual", 2027, "en", false);
        assertTrue(e.title().contains("monitoring report") && e.title().contains("15th Five-Year Plan"), e.title());
        assertTrue(e.countsSentence().startsWith("In 2027, of the 26 main indicators"), e.countsSentence());
        String html = new String(EvaluationHtml.render(e), StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"en\">"), html.substring(0, 200));
    }

    @Test
    void theHtmlLoadsInHeadlessChromium(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(TestSupport.CHROMIUM), "Chromium not installed (.ci/html-check.sh installs it)");
        Evaluation e = Evaluations.evaluate(facts, "midterm", 2028, "zh", true);
        byte[] html = EvaluationHtml.render(e);
        String page = new String(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("default-src 'none'") && !page.toLowerCase().contains("<script"), "self-contained, no script");
        Path file = tmp.resolve("midterm.html");
        Files.write(file, html);
        TestSupport.Chromium c = TestSupport.chromium(file, tmp);
        String out = c.dom();
        assertTrue(out.contains("</html>"), "the page loaded: " + c.log());
        assertTrue(out.contains(e.countsSentence()), "the counts sentence is on the page");
        assertEquals(27, countOf(out.substring(out.indexOf("id=\"table\""), out.indexOf("id=\"areas\"")), "<tr"),
                "a header and the 26 indicators");
        assertEquals(List.of(), c.consoleMessages(), "console messages");
    }

    private static int countOf(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theProjectionIsInTheFindingsDetailsAndNeverChangesTheVerdict() {
        for (Finding f : facts.report().findings()) {
            if (f.details().get("projection") instanceof Map<?, ?> pj) {
                String level = String.valueOf(pj.get("level"));
                assertNotNull(pj.get("projected"), f.indicator() + " " + f.year());
                // off track exactly when the verdict is behind
                assertEquals(f.status() != Status.PASS, level.equals("off_track"), f.indicator() + " " + f.year() + " " + level);
                assertTrue(f.message().zh().contains("动态预警"), f.message().zh());
            }
        }
        BigDecimal projected = (BigDecimal) ((Map<?, ?>) TestSupport.verdict(facts.report().findings(), "urbanization_rate", 2027)
                .details().get("projection")).get("projected");
        assertEquals(0, new BigDecimal("59.25").compareTo(projected), "55.5 + (55.5 − 53) ÷ 2 × 3");
    }
}
