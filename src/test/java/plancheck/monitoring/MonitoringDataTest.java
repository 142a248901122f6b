package plancheck.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Workspace;
import plancheck.cli.Main;
import plancheck.load.InputException;
import plancheck.load.PlanMonitoring;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * The plan's monitoring data (annual/&lt;year&gt;.yaml, townships.yaml) checked when the plan loads, township
 * submissions checked when they are read, and the shipped township example whose sum disagrees with the county.
 */
class MonitoringDataTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedPlanHasItsAnnualTargetsAndTownships() throws Exception {
        var rs = RulesLoader.load(Path.of("rules"));
        var annual = PlanMonitoring.annualTargets(rs);
        assertEquals(List.of(2026, 2027, 2028), annual.stream().map(a -> a.year()).distinct().toList());
        assertTrue(annual.stream().allMatch(a -> a.fictional()), "the shipped annual targets are marked fictional");
        var towns = PlanMonitoring.townships(rs);
        assertEquals(24, towns.townships().size(), "24 乡镇（街道） as 第一章 counts them");
        assertEquals("垫江县", towns.county());
        // the grain shares assigned to the townships add up to the county's 41万吨 (专栏1 第26项)
        var grain = towns.targets().stream().filter(t -> t.indicator().equals("grain_capacity"))
                .map(t -> t.value()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertEquals(0, new java.math.BigDecimal("41").compareTo(grain));
        assertEquals(24, towns.targets().stream().filter(t -> t.indicator().equals("major_accidents")).count(), "all: every township");
        // the invented grain shares are marked as such; the bottom line on major accidents is the plan's own
        // (第四十五章第三节) and names its own clause, not the grain decomposition
        for (var t : towns.targets()) {
            boolean grainShare = t.indicator().equals("grain_capacity");
            assertEquals(grainShare, t.fictional(), t.toString());
            assertEquals(grainShare, t.document().zh().contains("粮食产量"), t.toString());
            assertEquals(!grainShare, t.document().zh().startsWith("第四十五章第三节"), t.toString());
        }
    }

    @Test
    void aTargetsOwnDocumentAndFictionalMustBeWellFormed() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        Path t = plan.resolve("townships.yaml");
        Files.writeString(t, Files.readString(t).replace("      fictional: false\n", "      fictional: 否\n")
                .replace("en: \"chapter 45 section 3", "en_: \"chapter 45 section 3"));
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        List<String> zh = e.problems().stream().map(p -> p.format("zh")).toList();
        assertTrue(zh.stream().anyMatch(p -> p.contains("/assignments/targets/0/fictional: 应为 true 或 false，实为\"否\"")), zh::toString);
        assertTrue(zh.stream().anyMatch(p -> p.contains("/assignments/targets/0/document/en_: 未知的键“en_”（可用：en, zh）")), zh::toString);
        assertTrue(zh.stream().anyMatch(p -> p.contains("/assignments/targets/0/document/en: 应为非空文本，实为（未填写）")), zh::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.format("en").contains("/assignments/targets/0/fictional: expected true or false")),
                e.problems()::toString);
    }

    @Test
    void aDocumentsTitleMustBeTwoTextsOfAReadableLength() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        Path t = plan.resolve("townships.yaml");
        String shipped = Files.readString(t);
        String zhLine = "        zh: \"第四十五章第三节（建立安全生产长效机制：严防较大及以上生产安全事故发生）\"";
        assertTrue(shipped.contains(zhLine), "the shipped override");
        // numbers instead of texts, then a title of 501 characters
        Files.writeString(t, shipped.replace(zhLine, "        zh: 5"));
        List<String> zh = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan)).problems().stream()
                .map(p -> p.format("zh")).toList();
        assertTrue(zh.stream().anyMatch(p -> p.matches(".*townships\\.yaml:\\d+:\\d+: /assignments/targets/0/document/zh: 应为非空文本，实为\"5\"")),
                zh::toString);
        Files.writeString(t, shipped.replace(zhLine, "        zh: \"" + "长".repeat(501) + "\""));
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        assertTrue(e.problems().stream().anyMatch(p -> p.format("zh").endsWith("/assignments/targets/0/document/zh: 文本过长：501个字符（最多500个）")),
                e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.format("en").endsWith("/assignments/targets/0/document/zh: text too long: 501 characters (at most 500)")),
                e.problems()::toString);
        // a text where the pair belongs
        Files.writeString(t, shipped.replace("  document:\n    zh: \"乡镇（街道）粮食产量目标分解\"\n    en: \"grain output targets assigned to townships\"",
                "  document: 粮食"));
        zh = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan)).problems().stream().map(p -> p.format("zh")).toList();
        assertTrue(zh.stream().anyMatch(p -> p.endsWith("/assignments/document: 应为 {zh: 中文, en: 英文} 两项文本，实为\"粮食\"")), zh::toString);
    }

    @Test
    void badAnnualAndTownshipFilesAreRefusedWithFileAndPointer() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        Path y = plan.resolve("annual/2027.yaml");
        Files.writeString(y, Files.readString(y).replace("id: urbanization_rate", "id: urbanisation_rate")
                .replace("comparator: \"<=\"", "comparator: \"=<\""));
        TestSupport.write(plan.resolve("annual/2031.yaml"), "year: 2031\ndocument: {zh: x, en: x}\ntargets: []\n");
        TestSupport.write(plan.resolve("annual/copy.yaml"), Files.readString(plan.resolve("annual/2026.yaml")));
        Path t = plan.resolve("townships.yaml");
        Files.writeString(t, Files.readString(t).replace("county: 垫江县", "county: 梁平区")
                .replace("{name: 沙河乡, kind: 乡}", "{name: 沙坪镇, kind: 乡}")
                .replace("county: energy, rounding: last-digit", "county: energy, rounding: roughly"));
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        // each located at its line and column (checked in the test below); here the pointers and the wording
        String all = e.problems().toString().replaceAll("\\.yaml:\\d+:\\d+:", ".yaml:");
        assertTrue(all.contains("annual/2027.yaml: /targets/1/id: indicator \"urbanisation_rate\" is not in the plan's catalogue"), all);
        assertTrue(all.contains("annual/2027.yaml: /targets/2/comparator: expected one of the comparators"), all);
        assertTrue(all.contains("annual/2031.yaml: /year: expected a year of the plan period (2026–2030), found \"2031\"")
                || all.contains("annual/2031.yaml: /year: expected a year of the plan period (2026–2030), found 2031"), all);
        assertTrue(all.contains("annual/copy.yaml: /year: the annual plan's targets for 2026 are already given in"), all);
        assertTrue(all.contains("townships.yaml: /county: county must be one of the plan's regions (垫江县), found \"梁平区\""), all);
        assertTrue(all.contains("township name \"沙坪镇\" is listed twice"), all);
        assertTrue(all.contains("townships.yaml: /figures/4: expected {id, name: {zh, en}, unit"), all);
        assertTrue(e.problems().stream().anyMatch(p -> p.format("zh").contains("指标“urbanisation_rate”不在规划目录")),
                "in Chinese too: " + e.problems());
    }

    @Test
    void anAnnualFilesTyposAreLocatedAtTheirLineAndColumnInTheUsersLanguage() throws Exception {
        Path rules = tmp.resolve("rules");
        Path plan = TestSupport.copyRulesAndPlan(rules);
        Path y = plan.resolve("annual/2027.yaml");
        List<String> lines = Files.readAllLines(y);
        int fic = lines.indexOf("fictional: true");
        // the lines below it move down by one: a second fictional key is added after it
        int urb = lines.indexOf(lines.stream().filter(l -> l.contains("id: urbanization_rate")).findFirst().orElseThrow()) + 1;
        int rd = lines.indexOf(lines.stream().filter(l -> l.contains("id: rd_intensity")).findFirst().orElseThrow()) + 1;
        // a misspelt key (the value then missing), a value written as text, an id given twice, and a township file's
        // unknown township: each at its line and column
        lines.add(fic + 1, "fictional: false");
        lines.set(urb, lines.get(urb).replace("value: 56", "valeu: 56"));
        lines.set(rd, lines.get(rd).replace("id: rd_intensity, value: 1,", "id: gdp_growth, value: 一,"));
        Files.write(y, lines);
        Path t = plan.resolve("townships.yaml");
        List<String> tl = Files.readAllLines(t);
        int sp = tl.indexOf(tl.stream().filter(l -> l.contains("{township: 沙坪镇")).findFirst().orElseThrow());
        tl.set(sp, tl.get(sp).replace("{township: 沙坪镇", "{township: 沙平镇"));
        Files.write(t, tl);
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, plan));
        List<String> zh = e.problems().stream().map(p -> p.format("zh")).toList();
        String file = e.problems().stream().filter(p -> p.file().endsWith("annual/2027.yaml")).findFirst().orElseThrow().file();
        String tfile = e.problems().stream().filter(p -> p.file().endsWith("townships.yaml")).findFirst().orElseThrow().file();
        int col = lines.get(urb).indexOf("valeu") + 1;
        assertTrue(zh.contains(file + ":" + (urb + 1) + ":" + col + ": /targets/1/valeu: 未知的键“valeu”（可用：comparator, id, note, text, value）"), zh::toString);
        assertTrue(zh.stream().anyMatch(p -> p.startsWith(file + ":" + (urb + 1) + ":") && p.endsWith("/targets/1/value: 应为数值，实为（未填写）")), zh::toString);
        assertTrue(e.problems().stream().anyMatch(p -> p.format("en").endsWith("/targets/1/value: expected a number, found nothing")),
                e.problems()::toString);
        int colValue = lines.get(rd).indexOf("value: 一") + 1;
        assertTrue(zh.contains(file + ":" + (rd + 1) + ":" + colValue + ": /targets/8/value: 应为数值，实为\"一\""), zh::toString);
        assertTrue(zh.stream().anyMatch(p -> p.startsWith(file + ":" + (rd + 1) + ":") && p.contains("/targets/8/id: 指标gdp_growth在本年度计划中出现两次")),
                zh::toString);
        assertTrue(zh.stream().anyMatch(p -> p.startsWith(tfile + ":" + (sp + 1) + ":") && p.contains("沙平镇")), zh::toString);
        // a key given twice is not kept once silently
        assertTrue(zh.stream().anyMatch(p -> p.startsWith(file + ":" + (fic + 2) + ":1: /fictional: ")), zh::toString);
    }

    @Test
    void theMainTablesSectionsMustCoverItInOrder() throws Exception {
        Path rules = tmp.resolve("rules");
        Path f = TestSupport.copyRulesAndPlan(rules).resolve("sections.yaml");
        String shipped = Files.readString(f);
        long line = shipped.lines().takeWhile(l -> !l.contains("rows: [25, 26]")).count() + 1;
        // the last section ends beyond the table's 26 rows
        TestSupport.write(f, shipped.replace("rows: [25, 26]", "rows: [25, 27]"));
        InputException e = assertThrows(InputException.class, () -> RulesLoader.load(rules, f.getParent()));
        String zh = e.problems().get(0).format("zh");
        assertTrue(zh.matches(".*sections\\.yaml:" + line + ":\\d+: /table/4/rows: 分组行号\\[25, 27\\]有误.*第26行.*"), zh);
        // a gap: rows 7–13 in none
        TestSupport.write(f, shipped.lines().filter(l -> !l.contains("rows: [7, 13]")).collect(Collectors.joining("\n")));
        e = assertThrows(InputException.class, () -> RulesLoader.load(rules, f.getParent()));
        assertTrue(e.problems().get(0).format("en").contains("/table/1/rows: section rows [14, 21] are wrong: a section starts at row 7"),
                e.problems()::toString);
    }

    @Test
    void aTownshipNotInTheListIsRefusedNamingTheListInTheUsersLanguage() throws Exception {
        Path f = township("t.json", "沙平镇", 2027, "\"indicators\": [{\"id\": \"grain_capacity\", \"value\": 2, \"unit\": \"万吨\"}]");
        InputException e = assertThrows(InputException.class, () -> Workspace.open(Path.of("rules"), null).read(List.of(f)));
        String zh = e.problems().get(0).format("zh");
        assertTrue(zh.contains("/region: 地区“沙平镇”不在任何规划的适用范围内") && zh.contains("24个乡镇（街道）（plans/dianjiang-15th/townships.yaml）")
                && !zh.contains("24 townships"), zh);
        assertTrue(e.problems().get(0).format("en").contains("24 townships (plans/dianjiang-15th/townships.yaml)"), e.problems()::toString);
    }

    private Path township(String name, String region, int year, String body) {
        return TestSupport.write(tmp.resolve(name), "{\"region\": \"" + region + "\", \"year\": " + year + ", " + body + "}");
    }

    @Test
    void aTownshipGivesFiguresOnlyAndTheCountyNotTheTownshipsFigures() throws Exception {
        Workspace ws = Workspace.open(Path.of("rules"), null);
        Path records = township("records.json", "沙坪镇", 2027, "\"accidents\": [{\"id\": \"x\", \"date\": \"2027-01-02\", "
                + "\"deaths\": 1, \"seriousInjuries\": 0, \"directLossYuan\": 1000}]");
        Path foreign = township("foreign.json", "沙坪镇", 2027,
                "\"indicators\": [{\"id\": \"urbanization_rate\", \"value\": 40, \"unit\": \"%\"}]");
        Path county = TestSupport.submission(tmp, "county.json", 2027, TestSupport.ind("accident_deaths", "3", "人"));
        InputException e = assertThrows(InputException.class, () -> ws.read(List.of(records, foreign, county)));
        String all = e.problems().toString();
        assertTrue(all.contains("records.json: /accidents: a township's submission gives figures (indicators) only"), all);
        assertTrue(all.contains("foreign.json: /indicators/0/id: 沙坪镇 has no assigned target \"urbanization_rate\""), all);
        assertTrue(all.contains("county.json: /indicators/0/id: \"accident_deaths\" is a figure townships submit"), all);
        String zh = e.problems().get(0).format("zh");
        assertTrue(zh.contains("乡镇") || zh.contains("汇总"), zh);
    }

    @Test
    void aTownshipsFigureInAnotherUnitIsConvertedAndAWrongOneIsADataProblem() throws Exception {
        Path a = township("a.json", "沙坪镇", 2027, "\"indicators\": [{\"id\": \"energy_consumption\", \"value\": 52000, "
                + "\"unit\": \"吨标准煤\"}, {\"id\": \"accident_deaths\", \"value\": 2, \"unit\": \"万吨\"}]");
        List<Finding> f = Workspace.open(Path.of("rules"), null).check(List.of(a)).report().findings();
        Finding energy = f.stream().filter(x -> x.indicator().equals("energy_consumption")).findFirst().orElseThrow();
        // 52000 吨标准煤 = 5.2 万吨标准煤 (the figure's unit); the county has no energy records: not reconciled
        assertEquals(0, new java.math.BigDecimal("5.2").compareTo(energy.actual()));
        assertEquals(Status.NO_DATA, energy.status());
        assertTrue(f.stream().noneMatch(x -> x.indicator().equals("accident_deaths") && x.status() == Status.PASS),
                "a death count in 万吨 is never summed");
    }

    @Test
    void theShippedTownshipExampleDisagreesWithTheCountyAndSaysSo() throws Exception {
        List<Finding> f = Workspace.open(Path.of("rules"), null).check(List.of(Path.of("facts"))).report().findings();
        Finding grain = f.stream().filter(x -> x.year() == 2027 && x.subject().equals("垫江县·乡镇汇总")
                && x.indicator().equals("grain_capacity")).findFirst().orElseThrow();
        assertEquals(Status.WARNING, grain.status());
        // Σ 24 townships = 41.3 万吨; county 40.9; tolerance 24 × 0.005 (two decimals) + 0.05 (one) = 0.17
        assertEquals(0, new java.math.BigDecimal("41.3").compareTo(grain.actual()));
        assertEquals(0, new java.math.BigDecimal("40.9").compareTo(grain.expected()));
        assertEquals(0, new java.math.BigDecimal("0.17").compareTo((java.math.BigDecimal) grain.details().get("tolerance")));
        String m = grain.message().zh();
        assertTrue(m.contains("全县报送（facts/2027/example-stats-bureau.json#/indicators/12）"), "the county's side: " + m);
        assertTrue(m.contains("沙坪镇 2.12"), "the townships' side: " + m);
        assertTrue(grain.evidence().stream().anyMatch(e -> e.input().contains("townships/example-township-shaping.json")));
        // the counts that add up exactly agree
        for (String id : List.of("accident_count", "accident_deaths", "major_accidents", "energy_consumption")) {
            Finding x = f.stream().filter(y -> y.year() == 2027 && y.subject().equals("垫江县·乡镇汇总")
                    && y.indicator().equals(id)).findFirst().orElseThrow();
            assertEquals(Status.PASS, x.status(), x.message().zh());
        }
    }

    @Test
    void theReportCommandWritesTheDocxAndTheHtml() throws Exception {
        Path out = tmp.resolve("out");
        String[] r = run("report", "annual", "--year", "2027", "--out", out.toString(), "facts");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(out.resolve("annual-2027.docx")) > 10_000);
        assertTrue(Files.readString(out.resolve("annual-2027.html")).contains("主要指标完成情况"));
        String[] p = run("report", "midterm", "--public", "--out", out.toString(), "facts");
        assertEquals("0", p[0], p[2]);
        assertTrue(Files.exists(out.resolve("midterm-2028-public.docx")) && Files.exists(out.resolve("midterm-2028-public.html")));
        // the English version beside the Chinese one, not over it
        String[] en = run("report", "midterm", "--public", "--lang", "en", "--out", out.toString(), "facts");
        assertEquals("0", en[0], en[2]);
        assertTrue(Files.readString(out.resolve("midterm-2028-public-en.html")).contains("lang=\"en\""));
        assertTrue(Files.readString(out.resolve("midterm-2028-public.html")).contains("lang=\"zh-CN\""));
        String[] bad = run("report", "annual", "--out", out.toString(), "facts");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--year"), bad[2]);
        // the final evaluation on the data there is (through 2028), saying what is missing
        String[] fin = run("report", "final", "--out", out.toString(), "facts");
        assertEquals("0", fin[0], fin[2]);
        assertTrue(Files.readString(out.resolve("final-2028.html")).contains("2029、2030年尚无报送数据"));
        assertTrue(!Files.exists(out.resolve("final-2030.docx")), "no 2030 report without 2030 data");
    }

    @Test
    void theReportCommandRefusesAYearOutsideThePlanAndOneBureausFilesWithTheirPlace() throws Exception {
        Path out = tmp.resolve("out");
        String[] outside = run("report", "annual", "--year", "2031", "--out", out.toString(), "facts");
        assertEquals("2", outside[0]);
        assertTrue(outside[2].contains("--year 2031: 报告年份2031不在规划期内（2026—2030年）"), outside[2]);
        String[] en = run("report", "annual", "--year", "2029", "--lang", "en", "--out", out.toString(), "facts");
        assertEquals("2", en[0]);
        assertTrue(en[2].contains("facts: the input holds no submission for 2029 (years submitted: 2026, 2027, 2028)"), en[2]);
        String one = "facts/2027/example-stats-bureau.json";
        String[] partial = run("report", "annual", "--year", "2027", "--out", out.toString(), one);
        assertEquals("2", partial[0]);
        assertTrue(partial[2].contains(one + ": 2027年有") && partial[2].contains("个责任单位没有报送任何数据") && !partial[2].contains("Exception"),
                partial[2]);
        assertTrue(!Files.exists(out), "nothing written");
        String[] asked = run("report", "annual", "--year", "2027", "--partial", "--out", out.toString(), one);
        assertEquals("0", asked[0], asked[2]);
        assertTrue(Files.readString(out.resolve("annual-2027.html")).contains("个责任单位没有报送数据"));
    }

    private static synchronized String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
