package plancheck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import plancheck.standards.AccidentGrade;
import plancheck.standards.AccidentGrading;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.DailyAqi;
import plancheck.standards.SectionAssessment;
import plancheck.standards.SurfaceWaterStandard;
import plancheck.standards.Waterbody;

/**
 * The same results as the rules, computed by a plain Java loop over the same files with the same
 * standard tables and no rules: the benchmark's baseline and an independent check of the verdicts.
 * It reads each file with Jackson's streaming parser, one record at a time, and assumes valid data
 * (the synthetic data of {@link SyntheticData}); it computes
 * <ul>
 *   <li>each water section's class (annual means, GB 3838-2002 single-factor method) and the share of
 *       sections at class III or better;</li>
 *   <li>each air station's good-days ratio and the region's (the mean of the stations' daily values,
 *       HJ 663-2013; AQI by HJ 633-2012), and the region's annual PM2.5 mean;</li>
 *   <li>each accident's grade (Decree 493), the count of 较大 or worse, and the death rate per 亿元 GDP.</li>
 * </ul>
 * Results are keyed as {@link Results} describes, so that they can be compared with a report's findings.
 */
public final class PlainComputation {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final plancheck.engine.Standards std;
    private final int baseYear;

    /**
     * @param std      the standards' tables, each with its period of validity
     * @param baseYear the plan's base year (its table is the reference of a change of basis)
     */
    public PlainComputation(plancheck.engine.Standards std, int baseYear) {
        this.std = std;
        this.baseYear = baseYear;
    }

    /**
     * The results by key (each key also names the region, {@code W|region|year|section}): {@code W|year|section} class (I … 劣V as the report's {@code waterClass});
     * {@code WS|year|region} share of class I–III (%, 2 decimals); {@code A|year|station} good-days
     * ratio; {@code AR|year|region} the region's ratio; {@code PM|year|region} the region's PM2.5 mean
     * (1 decimal); {@code X|year|id} VIOLATION for 较大 or worse, else PASS; {@code XM|year|region} the
     * count of 较大 or worse; {@code DR|year|region} deaths ÷ GDP (6 decimals, rounded up).
     */
    public static final class Results {
        private final Map<String, String> values = new HashMap<>();
        private final String region;

        /** Results of no region yet (to collect others with {@link #addAll}). */
        public Results() {
            this("");
        }

        /** @param region the region the results are of (part of every key: stations and sections repeat across regions) */
        public Results(String region) {
            this.region = region;
        }

        void put(String kind, int year, String subject, Object value) {
            values.put(kind + "|" + region + "|" + year + "|" + subject,
                    value instanceof BigDecimal b ? plain(b) : String.valueOf(value));
        }

        /** @return every result by key */
        public Map<String, String> values() {
            return values;
        }

        /** Adds the results of another region. */
        public void addAll(Results other) {
            values.putAll(other.values);
        }
    }

    static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /**
     * @param regionDir {@code facts/<region>}: one folder per year
     * @param region    the region's name
     * @return the results of every year
     * @throws IOException when a file cannot be read
     */
    public Results region(Path regionDir, String region) throws IOException {
        Results out = new Results(region);
        List<Path> years;
        try (Stream<Path> s = Files.list(regionDir)) {
            years = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path yd : years) {
            int year = Integer.parseInt(yd.getFileName().toString());
            BigDecimal gdp = null;
            Path stats = yd.resolve("stats.json");
            if (Files.exists(stats)) {
                for (JsonNode n : records(stats, "indicators")) {
                    if (n.get("id").asText().equals("gdp")) {
                        gdp = n.get("value").decimalValue();
                    }
                }
            }
            Path w = yd.resolve("water.json");
            if (Files.exists(w)) {
                water(w, year, region, out);
            }
            Path a = yd.resolve("air.json");
            if (Files.exists(a)) {
                air(a, year, region, out);
            }
            Path s = yd.resolve("safety.json");
            if (Files.exists(s)) {
                accidents(s, year, region, gdp, out);
            }
        }
        return out;
    }

    private void water(Path f, int year, String region, Results out) throws IOException {
        Map<String, List<Map<String, BigDecimal>>> bySection = new LinkedHashMap<>();
        Map<String, String> body = new HashMap<>();
        for (JsonNode n : records(f, "waterSamples")) {
            String s = n.get("section").asText();
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.get("values").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                v.put(e.getKey(), e.getValue().decimalValue());
            }
            bySection.computeIfAbsent(s, k -> new ArrayList<>()).add(v);
            body.putIfAbsent(s, n.get("waterbody").asText());
        }
        int ok = 0;
        SurfaceWaterStandard water = std.waterOn(plancheck.engine.Standards.yearEnd(year));
        for (Map.Entry<String, List<Map<String, BigDecimal>>> e : bySection.entrySet()) {
            SectionAssessment a = water.assess(SurfaceWaterStandard.annualMeans(e.getValue()).means(),
                    Waterbody.parse(body.get(e.getKey())));
            out.put("W", year, e.getKey(), a.waterClass().en());
            if (a.waterClass().isAtLeast(plancheck.standards.WaterClass.III)) {
                ok++;
            }
        }
        if (!bySection.isEmpty()) {
            BigDecimal share = BigDecimal.valueOf(ok * 100L).divide(BigDecimal.valueOf(bySection.size()), MathContext.DECIMAL128)
                    .setScale(2, RoundingMode.HALF_UP);
            out.put("WS", year, region, share);
        }
    }

    private static final String[] POLLUTANTS = {"PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h"};

    private void air(Path f, int year, String region, Results out) throws IOException {
        var tables = std.tables();
        AirQualityIndex ref = std.airOn(plancheck.engine.Standards.yearEnd(baseYear));
        // each day taken into its station's year and its date's region sums as it is read (the same
        // standards' helpers, nothing kept per day): what a plain loop does with a file of millions of days
        Map<String, plancheck.standards.AirQualityYear.Builder> station = new TreeMap<>();
        Map<java.time.LocalDate, plancheck.standards.AirQualityDay.RegionDay> byDate = new TreeMap<>();
        for (JsonNode n : records(f, "airDaily")) {
            String id = n.get("station").asText();
            java.time.LocalDate date = java.time.LocalDate.parse(n.get("date").asText());
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            for (String p : POLLUTANTS) {
                JsonNode x = n.get(p);
                if (x != null && !x.isNull()) {
                    v.put(p, x.decimalValue());
                }
            }
            var day = plancheck.standards.AirQualityDay.validate(date, new plancheck.standards.AirQualityDay.Input(v, Map.of()),
                    tables.airQuality(), tables.airLimits());
            station.computeIfAbsent(id, k -> new plancheck.standards.AirQualityYear.Builder(ref))
                    .add(plancheck.standards.AirQualityDay.judge(day, ref));
            byDate.computeIfAbsent(date, k -> new plancheck.standards.AirQualityDay.RegionDay(k, tables.airQuality(),
                    tables.airLimits())).add(id, day);
        }
        station.forEach((id, days) -> out.put("A", year, id, days.build().ratio()));
        plancheck.standards.AirQualityYear.Builder regionDays = new plancheck.standards.AirQualityYear.Builder(ref);
        byDate.values().forEach(d -> regionDays.add(plancheck.standards.AirQualityDay.judge(d.values(), ref)));
        var y = regionDays.build();
        if (y.valid() > 0) {
            out.put("AR", year, region, y.ratio());
        }
        if (y.pm25Mean() != null) {
            out.put("PM", year, region, y.pm25Mean().setScale(1, RoundingMode.HALF_UP));
        }
    }

    private void accidents(Path f, int year, String region, BigDecimal gdp, Results out) throws IOException {
        int major = 0;
        long deaths = 0;
        for (JsonNode n : records(f, "accidents")) {
            int d = n.get("deaths").asInt();
            int inj = n.path("seriousInjuries").asInt(0);
            BigDecimal loss = n.has("directLossYuan") ? n.get("directLossYuan").decimalValue() : BigDecimal.ZERO;
            AccidentGrading grading = std.accidentsOn(n.get("date").asText());
            boolean m = grading.grade(d, inj, loss.longValueExact()).grade().isAtLeast(AccidentGrade.LARGER);
            out.put("X", year, n.get("id").asText(), m ? "VIOLATION" : "PASS");
            major += m ? 1 : 0;
            deaths += d;
        }
        out.put("XM", year, region, major);
        if (gdp != null && gdp.signum() > 0) {
            out.put("DR", year, region, BigDecimal.valueOf(deaths).divide(gdp, 6, RoundingMode.UP));
        }
    }

    /** The elements of one top-level array of a file, read one at a time. */
    private static Iterable<JsonNode> records(Path f, String key) throws IOException {
        return () -> new Iterator<>() {
            InputStream in;
            JsonParser p;
            JsonNode next;
            boolean done;

            private void advance() {
                try {
                    if (p == null) {
                        in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16);
                        p = JSON.getFactory().createParser(in);
                        p.setCodec(JSON);
                        p.nextToken();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            if (name.equals(key)) {
                                break;
                            }
                            p.skipChildren();
                        }
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            finish();
                            return;
                        }
                    }
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        next = p.readValueAsTree();
                    } else {
                        finish();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            private void finish() throws IOException {
                done = true;
                next = null;
                p.close();
                in.close();
            }

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    advance();
                }
                return next != null;
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                JsonNode n = next;
                next = null;
                return n;
            }
        };
    }
}
