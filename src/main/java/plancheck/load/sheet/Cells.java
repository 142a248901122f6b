package plancheck.load.sheet;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What a workbook or CSV file holds at an evidence pointer ({@code 指标!I7}, {@code 生产安全事故!A5:H5},
 * {@code E4}), for {@code plancheck explain}: the cell's text, or a row's texts joined by " | ".
 */
public final class Cells {
    private Cells() {}

    /** Stops reading once the row wanted is read. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /**
     * @param file    a workbook (.xlsx) or CSV file
     * @param pointer sheet!cell or sheet!range (CSV: cell or range alone)
     * @return the text found there ("" for an empty cell), or null when the pointer names no cell
     */
    public static String at(Path file, String pointer) throws IOException {
        int bang = pointer.lastIndexOf('!');
        String sheet = bang < 0 ? "" : pointer.substring(0, bang).replaceAll("^'|'$", "").replace("''", "'");
        CellRangeAddress range;
        try {
            range = CellRangeAddress.valueOf(pointer.substring(bang + 1));
        } catch (RuntimeException e) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int row = range.getFirstRow() + 1;
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            Charset cs = CsvRows.charset(file);
            if (cs == null) {
                return null;
            }
            CsvRows.read(file, cs, SheetReader.MAX_ROWS, (line, cells) -> {
                if (line == row) {
                    collect(cells, range, out);
                    return false;
                }
                return line < row;
            });
        } else {
            try (XlsxRows x = new XlsxRows(file)) {
                for (XlsxRows.SheetInfo s : x.sheets()) {
                    if (s.name() != null && s.name().equals(sheet)) {
                        try {
                            x.read(s, s.name(), (r, cells) -> {
                                if (r == row) {
                                    collect(cells, range, out);
                                    throw new Found();
                                }
                            });
                        } catch (Found f) {
                            // the row is read
                        }
                    }
                }
            }
        }
        return String.join(" | ", out);
    }

    private static void collect(SortedMap<Integer, Cell> cells, CellRangeAddress range, List<String> out) {
        for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
            Cell cell = cells.get(c);
            out.add(cell == null ? "" : SheetReader.text(cell));
        }
    }
}
