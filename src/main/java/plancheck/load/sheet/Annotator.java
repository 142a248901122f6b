package plancheck.load.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An annotated copy of a bureau's workbook: beside each table a column 核查结果 holds, on every row a
 * finding rests on, what plancheck found (the way Reportnet puts the error beside the erroneous value),
 * coloured by what it asks for. A workbook up to {@link #IN_PLACE_BYTES} is copied as it is (formats,
 * drop-downs, the bureau's own sheets kept); a larger one is copied value by value as a stream, so that
 * a list of 100,000 rows never has to be held as a whole.
 */
public final class Annotator {
    private Annotator() {}

    /** Workbooks up to this size are annotated in place; larger ones copied as a stream. */
    public static final long IN_PLACE_BYTES = 4L << 20;

    /**
     * What to write beside one row.
     *
     * @param text  the text (several findings joined)
     * @param level 0 violation, 1 data problem, 2 warning, 3 fine
     */
    public record Note(String text, int level) {}

    /** The header of the result column. */
    public static final String RESULT = "核查结果";

    /**
     * @param file  the workbook
     * @param notes "sheet!row" → note (row 1-based, the sheet as named in the workbook)
     * @return the annotated copy
     */
    public static byte[] annotate(Path file, Map<String, Note> notes) throws IOException {
        if (Files.size(file) <= IN_PLACE_BYTES) {
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                CellStyle[] styles = styles(wb);
                for (Sheet sh : wb) {
                    Layout.Sheet ls = Layout.sheetNamed(sh.getSheetName());
                    if (ls == null) {
                        continue;
                    }
                    int[] header = header(sh, ls);
                    if (header == null) {
                        continue;
                    }
                    int col = header[1];
                    Row h = sh.getRow(header[0]);
                    h.createCell(col).setCellValue(RESULT);
                    h.getCell(col).setCellStyle(styles[4]);
                    sh.setColumnWidth(col, 60 * 256);
                    for (Map.Entry<String, Note> e : notes.entrySet()) {
                        int bang = e.getKey().lastIndexOf('!');
                        if (!e.getKey().substring(0, bang).equals(sh.getSheetName())) {
                            continue;
                        }
                        int r = Integer.parseInt(e.getKey().substring(bang + 1)) - 1;
                        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
                        org.apache.poi.ss.usermodel.Cell c = row.getCell(col) == null ? row.createCell(col) : row.getCell(col);
                        c.setCellValue(fit(e.getValue().text()));
                        c.setCellStyle(styles[Math.min(3, e.getValue().level())]);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return OfficeZip.withFixedTimes(out.toByteArray());
            }
        }
        return stream(file, notes);
    }

    /** Styles: violation, data problem, warning, fine, header. */
    private static CellStyle[] styles(Workbook wb) {
        IndexedColors[] c = {IndexedColors.ROSE, IndexedColors.LAVENDER, IndexedColors.LIGHT_ORANGE, IndexedColors.LIGHT_GREEN};
        CellStyle[] out = new CellStyle[5];
        for (int i = 0; i < 4; i++) {
            out[i] = wb.createCellStyle();
            out[i].setFillForegroundColor(c[i].getIndex());
            out[i].setFillPattern(FillPatternType.SOLID_FOREGROUND);
            out[i].setWrapText(true);
        }
        Font bold = wb.createFont();
        bold.setBold(true);
        out[4] = wb.createCellStyle();
        out[4].setFont(bold);
        return out;
    }

    /** @return {header row (0-based), result column (0-based)} of a table, or null when none is found */
    private static int[] header(Sheet sh, Layout.Sheet ls) {
        for (int r = 0; r <= Math.min(30, sh.getLastRowNum()); r++) {
            Row row = sh.getRow(r);
            if (row == null) {
                continue;
            }
            int matched = 0;
            int result = -1;
            for (org.apache.poi.ss.usermodel.Cell c : row) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    Layout.Column col = ls.byHeader(c.getStringCellValue());
                    if (col != null) {
                        matched++;
                        if (col.key().equals("result")) {
                            result = c.getColumnIndex();
                        }
                    }
                }
            }
            if (matched >= 2) {
                return new int[] {r, result >= 0 ? result : Math.max(0, row.getLastCellNum())};
            }
        }
        return null;
    }

    /** A large workbook: its sheets copied value by value (SXSSF), the result column added. */
    private static byte[] stream(Path file, Map<String, Note> notes) throws IOException {
        SXSSFWorkbook out = new SXSSFWorkbook(500);
        out.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.empty()); // no clock time
        try (XlsxRows x = new XlsxRows(file)) {
            out.setCompressTempFiles(true);
            CellStyle[] styles = styles(out);
            CellStyle date = out.createCellStyle();
            date.setDataFormat(out.createDataFormat().getFormat("yyyy-mm-dd"));
            for (XlsxRows.SheetInfo s : x.sheets()) {
                Layout.Sheet ls = Layout.sheetNamed(s.name());
                Sheet sh = out.createSheet(s.name());
                int[] resultCol = {-1};
                List<Integer> headerRow = new ArrayList<>();
                x.read(s, s.name(), (row, cells) -> {
                    Row r = sh.createRow(row - 1);
                    if (ls != null && headerRow.isEmpty()) {
                        long matched = cells.values().stream().filter(c -> c.kind() == Cell.Kind.TEXT && ls.byHeader(c.text()) != null).count();
                        if (matched >= 2) {
                            headerRow.add(row);
                            resultCol[0] = resultColumn(ls, cells);
                            r.createCell(resultCol[0]).setCellValue(RESULT);
                            r.getCell(resultCol[0]).setCellStyle(styles[4]);
                        }
                    }
                    for (Cell c : cells.values()) {
                        if (c.col() == resultCol[0]) {
                            continue;
                        }
                        org.apache.poi.ss.usermodel.Cell o = r.createCell(c.col());
                        if (c.kind() == Cell.Kind.NUMBER && !c.date()) {
                            try {
                                o.setCellValue(Double.parseDouble(c.text()));
                            } catch (NumberFormatException e) {
                                o.setCellValue(fit(c.text()));
                            }
                        } else {
                            o.setCellValue(fit(c.text()));
                        }
                    }
                    Note n = notes.get(s.name() + "!" + row);
                    if (n != null && resultCol[0] >= 0) {
                        org.apache.poi.ss.usermodel.Cell o = r.createCell(resultCol[0]);
                        o.setCellValue(fit(n.text()));
                        o.setCellStyle(styles[Math.min(3, n.level())]);
                    }
                });
                if (resultCol[0] >= 0) {
                    sh.setColumnWidth(resultCol[0], 60 * 256);
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            out.write(b);
            return OfficeZip.withFixedTimes(b.toByteArray());
        } finally {
            out.close();
            out.dispose();
        }
    }

    /** @return the text cut to what a cell holds (Excel's limit; a longer cell only a program writes) */
    static String fit(String s) {
        return s == null || s.length() <= SheetReader.MAX_CELL_CHARS ? s : s.substring(0, SheetReader.MAX_CELL_CHARS - 1) + "…";
    }

    private static int resultColumn(Layout.Sheet ls, SortedMap<Integer, Cell> cells) {
        for (Map.Entry<Integer, Cell> e : cells.entrySet()) {
            Layout.Column c = e.getValue().kind() == Cell.Kind.TEXT ? ls.byHeader(e.getValue().text()) : null;
            if (c != null && c.key().equals("result")) {
                return e.getKey();
            }
        }
        return cells.lastKey() + 1;
    }

    /** @return "sheet!row" for an evidence pointer of a workbook (指标!I7, 'x y'!A5:H5), or null */
    public static String rowKey(String pointer) {
        int bang = pointer.lastIndexOf('!');
        if (bang <= 0) {
            return null;
        }
        String sheet = pointer.substring(0, bang);
        if (sheet.startsWith("'") && sheet.endsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        String ref = pointer.substring(bang + 1).split(":")[0];
        String digits = ref.replaceAll("^[A-Z]+", "");
        return digits.matches("\\d+") ? sheet + "!" + digits : null;
    }

    /** @return notes keyed by "sheet!row" (convenience for callers building them) */
    public static Map<String, Note> notes() {
        return new TreeMap<>();
    }
}
