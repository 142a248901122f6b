package plancheck.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Valid synthetic submissions at a chosen size, for the benchmark ({@code plancheck bench synthetic},
 * {@code plancheck bench generate}): per region and year a statistics bureau's file (GDP and a few
 * table indicators), surface-water samples (sections × 12 months), daily air-quality records
 * (stations × every day of the year) and production-safety accidents. Every value is drawn from a
 * seeded generator, so the same size and seed always give the same files.
 *
 * <p>One region is 垫江县, judged against the shipped plan. More regions are synthetic counties
 * ({@code 合成县0001} …), each with its own plan folder: a copy of the template plan whose numeric 2030
 * targets are varied by a few per cent and whose city-assigned water and PM2.5 targets are set, so that
 * verdicts differ between counties.
 *
 * <p>Layout: {@code DIR/facts/<region>/<year>/{stats,water,air,safety}.json} and, for more than one
 * region, {@code DIR/plans/<plan>/}.
 *
 * @param regions   counties (1: 垫江县 with the shipped plan)
 * @param sections  water monitoring sections per region
 * @param stations  air stations per region
 * @param accidents accidents per region and year
 * @param years     years from 2026 (at most 5: the plan ends in 2030)
 * @param seed      the generator's seed
 */
public record SyntheticData(int regions, int sections, int stations, int accidents, int years, long seed) {

    /** The first year of the plan period. */
    public static final int FIRST_YEAR = 2026;
    /** The one region of a single-region data set (the shipped plan covers it). */
    public static final String HOME = "垫江县";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Checks the sizes. */
    public SyntheticData {
        if (regions < 1 || sections < 0 || stations < 0 || accidents < 0 || years < 1 || years > 5) {
            throw new IllegalArgumentException("sizes: regions ≥ 1, sections/stations/accidents ≥ 0, years 1–5");
        }
    }

    /** @return the region's name, index from 0 */
    public String region(int i) {
        return regions == 1 ? HOME : String.format("合成县%04d", i + 1);
    }

    /** @return the plan folder's name of a synthetic county, index from 0 */
    public static String planName(int i) {
        return String.format("synthetic-%04d", i + 1);
    }

    /** @return the years of the data set, from 2026 */
    public List<Integer> yearList() {
        List<Integer> l = new ArrayList<>();
        for (int y = FIRST_YEAR; y < FIRST_YEAR + years; y++) {
            l.add(y);
        }
        return l;
    }

    /** @return the number of records the data set holds (samples, days, accidents) */
    public long records() {
        long days = 0;
        for (int y : yearList()) {
            days += LocalDate.of(y, 1, 1).lengthOfYear();
        }
        return (long) regions * ((long) sections * 12 * years + (long) stations * days + (long) accidents * years);
    }

    /**
     * Writes the data set.
     *
     * @param dir          the folder to write (created)
     * @param templatePlan the plan folder copied for synthetic counties (unused for one region)
     * @return the facts folder
     * @throws IOException when a file cannot be written
     */
    public Path write(Path dir, Path templatePlan) throws IOException {
        Path facts = dir.resolve("facts");
        for (int r = 0; r < regions; r++) {
            if (regions > 1) {
                writePlan(templatePlan, dir.resolve("plans").resolve(planName(r)), r);
            }
            writeRegion(facts.resolve(region(r)), r);
        }
        return facts;
    }

    /** Writes one region's submissions, all years. */
    public void writeRegion(Path dir, int r) throws IOException {
        String region = region(r);
        for (int y : yearList()) {
            Path d = dir.resolve(String.valueOf(y));
            Files.createDirectories(d);
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + r * 7919L + y);
            stats(d.resolve("stats.json"), region, y, rnd.split(), r);
            if (sections > 0) {
                water(d.resolve("water.json"), region, y, rnd.split(), r);
            }
            if (stations > 0) {
                air(d.resolve("air.json"), region, y, rnd.split(), r);
            }
            if (accidents > 0) {
                safety(d.resolve("safety.json"), region, y, rnd.split());
            }
        }
    }

    private static JsonGenerator open(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return g;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static void file(Path f, String region, int year, String submitter, Body body) throws IOException {
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
             JsonGenerator g = open(o)) {
            g.writeStartObject();
            g.writeStringField("format", "plancheck-facts/1");
            g.writeStringField("region", region);
            g.writeNumberField("year", year);
            g.writeStringField("submitter", region + submitter + "（合成数据）");
            g.writeStringField("stage", "final");
            body.write(g);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static BigDecimal dec(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private void stats(Path f, String region, int y, SplittableRandom rnd, int r) throws IOException {
        double gdp = 450 + (r % 50) * 7 + (y - FIRST_YEAR) * 30 + rnd.nextDouble() * 10;
        file(f, region, y, "统计局", g -> {
            g.writeArrayFieldStart("indicators");
            indicator(g, "gdp", dec(gdp, 1), "亿元");
            indicator(g, "gdp_growth", dec(4.8 + rnd.nextDouble() * 1.6, 1), "%");
            indicator(g, "urbanization_rate", dec(53.5 + (y - FIRST_YEAR) * 1.3 + rnd.nextDouble() * 1.2, 1), "%");
            indicator(g, "private_economy_share", dec(74 + rnd.nextDouble() * 2.5, 1), "%");
            indicator(g, "urban_unemployment_rate", dec(4.6 + rnd.nextDouble() * 1.1, 1), "%");
            indicator(g, "grain_capacity", dec(40.5 + rnd.nextDouble() * 1.5, 2), "万吨");
            g.writeEndArray();
        });
    }

    private static void indicator(JsonGenerator g, String id, BigDecimal v, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeNumberField("value", v);
        g.writeStringField("unit", unit);
        g.writeEndObject();
    }

    /** Bands of the main items by intended class II, III, IV, V (river; GB 3838-2002 表1). */
    private static final double[][] DO = {{6.2, 7.4}, {5.1, 5.9}, {3.2, 4.8}, {2.1, 2.9}};
    private static final double[][] CODMN = {{2.2, 3.8}, {4.2, 5.8}, {6.3, 9.5}, {10.5, 14.5}};
    private static final double[][] NH3N = {{0.16, 0.48}, {0.52, 0.95}, {1.05, 1.45}, {1.55, 1.95}};
    private static final double[][] TP = {{0.03, 0.095}, {0.11, 0.19}, {0.21, 0.29}, {0.31, 0.39}};

    private void water(Path f, String region, int y, SplittableRandom rnd, int r) throws IOException {
        String[] rivers = {"龙溪河", "卧龙河", "大沙河", "高滩河", "桂溪河", "沙河"};
        file(f, region, y, "生态环境局", g -> {
            g.writeArrayFieldStart("waterSamples");
            for (int s = 0; s < sections; s++) {
                SplittableRandom sr = new SplittableRandom(seed * 31 + r * 100_003L + s * 17L + y);
                double p = sr.nextDouble();
                int band = p < 0.55 ? 0 : p < 0.85 ? 1 : p < 0.95 ? 2 : 3;
                String river = rivers[s % rivers.length];
                String name = river + String.format("%04d断面", s + 1);
                String control = s % 3 == 0 ? "national" : "city";
                for (int m = 1; m <= 12; m++) {
                    g.writeStartObject();
                    g.writeStringField("section", name);
                    g.writeStringField("river", river);
                    g.writeStringField("waterbody", "river");
                    g.writeStringField("control", control);
                    g.writeStringField("month", String.format("%d-%02d", y, m));
                    g.writeObjectFieldStart("values");
                    g.writeNumberField("pH", dec(6.8 + sr.nextDouble() * 1.4, 1));
                    g.writeNumberField("DO", dec(pick(sr, DO[band]), 2));
                    g.writeNumberField("CODMn", dec(pick(sr, CODMN[band]), 2));
                    g.writeNumberField("NH3-N", dec(pick(sr, NH3N[band]), 3));
                    g.writeNumberField("TP", dec(pick(sr, TP[band]), 3));
                    g.writeNumberField("F", dec(0.2 + sr.nextDouble() * 0.5, 2));
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        });
    }

    private static double pick(SplittableRandom r, double[] band) {
        return band[0] + r.nextDouble() * (band[1] - band[0]);
    }

    private void air(Path f, String region, int y, SplittableRandom rnd, int r) throws IOException {
        file(f, region, y, "生态环境局", g -> {
            g.writeArrayFieldStart("airDaily");
            LocalDate d0 = LocalDate.of(y, 1, 1);
            int days = d0.lengthOfYear();
            for (int s = 0; s < stations; s++) {
                SplittableRandom sr = new SplittableRandom(seed * 131 + r * 1_000_033L + s * 13L + y);
                double dirt = 0.8 + sr.nextDouble() * 0.5;
                String id = String.format("S%04d", s + 1);
                for (int i = 0; i < days; i++) {
                    LocalDate d = d0.plusDays(i);
                    double season = 1 + 0.6 * Math.cos((d.getDayOfYear() - 15) * 2 * Math.PI / 365.0);
                    double pm = (18 + sr.nextDouble() * 40) * season * dirt;
                    if (sr.nextInt(40) == 0) {
                        pm *= 2.4; // an episode
                    }
                    g.writeStartObject();
                    g.writeStringField("station", id);
                    g.writeStringField("date", d.toString());
                    g.writeNumberField("PM2.5", dec(pm, 0));
                    g.writeNumberField("PM10", dec(pm * (1.4 + sr.nextDouble() * 0.4), 0));
                    g.writeNumberField("SO2", dec(4 + sr.nextDouble() * 14, 0));
                    g.writeNumberField("NO2", dec(12 + sr.nextDouble() * 36, 0));
                    g.writeNumberField("CO", dec(0.3 + sr.nextDouble() * 1.1, 1));
                    g.writeNumberField("O3_8h", dec((50 + sr.nextDouble() * 90) * (2.2 - season * 0.9), 0));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        });
    }

    private void safety(Path f, String region, int y, SplittableRandom rnd) throws IOException {
        String[] sectors = {"建筑施工", "道路运输", "工矿商贸", "消防", "农业机械"};
        file(f, region, y, "应急管理局", g -> {
            g.writeArrayFieldStart("accidents");
            int days = LocalDate.of(y, 1, 1).lengthOfYear();
            for (int a = 0; a < accidents; a++) {
                double p = rnd.nextDouble();
                int deaths = p < 0.55 ? 0 : p < 0.9 ? 1 : p < 0.985 ? 2 : 3 + rnd.nextInt(2);
                g.writeStartObject();
                g.writeStringField("id", String.format("%d-%06d", y, a + 1));
                g.writeStringField("date", LocalDate.of(y, 1, 1).plusDays(rnd.nextInt(days)).toString());
                g.writeStringField("sector", sectors[rnd.nextInt(sectors.length)]);
                g.writeNumberField("deaths", deaths);
                g.writeNumberField("seriousInjuries", rnd.nextInt(4));
                g.writeNumberField("directLossYuan", 10_000 + rnd.nextInt(4_990_000));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static final Pattern TARGET = Pattern.compile("target: \\{text: \"(\\d+(?:\\.\\d+)?)\", value: (\\d+(?:\\.\\d+)?)\\}");

    /** A copy of the template plan for synthetic county {@code r}: its region, varied targets, set parameters. */
    private void writePlan(Path template, Path dir, int r) throws IOException {
        double factor = 1 + ((r % 9) - 4) / 100.0;
        try (Stream<Path> s = Files.walk(template)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = template.relativize(p).toString().replace('\\', '/');
                if (rel.equals(plancheck.load.PlanMonitoring.TOWNSHIPS_FILE)) {
                    continue; // the townships are the template county's own; a synthetic county has none
                }
                Path to = dir.resolve(template.relativize(p).toString());
                Files.createDirectories(to.getParent());
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (rel.equals("plan.yaml")) {
                    text = text.replaceFirst("(?m)^id: .*$", "id: " + planName(r))
                            .replaceFirst("(?m)^regions: .*$", "regions: [" + region(r) + "]");
                } else if (rel.equals("parameters.yaml")) {
                    text = setParameter(text, "surface_water_class3_share.target", String.valueOf(70 + (r % 4) * 10));
                    text = setParameter(text, "pm25_concentration.target", String.valueOf(30 + (r % 6)));
                } else if (rel.equals("catalogue/table1.yaml")) {
                    Matcher m = TARGET.matcher(text);
                    StringBuilder b = new StringBuilder();
                    while (m.find()) {
                        BigDecimal v = new BigDecimal(m.group(2));
                        BigDecimal nv = v.multiply(BigDecimal.valueOf(factor)).setScale(Math.max(1, v.scale()), RoundingMode.HALF_UP)
                                .stripTrailingZeros();
                        String t = nv.toPlainString();
                        m.appendReplacement(b, Matcher.quoteReplacement("target: {text: \"" + t + "\", value: " + t + "}"));
                    }
                    m.appendTail(b);
                    text = b.toString();
                }
                Files.writeString(to, text, StandardCharsets.UTF_8);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String setParameter(String yaml, String id, String value) {
        return yaml.replaceFirst("(- id: " + Pattern.quote(id) + "\\n\\s+value:) null", "$1 " + value);
    }
}
