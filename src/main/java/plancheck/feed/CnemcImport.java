package plancheck.feed;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import plancheck.i18n.Msg;
import plancheck.load.InputException;
import plancheck.load.InputProblem;
import plancheck.load.Paths2;
import plancheck.standards.AirLimits;
import plancheck.standards.Periods;

/**
 * {@code plancheck import cnemc}: the published hourly CSV → a {@code plancheck-facts/1} submission
 * of one region and one year whose {@code airDaily[]} has one record per station and day, each with
 * the values, the number of values behind them ({@code counts}) and where they came from
 * ({@code source}: the CSV as given, its SHA-256, the line numbers of the day's rows). The output is
 * the same bytes for the same CSV and options.
 */
public final class CnemcImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to import.
     *
     * @param region     the region the stations' days are submitted for ({@code 垫江县})
     * @param year       the year; days of other years are left out (and counted)
     * @param stations   the station codes to import; empty = every station in the file
     * @param background station codes to mark as background/control points (对照点)
     * @param submitter  the submission's {@code submitter}
     * @param note       the submission's {@code note}, or null
     */
    public record Options(String region, int year, Set<String> stations, Set<String> background, String submitter, String note) {
        /** Copies the sets (sorted). */
        public Options {
            stations = new TreeSet<>(stations);
            background = new TreeSet<>(background);
        }
    }

    /**
     * The result.
     *
     * @param json         the submission, UTF-8 text ending in a newline
     * @param rows         data rows read
     * @param days         the days written, station by station
     * @param otherYears   days left out because they are in another year
     * @param unknown      requested stations the file does not have
     * @param repeated     rows that repeated a station's hour (first kept; at most 20 listed)
     */
    public record Result(String json, int rows, List<CnemcDay> days, int otherYears, List<String> unknown, List<String> repeated) {}

    private CnemcImport() {}

    /**
     * @param csv    the published CSV (or CSV.gz)
     * @param limits the GB 3095 tables by period (their 8-hour minimum builds O3_8h)
     * @param o      what to import
     * @return the submission and what went into it
     * @throws InputException when the CSV is malformed, no row is left for the year and stations, or
     *                        a requested station is not in the file
     * @throws IOException    when the file cannot be read
     */
    public static Result run(Path csv, Periods<AirLimits> limits, Options o) throws InputException, IOException {
        String display = Paths2.display(csv);
        CnemcDays b = new CnemcDays(limits::on);
        int rows = CnemcCsv.read(csv, display, h -> {
            if (o.stations().isEmpty() || o.stations().contains(h.station())) {
                b.add(h);
            }
        });
        List<String> unknown = new ArrayList<>();
        for (String s : o.stations()) {
            if (!b.stations().containsKey(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InputException(List.of(new InputProblem(display, 0, 0, "", Msg.text("feed.no-station", "stations", unknown,
                    "known", firstStations(csv, display)))));
        }
        String sha = Paths2.sha256(csv);
        List<CnemcDay> days = new ArrayList<>();
        int other = 0;
        for (String station : b.stations().keySet()) {
            for (CnemcDay d : b.days(station)) {
                if (d.date().getYear() == o.year()) {
                    days.add(d);
                } else {
                    other++;
                }
            }
        }
        if (days.isEmpty()) {
            throw new InputException(List.of(new InputProblem(display, 0, 0, "", o.stations().isEmpty()
                    ? Msg.text("feed.no-day-any", "year", o.year())
                    : Msg.text("feed.no-day", "year", o.year(), "stations", o.stations()))));
        }
        return new Result(render(o, days, display, sha), rows, days, other, unknown, b.repeated());
    }

    private static String firstStations(Path csv, String display) {
        TreeSet<String> s = new TreeSet<>();
        try {
            CnemcCsv.read(csv, display, h -> s.add(h.station()));
        } catch (InputException | IOException e) {
            return "?";
        }
        return s.size() > 40 ? new ArrayList<>(s).subList(0, 40) + " …" : s.toString();
    }

    /** The submission text: one record per line, keys in a fixed order. */
    static String render(Options o, List<CnemcDay> days, String file, String sha) {
        Map<String, String> quoted = new java.util.HashMap<>(); // keys and values repeat on every line
        StringBuilder b = new StringBuilder(days.size() * 400 + 1000).append("{\n");
        b.append("  \"format\": \"plancheck-facts/1\",\n");
        b.append("  \"region\": ").append(str(o.region())).append(",\n");
        b.append("  \"year\": ").append(o.year()).append(",\n");
        b.append("  \"submitter\": ").append(str(o.submitter())).append(",\n");
        b.append("  \"stage\": \"final\",\n");
        if (o.note() != null) {
            b.append("  \"note\": ").append(str(o.note())).append(",\n");
        }
        b.append("  \"airDaily\": [\n");
        for (int i = 0; i < days.size(); i++) {
            CnemcDay d = days.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("station", d.station());
            r.put("date", d.date().toString());
            r.putAll(d.values());
            r.put("counts", d.counts());
            if (o.background().contains(d.station())) {
                r.put("background", Boolean.TRUE);
            }
            if (!d.rows().isEmpty()) {
                Map<String, Object> src = new LinkedHashMap<>();
                src.put("file", file);
                src.put("sha256", sha);
                src.put("rows", d.rows());
                r.put("source", src);
            } else {
                r.put("note", "no published hour for this day in " + file);
            }
            b.append("    ").append(value(r, quoted)).append(i + 1 < days.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String value(Object v, Map<String, String> quoted) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(quoted.computeIfAbsent(String.valueOf(k), CnemcImport::str) + ": " + value(x, quoted)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return quoted.computeIfAbsent(String.valueOf(v), CnemcImport::str);
    }

    private static String str(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the text as UTF-8 bytes */
    public static byte[] bytes(Result r) {
        return r.json().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the first and last day written, "2026-02-26…2026-07-24" */
    public static String period(Result r) {
        LocalDate first = null;
        LocalDate last = null;
        for (CnemcDay d : r.days()) {
            first = first == null || d.date().isBefore(first) ? d.date() : first;
            last = last == null || d.date().isAfter(last) ? d.date() : last;
        }
        return first + "…" + last;
    }
}
