package plancheck.load.sheet;

import org.apache.poi.ss.util.CellReference;

/**
 * One cell of a sheet as stored: its text (a number as the file stores it, e.g. {@code 1.0999999999999999E-2};
 * a formula by its cached value), and the number format it is shown with (for percentages, decimals
 * and dates).
 *
 * @param sheet  the sheet's name, or "" for a CSV file
 * @param row    1-based row
 * @param col    0-based column
 * @param kind   what the cell holds
 * @param text   the stored text
 * @param format the number format (e.g. {@code 0.0%}, {@code yyyy-mm-dd}), or null
 * @param date   true when the number format shows a date
 */
public record Cell(String sheet, int row, int col, Kind kind, String text, String format, boolean date) {

    /** What a cell holds. */
    public enum Kind {
        /** text, a shared or inline string, a formula's text result, or any CSV field */
        TEXT,
        /** a number (or a date: see {@link Cell#date()}) */
        NUMBER,
        /** TRUE or FALSE */
        BOOLEAN,
        /** an error value such as #DIV/0! */
        ERROR,
        /** a formula the file holds without its computed value */
        FORMULA_WITHOUT_VALUE
    }

    /** @return the cell's reference, e.g. {@code I7} */
    public String ref() {
        return CellReference.convertNumToColString(col) + row;
    }

    /** @return where it is for messages and evidence: {@code 指标!I7}, or {@code I7} in a CSV file */
    public String where() {
        return at(sheet, ref());
    }

    /** @return {@code sheet!ref}, or ref alone without a sheet */
    public static String at(String sheet, String ref) {
        if (sheet == null || sheet.isEmpty()) {
            return ref;
        }
        boolean plain = sheet.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        return (plain ? sheet : "'" + sheet.replace("'", "''") + "'") + "!" + ref;
    }

    /** @return true when the cell holds nothing but spaces */
    public boolean blank() {
        return kind == Kind.TEXT && (text == null || text.isBlank());
    }

    /** @return the same value in another place (a merged range's other cells take its first cell's value) */
    public Cell at(int row, int col) {
        return new Cell(sheet, row, col, kind, text, format, date);
    }
}
