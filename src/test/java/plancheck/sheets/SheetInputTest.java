package plancheck.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Spreadsheets;
import plancheck.app.Workspace;
import plancheck.load.Paths2;
import plancheck.model.Finding;

/**
 * Workbooks and CSV files as bureaus really write them, and the files that must be refused: each case
 * with its exact message (file, sheet!cell, what was expected), in Chinese and English; exit 2 and
 * nothing written for a refused file.
 */
class SheetInputTest {

    @TempDir
    Path dir;

    static Workspace ws;

    @BeforeAll
    static void open() throws Exception {
        ws = Workspace.open(Path.of("rules"), null);
    }

    /** The safety bureau's template for 2026 in the temp folder. */
    private Path template(String name) throws Exception {
        Path xlsx = dir.resolve(name);
        Map<String, byte[]> files = Spreadsheets.template(Path.of("rules"), null, "应急管理局", 2026, List.of(), xlsx);
        Files.write(xlsx, files.get(name));
        return xlsx;
    }

    private String[] check(String lang, Path... files) {
        return TestSupport.check(dir.resolve("out"), lang, files);
    }

    private static int col(Sheet sh, String header) {
        return Workbooks.column(sh, 3, header);
    }

    /** Finds the one finding with subject = region. */
    private static Finding verdict(List<Finding> fs, String id, int year) {
        return TestSupport.verdict(fs, id, year);
    }

    @Test
    void numbersAsBureausTypeThem() throws Exception {
        Path x = template("a.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            int v = col(sh, "本年数值");
            int u = col(sh, "单位");
            // stored as text, with full-width digits
            Workbooks.set(sh, Workbooks.rowOf(sh, "safety_death_rate"), v, "０．０１１");
            // a percentage cell: 0.96 shown as 96%
            int r = Workbooks.rowOf(sh, "disaster_warning_coverage");
            Workbooks.set(sh, r, v, 0.96);
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
            sh.getRow(r).getCell(v).setCellStyle(pct);
            // a text with a full-width percent sign
            Workbooks.set(sh, Workbooks.rowOf(sh, "rescue_team_drone_rate"), v, "72.5％");
            // a formula: its cached value is read
            int f = Workbooks.rowOf(sh, "village_emergency_supply_coverage");
            sh.getRow(f).getCell(v).setCellFormula("60+4");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            // the unit merged over two rows: the second takes the first's
            int a = Workbooks.rowOf(sh, "disaster_victim_relief_rate");
            Workbooks.set(sh, a, v, "100");
            Workbooks.set(sh, a, u, "%");
            // an empty row, an extra sheet and a hidden one with junk
            sh.shiftRows(a + 1, sh.getLastRowNum(), 1);
            wb.createSheet("自用草稿").createRow(0).createCell(0).setCellValue("本年数值");
            Sheet hidden = wb.createSheet("指标 (2)");
            hidden.createRow(3).createCell(0).setCellValue("本年数值");
            wb.setSheetHidden(wb.getSheetIndex(hidden), true);
        });
        List<Finding> fs = ws.check(List.of(x)).report().findings();
        assertEquals(0, new BigDecimal("0.011").compareTo(verdict(fs, "safety_death_rate", 2026).actual()));
        assertEquals(0, new BigDecimal("96").compareTo(verdict(fs, "disaster_warning_coverage", 2026).actual()));
        assertEquals(0, new BigDecimal("72.5").compareTo(verdict(fs, "rescue_team_drone_rate", 2026).actual()));
        assertEquals(0, new BigDecimal("64").compareTo(verdict(fs, "village_emergency_supply_coverage", 2026).actual()));
        assertEquals(0, new BigDecimal("100").compareTo(verdict(fs, "disaster_victim_relief_rate", 2026).actual()));
        Finding rate = verdict(fs, "safety_death_rate", 2026);
        assertEquals("指标!I5", rate.evidence().get(0).pointer(), "the cell the value came from");
    }

    @Test
    void mergedCellsGiveTheirValueToEveryCell() throws Exception {
        Path x = template("m.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            int v = col(sh, "本年数值");
            int u = col(sh, "单位");
            int a = Workbooks.rowOf(sh, "rescue_team_drone_rate");
            int b = Workbooks.rowOf(sh, "village_emergency_supply_coverage");
            assertEquals(a + 1, b, "adjacent rows in the template");
            Workbooks.set(sh, a, v, 66);
            Workbooks.set(sh, b, v, 75);
            Workbooks.set(sh, a, u, "%");
            Workbooks.set(sh, b, u, null);
            sh.addMergedRegion(new CellRangeAddress(a, b, u, u));
        });
        List<Finding> fs = ws.check(List.of(x)).report().findings();
        assertEquals("%", verdict(fs, "village_emergency_supply_coverage", 2026).unit());
        assertEquals(0, new BigDecimal("75").compareTo(verdict(fs, "village_emergency_supply_coverage", 2026).actual()));
    }

    @Test
    void badCellsAreNamedByTheirCellInChineseAndEnglish() throws Exception {
        Path x = template("应急管理局-2026.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            int v = col(sh, "本年数值");
            int u = col(sh, "单位");
            Workbooks.set(sh, Workbooks.rowOf(sh, "safety_death_rate"), v, "约0.01");
            int d = Workbooks.rowOf(sh, "disaster_warning_coverage");
            sh.getRow(d).getCell(v).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            int r = Workbooks.rowOf(sh, "rescue_team_drone_rate");
            Workbooks.set(sh, r, v, 80);
            Workbooks.set(sh, r, u, null);
            Sheet acc = wb.getSheet("生产安全事故");
            Workbooks.set(acc, 3, 0, "2026-001");
            Workbooks.set(acc, 3, 1, "4月18日");
            Workbooks.set(acc, 3, 3, 1);
        });
        String[] zh = check("zh", x);
        assertEquals("2", zh[0], zh[2]);
        String f = Paths2.display(x); // as messages show it: relative to the working folder
        int[] rows = rows(x, "safety_death_rate", "disaster_warning_coverage", "rescue_team_drone_rate");
        assertTrue(zh[2].contains(f + ": 指标!I" + rows[0] + ": 应为数字，实为文本\"约0.01\""), zh[2]);
        assertTrue(zh[2].contains(f + ": 指标!I" + rows[1] + ": 公式结果为错误值\"#DIV/0!\""), zh[2]);
        assertTrue(zh[2].contains(f + ": 指标!D" + rows[2] + ": 缺少单位（专业救援队伍无人机配备率的单位为%）"), zh[2]);
        assertTrue(zh[2].contains(f + ": 生产安全事故!B4: 应为日期（如2026-04-18），实为\"4月18日\""), zh[2]);
        String[] en = check("en", x);
        assertTrue(en[2].contains(f + ": 指标!I" + rows[0] + ": expected a number, found text \"约0.01\""), en[2]);
        assertTrue(en[2].contains(f + ": 生产安全事故!B4: expected a date (e.g. 2026-04-18), found \"4月18日\""), en[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")), "nothing written");
    }

    @Test
    void aNumberFarBeyondAnyStatisticIsNamedAsTyped() throws Exception {
        Path x = template("e.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            Workbooks.set(sh, Workbooks.rowOf(sh, "rescue_team_drone_rate"), col(sh, "本年数值"), "1e999999999");
            Workbooks.set(sh, Workbooks.rowOf(sh, "disaster_warning_coverage"), col(sh, "本年数值"), "1e999999");
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        int[] rows = rows(x, "rescue_team_drone_rate", "disaster_warning_coverage");
        assertTrue(r[2].contains("e.xlsx: 指标!I" + rows[0] + ": 数字超出范围：小数点前后各至多20位，实为\"1e999999999\""), r[2]);
        assertTrue(r[2].contains("e.xlsx: 指标!I" + rows[1] + ": 数字超出范围：小数点前后各至多20位，实为\"1e999999\""), r[2]);
        String[] en = check("en", x);
        assertTrue(en[2].contains("e.xlsx: 指标!I" + rows[0] + ": number out of range: at most 20 digits before and 20 after the decimal point, found \"1e999999999\""), en[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")), "nothing written");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedByItsCell() throws Exception {
        Path x = template("t.xlsx");
        int[] row = new int[1];
        int[] note = new int[1];
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            row[0] = Workbooks.rowOf(sh, "rescue_team_drone_rate");
            note[0] = col(sh, "备注");
            Workbooks.set(sh, row[0], col(sh, "本年数值"), 70);
            // only a program writes more than Excel's 32,767 characters into a cell: through the file's XML
            org.apache.poi.xssf.usermodel.XSSFCell c = (org.apache.poi.xssf.usermodel.XSSFCell) sh.getRow(row[0]).createCell(note[0]);
            c.getCTCell().setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR);
            // (text that does not compress: a repeated one would be refused as a zip bomb first)
            java.util.Random rnd = new java.util.Random(7);
            StringBuilder b = new StringBuilder();
            while (b.length() < 40_000) {
                b.append((char) (0x4E00 + rnd.nextInt(20_000)));
            }
            c.getCTCell().addNewIs().setT(b.toString());
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        String cell = org.apache.poi.ss.util.CellReference.convertNumToColString(note[0]) + (row[0] + 1);
        assertTrue(r[2].contains("t.xlsx: 指标!" + cell + ": 单元格的文字超过32767个字符（Excel单元格的上限），未读取：较长的说明请另附文件"), r[2]);
        assertTrue(r[2].length() < 2_000, "the text is not repeated");
        String[] en = check("en", x);
        assertTrue(en[2].contains("指标!" + cell + ": the cell holds more than 32767 characters (Excel's limit for a cell)"), en[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")), "nothing written");
    }

    @Test
    void aRowOfTotalsUnderTheRecordsIsNamed() throws Exception {
        Path x = template("s.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet acc = wb.getSheet("生产安全事故");
            Workbooks.set(acc, 3, 0, "2026-001");
            Workbooks.set(acc, 3, 1, "2026-04-18");
            Workbooks.set(acc, 3, 3, 1);
            Workbooks.set(acc, 3, 5, 800000);
            Workbooks.set(acc, 4, 0, "合 计");
            Workbooks.set(acc, 4, 3, 1);
            Workbooks.set(acc, 4, 5, 800000);
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("s.xlsx: 生产安全事故!A5: 第5行是合计行（\"合 计\"）：明细表只填逐条记录，合计由plancheck计算，请删除此行"), r[2]);
        assertFalse(r[2].contains("缺少“发生日期”"), "not told as a record without its date");
        String[] en = check("en", x);
        assertTrue(en[2].contains("生产安全事故!A5: row 5 is a row of totals (\"合 计\"): a record list holds one row per record"), en[2]);
    }

    @Test
    void theStatisticsBureausCsvInGbkAsThePlanPrintsItsFigures() throws Exception {
        // the plan prints the urban-rural income ratio as 1.98:1 and the unemployment rate without a unit
        String text = "地区,垫江县,年份,2026,填报单位,垫江县统计局,阶段,正式\r\n"
                + "序号,指标名称,id,单位,本年数值,备注\r\n"
                + "1,城乡居民人均可支配收入比,urban_rural_income_ratio,,1.95:1,\r\n"
                + "2,城镇调查失业率,urban_unemployment_rate,,5.2%,\r\n"
                + "3,常住人口城镇化率,urbanization_rate,%,５４．１％,\r\n";
        Path p = dir.resolve("统计局-2026.csv");
        Files.write(p, text.getBytes(Charset.forName("GBK")));
        List<Finding> fs = ws.check(List.of(p)).report().findings();
        assertEquals(0, new BigDecimal("1.95").compareTo(verdict(fs, "urban_rural_income_ratio", 2026).actual()));
        assertEquals(0, new BigDecimal("5.2").compareTo(verdict(fs, "urban_unemployment_rate", 2026).actual()));
        assertEquals(0, new BigDecimal("54.1").compareTo(verdict(fs, "urbanization_rate", 2026).actual()));
        Path json = TestSupport.submission(dir, "same.json", 2026, TestSupport.ind("urban_rural_income_ratio", "1.95", ""),
                TestSupport.ind("urban_unemployment_rate", "5.2", "%"), TestSupport.ind("urbanization_rate", "54.1", "%"));
        assertEquals(SheetRoundTripTest.summary(ws.check(List.of(json)).report().findings()), SheetRoundTripTest.summary(fs));
        // a ratio to anything but one is no number
        Files.write(p, text.replace("1.95:1", "1.95:2").getBytes(Charset.forName("GBK")));
        String[] r = check("zh", p);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("统计局-2026.csv: E3: 应为数字，实为文本\"1.95:2\""), r[2]);
    }

    @Test
    void datesInTheFormatsOfChineseExcelAndWpsAreDates() throws Exception {
        // 31 is yyyy"年"m"月"d"日" and 58 m"月"d"日" in Chinese Excel and WPS: named by their number alone
        Path x = template("d.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet acc = wb.getSheet("生产安全事故");
            int n = 0;
            for (Object[] a : new Object[][] {{"2026-001", java.time.LocalDate.of(2026, 4, 18), 31},
                    {"2026-002", java.time.LocalDate.of(2026, 6, 2), 58}}) {
                Workbooks.set(acc, 3 + n, 0, a[0]);
                Workbooks.set(acc, 3 + n, 3, 1);
                Workbooks.set(acc, 3 + n, 5, 800000);
                org.apache.poi.ss.usermodel.Cell c = acc.getRow(3 + n).createCell(1);
                c.setCellValue((java.time.LocalDate) a[1]);
                CellStyle st = wb.createCellStyle();
                st.setDataFormat((short) (int) (Integer) a[2]);
                c.setCellStyle(st);
                n++;
            }
        });
        String[] r = check("zh", x);
        assertEquals("0", r[0], r[2]);
        String md = Files.readString(dir.resolve("out/report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 2026-001 | 较大及以上生产安全事故 | 达标 | 2026-04-18事故：死亡1人"), md);
        assertTrue(md.contains("| 2026-002 | 较大及以上生产安全事故 | 达标 | 2026-06-02事故：死亡1人"), md);
    }

    @Test
    void twoColumnsOfOneNameAreNotGuessedBetween() throws Exception {
        // last year's 本年数值 hidden, a new column 本年数值 added beside it: the hidden one must not be read
        Path x = template("h.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            int v = col(sh, "本年数值");
            Workbooks.set(sh, Workbooks.rowOf(sh, "safety_death_rate"), v, 0.011);
            Workbooks.set(sh, 3, 11, "本年数值");
            Workbooks.set(sh, Workbooks.rowOf(sh, "safety_death_rate"), 11, 0.009);
            sh.setColumnHidden(v, true);
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("h.xlsx: 指标!L4: 表头中有两列\"本年数值\"（I4与L4），无法确定读取哪一列：请删除或改名其中一列（隐藏的列同样会被读取）"), r[2]);
        String[] en = check("en", x);
        assertTrue(en[2].contains("h.xlsx: 指标!L4: the header has two columns \"本年数值\" (I4 and L4)"), en[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")), "nothing written");
    }

    @Test
    void aFormulaWithoutItsComputedValueIsNamed() throws Exception {
        Path x = template("f.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            sh.getRow(Workbooks.rowOf(sh, "safety_death_rate")).getCell(col(sh, "本年数值")).setCellFormula("8/612.5");
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("指标!I5: 公式没有计算结果（请在Excel中打开、重新计算并保存后再核查）"), r[2]);
    }

    @Test
    void anUnknownNameOrIdSuggestsTheRightOne() throws Exception {
        Path x = template("n.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            int r = Workbooks.rowOf(sh, "safety_death_rate");
            Workbooks.set(sh, r, col(sh, "id"), null);
            Workbooks.set(sh, r, col(sh, "指标名称"), "安全事故死亡率");
            Workbooks.set(sh, r, col(sh, "本年数值"), 0.011);
            int g = Workbooks.rowOf(sh, "disaster_warning_coverage");
            Workbooks.set(sh, g, col(sh, "id"), "disaster_warning_coverge");
            Workbooks.set(sh, g, col(sh, "本年数值"), 95);
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        int[] rows = rows(x, "disaster_warning_coverge");
        assertTrue(r[2].contains("指标!B5: 未知的指标名称\"安全事故死亡率\"；是否指“safety_death_rate”（单位生产总值安全事故死亡率）？"), r[2]);
        assertTrue(r[2].contains("指标!C" + rows[0] + ": 未知的指标id“disaster_warning_coverge”；是否指“disaster_warning_coverage”"), r[2]);
    }

    @Test
    void theYearAndRegionAreRequired() throws Exception {
        Path x = template("y.xlsx");
        Workbooks.edit(x, wb -> {
            Sheet sh = wb.getSheet("指标");
            Workbooks.set(sh, 1, 3, "二〇二六");
            Workbooks.set(sh, 1, 1, null);
        });
        String[] r = check("zh", x);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("y.xlsx: 指标!D2: 年份应为1949至2030之间的整数，实为\"二〇二六\""), r[2]);
        assertTrue(r[2].contains("y.xlsx: 缺少“地区”（应在表头之上填写“地区”及其值，如：地区 | 垫江县）"), r[2]);
    }

    @Test
    void csvInGbkAndUtf8WithOrWithoutBomReadsAsTheWorkbook() throws Exception {
        String text = "地区,垫江县,年份,2026,填报单位,垫江县应急管理局,阶段,正式\r\n"
                + "序号,指标名称,id,单位,本年数值,备注\r\n"
                + "1,单位生产总值安全事故死亡率,safety_death_rate,人/亿元,0.011,\r\n"
                + "2,灾害预警信息公众覆盖率,,%,\"95.5\",\"含“村村响”广播, 短信\"\r\n"
                + ",,,,,\r\n";
        for (Object[] enc : new Object[][] {{"gbk.csv", Charset.forName("GBK"), false}, {"utf8.csv", StandardCharsets.UTF_8, false},
                {"bom.csv", StandardCharsets.UTF_8, true}}) {
            Path p = dir.resolve((String) enc[0]);
            byte[] body = text.getBytes((Charset) enc[1]);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if ((Boolean) enc[2]) {
                b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            b.write(body);
            Files.write(p, b.toByteArray());
            List<Finding> fs = ws.check(List.of(p)).report().findings();
            assertEquals(0, new BigDecimal("0.011").compareTo(verdict(fs, "safety_death_rate", 2026).actual()), p.toString());
            Finding cov = verdict(fs, "disaster_warning_coverage", 2026);
            assertEquals(0, new BigDecimal("95.5").compareTo(cov.actual()), p.toString());
            assertEquals("E4", cov.evidence().get(0).pointer(), "a CSV cell is named as Excel shows it");
        }
        // the same figures as JSON: the same verdicts
        Path json = TestSupport.submission(dir, "same.json", 2026, TestSupport.ind("safety_death_rate", "0.011", "人/亿元"),
                TestSupport.ind("disaster_warning_coverage", "95.5", "%"));
        assertEquals(SheetRoundTripTest.summary(ws.check(List.of(json)).report().findings()),
                SheetRoundTripTest.summary(ws.check(List.of(dir.resolve("gbk.csv"))).report().findings()));
    }

    @Test
    void filesThatAreNotWhatTheirNameSaysAreRefused() throws Exception {
        // an Excel 97-2003 workbook named .xlsx
        Path xls = dir.resolve("old.xlsx");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("指标");
            wb.write(out);
        }
        // text named .xlsx, a workbook named .json and .csv
        Path text = TestSupport.write(dir.resolve("text.xlsx"), "地区,垫江县\n");
        Path wbJson = dir.resolve("wb.json");
        Files.copy(template("t.xlsx"), wbJson);
        Path wbCsv = dir.resolve("wb.csv");
        Files.copy(dir.resolve("t.xlsx"), wbCsv);
        String[] r = check("zh", xls, text, wbJson, wbCsv);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains(Paths2.display(xls) + ": 这是Excel 97-2003格式（.xls）的文件：请在Excel中“另存为”Excel工作簿（.xlsx）后再核查"), r[2]);
        assertTrue(r[2].contains(Paths2.display(text) + ": 不是Excel工作簿（.xlsx）：文本文件"), r[2]);
        assertTrue(r[2].contains(Paths2.display(wbJson) + ": 这是Excel工作簿（压缩格式），不是JSON文本：请把扩展名改为.xlsx"), r[2]);
        assertTrue(r[2].contains(Paths2.display(wbCsv) + ": 这不是CSV文本，而是Excel工作簿（.xlsx）：请把扩展名改为.xlsx，或在Excel中“另存为”CSV"), r[2]);
        assertFalse(r[2].contains("Exception") || r[2].contains("\tat "), r[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")));
    }

    @Test
    void aWorkbookThatDecompressesToSomethingHugeIsRefused() throws Exception {
        Path ok = template("ok.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        // the same workbook with 64 MB of blanks inside its first sheet: a few kilobytes compressed
        try (ZipFile in = new ZipFile(ok.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            Enumeration<? extends ZipEntry> es = in.entries();
            while (es.hasMoreElements()) {
                ZipEntry e = es.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                    byte[] b = s.readAllBytes();
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String x = new String(b, StandardCharsets.UTF_8);
                        int at = x.indexOf("<sheetData>") + "<sheetData>".length();
                        out.write(x.substring(0, at).getBytes(StandardCharsets.UTF_8));
                        byte[] blanks = new byte[1 << 20];
                        java.util.Arrays.fill(blanks, (byte) ' ');
                        for (int i = 0; i < 64; i++) {
                            out.write(blanks);
                        }
                        out.write(x.substring(at).getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(b);
                    }
                }
                out.closeEntry();
            }
        }
        assertTrue(Files.size(bomb) < 1_000_000, "small on disk: " + Files.size(bomb));
        String[] r = check("zh", bomb);
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains(Paths2.display(bomb) + ": 工作簿解压后远大于文件本身（疑似“压缩炸弹”），已拒绝读取"), r[2]);
        String[] en = check("en", bomb);
        assertTrue(en[2].contains("the workbook decompresses to far more than its own size (a zip bomb?); refused"), en[2]);
        assertFalse(Files.exists(dir.resolve("out/report.json")));
    }

    @Test
    void aFolderIsSearchedForWorkbooksAndCsvButNotExcelsLockFiles() throws Exception {
        Path x = template("s.xlsx");
        Workbooks.edit(x, wb -> Workbooks.set(wb.getSheet("指标"), 4, col(wb.getSheet("指标"), "本年数值"), 0.011));
        Files.writeString(dir.resolve("~$s.xlsx"), "lock");
        List<plancheck.load.Submission> subs = Spreadsheets.read(ws, List.of(dir));
        assertEquals(1, subs.size());
        assertEquals(1, subs.get(0).indicators().size());
    }

    @Test
    void anUploadedWorkbookIsReadAsAFileIs() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("examples/example-safety-bureau-2026.xlsx"));
        plancheck.load.Submission s = ws.readUpload("应急管理局-2026.xlsx", bytes);
        assertEquals("应急管理局-2026.xlsx", s.file(), "named as uploaded");
        assertEquals(6, s.accidents().size());
        assertTrue(s.accidents().get(0).evidence().pointer().startsWith("生产安全事故!A4"), s.accidents().get(0).evidence().pointer());
        plancheck.load.InputException e = org.junit.jupiter.api.Assertions.assertThrows(plancheck.load.InputException.class,
                () -> ws.readUpload("x.json", bytes));
        assertTrue(e.problems().get(0).text().zh().contains("这是Excel工作簿（压缩格式），不是JSON文本"), e.problems().toString());
    }

    /** @return the Excel row numbers (1-based) of the ids in the indicators sheet */
    private static int[] rows(Path x, String... ids) throws IOException {
        try (InputStream in = Files.newInputStream(x); org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int[] out = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                out[i] = Workbooks.rowOf(wb.getSheet("指标"), ids[i]) + 1;
            }
            return out;
        }
    }

    @org.junit.jupiter.api.Test
    void aLibrarysMessageIsQuotedWithoutItsExceptionClassNames() {
        assertEquals("Unexpected end of file after null",
                plancheck.load.sheet.SheetReader.libraryWords(
                        "org.apache.xmlbeans.XmlException: java.io.IOException: Unexpected end of file after null"));
        assertEquals("a plain message: kept", plancheck.load.sheet.SheetReader.libraryWords("a plain message: kept"));
    }
}
