package plancheck.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;

/**
 * Reads the CNEMC hourly CSV as it is published (UTF-8, comma-separated, quoted where a cell holds a
 * comma, {@code NA} or an empty cell for a missing value; gzip-compressed when the file starts with
 * the gzip magic number) with Jackson's CSV parser, row by row, without holding the file in memory.
 *
 * <p>The header must name the columns plancheck uses ({@link #COLUMNS}); other columns are ignored.
 * A cell that is neither a number, {@code NA} nor empty, a timepoint that is not
 * {@code YYYY-MM-DDTHHMM}, a row with too few cells or an empty station code is a problem naming the
 * file, line and column; after every row was read, all problems (the first {@value #MAX_PROBLEMS})
 * are thrown together. Nothing else is judged here.
 */
public final class CnemcCsv {
    /** The columns plancheck reads. */
    public static final List<String> COLUMNS = List.of("file", "timepoint", "stationcode", "area", "positionname",
            "primarypollutant", "aqi", "pm10", "pm10_24h", "pm2_5", "pm2_5_24h", "o3", "o3_24h", "o3_8h", "o3_8h_24h",
            "no2", "no2_24h", "so2", "so2_24h", "co", "co_24h");
    /** The concentration columns (μg/m³; co mg/m³). */
    public static final List<String> VALUES = COLUMNS.subList(7, COLUMNS.size());
    /** At most this many problems are listed. */
    public static final int MAX_PROBLEMS = 20;

    private static final DateTimeFormatter TIMEPOINT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CnemcCsv() {}

    /**
     * Reads every row of the file and hands it over, in file order.
     *
     * @param file    the CSV (or CSV.gz)
     * @param display the file's name as shown in problems
     * @param sink    receives each row
     * @return the number of data rows
     * @throws InputException listing the file's problems (file, line, column) when any row is malformed
     * @throws IOException    when the file cannot be read
     */
    public static int read(Path file, String display, Consumer<CnemcHour> sink) throws InputException, IOException {
        Problems problems = new Problems();
        int rows = 0;
        try (Reader r = reader(file);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(r)) {
            if (!it.hasNextValue()) {
                throw new InputException(List.of(new InputProblem(display, 1, 1, "", Msg.text("feed.empty", "columns", COLUMNS))));
            }
            String[] header = it.nextValue();
            int[] col = new int[COLUMNS.size()];
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                col[i] = indexOf(header, COLUMNS.get(i));
                if (col[i] < 0) {
                    missing.add(COLUMNS.get(i));
                }
            }
            if (!missing.isEmpty()) {
                throw new InputException(List.of(new InputProblem(display, 1, 1, "", Msg.text("feed.header", "missing", missing, "columns", COLUMNS))));
            }
            int width = 0;
            for (int c : col) {
                width = Math.max(width, c + 1);
            }
            while (true) {
                String[] cells;
                int line;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                    line = it.getParser().currentTokenLocation().getLineNr();
                } catch (RuntimeException e) {
                    Throwable c = e.getCause() instanceof JsonProcessingException j ? j : e;
                    int l = c instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
                    problems.add(new InputProblem(display, l, 0, "", Msg.text("feed.not-csv", "detail", plancheck.model.Bounded.cut(String.valueOf(c.getMessage())))));
                    break;
                }
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line
                }
                rows++;
                if (cells.length < width) {
                    problems.add(new InputProblem(display, line, 1, "", Msg.text("feed.cells", "expected", header.length, "found", cells.length)));
                    continue;
                }
                CnemcHour h = row(cells, col, line, display, problems);
                if (h != null && problems.isEmpty()) {
                    sink.accept(h);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(new InputProblem(display, 0, 0, "", Msg.text("feed.not-utf8")));
        } catch (JsonProcessingException e) {
            int l = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new InputProblem(display, l, 0, "", e.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? Msg.text("feed.not-utf8") : Msg.text("feed.not-csv", "detail", plancheck.model.Bounded.cut(String.valueOf(e.getOriginalMessage())))));
        }
        if (!problems.isEmpty()) {
            List<InputProblem> l = new ArrayList<>(problems.listed);
            if (problems.dropped > 0) {
                l.add(new InputProblem(display, 0, 0, "", Msg.text("feed.more", "count", problems.dropped)));
            }
            throw new InputException(l);
        }
        return rows;
    }

    /** The problems found so far: the first {@value #MAX_PROBLEMS} listed, the rest counted. */
    private static final class Problems {
        final List<InputProblem> listed = new ArrayList<>();
        int dropped;

        void add(InputProblem p) {
            if (listed.size() < MAX_PROBLEMS) {
                listed.add(p);
            } else {
                dropped++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        int size() {
            return listed.size() + dropped;
        }
    }

    /**
     * Reads every row into a list (the tests and small files; large files go through
     * {@link #read(Path, String, Consumer)}).
     *
     * @param file    the CSV (or CSV.gz)
     * @param display the file's name as shown in problems
     * @return the rows, in file order
     * @throws InputException listing the file's problems
     * @throws IOException    when the file cannot be read
     */
    public static List<CnemcHour> readAll(Path file, String display) throws InputException, IOException {
        List<CnemcHour> l = new ArrayList<>();
        read(file, display, l::add);
        return l;
    }

    private static CnemcHour row(String[] cells, int[] col, int line, String display, Problems problems) {
        int before = problems.size();
        String tp = cells[col[1]].trim();
        LocalDateTime time = null;
        try {
            time = LocalDateTime.parse(tp, TIMEPOINT);
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem(display, line, col[1] + 1, "", Msg.text("feed.timepoint", "found", cut(tp))));
        }
        String station = cells[col[2]].trim();
        if (station.isEmpty()) {
            problems.add(new InputProblem(display, line, col[2] + 1, "", Msg.text("feed.station")));
        }
        Integer aqi = null;
        BigDecimal a = number(cells, col, 6, line, display, problems);
        if (a != null) {
            if (a.signum() < 0 || a.stripTrailingZeros().scale() > 0 || a.compareTo(BigDecimal.valueOf(100000)) > 0) {
                problems.add(new InputProblem(display, line, col[6] + 1, "", Msg.text("feed.aqi", "found", cut(cells[col[6]]))));
            } else {
                aqi = a.intValueExact();
            }
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 7; i < COLUMNS.size(); i++) {
            BigDecimal v = number(cells, col, i, line, display, problems);
            if (v != null) {
                values.put(COLUMNS.get(i), v);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new CnemcHour(line, cells[col[0]].trim(), time, station, cells[col[4]].trim(), cells[col[3]].trim(),
                cells[col[5]].trim(), aqi, values);
    }

    private static BigDecimal number(String[] cells, int[] col, int i, int line, String display, Problems problems) {
        String s = cells[col[i]].trim();
        if (s.isEmpty() || s.equals("NA")) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.precision() - d.scale() > 9 || d.scale() > 6) {
                throw new NumberFormatException("out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(display, line, col[i] + 1, "", Msg.text("feed.number", "column", COLUMNS.get(i), "found", cut(s))));
            return null;
        }
    }

    private static String cut(String s) {
        return plancheck.model.Bounded.cut(s);
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            String h = i == 0 && header[i].startsWith("\uFEFF") ? header[i].substring(1) : header[i];
            if (h.trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** UTF-8 (malformed bytes are an error), gunzipped when the file starts with the gzip magic number. */
    private static Reader reader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
