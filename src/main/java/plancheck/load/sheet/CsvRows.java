package plancheck.load.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a CSV file row by row (RFC 4180: quoted fields may hold separators, quotes and line breaks), in
 * the encoding it is in: UTF-8 with or without a byte-order mark, UTF-16 with one, or GBK (GB 18030),
 * which Excel in China uses when it saves "CSV (逗号分隔)". The separator is the comma, or a tab or
 * semicolon when the first line has more of those. Every field is text ({@link Cell.Kind#TEXT}).
 */
final class CsvRows {
    private CsvRows() {}

    /** GB 18030 reads every GBK file and more. */
    static final Charset GBK = Charset.forName("GB18030");

    /** The encoding of the file, or null when it is none of those read. */
    static Charset charset(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        if (decodes(file, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        return decodes(file, GBK) ? GBK : null;
    }

    private static boolean decodes(Path file, Charset cs) throws IOException {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buf = new char[1 << 14];
        try (Reader r = new InputStreamReader(Files.newInputStream(file), d)) {
            while (r.read(buf) >= 0) {
                // reading is the test
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Receives rows; returns false to stop reading. */
    interface Sink {
        boolean row(int line, SortedMap<Integer, Cell> cells);
    }

    /**
     * Reads the rows.
     *
     * @param file    the file
     * @param cs      its encoding ({@link #charset})
     * @param maxRows the most rows delivered
     * @param sink    receives each row that has a non-empty field (line = the line it starts on)
     * @return 0 when every quote was closed, else the line of the quote left open
     */
    static int read(Path file, Charset cs, int maxRows, Sink sink) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), cs), 1 << 16)) {
            r.mark(1 << 16);
            char sep = separator(r);
            r.reset();
            int line = 1;
            int start = 1;
            int col = 0;
            int rows = 0;
            boolean quoted = false;
            boolean first = true;
            StringBuilder field = new StringBuilder();
            SortedMap<Integer, Cell> cells = new TreeMap<>();
            int c;
            while ((c = r.read()) >= 0) {
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        continue;
                    }
                }
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int d = r.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                r.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        if (field.length() < 32_768) {
                            field.append((char) c);
                        }
                    }
                    continue;
                }
                if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == sep) {
                    put(cells, start, col++, field);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        r.mark(1);
                        if (r.read() != '\n') {
                            r.reset();
                        }
                    }
                    put(cells, start, col, field);
                    if (!cells.isEmpty()) {
                        if (++rows > maxRows || !sink.row(start, cells)) {
                            return 0;
                        }
                    }
                    cells = new TreeMap<>();
                    col = 0;
                    line++;
                    start = line;
                } else if (field.length() < 32_768) {
                    field.append((char) c);
                }
            }
            if (quoted) {
                return start;
            }
            put(cells, start, col, field);
            if (!cells.isEmpty() && ++rows <= maxRows) {
                sink.row(start, cells);
            }
            return 0;
        }
    }

    private static void put(SortedMap<Integer, Cell> cells, int line, int col, StringBuilder field) {
        String s = field.toString();
        field.setLength(0);
        if (!s.isBlank()) {
            cells.put(col, new Cell("", line, col, Cell.Kind.TEXT, s.strip(), null, false));
        }
    }

    /** The separator of the first line: a comma unless tabs or semicolons are more frequent. */
    private static char separator(BufferedReader r) throws IOException {
        char[] buf = new char[8192];
        int n = r.read(buf);
        int comma = 0;
        int tab = 0;
        int semi = 0;
        boolean q = false;
        for (int i = 0; i < Math.max(0, n); i++) {
            char c = buf[i];
            if (c == '"') {
                q = !q;
            } else if (!q && (c == '\n' || c == '\r')) {
                if (comma + tab + semi > 0) {
                    break;
                }
            } else if (!q) {
                if (c == ',') comma++;
                if (c == '\t') tab++;
                if (c == ';') semi++;
            }
        }
        return tab > comma && tab >= semi ? '\t' : semi > comma ? ';' : ',';
    }
}
