package plancheck.load.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.poifs.filesystem.FileMagic;

import plancheck.i18n.Msg;
import plancheck.load.Catalogue;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.load.Submission;
import plancheck.load.SubmissionReader;
import plancheck.model.Bounded;
import plancheck.model.Evidence;
import plancheck.model.PlanTarget;
import plancheck.model.Records;
import plancheck.model.Text;

/**
 * Reads a bureau's workbook (XLSX) or CSV file into the same {@link Submission} the JSON reader makes
 * (docs/spreadsheets.md). The particulars (地区, 年份, 填报单位, 阶段) are written above a table's
 * header; the sheet 指标 holds one row per indicator (id or 指标名称, 单位, 本年数值, 口径, 备注), and the
 * record sheets (生产安全事故, 水质监测, 空气质量日均值, 能源消费, 农作物产量) one row per record. A CSV file
 * holds one such table. Every value's evidence is its cell ({@code 指标!I7}; a record's row
 * {@code 生产安全事故!A5:H5}), and every problem names the cell and what was expected.
 *
 * <p>Read as a bureau writes: numbers stored as text, full-width digits and ％, thousands separators,
 * a percentage cell (0.125 shown as 12.5%), a formula (its computed value), merged cells (each cell of
 * the range takes the range's value), empty rows, columns in any order, sheets of the bureau's own
 * (ignored). A file that is not what its name says, a protected workbook or one that decompresses to
 * something huge is refused with a message, never a stack trace.
 */
public final class SheetReader {

    /** What a file holds, by its first bytes (not its name). */
    public enum Kind { TEXT, OOXML, OLE2, OTHER_BINARY }

    /** The most data rows read from one sheet (Excel's own limit). */
    public static final int MAX_ROWS = 1_048_576;

    /**
     * The most characters of one cell (Excel's own limit): the readers keep one character more, so a
     * longer cell (which only a program can write) is told apart and refused.
     */
    public static final int MAX_CELL_CHARS = 32_767;

    /** A row of totals typed under the records: 合计, 小计, 总计, 共计 (spaces removed, with or without a colon). */
    private static final java.util.regex.Pattern TOTALS = java.util.regex.Pattern.compile("(合计|小计|总计|共计):?");

    private final Catalogue catalogue;
    private final int lastYear;
    private final List<InputProblem> problems;

    /**
     * @param catalogue the plans' targets
     * @param lastYear  the latest year a submission may describe
     * @param problems  where problems go
     */
    public SheetReader(Catalogue catalogue, int lastYear, List<InputProblem> problems) {
        this.catalogue = catalogue;
        this.lastYear = lastYear;
        this.problems = problems;
    }

    /** The reader that knows the regions the plans cover (a region no plan covers is named at its cell). */
    private SubmissionReader regions;

    /**
     * @param r the submission reader whose regions apply
     * @return this reader
     */
    public SheetReader regions(SubmissionReader r) {
        this.regions = r;
        return this;
    }

    /** @return true for names of workbooks and CSV files: *.xlsx, *.xlsm, *.csv */
    public static boolean isSheetName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".csv");
    }

    /** @return what the file holds, by its first bytes */
    public static Kind kindOf(Path f) throws IOException {
        if (Files.size(f) == 0) {
            return Kind.TEXT; // an empty file: the text readers say it is empty (POI's check throws on it)
        }
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(f))) {
            return kind(FileMagic.valueOf(in));
        }
    }

    /** @return what the bytes hold, by the first of them */
    public static Kind kindOf(byte[] bytes) {
        if (bytes.length == 0) {
            return Kind.TEXT;
        }
        return kind(FileMagic.valueOf(bytes.length > 64 ? java.util.Arrays.copyOf(bytes, 64) : bytes));
    }

    private static Kind kind(FileMagic m) {
        return switch (m) {
            case OOXML -> Kind.OOXML;
            case OLE2 -> Kind.OLE2;
            case UNKNOWN, HTML, XML -> Kind.TEXT;
            default -> Kind.OTHER_BINARY;
        };
    }

    /**
     * Reads one file.
     *
     * @param f    the file
     * @param file its path as displayed
     * @param kind what its first bytes say it is
     * @return the submission, or null when it has problems (added to the list)
     */
    public Submission read(Path f, String file, Kind kind) throws IOException {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        boolean json = !isSheetName(name);
        if (json) {
            // a workbook (or other binary file) named .json
            problems.add(new InputProblem(file, 0, 0, "", Msg.text(kind == Kind.OLE2 ? "sheet.xls-not-json" : "sheet.zip-not-json")));
            return null;
        }
        if (csv && kind != Kind.TEXT) {
            problems.add(new InputProblem(file, 0, 0, "", Msg.text("sheet.binary-csv", "what",
                    Msg.text(kind == Kind.OOXML ? "sheet.what-xlsx" : kind == Kind.OLE2 ? "sheet.what-xls" : "sheet.what-other"))));
            return null;
        }
        if (!csv && kind == Kind.OLE2) {
            problems.add(new InputProblem(file, 0, 0, "", Msg.text(encrypted(f) ? "sheet.encrypted" : "sheet.is-xls")));
            return null;
        }
        if (!csv && kind != Kind.OOXML) {
            problems.add(new InputProblem(file, 0, 0, "", Msg.text("sheet.not-a-workbook", "detail",
                    Msg.text(kind == Kind.TEXT ? "sheet.what-text" : "sheet.what-other"))));
            return null;
        }
        Filing filing = new Filing(file);
        if (csv) {
            readCsv(f, filing);
        } else {
            readXlsx(f, filing);
        }
        return filing.submission(f);
    }

    /** Stops reading once the particulars are read. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * The region a workbook or CSV file names (地区 above its first table), read without its records,
     * to group the files of a run by region.
     *
     * @param f the file
     * @return its region, or null when it names none or cannot be read (reading it in full then says why)
     */
    public static String region(Path f) {
        String[] found = {null};
        int[] rows = {0};
        XlsxRows.RowSink sink = (row, cells) -> {
            List<Cell> list = new ArrayList<>(cells.values());
            for (int i = 0; i + 1 < list.size(); i++) {
                if (list.get(i).kind() == Cell.Kind.TEXT && "region".equals(Layout.metaKey(list.get(i).text()))
                        && !list.get(i + 1).blank()) {
                    found[0] = text(list.get(i + 1)).strip();
                    throw new Enough();
                }
            }
            if (++rows[0] > 30) {
                throw new Enough();
            }
        };
        try {
            if (f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                Charset cs = CsvRows.charset(f);
                if (cs != null) {
                    CsvRows.read(f, cs, 30, (line, cells) -> {
                        try {
                            sink.row(line, cells);
                            return true;
                        } catch (Enough e) {
                            return false;
                        }
                    });
                }
            } else if (kindOf(f) == Kind.OOXML) {
                try (XlsxRows x = new XlsxRows(f)) {
                    for (XlsxRows.SheetInfo s : x.sheets()) {
                        if (found[0] != null || s.name() == null || Layout.sheetNamed(s.name()) == null) {
                            continue;
                        }
                        rows[0] = 0;
                        try {
                            x.read(s, s.name(), sink);
                        } catch (Enough e) {
                            // the particulars are read
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return found[0];
    }

    private static boolean encrypted(Path f) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(f.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void readXlsx(Path f, Filing filing) {
        int before = problems.size();
        try (XlsxRows x = new XlsxRows(f)) {
            List<XlsxRows.SheetInfo> known = new ArrayList<>();
            for (XlsxRows.SheetInfo s : x.sheets()) {
                if (s.name() != null && Layout.sheetNamed(s.name()) != null) {
                    known.add(s);
                }
            }
            if (known.isEmpty()) {
                problems.add(new InputProblem(filing.file, 0, 0, "", Msg.text("sheet.no-sheet", "expected",
                        String.join("、", Layout.SHEETS.stream().map(Layout.Sheet::name).toList()),
                        "found", Bounded.cut(String.join("、", x.sheets().stream().map(XlsxRows.SheetInfo::name).toList())))));
                return;
            }
            // the indicators sheet first: it carries the particulars the records need (the year)
            known.sort(java.util.Comparator.comparingInt(s -> Layout.SHEETS.indexOf(Layout.sheetNamed(s.name()))));
            for (XlsxRows.SheetInfo s : known) {
                Table t = new Table(filing, Layout.sheetNamed(s.name()), s.name());
                x.read(s, s.name(), t::row);
                t.end();
            }
        } catch (IOException | RuntimeException e) {
            problems.subList(before, problems.size()).clear();
            problems.add(new InputProblem(filing.file, 0, 0, "", failure(e)));
            filing.broken = true;
        }
    }

    /** A failure of POI or of the zip layer, told as what it means for the user. */
    static Text failure(Throwable e) {
        String m = String.valueOf(e.getMessage());
        for (Throwable c = e; c != null; c = c.getCause()) {
            String cm = String.valueOf(c.getMessage());
            if (cm.contains("Zip bomb")) {
                return Msg.text("sheet.zip-bomb");
            }
            if (cm.contains("max entry size") || cm.contains("MaxEntrySize") || cm.contains("exceeds the maximum")) {
                return Msg.text("sheet.too-big", "max", (XlsxRows.MAX_ENTRY_BYTES >> 20) + " MiB");
            }
            if (c instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    || c instanceof org.apache.poi.openxml4j.exceptions.InvalidFormatException
                    || cm.contains("No valid entries or contents found")) {
                // POI names the temporary copy it read ("from file: '/tmp/…'"): the user's file is named already
                return Msg.text("sheet.not-a-workbook", "detail", Bounded.cut(cm.replaceAll(" from file: '[^']*'", "")));
            }
        }
        // the library's words, not its class names (a damaged zip or XML part says what it could not read)
        return Msg.text("sheet.unreadable", "detail", Bounded.cut(e.getMessage() == null ? e.getClass().getSimpleName()
                : libraryWords(m)));
    }

    private static final java.util.regex.Pattern CLASS_PREFIX = java.util.regex.Pattern.compile(
            "(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    /**
     * @param m a library's message
     * @return the message without the exception class names it quotes ("org.apache.xmlbeans.XmlException: …")
     */
    public static String libraryWords(String m) {
        return m == null ? "" : CLASS_PREFIX.matcher(m).replaceAll("");
    }

    private void readCsv(Path f, Filing filing) throws IOException {
        Charset cs = CsvRows.charset(f);
        if (cs == null) {
            problems.add(new InputProblem(filing.file, 0, 0, "", Msg.text("sheet.csv-encoding")));
            filing.broken = true;
            return;
        }
        Table[] table = new Table[1];
        List<SortedMap<Integer, Cell>> before = new ArrayList<>();
        int open = CsvRows.read(f, cs, MAX_ROWS, (line, cells) -> {
            if (table[0] == null) {
                before.add(cells);
                Layout.Sheet which = detect(cells);
                if (which != null) {
                    table[0] = new Table(filing, which, "");
                    before.forEach(c -> table[0].row(c.values().iterator().next().row(), c));
                    return true;
                }
                return before.size() < 30;
            }
            table[0].row(line, cells);
            return true;
        });
        if (open > 0) {
            problems.add(new InputProblem(filing.file, open, 0, "", Msg.text("sheet.csv-quote", "line", open)));
            filing.broken = true;
        }
        if (table[0] == null) {
            problems.add(new InputProblem(filing.file, 0, 0, "", Msg.text("sheet.no-table", "expected",
                    "序号, 指标名称, id, 单位, 本年数值 … / 事故编号, 发生日期, 死亡人数 …")));
            filing.broken = true;
            return;
        }
        table[0].end();
    }

    /** The table a CSV header row starts, or null when the row is no header. */
    private static Layout.Sheet detect(SortedMap<Integer, Cell> cells) {
        Layout.Sheet best = null;
        int bestN = 1;
        for (Layout.Sheet s : Layout.SHEETS) {
            int n = 0;
            boolean keys = true;
            for (Cell c : cells.values()) {
                Layout.Column col = s.byHeader(c.text());
                if (col != null && !col.key().equals("note") && !col.key().equals("result")) {
                    n++;
                }
            }
            for (Layout.Column col : s.columns()) {
                if (col.required() && cells.values().stream().noneMatch(c -> col.matches(c.text()))) {
                    keys = false;
                }
            }
            if (s == Layout.INDICATORS) {
                keys = cells.values().stream().anyMatch(c -> s.column("value").matches(c.text()));
            }
            if (keys && n > bestN) {
                best = s;
                bestN = n;
            }
        }
        return best;
    }

    // ---- one filing: the particulars and the values of every table of a file ----------------

    /** What one file holds, gathered table by table. */
    private final class Filing {
        final String file;
        final Map<String, Cell> meta = new LinkedHashMap<>();
        final List<Submission.IndicatorValue> indicators = new ArrayList<>();
        final List<Records.WaterSample> water = new ArrayList<>();
        final List<Records.AirDay> air = new ArrayList<>();
        final List<Records.Accident> accidents = new ArrayList<>();
        final List<Records.EnergyUse> energy = new ArrayList<>();
        final List<Records.CropOutput> crops = new ArrayList<>();
        final int start = problems.size();
        boolean broken;
        Integer year;
        String stage = "final";

        Filing(String file) {
            this.file = file;
        }

        void err(String where, Text t) {
            problems.add(new InputProblem(file, 0, 0, where, t));
        }

        /** A particular written above a table: the first one counts, a different one later is a problem. */
        void meta(String key, Cell value) {
            Cell prev = meta.putIfAbsent(key, value);
            if (prev != null && !Layout.norm(text(prev)).equals(Layout.norm(text(value)))) {
                err(value.where(), Msg.text("sheet.meta-conflict", "label", label(key), "first", Bounded.quote(text(prev)),
                        "at", prev.where(), "second", Bounded.quote(text(value))));
            }
            if (key.equals("year") && year == null) {
                year = year(value);
            }
            if (key.equals("stage") && prev == null) {
                String s = text(value);
                String k = null;
                for (String c : Layout.STAGES) {
                    String[] kv = c.split("=", 2);
                    if (Layout.norm(s).equals(Layout.norm(kv[0]))) {
                        k = kv[1];
                    }
                }
                if (k == null) {
                    err(value.where(), Msg.text("sheet.stage", "found", Bounded.quote(s)));
                } else {
                    stage = k;
                }
            }
        }

        private Integer year(Cell c) {
            String s = Layout.norm(text(c)).replaceAll("年(度)?$", "");
            try {
                BigDecimal d = new BigDecimal(s);
                int y = d.intValueExact();
                if (y >= 1949 && y <= lastYear) {
                    return y;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // said below
            }
            err(c.where(), Msg.text("sheet.year", "min", 1949, "max", lastYear, "found", Bounded.quote(text(c))));
            return null;
        }

        Submission submission(Path f) throws IOException {
            if (broken) {
                return null;
            }
            String region = meta.containsKey("region") ? text(meta.get("region")) : null;
            if (region == null || region.isBlank()) {
                err("", Msg.text("sheet.missing-meta", "label", "地区", "example", "地区 | 垫江县"));
            }
            plancheck.model.Text uncovered = regions == null || region == null || region.isBlank() ? null
                    : regions.uncovered(region.strip());
            if (uncovered != null) {
                err(meta.get("region").where(), uncovered);
            }
            if (!meta.containsKey("year")) {
                err("", Msg.text("sheet.missing-meta", "label", "年份", "example", "年份 | 2026"));
            }
            if (problems.size() > start) {
                return null;
            }
            String submitter = meta.containsKey("submitter") ? text(meta.get("submitter")) : null;
            return new Submission(file, Paths2.sha256(f), region.strip(), year, submitter, stage, List.copyOf(indicators),
                    List.copyOf(water), List.copyOf(air), List.copyOf(accidents), List.copyOf(energy), List.copyOf(crops));
        }
    }

    private static String label(String key) {
        for (String[] m : Layout.META) {
            if (m[0].equals(key)) {
                return m[1];
            }
        }
        return key;
    }

    // ---- one table: header, particulars above it, rows below it ------------------------------

    /** One table of a file: finds its header, reads the particulars above it and its rows. */
    private final class Table {
        final Filing filing;
        final Layout.Sheet layout;
        final String sheet;
        final Map<Integer, Layout.Column> columns = new TreeMap<>();
        int headerRow;
        int firstCol = Integer.MAX_VALUE;
        int lastCol;
        int rows;
        boolean tooMany;

        Table(Filing filing, Layout.Sheet layout, String sheet) {
            this.filing = filing;
            this.layout = layout;
            this.sheet = sheet;
        }

        void row(int row, SortedMap<Integer, Cell> cells) {
            if (headerRow == 0) {
                above(cells);
                return;
            }
            if (++rows > MAX_ROWS) {
                if (!tooMany) {
                    filing.err(Cell.at(sheet, "A" + row), Msg.text("sheet.too-many-rows", "max", MAX_ROWS));
                    tooMany = true;
                }
                return;
            }
            Map<String, Cell> v = new LinkedHashMap<>();
            boolean tooLong = false;
            for (Map.Entry<Integer, Layout.Column> e : columns.entrySet()) {
                Cell c = cells.get(e.getKey());
                if (c != null && !c.blank()) {
                    v.put(e.getValue().key(), c);
                    if (c.text() != null && c.text().length() > MAX_CELL_CHARS && !e.getValue().key().equals("result")) {
                        filing.err(c.where(), Msg.text("sheet.cell-too-long", "max", MAX_CELL_CHARS));
                        tooLong = true;
                    }
                }
            }
            if (tooLong || v.isEmpty() || v.keySet().stream().allMatch(k -> k.equals("result") || k.equals("no"))) {
                return; // an empty row, or one with only a number or a former check result
            }
            for (Cell c : v.values()) {
                if (layout != Layout.INDICATORS && c.kind() == Cell.Kind.TEXT && c.text().length() <= 8 && c.text().indexOf('计') >= 0
                        && TOTALS.matcher(Layout.norm(c.text())).matches()) {
                    filing.err(c.where(), Msg.text("sheet.totals-row", "found", Bounded.quote(c.text()), "row", row));
                    return;
                }
            }
            String rowRef = Cell.at(sheet, org.apache.poi.ss.util.CellReference.convertNumToColString(firstCol) + row + ":"
                    + org.apache.poi.ss.util.CellReference.convertNumToColString(lastCol) + row);
            switch (layout.list()) {
                case "indicators" -> indicator(row, v);
                case "accidents" -> accident(row, v, rowRef);
                case "waterSamples" -> water(row, v, rowRef);
                case "airDaily" -> air(row, v, rowRef);
                case "energyUse" -> energy(row, v, rowRef);
                case "cropOutput" -> crop(row, v, rowRef);
                default -> { }
            }
        }

        /** A row above the header: particulars (label | value pairs), or the header itself. */
        private void above(SortedMap<Integer, Cell> cells) {
            Map<Integer, Layout.Column> found = new TreeMap<>();
            List<Cell[]> twice = new ArrayList<>();
            for (Map.Entry<Integer, Cell> e : cells.entrySet()) {
                Layout.Column c = e.getValue().kind() == Cell.Kind.TEXT ? layout.byHeader(e.getValue().text()) : null;
                if (c != null && !found.containsValue(c)) {
                    found.put(e.getKey(), c);
                } else if (c != null && !c.key().equals("result")) {
                    found.entrySet().stream().filter(f -> f.getValue() == c).findFirst()
                            .ifPresent(f -> twice.add(new Cell[] {cells.get(f.getKey()), e.getValue()}));
                }
            }
            boolean header = layout == Layout.INDICATORS
                    ? found.containsValue(layout.column("value")) && (found.containsValue(layout.column("id"))
                    || found.containsValue(layout.column("name")))
                    : found.size() >= 2 && layout.columns().stream().filter(Layout.Column::required)
                    .allMatch(found::containsValue);
            if (header && !twice.isEmpty()) {
                // two columns of one name (an old one hidden, a new one added): which one holds the figures?
                for (Cell[] t : twice) {
                    filing.err(t[1].where(), Msg.text("sheet.duplicate-column", "column", Bounded.quote(t[1].text()),
                            "first", t[0].ref(), "second", t[1].ref()));
                }
                headerRow = -1; // reported: the rows below are not read
                return;
            }
            if (header) {
                columns.putAll(found);
                headerRow = cells.values().iterator().next().row();
                firstCol = cells.firstKey();
                lastCol = cells.lastKey();
                return;
            }
            List<Cell> list = new ArrayList<>(cells.values());
            for (int i = 0; i < list.size(); i++) {
                String key = list.get(i).kind() == Cell.Kind.TEXT ? Layout.metaKey(list.get(i).text()) : null;
                if (key != null) {
                    for (int j = i + 1; j < list.size(); j++) {
                        if (Layout.metaKey(text(list.get(j))) != null) {
                            break;
                        }
                        if (!list.get(j).blank()) {
                            filing.meta(key, list.get(j));
                            break;
                        }
                    }
                }
            }
            // a header that names some columns but misses a required one
            if (found.size() >= 3) {
                for (Layout.Column c : layout.columns()) {
                    if ((c.required() || layout == Layout.INDICATORS && c.key().equals("value")) && !found.containsValue(c)) {
                        filing.err(Cell.at(sheet, "A" + cells.values().iterator().next().row()), Msg.text("sheet.missing-column",
                                "column", c.header(), "row", cells.values().iterator().next().row(), "found",
                                Bounded.cut(String.join("、", cells.values().stream().map(SheetReader::text).toList()))));
                    }
                }
                headerRow = -1; // reported: the rows below are not read
            }
        }

        void end() {
            if (headerRow == 0) {
                String expected = String.join("、", layout.columns().stream()
                        .filter(c -> c.required() || c.key().equals("value") && layout == Layout.INDICATORS
                                || c.key().equals("id") && layout == Layout.INDICATORS).map(Layout.Column::header).toList());
                filing.err(sheet, Msg.text("sheet.no-header", "sheet", sheet.isEmpty() ? layout.name() : sheet,
                        "expected", expected));
            }
        }

        // ---- the rows ----------------------------------------------------------------------

        private void indicator(int row, Map<String, Cell> v) {
            Cell idc = v.get("id");
            Cell namec = v.get("name");
            Cell valc = v.get("value");
            Cell unitc = v.get("unit");
            Cell notec = v.get("note");
            String note = notec == null ? null : text(notec);
            if (valc == null && note == null) {
                return; // not filled in: not submitted
            }
            String id = null;
            if (idc != null) {
                id = text(idc).strip();
                if (!catalogue.knows(id)) {
                    filing.err(idc.where(), new SubmissionReader(catalogue, lastYear).unknownId(id));
                    return;
                }
            } else if (namec != null) {
                id = catalogue.idOfName(text(namec));
                if (id == null) {
                    List<String> near = catalogue.similar(text(namec), 1);
                    Text sug = near.isEmpty() ? new Text("", "") : Msg.text("input.did-you-mean", "id", near.get(0),
                            "name", catalogue.target(near.get(0)) == null ? new Text(near.get(0), near.get(0))
                                    : catalogue.target(near.get(0)).name());
                    filing.err(namec.where(), Msg.text("sheet.unknown-name", "found", Bounded.quote(text(namec)),
                            "suggestion", sug));
                    return;
                }
            } else {
                filing.err((valc != null ? valc : notec).where(), Msg.text("sheet.missing-indicator"));
                return;
            }
            PlanTarget t = catalogue.target(id);
            String where = valc != null ? valc.where() : Cell.at(sheet, org.apache.poi.ss.util.CellReference
                    .convertNumToColString(colOf("value", notec.col())) + row);
            String unit = unitc == null ? null : text(unitc).strip();
            SubmissionReader sr = new SubmissionReader(catalogue, lastYear);
            if (unit == null || unit.isEmpty()) {
                if (sr.unitMayBeOmitted(id)) {
                    unit = sr.printedUnit(id);
                } else if (valc != null && !none(valc)) {
                    filing.err(unitc != null ? unitc.where() : Cell.at(sheet, org.apache.poi.ss.util.CellReference
                            .convertNumToColString(colOf("unit", valc.col())) + row), Msg.text("sheet.missing-unit", "name",
                            t == null ? new Text(id, id) : t.name(), "unit", t == null ? "?" : t.unit()));
                    return;
                } else {
                    unit = t == null ? "" : t.unit();
                }
            }
            BigDecimal value = null;
            if (valc != null && !none(valc)) {
                Num n = number(valc, filing);
                if (n == null) {
                    return;
                }
                value = n.value;
                if (n.percent) {
                    String u = java.text.Normalizer.normalize(unit, java.text.Normalizer.Form.NFKC);
                    if (!u.equals("%")) {
                        filing.err(valc.where(), Msg.text("sheet.percent-unit", "found", Bounded.quote(text(valc)), "unit", unit));
                        return;
                    }
                }
            } else if (valc != null && note == null) {
                note = text(valc); // "——" as the plan writes it: stated that there is none
            }
            String caliber = null;
            Cell calc = v.get("caliber");
            if (calc != null) {
                caliber = sr.caliber(id, text(calc), msg -> filing.err(calc.where(), msg));
                if (caliber == null) {
                    return;
                }
            }
            filing.indicators.add(new Submission.IndicatorValue(id, value, unit, caliber, where, note));
        }

        private int colOf(String key, int dflt) {
            for (Map.Entry<Integer, Layout.Column> e : columns.entrySet()) {
                if (e.getValue().key().equals(key)) {
                    return e.getKey();
                }
            }
            return dflt;
        }

        private int year() {
            return filing.year == null ? 0 : filing.year;
        }

        private boolean missing(Map<String, Cell> v, int row, String... keys) {
            boolean bad = false;
            for (String k : keys) {
                if (!v.containsKey(k)) {
                    Layout.Column c = layout.column(k);
                    filing.err(Cell.at(sheet, org.apache.poi.ss.util.CellReference.convertNumToColString(colOf(k, 0)) + row),
                            Msg.text("sheet.missing-cell", "column", c.header()));
                    bad = true;
                }
            }
            return bad;
        }

        private void accident(int row, Map<String, Cell> v, String rowRef) {
            if (missing(v, row, "id", "date", "deaths")) {
                return;
            }
            int before = problems.size();
            String date = date(v.get("date"), filing);
            Integer deaths = integer(v.get("deaths"), filing);
            Integer inj = v.containsKey("seriousInjuries") ? integer(v.get("seriousInjuries"), filing) : Integer.valueOf(0);
            BigDecimal loss = BigDecimal.ZERO;
            if (v.containsKey("directLossYuan")) {
                Num n = number(v.get("directLossYuan"), filing);
                loss = n == null ? null : n.value;
            } else if (v.containsKey("directLossWan")) {
                Num n = number(v.get("directLossWan"), filing);
                loss = n == null ? null : n.value.multiply(BigDecimal.valueOf(10_000)).stripTrailingZeros();
            }
            if (problems.size() > before) {
                return;
            }
            filing.accidents.add(new Records.Accident(text(v.get("id")).strip(), date, year(),
                    v.containsKey("sector") ? text(v.get("sector")).strip() : null, deaths, inj, plainScale(loss),
                    new Evidence(filing.file, rowRef)));
        }

        private void water(int row, Map<String, Cell> v, String rowRef) {
            if (missing(v, row, "section", "waterbody", "month")) {
                return;
            }
            int before = problems.size();
            String body = choice(v.get("waterbody"), filing);
            String control = v.containsKey("control") ? choice(v.get("control"), filing) : null;
            String month = month(v.get("month"), year(), filing);
            SortedMap<String, BigDecimal> values = items(v, filing);
            if (problems.size() > before) {
                return;
            }
            filing.water.add(new Records.WaterSample(text(v.get("section")).strip(),
                    v.containsKey("river") ? text(v.get("river")).strip() : null, body, control, month, year(), values,
                    new Evidence(filing.file, rowRef)));
        }

        private void air(int row, Map<String, Cell> v, String rowRef) {
            if (missing(v, row, "station", "date")) {
                return;
            }
            int before = problems.size();
            String date = date(v.get("date"), filing);
            SortedMap<String, BigDecimal> values = items(v, filing);
            if (problems.size() > before) {
                return;
            }
            filing.air.add(new Records.AirDay(text(v.get("station")).strip(), date, year(), values, new TreeMap<>(),
                    false, null, new Evidence(filing.file, rowRef)));
        }

        private SortedMap<String, BigDecimal> items(Map<String, Cell> v, Filing filing) {
            SortedMap<String, BigDecimal> values = new TreeMap<>();
            for (Map.Entry<String, Cell> e : v.entrySet()) {
                if (e.getKey().startsWith("item:")) {
                    Num n = number(e.getValue(), filing);
                    if (n != null) {
                        values.put(e.getKey().substring(5), plainScale(n.value));
                    }
                }
            }
            return values;
        }

        private void energy(int row, Map<String, Cell> v, String rowRef) {
            if (missing(v, row, "carrier", "quantity", "unit")) {
                return;
            }
            Num q = number(v.get("quantity"), filing);
            if (q == null) {
                return;
            }
            filing.energy.add(new Records.EnergyUse(text(v.get("carrier")).strip(), plainScale(q.value),
                    text(v.get("unit")).strip(), year(), new Evidence(filing.file, rowRef)));
        }

        private void crop(int row, Map<String, Cell> v, String rowRef) {
            if (missing(v, row, "crop", "quantity", "unit")) {
                return;
            }
            int before = problems.size();
            Num q = number(v.get("quantity"), filing);
            String basis = v.containsKey("basis") ? choice(v.get("basis"), filing) : "grain";
            if (problems.size() > before || q == null) {
                return;
            }
            filing.crops.add(new Records.CropOutput(text(v.get("crop")).strip(), plainScale(q.value),
                    text(v.get("unit")).strip(), basis, year(), filing.stage, new Evidence(filing.file, rowRef)));
        }

        private String choice(Cell c, Filing filing) {
            Layout.Column col = columns.get(c.col());
            String k = col.choice(text(c));
            if (k == null) {
                filing.err(c.where(), Msg.text("sheet.choice", "column", col.header(), "allowed",
                        String.join("、", col.written()), "found", Bounded.quote(text(c))));
            }
            return k;
        }
    }

    // ---- cell values ---------------------------------------------------------------------------

    /** A number read from a cell, and whether it was written or shown as a percentage. */
    record Num(BigDecimal value, boolean percent) {}

    /** @return the cell's text as a person sees it (a number in plain notation) */
    static String text(Cell c) {
        if (c.kind() == Cell.Kind.NUMBER && !c.date()) {
            try {
                return plainScale(stored(c.text())).toPlainString();
            } catch (NumberFormatException e) {
                return c.text();
            }
        }
        return c.text() == null ? "" : c.text();
    }

    /** "——", "—", "-", "/", "无": the plan's way of saying there is no value. */
    private static boolean none(Cell c) {
        return c.kind() == Cell.Kind.TEXT && Layout.norm(c.text()).matches("[—–\\-/]+|无|暂无|na|n/a");
    }

    /** A number as the file stores it (Excel keeps 17 digits: 0.011 may be 1.0999999999999999E-2): 15 significant digits. */
    private static BigDecimal stored(String s) {
        return new BigDecimal(s.trim()).round(new MathContext(15)).stripTrailingZeros();
    }

    /** No exponent: 1E+3 becomes 1000. */
    private static BigDecimal plainScale(BigDecimal d) {
        if (d == null) {
            return null;
        }
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A ratio written as the plan writes it, to one: 1.98:1 (full-width colons are normalised before). */
    private static final java.util.regex.Pattern TO_ONE = java.util.regex.Pattern.compile("([+-]?\\d+(?:\\.\\d+)?):1(?:\\.0+)?");

    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** Reads a number: a numeric cell (a percentage cell ×100, decimals as its format shows), or text. */
    private Num number(Cell c, Filing filing) {
        switch (c.kind()) {
            case NUMBER -> {
                if (c.date()) {
                    filing.err(c.where(), Msg.text("sheet.expected-number", "found", Bounded.quote(c.text())));
                    return null;
                }
                BigDecimal d;
                try {
                    d = stored(c.text());
                } catch (NumberFormatException e) {
                    filing.err(c.where(), Msg.text("sheet.expected-number", "found", Bounded.quote(c.text())));
                    return null;
                }
                String f = c.format() == null ? "" : c.format();
                boolean pct = f.contains("%") && !f.contains("\"%\"");
                if (pct) {
                    d = d.movePointRight(2).stripTrailingZeros();
                }
                int shown = decimals(f);
                if (shown > Math.max(0, d.scale()) && shown <= 10) {
                    d = d.setScale(shown);
                }
                return checked(d, pct, c, filing);
            }
            case TEXT -> {
                String s = java.text.Normalizer.normalize(c.text(), java.text.Normalizer.Form.NFKC).strip()
                        .replace(" ", "").replace("\u00A0", "");
                boolean pct = s.endsWith("%");
                if (pct) {
                    s = s.substring(0, s.length() - 1);
                }
                if (THOUSANDS.matcher(s).matches()) {
                    s = s.replace(",", "");
                }
                java.util.regex.Matcher ratio = TO_ONE.matcher(s);
                if (!pct && ratio.matches()) {
                    s = ratio.group(1); // 1.95:1, as the plan prints the urban-rural income ratio
                }
                try {
                    return checked(new BigDecimal(s), pct, c, filing);
                } catch (NumberFormatException e) {
                    filing.err(c.where(), Msg.text("sheet.expected-number", "found", Bounded.quote(c.text())));
                    return null;
                }
            }
            case BOOLEAN -> filing.err(c.where(), Msg.text("sheet.boolean", "found", c.text()));
            case ERROR -> filing.err(c.where(), Msg.text("sheet.formula-error", "found", Bounded.quote(c.text())));
            case FORMULA_WITHOUT_VALUE -> filing.err(c.where(), Msg.text("sheet.formula-no-value"));
            default -> { }
        }
        return null;
    }

    /**
     * The number if it is in range, judged before it is written out in full (1e999999999 would have a
     * billion digits); the problem quotes the cell as it was typed.
     */
    private Num checked(BigDecimal d, boolean pct, Cell c, Filing filing) {
        if (!SubmissionReader.inRange(d)) {
            filing.err(c.where(), Msg.text("input.out-of-range", "found", Bounded.quote(c.text())));
            return null;
        }
        return new Num(plainScale(d), pct);
    }

    /** The decimals a number format shows: 0.000 → 3, 0.0% → 1, General → 0. */
    private static int decimals(String f) {
        int dot = f.indexOf('.');
        if (dot < 0) {
            return 0;
        }
        int n = 0;
        for (int i = dot + 1; i < f.length() && (f.charAt(i) == '0' || f.charAt(i) == '#'); i++) {
            if (f.charAt(i) == '0') {
                n++;
            }
        }
        return n;
    }

    private Integer integer(Cell c, Filing filing) {
        Num n = number(c, filing);
        if (n == null) {
            return null;
        }
        try {
            return n.value.intValueExact();
        } catch (ArithmeticException e) {
            filing.err(c.where(), Msg.text("sheet.integer", "found", plancheck.model.Numbers.bounded(n.value)));
            return null;
        }
    }

    private static final java.util.regex.Pattern YMD = java.util.regex.Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final java.util.regex.Pattern YM = java.util.regex.Pattern.compile("(\\d{4})[-/.年](\\d{1,2})月?");

    private String date(Cell c, Filing filing) {
        String s = c.kind() == Cell.Kind.NUMBER && c.date() ? c.text() : Layout.norm(text(c));
        if (s.length() > 10 && s.charAt(10) == 'T') {
            s = s.substring(0, 10); // a date with a time of day
        }
        java.util.regex.Matcher m = YMD.matcher(s);
        if (m.matches()) {
            try {
                return java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString();
            } catch (java.time.DateTimeException e) {
                // said below
            }
        }
        filing.err(c.where(), Msg.text("sheet.date", "found", Bounded.quote(text(c))));
        return null;
    }

    private String month(Cell c, int year, Filing filing) {
        String s = c.kind() == Cell.Kind.NUMBER && c.date() ? c.text() : Layout.norm(text(c));
        java.util.regex.Matcher m = YMD.matcher(s);
        java.util.regex.Matcher ym = YM.matcher(s);
        int y = 0;
        int mo = 0;
        if (m.matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
        } else if (ym.matches()) {
            y = Integer.parseInt(ym.group(1));
            mo = Integer.parseInt(ym.group(2));
        } else if (s.matches("\\d{1,2}月?") && year > 0) {
            y = year;
            mo = Integer.parseInt(s.replace("月", ""));
        }
        if (y > 0 && mo >= 1 && mo <= 12) {
            return String.format(java.util.Locale.ROOT, "%04d-%02d", y, mo);
        }
        filing.err(c.where(), Msg.text("sheet.month", "found", Bounded.quote(text(c))));
        return null;
    }
}
