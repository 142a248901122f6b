package plancheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import plancheck.load.Catalogue;
import plancheck.load.RuleSet;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;

/**
 * {@code plancheck bench sheets [--accidents N] [--water N] [--runs N]}: writes a workbook of 50,000
 * accident rows and one of 100,000 water-sample rows (in the layout of {@code plancheck template}) and
 * reads them, printing time and peak heap side by side with a plain baseline in the same run: POI's own
 * streaming reader (XSSFReader with XSSFSheetXMLHandler) counting the cells. The difference is what
 * plancheck adds: recognising the columns, checking every cell and building the records. Nothing is
 * asserted; the figures go into the README.
 */
@Command(name = "sheets", mixinStandardHelpOptions = true,
        description = "Measure reading large workbooks (50,000 accidents, 100,000 water samples) against POI's streaming reader.")
public final class BenchSheetsCommand implements Callable<Integer> {

    @Option(names = "--accidents", paramLabel = "N", defaultValue = "50000", description = "accident rows (default: ${DEFAULT-VALUE})")
    int accidents;

    @Option(names = "--water", paramLabel = "N", defaultValue = "100000", description = "water-sample rows (default: ${DEFAULT-VALUE})")
    int water;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "measured runs of each reader (default: ${DEFAULT-VALUE})")
    int runs;

    @picocli.CommandLine.Mixin
    RulesOptions opts;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || accidents < 1 || water < 1) {
            System.err.println("plancheck bench sheets: --runs, --accidents and --water take whole numbers ≥ 1");
            return Main.EXIT_INPUT;
        }
        RuleSet rs = opts.load();
        Path dir = Files.createTempDirectory("plancheck-bench-sheets");
        try {
            Path acc = dir.resolve("accidents-" + accidents + ".xlsx");
            Path wat = dir.resolve("water-" + water + ".xlsx");
            long t0 = System.nanoTime();
            writeAccidents(acc, accidents);
            double wa = ms(t0);
            t0 = System.nanoTime();
            writeWater(wat, water);
            double ww = ms(t0);
            System.out.printf("plancheck bench sheets: %d measured run(s) of each reader; max heap %.0f MiB%n", runs,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            System.out.printf("  written (SXSSF): %,d accident rows %.1f MiB in %.0f ms; %,d water-sample rows %.1f MiB in %.0f ms%n",
                    accidents, Files.size(acc) / 1048576.0, wa, water, Files.size(wat) / 1048576.0, ww);
            for (Path p : List.of(acc, wat)) {
                measure(p, rs);
            }
            return 0;
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void measure(Path p, RuleSet rs) throws Exception {
        List<Double> base = new ArrayList<>();
        List<Double> mine = new ArrayList<>();
        long basePeak = 0;
        long minePeak = 0;
        long cells = 0;
        int records = 0;
        for (int i = 0; i < runs + 1; i++) {
            resetPeak();
            long t = System.nanoTime();
            cells = countCells(p);
            double b = ms(t);
            long bp = peak();
            resetPeak();
            t = System.nanoTime();
            List<Submission> subs = new SubmissionReader(Catalogue.of(rs), rs.targetYear()).readAll(List.of(p));
            double m = ms(t);
            long mp = peak();
            records = subs.get(0).accidents().size() + subs.get(0).water().size();
            subs = null;
            if (i > 0) { // the first run warms the JVM up
                base.add(b);
                mine.add(m);
                basePeak = Math.max(basePeak, bp);
                minePeak = Math.max(minePeak, mp);
            }
        }
        System.out.printf("  %s: %,d cells, %,d records%n", p.getFileName(), cells, records);
        System.out.printf("    POI streaming reader, counting cells   median %7.0f ms  peak heap %6.1f MiB%n", median(base), basePeak / 1048576.0);
        System.out.printf("    plancheck reader, records checked      median %7.0f ms  peak heap %6.1f MiB%n", median(mine), minePeak / 1048576.0);
    }

    /** The baseline: POI's event API reads every cell of every sheet and counts it. */
    static long countCells(Path p) throws Exception {
        long[] n = {0};
        try (OPCPackage pkg = OPCPackage.open(p.toFile(), PackageAccess.READ)) {
            XSSFReader r = new XSSFReader(pkg);
            ReadOnlySharedStringsTable sst = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) r.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    XMLReader x = XMLHelper.newXMLReader();
                    x.setContentHandler(new XSSFSheetXMLHandler(r.getStylesTable(), sst, new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) { }

                        @Override
                        public void endRow(int rowNum) { }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            n[0]++;
                        }
                    }, false));
                    x.parse(new InputSource(in));
                }
            }
        }
        return n[0];
    }

    private static void particulars(SXSSFWorkbook wb, String submitter) {
        Sheet ind = wb.createSheet("指标");
        Row m = ind.createRow(1);
        String[] kv = {"地区", "垫江县", "年份", "2026", "填报单位", submitter, "阶段", "正式"};
        for (int i = 0; i < kv.length; i++) {
            m.createCell(i).setCellValue(kv[i]);
        }
        header(ind, 3, "序号", "指标名称", "id", "单位", "本年数值", "备注");
    }

    private static void header(Sheet s, int row, String... names) {
        Row h = s.createRow(row);
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
    }

    /** Writes a workbook as a stream: the particulars' sheet, then what {@code fill} adds. */
    private static void write(Path p, String submitter, java.util.function.Consumer<SXSSFWorkbook> fill) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try (OutputStream out = Files.newOutputStream(p)) {
            wb.setCompressTempFiles(true);
            particulars(wb, submitter);
            fill.accept(wb);
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    static void writeAccidents(Path p, int n) throws IOException {
        write(p, "垫江县应急管理局", wb -> {
            Sheet s = wb.createSheet("生产安全事故");
            header(s, 2, "事故编号", "发生日期", "行业领域", "死亡人数（含失踪）", "重伤人数（含急性工业中毒）", "直接经济损失（元）");
            String[] sectors = {"建筑施工", "道路运输", "工贸", "危险化学品", "城镇燃气"};
            java.util.Random rnd = new java.util.Random(2026);
            for (int i = 0; i < n; i++) {
                Row r = s.createRow(3 + i);
                r.createCell(0).setCellValue(String.format("2026-%06d", i + 1));
                r.createCell(1).setCellValue(String.format("2026-%02d-%02d", 1 + i % 12, 1 + i % 28));
                r.createCell(2).setCellValue(sectors[i % sectors.length]);
                r.createCell(3).setCellValue(rnd.nextInt(3));
                r.createCell(4).setCellValue(rnd.nextInt(4));
                r.createCell(5).setCellValue(20_000 + rnd.nextInt(3_000_000));
            }
        });
    }

    static void writeWater(Path p, int n) throws IOException {
        write(p, "垫江县生态环境局", wb -> {
            Sheet s = wb.createSheet("水质监测");
            header(s, 2, "断面", "河流", "水体类型", "控制级别", "监测月份", "pH值（pH）", "溶解氧（DO）", "高锰酸盐指数（CODMn）",
                    "化学需氧量（COD）", "五日生化需氧量（BOD5）", "氨氮（NH3-N）", "总磷（TP）", "总氮（TN）");
            java.util.Random rnd = new java.util.Random(3838);
            for (int i = 0; i < n; i++) {
                Row r = s.createRow(3 + i);
                r.createCell(0).setCellValue(String.format("S%05d", i / 12 + 1));
                r.createCell(1).setCellValue("龙溪河");
                r.createCell(2).setCellValue(i % 10 == 0 ? "湖库" : "河流");
                r.createCell(3).setCellValue(i % 3 == 0 ? "国控" : "市控");
                r.createCell(4).setCellValue(String.format("2026-%02d", i % 12 + 1));
                r.createCell(5).setCellValue(6.5 + rnd.nextInt(20) / 10.0);
                r.createCell(6).setCellValue(5 + rnd.nextInt(40) / 10.0);
                r.createCell(7).setCellValue(2 + rnd.nextInt(40) / 10.0);
                r.createCell(8).setCellValue(10 + rnd.nextInt(100) / 10.0);
                r.createCell(9).setCellValue(2 + rnd.nextInt(20) / 10.0);
                r.createCell(10).setCellValue(0.1 + rnd.nextInt(90) / 100.0);
                r.createCell(11).setCellValue(0.02 + rnd.nextInt(18) / 100.0);
                r.createCell(12).setCellValue(0.3 + rnd.nextInt(90) / 100.0);
            }
        });
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long n = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                n += p.getPeakUsage().getUsed();
            }
        }
        return n;
    }

    private static double ms(long since) {
        return BenchCommand.ms(since);
    }

    private static double median(List<Double> xs) {
        return BenchCommand.median(xs);
    }
}
