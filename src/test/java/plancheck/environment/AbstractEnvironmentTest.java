package plancheck.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.io.TempDir;

import plancheck.TestSupport;
import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Helpers for the environment rules' tests (rules/environment/*.drl): small submissions with
 * waterSamples, airDaily and energyUse written to a temp folder and checked with the real rules
 * folder through {@link Pipeline#check(Path, List)}.
 */
abstract class AbstractEnvironmentTest {

    static final String REGION = TestSupport.REGION;

    @TempDir
    Path dir;

    /** Writes a submission for the year: indicators, waterSamples, airDaily, energyUse (JSON array bodies, may be empty). */
    Path submission(String name, int year, String indicators, String water, String air, String energy) throws IOException {
        String json = "{\"format\": \"plancheck-facts/1\", \"region\": \"" + REGION + "\", \"year\": " + year
                + ", \"submitter\": \"测试生态环境局\", \"stage\": \"final\",\n \"indicators\": [" + indicators
                + "],\n \"waterSamples\": [\n" + water + "\n],\n \"airDaily\": [\n" + air + "\n],\n \"energyUse\": [\n"
                + energy + "\n]}\n";
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    /** @return {@code {"id": id, "value": value, "unit": unit}} */
    static String ind(String id, String value, String unit) {
        return TestSupport.ind(id, value, unit);
    }

    /**
     * Monthly samples of one river section for a year: month m (1..months) gets the values
     * {@code values.apply(m)} (a JSON object body such as {@code "pH": 7.5, "NH3-N": 1.0}).
     */
    static String section(String section, String river, String waterbody, String control, int year, int months,
                          IntFunction<String> values) {
        List<String> l = new ArrayList<>();
        for (int m = 1; m <= months; m++) {
            l.add("{\"section\": \"" + section + "\", \"river\": \"" + river + "\", \"waterbody\": \"" + waterbody
                    + "\", \"control\": \"" + control + "\", \"month\": \"" + year + "-" + (m < 10 ? "0" : "") + m
                    + "\", \"values\": {" + values.apply(m) + "}}");
        }
        return String.join(",\n", l);
    }

    /** Class-II background values with one item overridden: {@code base("NH3-N", "1.0")}. */
    static String base(String item, String value) {
        StringBuilder b = new StringBuilder();
        String[][] v = {{"pH", "7.5"}, {"DO", "6.8"}, {"CODMn", "3.5"}, {"COD", "14"}, {"BOD5", "2.5"},
                {"NH3-N", "0.4"}, {"TP", "0.08"}};
        boolean seen = false;
        for (String[] kv : v) {
            if (b.length() > 0) {
                b.append(", ");
            }
            boolean mine = kv[0].equals(item);
            seen |= mine;
            b.append('"').append(kv[0]).append("\": ").append(mine ? value : kv[1]);
        }
        if (!seen && item != null) {
            b.append(", \"").append(item).append("\": ").append(value);
        }
        return b.toString();
    }

    /** One day of air data; a null value leaves the pollutant out (an invalid day). */
    static String airDay(String station, LocalDate d, Integer pm25, Integer o3) {
        return "{\"station\": \"" + station + "\", \"date\": \"" + d + "\", "
                + (pm25 == null ? "" : "\"PM2.5\": " + pm25 + ", ")
                + "\"PM10\": 60, \"SO2\": 10, \"NO2\": 30, \"CO\": 0.8"
                + (o3 == null ? "" : ", \"O3_8h\": " + o3) + "}";
    }

    /** The first day of HJ 633—2026 (rules/standards/hj633-2026.yaml): PM2.5 at IAQI 100 is 60 from then on, 75 before. */
    static final LocalDate HJ633_2026 = LocalDate.of(2026, 3, 1);

    /** @return the PM2.5 24-hour mean at IAQI 100 (the last good value) under the table in force that day */
    static int pm25AtIaqi100(LocalDate d) {
        return d.isBefore(HJ633_2026) ? 75 : 60;
    }

    /**
     * A full year at one station: {@code bad} days with PM2.5 76 μg/m³ (IAQI 101 by HJ 633-2012, not
     * good; they fall in January); the other days good, among them days at the IAQI-100 boundary of the
     * day's table — PM2.5 75 up to 2026-02-28, 60 from 2026-03-01 — and at O3_8h 160 (IAQI 100).
     * {@code invalid} days (after the bad ones) have no O3_8h.
     */
    static String airYear(String station, int year, int bad, int invalid) {
        List<String> l = new ArrayList<>();
        LocalDate d = LocalDate.of(year, 1, 1);
        int i = 0;
        while (d.getYear() == year) {
            Integer pm;
            Integer o3 = 90;
            if (i < bad) {
                pm = 76;
            } else if (i % 7 == 0) {
                pm = pm25AtIaqi100(d);   // exactly the 24-h breakpoint of IAQI 100: good
            } else if (i % 7 == 3) {
                pm = 30;
                o3 = 160;                // exactly the 8-h breakpoint of IAQI 100: good
            } else {
                pm = 28;
            }
            if (i >= bad && i < bad + invalid) {
                o3 = null;
            }
            l.add(airDay(station, d, pm, o3));
            d = d.plusDays(1);
            i++;
        }
        return String.join(",\n", l);
    }

    /** One energyUse record. */
    static String energy(String carrier, String quantity, String unit) {
        return "{\"carrier\": \"" + carrier + "\", \"quantity\": " + quantity + ", \"unit\": \"" + unit + "\"}";
    }

    static List<Finding> check(Path... files) throws Exception {
        return Pipeline.check(Path.of("rules"), List.of(files)).report().findings();
    }

    static List<Finding> checkWith(Path rules, Path... files) throws Exception {
        return Pipeline.check(rules, List.of(files)).report().findings();
    }

    /** A copy of the rules folder and plan with the plan's parameter values set ("id", "value" pairs). */
    Path rulesWith(String... idValue) throws IOException {
        Path copy = dir.resolve("rules-copy").resolve("rules");
        Path p = TestSupport.copyRulesAndPlan(copy).resolve("parameters.yaml");
        String text = Files.readString(p, StandardCharsets.UTF_8);
        for (int i = 0; i < idValue.length; i += 2) {
            String marker = "- id: " + idValue[i] + "\n    value: null";
            if (!text.contains(marker)) {
                throw new IllegalArgumentException("no unset parameter " + idValue[i]);
            }
            text = text.replace(marker, "- id: " + idValue[i] + "\n    value: " + idValue[i + 1]);
        }
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return copy;
    }

    /** The one finding for indicator, year and subject. */
    static Finding one(List<Finding> fs, String indicator, int year, String subject) {
        List<Finding> m = fs.stream().filter(f -> f.indicator().equals(indicator) && f.year() == year
                && f.subject().equals(subject)).toList();
        if (m.size() != 1) {
            fail("expected one finding for " + indicator + " " + year + " " + subject + ", found " + m);
        }
        return m.get(0);
    }

    /** True when some finding has the indicator, year and subject. */
    static boolean has(List<Finding> fs, String indicator, int year, String subject) {
        return fs.stream().anyMatch(f -> f.indicator().equals(indicator) && f.year() == year && f.subject().equals(subject));
    }

    static void assertStatus(Status s, Finding f) {
        assertEquals(s, f.status(), () -> f.subject() + " " + f.indicator() + ": " + f.message().zh() + " " + f.details());
    }

    static void assertNumber(String expected, Object actual) {
        if (!(actual instanceof BigDecimal b) || b.compareTo(new BigDecimal(expected)) != 0) {
            fail("expected " + expected + ", got " + actual);
        }
    }
}
