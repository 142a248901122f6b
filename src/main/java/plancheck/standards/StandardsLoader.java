package plancheck.standards;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the national-standard tables under {@code rules/standards/} (YAML, UTF-8) and builds the
 * pure classifiers from them. The only class of {@code plancheck.standards} that does I/O.
 *
 * <p>Files (in the directory given to the constructor):
 * <ul>
 *   <li>{@value #SURFACE_WATER_FILE} → {@link SurfaceWaterStandard} (GB 3838-2002 表1, 环办〔2011〕22号)</li>
 *   <li>{@value #AIR_FILE} → {@link AirQualityIndex} (HJ 633-2012 表1, 表2)</li>
 *   <li>{@value #ACCIDENT_FILE} → {@link AccidentGrading} (国务院令第493号 第三条)</li>
 *   <li>{@value #ENERGY_FILE} → {@link StandardCoal} (GB/T 2589 附录A)</li>
 * </ul>
 * The expected shape of each file is described in its header comment. Every row must carry a
 * non-empty {@code source} (the clause). Unknown fields, duplicate keys, non-numbers where numbers
 * are expected and inconsistent tables (limits out of order, breakpoints not increasing, …) are
 * errors.
 *
 * <p>Errors: every problem is reported as a {@link StandardsException} naming the file, the location
 * inside it (e.g. {@code /items/6/all/III}, or line and column for YAML syntax errors) and what is
 * wrong. Nothing is cached; each call reads the file again.
 */
public final class StandardsLoader {
    /** Surface-water table file name. */
    public static final String SURFACE_WATER_FILE = "gb3838-2002.yaml";
    /** AQI table file name. */
    public static final String AIR_FILE = "hj633-2012.yaml";
    /** Accident-grade table file name. */
    public static final String ACCIDENT_FILE = "decree-493.yaml";
    /** Standard-coal table file name. */
    public static final String ENERGY_FILE = "gb-t-2589.yaml";
    /** Default directory, relative to the working directory: {@code rules/standards}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("rules", "standards");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path directory;

    /**
     * @param directory the folder holding the four YAML files (usually {@code <rules>/standards})
     */
    public StandardsLoader(Path directory) {
        this.directory = directory;
    }

    /** @return a loader for {@link #DEFAULT_DIRECTORY} ({@code rules/standards}) */
    public static StandardsLoader defaults() {
        return new StandardsLoader(DEFAULT_DIRECTORY);
    }

    /**
     * @param rulesDirectory the rules folder given to {@code check --rules} (default {@code rules/})
     * @return a loader for its {@code standards} subfolder
     */
    public static StandardsLoader forRulesDirectory(Path rulesDirectory) {
        return new StandardsLoader(rulesDirectory.resolve("standards"));
    }

    /** @return the folder this loader reads */
    public Path directory() {
        return directory;
    }

    /**
     * @return the surface-water classifier from {@value #SURFACE_WATER_FILE}
     * @throws StandardsException if the file is missing, unreadable or malformed
     */
    public SurfaceWaterStandard surfaceWater() {
        Path f = directory.resolve(SURFACE_WATER_FILE);
        return parseSurfaceWater(f.toString(), read(f));
    }

    /**
     * @return the AQI calculator from {@value #AIR_FILE}
     * @throws StandardsException if the file is missing, unreadable or malformed
     */
    public AirQualityIndex airQuality() {
        Path f = directory.resolve(AIR_FILE);
        return parseAirQuality(f.toString(), read(f));
    }

    /**
     * @return the accident grading from {@value #ACCIDENT_FILE}
     * @throws StandardsException if the file is missing, unreadable or malformed
     */
    public AccidentGrading accidentGrading() {
        Path f = directory.resolve(ACCIDENT_FILE);
        return parseAccidentGrading(f.toString(), read(f));
    }

    /**
     * @return the standard-coal converter from {@value #ENERGY_FILE}
     * @throws StandardsException if the file is missing, unreadable or malformed
     */
    public StandardCoal standardCoal() {
        Path f = directory.resolve(ENERGY_FILE);
        return parseStandardCoal(f.toString(), read(f));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StandardsException(f.toString(), "", "file not found", e);
        } catch (IOException e) {
            throw new StandardsException(f.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ surface water

    /**
     * Parses the GB 3838-2002 table from YAML text.
     *
     * @param file name shown in errors
     * @param yaml the file's content
     * @return the classifier
     * @throws StandardsException if the text is not valid YAML or not a valid table
     */
    public static SurfaceWaterStandard parseSurfaceWater(String file, String yaml) {
        Doc d = new Doc(file, yaml);
        JsonNode root = d.root;
        d.allowOnly(root, "", Set.of("standard", "title", "table", "items", "assessment"));
        String standard = d.str(root, "standard", "");
        List<WaterItem> items = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        List<JsonNode> rows = d.list(root, "items", "");
        for (int i = 0; i < rows.size(); i++) {
            String p = "/items/" + i;
            JsonNode r = rows.get(i);
            d.object(r, p);
            d.allowOnly(r, p, Set.of("key", "no", "name", "unit", "type", "all", "river", "lake", "source"));
            String key = d.str(r, "key", p);
            if (!keys.add(key)) {
                throw d.error(p + "/key", "item \"" + key + "\" appears twice");
            }
            int no = d.integer(r, "no", p);
            String name = d.str(r, "name", p);
            String unit = d.str(r, "unit", p);
            String typeText = d.str(r, "type", p);
            WaterItem.Type type;
            try {
                type = WaterItem.Type.valueOf(typeText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw d.error(p + "/type", "expected one of max, min, range, none, found \"" + typeText + "\"");
            }
            String source = d.str(r, "source", p);
            Map<Waterbody, Map<WaterClass, WaterLimit>> limits = new EnumMap<>(Waterbody.class);
            boolean hasAll = r.has("all");
            if (hasAll && (r.has("river") || r.has("lake"))) {
                throw d.error(p, "give either \"all\" or \"river\"/\"lake\", not both");
            }
            if (hasAll) {
                Map<WaterClass, WaterLimit> m = waterLimits(d, r.get("all"), p + "/all", type);
                limits.put(Waterbody.RIVER, m);
                limits.put(Waterbody.LAKE, m);
            }
            for (Waterbody w : Waterbody.values()) {
                if (r.has(w.key())) {
                    limits.put(w, waterLimits(d, r.get(w.key()), p + "/" + w.key(), type));
                }
            }
            if (type == WaterItem.Type.NONE && !limits.isEmpty()) {
                throw d.error(p, "type none must not have limits");
            }
            if (type != WaterItem.Type.NONE && limits.isEmpty()) {
                throw d.error(p, "type " + typeText + " needs limits (\"all\", \"river\" or \"lake\")");
            }
            items.add(new WaterItem(key, no, name, unit, type, limits, source));
        }
        JsonNode a = d.objectField(root, "assessment", "");
        d.allowOnly(a, "/assessment", Set.of("method", "source", "assessed", "reference"));
        String assessmentSource = d.str(a, "source", "/assessment");
        Set<String> assessed = d.keySet(a, "assessed", "/assessment", keys);
        Set<String> reference = d.keySet(a, "reference", "/assessment", keys);
        try {
            return new SurfaceWaterStandard(standard, items, assessed, reference, assessmentSource);
        } catch (IllegalArgumentException e) {
            throw d.error("/assessment", e.getMessage());
        }
    }

    private static Map<WaterClass, WaterLimit> waterLimits(Doc d, JsonNode n, String p, WaterItem.Type type) {
        d.object(n, p);
        Set<String> names = new LinkedHashSet<>();
        for (WaterClass c : WaterClass.graded()) {
            names.add(c.name());
        }
        d.allowOnly(n, p, names);
        Map<WaterClass, WaterLimit> m = new EnumMap<>(WaterClass.class);
        WaterLimit prev = null;
        for (WaterClass c : WaterClass.graded()) {
            String cp = p + "/" + c.name();
            JsonNode v = n.get(c.name());
            if (v == null) {
                throw d.error(p, "missing limit for class " + c.name());
            }
            WaterLimit lim;
            if (type == WaterItem.Type.RANGE) {
                if (!v.isArray() || v.size() != 2) {
                    throw d.error(cp, "expected [min, max], found " + describe(v));
                }
                BigDecimal lo = d.number(v.get(0), cp + "/0");
                BigDecimal hi = d.number(v.get(1), cp + "/1");
                if (lo.compareTo(hi) > 0) {
                    throw d.error(cp, "min " + lo.toPlainString() + " is above max " + hi.toPlainString());
                }
                lim = new WaterLimit(lo, hi);
                if (prev != null && (lo.compareTo(prev.min()) > 0 || hi.compareTo(prev.max()) < 0)) {
                    throw d.error(cp, "range of class " + c.name() + " is narrower than the better class's " + prev);
                }
            } else {
                BigDecimal x = d.number(v, cp);
                if (x.signum() < 0) {
                    throw d.error(cp, "limit must be ≥ 0, found " + x.toPlainString());
                }
                lim = type == WaterItem.Type.MIN ? new WaterLimit(x, null) : new WaterLimit(null, x);
                if (prev != null) {
                    boolean ok = type == WaterItem.Type.MIN ? x.compareTo(prev.min()) <= 0 : x.compareTo(prev.max()) >= 0;
                    if (!ok) {
                        throw d.error(cp, "limit " + x.toPlainString() + " of class " + c.name() + " is stricter than the better class's "
                                + prev + " (limits must " + (type == WaterItem.Type.MIN ? "not increase" : "not decrease") + " from Ⅰ to Ⅴ)");
                    }
                }
            }
            m.put(c, lim);
            prev = lim;
        }
        return m;
    }

    // ------------------------------------------------------------------ air

    /**
     * Parses the HJ 633-2012 table from YAML text.
     *
     * @param file name shown in errors
     * @param yaml the file's content
     * @return the AQI calculator
     * @throws StandardsException if the text is not valid YAML or not a valid table
     */
    public static AirQualityIndex parseAirQuality(String file, String yaml) {
        Doc d = new Doc(file, yaml);
        JsonNode root = d.root;
        d.allowOnly(root, "", Set.of("standard", "title", "rounding", "iaqi", "pollutants", "required", "goodMaxAqi",
                "goodSource", "primarySource", "categories"));
        String standard = d.str(root, "standard", "");
        String rounding = d.str(root, "rounding", "");
        if (!rounding.equals("ceiling")) {
            throw d.error("/rounding", "only \"ceiling\" (进位取整) is implemented, found \"" + rounding + "\"");
        }
        d.str(root, "goodSource", "");
        d.str(root, "primarySource", "");
        List<JsonNode> scaleNodes = d.list(root, "iaqi", "");
        List<Integer> scale = new ArrayList<>();
        for (int i = 0; i < scaleNodes.size(); i++) {
            int v = d.intValue(scaleNodes.get(i), "/iaqi/" + i);
            if (i == 0 ? v != 0 : v <= scale.get(i - 1)) {
                throw d.error("/iaqi/" + i, "the IAQI scale must start at 0 and increase");
            }
            scale.add(v);
        }
        JsonNode pn = d.objectField(root, "pollutants", "");
        List<AirPollutant> pollutants = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = "/pollutants/" + e.getKey();
            JsonNode r = e.getValue();
            d.object(r, p);
            d.allowOnly(r, p, Set.of("name", "unit", "breakpoints", "source"));
            List<JsonNode> bpn = d.list(r, "breakpoints", p);
            List<BigDecimal> bps = new ArrayList<>();
            for (int i = 0; i < bpn.size(); i++) {
                BigDecimal b = d.number(bpn.get(i), p + "/breakpoints/" + i);
                if (i == 0 ? b.signum() != 0 : b.compareTo(bps.get(i - 1)) <= 0) {
                    throw d.error(p + "/breakpoints/" + i, "breakpoints must start at 0 and increase");
                }
                bps.add(b);
            }
            if (bps.size() < 2 || bps.size() > scale.size()) {
                throw d.error(p + "/breakpoints", "expected 2 to " + scale.size() + " breakpoints (one per IAQI value), found " + bps.size());
            }
            pollutants.add(new AirPollutant(e.getKey(), d.str(r, "name", p), d.str(r, "unit", p), bps, d.str(r, "source", p)));
        }
        Set<String> pollutantKeys = new LinkedHashSet<>();
        pollutants.forEach(x -> pollutantKeys.add(x.key()));
        List<String> required = new ArrayList<>(d.keySet(root, "required", "", pollutantKeys));
        int goodMax = d.integer(root, "goodMaxAqi", "");
        List<JsonNode> cn = d.list(root, "categories", "");
        List<AqiCategory> categories = new ArrayList<>();
        for (int i = 0; i < cn.size(); i++) {
            String p = "/categories/" + i;
            JsonNode r = cn.get(i);
            d.object(r, p);
            d.allowOnly(r, p, Set.of("min", "max", "level", "zh", "en", "source"));
            Integer max = r.has("max") ? d.integer(r, "max", p) : null;
            categories.add(new AqiCategory(d.integer(r, "min", p), max, d.str(r, "level", p), d.str(r, "zh", p),
                    d.str(r, "en", p), d.str(r, "source", p)));
        }
        try {
            return new AirQualityIndex(standard, scale, pollutants, required, categories, goodMax);
        } catch (IllegalArgumentException e) {
            throw d.error("", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ accidents

    /**
     * Parses the 国务院令第493号 table from YAML text.
     *
     * @param file name shown in errors
     * @param yaml the file's content
     * @return the grading
     * @throws StandardsException if the text is not valid YAML or not a valid table
     */
    public static AccidentGrading parseAccidentGrading(String file, String yaml) {
        Doc d = new Doc(file, yaml);
        JsonNode root = d.root;
        d.allowOnly(root, "", Set.of("standard", "inclusiveSource", "grades", "generalSource"));
        d.str(root, "standard", "");
        d.str(root, "inclusiveSource", "");
        String generalSource = d.str(root, "generalSource", "");
        List<JsonNode> gn = d.list(root, "grades", "");
        List<AccidentThreshold> rows = new ArrayList<>();
        for (int i = 0; i < gn.size(); i++) {
            String p = "/grades/" + i;
            JsonNode r = gn.get(i);
            d.object(r, p);
            d.allowOnly(r, p, Set.of("grade", "deaths", "seriousInjuries", "directLossYuan", "source"));
            String g = d.str(r, "grade", p);
            AccidentGrade grade;
            try {
                grade = AccidentGrade.valueOf(g);
            } catch (IllegalArgumentException e) {
                throw d.error(p + "/grade", "expected LARGER, MAJOR or EXTRAORDINARY, found \"" + g + "\"");
            }
            long deaths = d.integer(r, "deaths", p);
            long injuries = d.integer(r, "seriousInjuries", p);
            BigDecimal loss = d.number(d.field(r, "directLossYuan", p), p + "/directLossYuan");
            rows.add(new AccidentThreshold(grade, deaths, injuries, loss, d.str(r, "source", p)));
        }
        try {
            return new AccidentGrading(rows, generalSource);
        } catch (IllegalArgumentException e) {
            throw d.error("/grades", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ energy

    /**
     * Parses the GB/T 2589 table from YAML text.
     *
     * @param file name shown in errors
     * @param yaml the file's content
     * @return the converter
     * @throws StandardsException if the text is not valid YAML or not a valid table
     */
    public static StandardCoal parseStandardCoal(String file, String yaml) {
        Doc d = new Doc(file, yaml);
        JsonNode root = d.root;
        d.allowOnly(root, "", Set.of("standard", "kjPerKgce", "kjPerKgceSource", "carriers", "units"));
        d.str(root, "standard", "");
        d.str(root, "kjPerKgceSource", "");
        BigDecimal kj = d.number(d.field(root, "kjPerKgce", ""), "/kjPerKgce");
        List<EnergyUnit> units = new ArrayList<>();
        List<JsonNode> un = d.list(root, "units", "");
        for (int i = 0; i < un.size(); i++) {
            String p = "/units/" + i;
            JsonNode r = un.get(i);
            d.object(r, p);
            d.allowOnly(r, p, Set.of("symbol", "base", "factor", "aliases", "source"));
            BigDecimal factor = d.number(d.field(r, "factor", p), p + "/factor");
            if (factor.signum() <= 0) {
                throw d.error(p + "/factor", "must be > 0");
            }
            units.add(new EnergyUnit(d.str(r, "symbol", p), d.str(r, "base", p), factor, d.strings(r, "aliases", p),
                    d.str(r, "source", p)));
        }
        List<EnergyCarrier> carriers = new ArrayList<>();
        List<JsonNode> cn = d.list(root, "carriers", "");
        for (int i = 0; i < cn.size(); i++) {
            String p = "/carriers/" + i;
            JsonNode r = cn.get(i);
            d.object(r, p);
            d.allowOnly(r, p, Set.of("id", "name", "aliases", "unit", "kgcePerUnit", "source"));
            BigDecimal k = d.number(d.field(r, "kgcePerUnit", p), p + "/kgcePerUnit");
            if (k.signum() <= 0) {
                throw d.error(p + "/kgcePerUnit", "must be > 0");
            }
            carriers.add(new EnergyCarrier(d.str(r, "id", p), d.str(r, "name", p), d.strings(r, "aliases", p),
                    d.str(r, "unit", p), k, d.str(r, "source", p)));
        }
        try {
            return new StandardCoal(carriers, units, kj);
        } catch (IllegalArgumentException e) {
            throw d.error("", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "\"" + n.asText() + "\"";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list of " + n.size();
        }
        return n.toString();
    }

    /** One parsed file with error helpers. */
    private static final class Doc {
        final String file;
        final JsonNode root;

        Doc(String file, String yaml) {
            this.file = file;
            JsonNode r;
            try {
                r = YAML.readTree(yaml);
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                throw new StandardsException(file, where, "not valid YAML: " + e.getOriginalMessage(), e);
            }
            if (r == null || !r.isObject()) {
                throw new StandardsException(file, "", "expected a YAML mapping at the top, found " + describe(r));
            }
            this.root = r;
        }

        StandardsException error(String path, String problem) {
            return new StandardsException(file, path, problem);
        }

        void object(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw error(p, "expected a mapping, found " + describe(n));
            }
        }

        void allowOnly(JsonNode n, String p, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(p + "/" + f, "unknown field (expected one of " + String.join(", ", allowed) + ")");
                }
            }
        }

        JsonNode field(JsonNode n, String f, String p) {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) {
                throw error(p + "/" + f, "missing");
            }
            return v;
        }

        JsonNode objectField(JsonNode n, String f, String p) {
            JsonNode v = field(n, f, p);
            object(v, p + "/" + f);
            return v;
        }

        String str(JsonNode n, String f, String p) {
            JsonNode v = field(n, f, p);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(p + "/" + f, "expected a non-empty text, found " + describe(v));
            }
            return v.asText();
        }

        List<String> strings(JsonNode n, String f, String p) {
            JsonNode v = n.get(f);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                throw error(p + "/" + f, "expected a list of texts, found " + describe(v));
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                if (!x.isTextual() || x.asText().isBlank()) {
                    throw error(p + "/" + f + "/" + i, "expected a non-empty text, found " + describe(x));
                }
                out.add(x.asText());
            }
            return out;
        }

        List<JsonNode> list(JsonNode n, String f, String p) {
            JsonNode v = field(n, f, p);
            if (!v.isArray() || v.isEmpty()) {
                throw error(p + "/" + f, "expected a non-empty list, found " + describe(v));
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }

        BigDecimal number(JsonNode v, String p) {
            if (v == null || !v.isNumber()) {
                throw error(p, "expected a number, found " + describe(v));
            }
            // decimalValue() of a DecimalNode/IntNode is exact (floats are read as BigDecimal)
            return v.decimalValue();
        }

        int intValue(JsonNode v, String p) {
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(p, "expected a whole number, found " + describe(v));
            }
            return v.intValue();
        }

        int integer(JsonNode n, String f, String p) {
            return intValue(field(n, f, p), p + "/" + f);
        }

        Set<String> keySet(JsonNode n, String f, String p, Set<String> known) {
            JsonNode v = field(n, f, p);
            if (!v.isArray()) {
                throw error(p + "/" + f, "expected a list of keys, found " + describe(v));
            }
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                String q = p + "/" + f + "/" + i;
                if (!x.isTextual()) {
                    throw error(q, "expected a key, found " + describe(x));
                }
                if (!known.contains(x.asText())) {
                    throw error(q, "\"" + x.asText() + "\" is not defined in this file");
                }
                if (!out.add(x.asText())) {
                    throw error(q, "\"" + x.asText() + "\" is listed twice");
                }
            }
            return out;
        }
    }
}
