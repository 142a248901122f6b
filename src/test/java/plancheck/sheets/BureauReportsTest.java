package plancheck.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;

/**
 * A bureau's own file checked the way a bureau does it: the shipped example workbook of the safety
 * bureau (examples/example-safety-bureau-2026.xlsx: the figures of facts/2026/example-safety-bureau.json
 * and one accident whose loss was typed in 万元), the report centred on the bureau, what it waits for
 * from the statistics bureau, the gate {@code --fail-on}, and the findings back in Excel.
 */
class BureauReportsTest {

    @TempDir
    Path dir;

    static final Path EXAMPLE = Path.of("examples/example-safety-bureau-2026.xlsx");

    private Path out() {
        return dir.resolve("out");
    }

    @Test
    void theTemplateFilledAndCheckedGivesTheSafetyBureausVerdictsFirst() throws Exception {
        Path x = dir.resolve("x.xlsx");
        String[] t = TestSupport.cli("template", "--bureau", "应急管理局", "--year", "2026", "--out", x.toString());
        assertEquals("0", t[0], t[2]);
        assertTrue(t[1].contains("已写出县应急管理局2026年的填报模板（6项指标，明细表：生产安全事故）"), t[1]);
        // checked as it comes, empty: nothing to judge, exit 0, and the bureau is told so
        String[] empty = TestSupport.check(dir.resolve("empty"), "zh", x);
        assertEquals("0", empty[0], empty[2]);
        assertTrue(empty[2].contains("提示：报送文件中没有可评判的数值（全部结论为无数据或待定），请确认已填写本年数值"), empty[2]);
        // filled with the safety bureau's 2026 figures and checked: its verdicts first
        Workbooks.fillFrom(x, List.of(Path.of("facts/2026/example-safety-bureau.json")));
        String[] filled = TestSupport.check(dir.resolve("filled"), "zh", x);
        assertEquals("1", filled[0], filled[2]);
        assertFalse(filled[2].contains("没有可评判的数值"), "a filled workbook gets no such note: " + filled[2]);
        String fmd = Files.readString(dir.resolve("filled/report.md"), StandardCharsets.UTF_8);
        assertTrue(fmd.indexOf("### 县应急管理局（违规2条、预警2条）") > 0
                && fmd.indexOf("### 县应急管理局（违规2条、预警2条）") < fmd.indexOf("## 县应急管理局负责的指标"), fmd);
        // the safety bureau's verdicts; NO_DATA for every other target (their number grows with the catalogue)
        java.util.regex.Matcher sum = java.util.regex.Pattern.compile("1份报送，(\\d+)条结论：违规2、预警2、无数据(\\d+)、待定7、达标8、基期0")
                .matcher(filled[1]);
        assertTrue(sum.find(), filled[1]);
        assertEquals(Integer.parseInt(sum.group(1)), 2 + 2 + Integer.parseInt(sum.group(2)) + 7 + 8, filled[1]);
        // the shipped example: the same figures and one loss typed in 万元
        String[] r = TestSupport.check(out(), "zh", EXAMPLE);
        assertEquals("1", r[0], r[2]); // the 较大 accident 2026-011
        assertTrue(r[1].contains("以县应急管理局为中心"), r[1]);
        String md = Files.readString(out().resolve("report.md"), StandardCharsets.UTF_8);
        int actions = md.indexOf("## 需要处理的事项");
        int unit = md.indexOf("### 县应急管理局（违规2条、数据问题1条、预警2条）");
        int mine = md.indexOf("## 县应急管理局负责的指标");
        int summary = md.indexOf("## 总览");
        assertTrue(actions > 0 && actions < unit && unit < mine && mine < summary, md.substring(0, Math.min(md.length(), 3000)));
        assertTrue(md.indexOf("| 2026 | 较大及以上生产安全事故 | 2026-011 | **违规** |") < mine, "the violation first");
        assertTrue(md.contains("| 2026 | 较大及以上生产安全事故 | 2026-021·直接经济损失 | **数据问题** | 35元 |"),
                "the loss typed in 万元 is a data problem of its own kind");
        assertTrue(md.contains("依赖县统计局的地区生产总值（经济总量）（尚未报送）"), "the death rate names what it depends on");
        assertTrue(java.util.regex.Pattern.compile("其他单位负责的\\d+项指标本次无数据（不属本单位，从略）").matcher(md).find(),
                "not a sea of NO_DATA (their number grows with the catalogue)");
        String html = Files.readString(out().resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("规划依据：GB 6721-1986 第3.1条（直接经济损失含医疗、丧葬及抚恤等费用） · 预期性"),
                "the clause without the contract's reference and without a stray bracket");
        assertFalse(md.substring(0, mine).contains("| 无数据 |"), "what needs action holds no NO_DATA");
        assertEquals(6, md.substring(mine, summary).split("\n\\| 2026 \\|", -1).length - 1, "the bureau's 6 targets, no other's");
    }

    @Test
    void withoutTheStatisticsBureausGdpTheDeathRateCannotBeJudgedYet() throws Exception {
        Path f = TestSupport.write(dir.resolve("safety.json"), """
                {"region": "垫江县", "year": 2026, "submitter": "垫江县应急管理局",
                 "accidents": [{"id": "A-1", "date": "2026-05-01", "deaths": 2, "seriousInjuries": 0, "directLossYuan": 800000}]}
                """);
        String[] r = TestSupport.check(out(), "zh", f);
        assertEquals("0", r[0], r[2]);
        String md = Files.readString(out().resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2026 | 25．单位生产总值安全事故死亡率 | 暂无法评判 | — | — | 暂无法评判：依赖县统计局的地区生产总值（经济总量）（尚未报送） |"), md);
        String en = new String(TestSupport.check(dir.resolve("en"), "en", f)[0]);
        assertEquals("0", en);
        String mdEn = Files.readString(dir.resolve("en/report.md"), StandardCharsets.UTF_8);
        assertTrue(mdEn.contains("cannot be judged yet: depends on County Statistics Bureau's Gross domestic product (economic aggregate) (not filed yet)"), mdEn);
        // the same file with the statistics bureau's GDP: judged
        Path gdp = TestSupport.submission(dir, "stats.json", 2026, TestSupport.ind("gdp", "612.5", "亿元"));
        TestSupport.check(dir.resolve("both"), "zh", f, gdp);
        String both = Files.readString(dir.resolve("both/report.md"), StandardCharsets.UTF_8);
        assertFalse(both.contains("暂无法评判"), "two units' files: no focus, the rate is derived and judged");
    }

    @Test
    void aDataProblemOfTheBureausOwnFigureIsShownAsSuchNotAsWaitingForAnotherUnit() throws Exception {
        Path f = TestSupport.write(dir.resolve("safety.json"), """
                {"region": "垫江县", "year": 2026, "submitter": "垫江县应急管理局",
                 "indicators": [{"id": "safety_death_rate", "value": 0.011, "unit": "万元"}]}
                """);
        assertEquals("0", TestSupport.check(out(), "zh", f)[0]);
        String md = Files.readString(out().resolve("report.md"), StandardCharsets.UTF_8);
        String mine = md.substring(md.indexOf("## 县应急管理局负责的指标"), md.indexOf("## 总览"));
        assertTrue(mine.contains("| 2026 | 25．单位生产总值安全事故死亡率 | **数据问题** | — | — | 数据问题：单位无法识别或换算，"), mine);
        assertTrue(mine.contains("单位“万元”无法换算为人/亿元"), "the unit to correct is named");
        assertFalse(mine.contains("依赖县统计局"), "what else the target needs is not the point of a figure to correct");
        assertFalse(md.contains("暂无法评判"), "its own figure is to be corrected; it does not wait for the GDP");
        String html = Files.readString(out().resolve("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("暂无法评判"), "nor in report.html");
    }

    @Test
    void theChineseReportNamesFiguresAndRowsAsOfficersDoNotByIdsOrFiles() throws Exception {
        plancheck.app.Checked c = plancheck.app.Pipeline.check(Path.of("rules"), List.of(Path.of("facts")));
        String md = new String(plancheck.report.MarkdownReport.render(c.report(), c.audience(null), "zh"), StandardCharsets.UTF_8);
        String body = md.substring(0, md.indexOf("## 附录"));
        // the townships' sums: the figures by their names, the county's records by their rows, the clause without its file
        assertTrue(body.contains("| 垫江县·乡镇汇总 | 生产安全事故起数 | 达标 | 生产安全事故起数：24个乡镇（街道）合计5起，与全县5起一致。"
                + "全县数：全县事故记录5起（县应急管理局 生产安全事故第1条 等5处） |"), body);
        java.util.regex.Matcher dev = java.util.regex.Pattern.compile("[a-z]+(?:_[a-z0-9]+)+|[\\w-]+\\.(?:yaml|drl)|事故起数/").matcher(body);
        assertFalse(dev.find(), () -> "developer text in the Chinese report: " + dev.group());
    }

    @Test
    void failOnMakesWarningsOrDataProblemsFailTheRun() throws Exception {
        Path warn = TestSupport.submission(dir, "w.json", 2026, TestSupport.ind("urbanization_rate", "53.5", "%"));
        assertEquals("0", TestSupport.check(out(), "zh", warn)[0], "a warning alone: exit 0");
        String[] w = TestSupport.cli("check", "--out", out().toString(), "--fail-on", "warning", warn.toString());
        assertEquals("1", w[0], w[2]);
        assertTrue(w[2].contains("按--fail-on warning：有2条预警或数据问题，退出码为1"), w[2]); // the path and the annual plan (54.5)
        assertEquals("0", TestSupport.cli("check", "--out", out().toString(), "--fail-on", "data-problem", warn.toString())[0],
                "a warning is no data problem");
        Path slip = TestSupport.write(dir.resolve("s.json"), """
                {"region": "垫江县", "year": 2026, "submitter": "县应急管理局",
                 "accidents": [{"id": "A-1", "date": "2026-05-01", "deaths": 0, "seriousInjuries": 1, "directLossYuan": 120}]}
                """);
        String[] d = TestSupport.cli("check", "--out", out().toString(), "--fail-on", "data-problem", "--lang", "en", slip.toString());
        assertEquals("1", d[0], d[2]);
        assertTrue(d[2].contains("--fail-on data-problem: 1 data problem(s), exit status 1"), d[2]);
        String[] bad = TestSupport.cli("check", "--out", out().toString(), "--fail-on", "warnings", slip.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--fail-on：应为warning或data-problem，实为\"warnings\""), bad[2]);
    }

    @Test
    void findingsComeBackInExcelAndBesideEachValueOfTheWorkbook() throws Exception {
        assertEquals("1", TestSupport.check(out(), "zh", EXAMPLE)[0]);
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(out().resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet act = wb.getSheet("需处理事项");
            Sheet all = wb.getSheet("全部结论");
            int findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out().resolve("report.json").toFile())
                    .path("findings").size();
            assertTrue(findings > 190, "the five-year targets and the 2026 annual plan: " + findings);
            assertEquals(findings, all.getLastRowNum(), "one row per finding of report.json");
            Row h = act.getRow(0);
            assertEquals(List.of("责任单位", "类别", "状态", "年份", "指标", "id", "对象", "数值", "应达值", "2030年目标", "差距",
                    "单位", "说明", "报送单位", "输入（文件与单元格）", "规则", "规划依据"),
                    java.util.stream.IntStream.range(0, h.getLastCellNum()).mapToObj(i -> fmt.formatCellValue(h.getCell(i))).toList());
            Row first = act.getRow(1);
            assertEquals("县应急管理局", fmt.formatCellValue(first.getCell(0)));
            assertEquals("违规", fmt.formatCellValue(first.getCell(1)));
            assertTrue(fmt.formatCellValue(first.getCell(14)).startsWith("examples/example-safety-bureau-2026.xlsx 生产安全事故!A6:G6"),
                    fmt.formatCellValue(first.getCell(14)));
            assertEquals(5, act.getLastRowNum(), "2 violations, 1 data problem, 2 warnings");
            // the 2030 target as the plan prints it: a number, or the plan's words where it prints none
            Row tech = null;
            Row grain = null;
            for (Row row : all) {
                String id = fmt.formatCellValue(row.getCell(5));
                String subject = fmt.formatCellValue(row.getCell(6));
                if (subject.equals("垫江县") && id.equals("agri_tech_progress_contribution")) {
                    tech = row;
                } else if (subject.equals("垫江县") && id.equals("grain_capacity")) {
                    grain = row;
                }
            }
            assertEquals("持续提升", fmt.formatCellValue(tech.getCell(9)), "judged as more than 0, but the plan says 持续提升");
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, grain.getCell(9).getCellType(), "a printed number stays a number");
        }
        List<String> csv = Files.readAllLines(out().resolve("findings.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("\uFEFF责任单位,类别,状态,年份,指标,id"), csv.get(0));
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out().resolve("report.json").toFile())
                .path("findings").size() + 1, csv.size(), "a header and one line per finding of report.json");

        Path copy = out().resolve("example-safety-bureau-2026-核查结果.xlsx");
        try (InputStream in = Files.newInputStream(copy); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet ind = wb.getSheet("指标");
            int res = Workbooks.column(ind, 3, "核查结果");
            assertEquals(Workbooks.column(ind, 3, "备注") + 1, res, "beside the table");
            String rate = fmt.formatCellValue(ind.getRow(Workbooks.rowOf(ind, "safety_death_rate")).getCell(res));
            assertTrue(rate.startsWith("达标：0.011人/亿元，符合每年限值（≤0.015人/亿元）"), rate);
            Sheet acc = wb.getSheet("生产安全事故");
            int ar = Workbooks.column(acc, 2, "核查结果");
            assertTrue(fmt.formatCellValue(acc.getRow(5).getCell(ar)).startsWith("违规：2026-06-27危险化学品事故"), "row 6: 2026-011");
            assertTrue(fmt.formatCellValue(acc.getRow(8).getCell(ar)).startsWith("数据问题：事故2026-021"), "row 9: 2026-021, labelled once");
            assertEquals("工贸", fmt.formatCellValue(acc.getRow(8).getCell(2)), "the bureau's own values are kept");
            assertTrue(wb.getSheet("填报说明") != null, "the other sheets too");
        }
        // the annotated copy reads back as the same submission (its result column is ignored)
        assertEquals("1", TestSupport.check(dir.resolve("again"), "zh", copy)[0]);
    }

    @Test
    void anUnknownBureauIsNamedWithTheUnitsThePlanHas() {
        String[] r = TestSupport.cli("template", "--bureau", "安监站", "--year", "2026", "--out", dir.resolve("x.xlsx").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("规划（plans/dianjiang-15th）中没有单位\"安监站\"；现有单位：agriculture 县农业农村委、") && r[2].contains("safety 县应急管理局"), r[2]);
        String[] y = TestSupport.cli("template", "--bureau", "safety", "--year", "2031", "--out", dir.resolve("x.xlsx").toString(),
                "--lang", "en");
        assertEquals("2", y[0]);
        assertTrue(y[2].contains("the year 2031 is not in the plan period (2026 to 2030)"), y[2]);
        assertFalse(Files.exists(dir.resolve("x.xlsx")), "nothing written");
        // the finance bureau answers only for values of the plan's review (2020, 2025): nothing to fill in 2026
        String[] f = TestSupport.cli("template", "--bureau", "财政局", "--year", "2026", "--out", dir.resolve("x.xlsx").toString());
        assertEquals("2", f[0], f[1]);
        assertTrue(f[2].contains("--bureau: 县财政局没有2026年需填报的指标或明细表：规划中由其负责的2项指标只记录2025年及以前的数值（规划回顾），不再逐年填报"), f[2]);
        assertFalse(Files.exists(dir.resolve("x.xlsx")), "no empty workbook");
    }
}
