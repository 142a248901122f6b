package plancheck.load.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the rows of an XLSX workbook's sheets as a stream (POI's event API: the sheet's XML is parsed
 * with SAX, never held as a tree), so that a sheet of 100,000 rows is read in memory bounded by what
 * the rows hold. Cells keep the text the file stores (a formula: its cached value) and their number
 * format; the cells of a merged range all take the value of its first cell.
 *
 * <p>Zip bombs are refused by POI's {@link ZipSecureFile} limits, set here for the whole process: an
 * entry may not decompress to more than {@link #MAX_ENTRY_BYTES} nor to more than 100 times its
 * compressed size.
 */
final class XlsxRows implements AutoCloseable {

    /** The most bytes one part of a workbook (a sheet's XML) may decompress to: 256 MiB. */
    static final long MAX_ENTRY_BYTES = 256L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** A sheet of the workbook, in the workbook's order. */
    record SheetInfo(String name, String relId, boolean hidden) {}

    /** Receives the rows of a sheet, in order; rows without any cell are not delivered. */
    interface RowSink {
        /**
         * @param row   1-based row number
         * @param cells column (0-based) → cell
         */
        void row(int row, SortedMap<Integer, Cell> cells);
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final StylesTable styles;
    private ReadOnlySharedStringsTable strings;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private boolean date1904;
    private final Map<Integer, String[]> formats = new HashMap<>();

    XlsxRows(Path file) throws IOException {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            this.reader = new XSSFReader(pkg);
            this.styles = reader.getStylesTable();
            workbook();
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** @return the sheets, in the workbook's order */
    List<SheetInfo> sheets() { return sheets; }

    private void workbook() throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader x = XMLHelper.newXMLReader();
            x.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                    if (local.equals("sheet")) {
                        String rid = a.getValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
                        if (rid == null) {
                            rid = a.getValue("r:id");
                        }
                        String state = a.getValue("state");
                        sheets.add(new SheetInfo(a.getValue("name"), rid, state != null && !state.equals("visible")));
                    } else if (local.equals("workbookPr")) {
                        String d = a.getValue("date1904");
                        date1904 = "1".equals(d) || "true".equals(d);
                    }
                }
            });
            x.parse(new InputSource(in));
        }
    }

    /**
     * Reads one sheet's rows.
     *
     * @param s    the sheet
     * @param name the name its cells are located by (for messages)
     * @param sink receives each row
     */
    void read(SheetInfo s, String name, RowSink sink) throws IOException {
        if (strings == null) {
            try {
                strings = new ReadOnlySharedStringsTable(pkg, false);
            } catch (SAXException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        List<CellRangeAddress> merged = merges(s);
        try (InputStream in = sheet(s)) {
            XMLReader x = XMLHelper.newXMLReader();
            x.setContentHandler(new SheetHandler(name, merged, sink));
            x.parse(new InputSource(in));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private InputStream sheet(SheetInfo s) throws IOException {
        try {
            return reader.getSheet(s.relId());
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The merged ranges, which the file lists after the rows: a first pass over the sheet's bytes that
     * only looks for {@code <mergeCell ref="…"/>} (no XML parsing: a tenth of the time of the rows' pass).
     */
    private List<CellRangeAddress> merges(SheetInfo s) throws IOException {
        List<CellRangeAddress> out = new ArrayList<>();
        byte[] tag = "mergeCell ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] ref = "ref=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new java.io.BufferedInputStream(sheet(s), 1 << 16)) {
            int matched = 0;
            int c;
            while ((c = in.read()) >= 0) {
                matched = c == tag[matched] ? matched + 1 : c == tag[0] ? 1 : 0;
                if (matched < tag.length) {
                    continue;
                }
                matched = 0;
                // inside <mergeCell …>: find ref="…" before the element ends
                int r = 0;
                StringBuilder v = null;
                while ((c = in.read()) >= 0 && c != '>') {
                    if (v != null) {
                        if (c == '"') {
                            break;
                        }
                        if (v.length() < 40) {
                            v.append((char) c);
                        }
                    } else {
                        r = c == ref[r] ? r + 1 : c == ref[0] ? 1 : 0;
                        if (r == ref.length) {
                            v = new StringBuilder();
                        }
                    }
                }
                if (v != null && out.size() < 100_000) {
                    try {
                        out.add(CellRangeAddress.valueOf(v.toString()));
                    } catch (RuntimeException e) {
                        // a damaged range is ignored: its cells are read as they are
                    }
                }
            }
        }
        return out;
    }

    /** @return {format string, "date" or ""} of a style index */
    private String[] format(int style) {
        return formats.computeIfAbsent(style, k -> {
            if (styles == null || k < 0 || k >= styles.getNumCellStyles()) {
                return new String[] {null, ""};
            }
            XSSFCellStyle cs = styles.getStyleAt(k);
            String f = cs.getDataFormatString();
            int id = cs.getDataFormat();
            if ((f == null || f.startsWith("reserved")) && eastAsianDate(id)) {
                // a date format of the Chinese (East Asian) Excel and WPS that the file does not spell out
                return new String[] {"yyyy-mm-dd", "date"};
            }
            boolean date = f != null && DateUtil.isADateFormat(id, f);
            return new String[] {f, date ? "date" : ""};
        });
    }

    /**
     * @return true for the built-in number formats 27–36 and 50–58: in Chinese (and the other East
     *         Asian) Excel and WPS these are the dates and times (31 is yyyy"年"m"月"d"日", 57 yyyy"年"m"月",
     *         58 m"月"d"日"; ECMA-376 Part 1, 18.8.30), which a workbook names by their number alone and POI
     *         does not know
     */
    static boolean eastAsianDate(int id) {
        return id >= 27 && id <= 36 || id >= 50 && id <= 58;
    }

    /** @return true when the workbook counts dates from 1904 */
    boolean date1904() { return date1904; }

    /** The SAX handler of one sheet: cells to rows. */
    private final class SheetHandler extends DefaultHandler {
        private final String name;
        private final List<CellRangeAddress> merged;
        private final Map<Long, Cell> firstOfRange = new HashMap<>();
        private final List<CellRangeAddress> active = new ArrayList<>();
        private int nextMerge;
        private final RowSink sink;
        private int row;
        private int nextCol;
        private SortedMap<Integer, Cell> cells = new TreeMap<>();
        private String ref;
        private String type;
        private int style;
        private boolean formula;
        private final StringBuilder text = new StringBuilder();
        private boolean inValue;
        private boolean inInline;

        SheetHandler(String name, List<CellRangeAddress> merged, RowSink sink) {
            this.name = name;
            this.merged = new ArrayList<>(merged);
            this.merged.sort(java.util.Comparator.comparingInt(CellRangeAddress::getFirstRow));
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r);
                    nextCol = 0;
                    cells = new TreeMap<>();
                }
                case "c" -> {
                    ref = a.getValue("r");
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    formula = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if ((inValue || inInline) && text.length() < 32_768) {
                text.append(ch, start, Math.min(length, 32_768 - text.length()));
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            switch (local) {
                case "v" -> inValue = false;
                case "is" -> inInline = false;
                case "c" -> cell();
                case "row" -> endRow();
                default -> { }
            }
        }

        private void cell() {
            int col = ref == null ? nextCol : new CellReference(ref).getCol();
            nextCol = col + 1;
            String v = text.toString();
            Cell c;
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    String s;
                    try {
                        s = strings.getItemAt(Integer.parseInt(v.trim())).getString();
                    } catch (RuntimeException e) {
                        s = "";
                    }
                    c = new Cell(name, row, col, Cell.Kind.TEXT, s, null, false);
                }
                case "inlineStr", "str" -> c = formula && v.isEmpty() && t.equals("str")
                        ? new Cell(name, row, col, Cell.Kind.FORMULA_WITHOUT_VALUE, "", null, false)
                        : new Cell(name, row, col, Cell.Kind.TEXT, v, null, false);
                case "b" -> c = new Cell(name, row, col, Cell.Kind.BOOLEAN, "1".equals(v.trim()) ? "TRUE" : "FALSE", null, false);
                case "e" -> c = new Cell(name, row, col, Cell.Kind.ERROR, v, null, false);
                case "d" -> c = new Cell(name, row, col, Cell.Kind.TEXT, v.length() >= 10 ? v.substring(0, 10) : v, null, false);
                default -> {
                    if (v.isBlank()) {
                        c = formula ? new Cell(name, row, col, Cell.Kind.FORMULA_WITHOUT_VALUE, "", null, false) : null;
                    } else {
                        String[] f = format(style);
                        String num = f[1].isEmpty() ? v.trim() : dateText(v.trim());
                        c = new Cell(name, row, col, Cell.Kind.NUMBER, num, f[0], !f[1].isEmpty());
                    }
                }
            }
            if (c != null) {
                cells.put(col, c);
            }
        }

        /** A date cell's serial number as an ISO date (or date-time), in the workbook's date system. */
        private String dateText(String serial) {
            try {
                double d = Double.parseDouble(serial);
                java.time.LocalDateTime t = DateUtil.getLocalDateTime(d, date1904);
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            } catch (RuntimeException e) {
                return serial;
            }
        }

        private void endRow() {
            // the ranges that cover this row: those starting at or before it, until they end
            while (nextMerge < merged.size() && merged.get(nextMerge).getFirstRow() + 1 <= row) {
                active.add(merged.get(nextMerge++));
            }
            if (!active.isEmpty()) {
                active.removeIf(m -> m.getLastRow() + 1 < row);
                for (CellRangeAddress m : active) {
                    if (m.getFirstRow() + 1 == row) {
                        Cell first = cells.get(m.getFirstColumn());
                        if (first != null) {
                            firstOfRange.put(key(m), first);
                        }
                    }
                    Cell first = firstOfRange.get(key(m));
                    if (first == null) {
                        continue;
                    }
                    for (int col = m.getFirstColumn(); col <= m.getLastColumn(); col++) {
                        Cell have = cells.get(col);
                        if (have == null || have.blank()) {
                            cells.put(col, first.at(row, col));
                        }
                    }
                }
            }
            if (!cells.isEmpty()) {
                sink.row(row, cells);
            }
        }

        private long key(CellRangeAddress m) {
            return ((long) m.getFirstRow() << 20) | m.getFirstColumn();
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }
}
