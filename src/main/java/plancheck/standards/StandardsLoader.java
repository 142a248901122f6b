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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/**
 * Reads the national-standard tables under {@code rules/standards/} (YAML, UTF-8) and builds the
 * pure classifiers from them, each with the period it is in force. The only class of
 * {@code plancheck.standards} that does I/O.
 *
 * <p>Every {@code *.yaml} file of the folder is one table. Its header says what it is and when it
 * applies:
 * <pre>
 * kind: air-quality-index     # surface-water | air-quality-index | air-limits | accidents | standard-coal
 * standard: "HJ 633—2026"
 * validFrom: 2026-03-01       # first day in force
 * validTo: 2030-12-31         # last day in force; omitted while no successor is known
 * clause: "…"                 # what puts it in force (and what replaces it)
 * </pre>
 * The tables of one kind must follow each other without overlap or gap ({@link Periods}); a
 * computation takes the table in force on the date of the measurement. A revision of a standard is
 * therefore a new file (and an end date on the old one), not new code. Kinds and the classes they
 * build:
 * <ul>
 *   <li>{@value #SURFACE_WATER} → {@link SurfaceWaterStandard} (GB 3838-2002 表1, 环办〔2011〕22号)</li>
 *   <li>{@value #AIR_QUALITY_INDEX} → {@link AirQualityIndex} (HJ 633 表1, 表2)</li>
 *   <li>{@value #AIR_LIMITS} → {@link AirLimits} (GB 3095 表1 二级, 表4)</li>
 *   <li>{@value #ACCIDENTS} → {@link AccidentGrading} (国务院令第493号 第三条)</li>
 *   <li>{@value #STANDARD_COAL} → {@link StandardCoal} (GB/T 2589 附录A)</li>
 * </ul>
 * The expected shape of each file is described in its header comment. Every row must carry a
 * non-empty {@code source} (the clause). Unknown fields, duplicate keys, non-numbers where numbers
 * are expected and inconsistent tables (limits out of order, breakpoints not increasing, …) are
 * errors.
 *
 * <p>Errors: every problem is reported as a {@link StandardsException} naming the file, the location
 * inside it (e.g. {@code /items/6/all/III}, or line and column for YAML syntax errors) and what is
 * wrong. Nothing is cached; each call reads the files again.
 */
public final class StandardsLoader {
    /** Kind of the surface-water table (GB 3838). */
    public static final String SURFACE_WATER = "surface-water";
    /** Kind of the AQI table (HJ 633). */
    public static final String AIR_QUALITY_INDEX = "air-quality-index";
    /** Kind of the air-quality limits (GB 3095). */
    public static final String AIR_LIMITS = "air-limits";
    /** Kind of the accident grades (Decree 493). */
    public static final String ACCIDENTS = "accidents";
    /** Kind of the standard-coal coefficients (GB/T 2589). */
    public static final String STANDARD_COAL = "standard-coal";
    /** The kinds, in the order they are reported. */
    public static final List<String> KINDS = List.of(SURFACE_WATER, AIR_QUALITY_INDEX, AIR_LIMITS, ACCIDENTS, STANDARD_COAL);
    /** Default directory, relative to the working directory: {@code rules/standards}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("rules", "standards");

    private static final Set<String> HEADER = Set.of("kind", "standard", "title", "validFrom", "validTo", "clause");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path directory;
    private final java.util.function.Function<Path, String> display;

    /**
     * @param directory the folder holding the tables (usually {@code <rules>/standards})
     */
    public StandardsLoader(Path directory) {
        this(directory, p -> p.toString().replace('\\', '/'));
    }

    /**
     * @param directory the folder holding the tables
     * @param display   how a file's path is shown in errors and in the tables' {@link Validity#file()}
     *                  (reports show paths relative to the working folder)
     */
    public StandardsLoader(Path directory, java.util.function.Function<Path, String> display) {
        this.directory = directory;
        this.display = display;
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
     * Reads every table of the folder and arranges each kind's tables by period.
     *
     * @return the tables
     * @throws StandardsException if the folder or a file cannot be read, a file is malformed or of an
     *                            unknown kind, two tables of one kind overlap or leave a gap (naming the
     *                            later file), or a kind has no table at all (naming the folder)
     */
    public StandardTables load() {
        List<Path> files = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(directory)) {
            s.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().forEach(files::add);
        } catch (NoSuchFileException e) {
            throw new StandardsException(display.apply(directory), "", 0, 0, Msg.text("standards.folder-not-found"), e);
        } catch (IOException e) {
            throw new StandardsException(display.apply(directory), "", 0, 0, cannotRead(e), e);
        }
        Map<String, List<StandardTable>> byKind = new java.util.LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
        for (Path f : files) {
            String name = display.apply(f);
            String text = read(f, name);
            String kind = new Doc(name, text).kind();
            StandardTable t = switch (kind) {
                case SURFACE_WATER -> parseSurfaceWater(name, text);
                case AIR_QUALITY_INDEX -> parseAirQuality(name, text);
                case AIR_LIMITS -> parseAirLimits(name, text);
                case ACCIDENTS -> parseAccidentGrading(name, text);
                default -> parseStandardCoal(name, text);
            };
            byKind.get(kind).add(t);
        }
        for (Map.Entry<String, List<StandardTable>> e : byKind.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new StandardsException(display.apply(directory), "", Msg.text("standards.kind-without-table",
                        "kind", e.getKey(), "kinds", KINDS));
            }
        }
        return new StandardTables(periods(byKind, SURFACE_WATER, SurfaceWaterStandard.class),
                periods(byKind, AIR_QUALITY_INDEX, AirQualityIndex.class), periods(byKind, AIR_LIMITS, AirLimits.class),
                periods(byKind, ACCIDENTS, AccidentGrading.class), periods(byKind, STANDARD_COAL, StandardCoal.class));
    }

    private static <T extends StandardTable> Periods<T> periods(Map<String, List<StandardTable>> byKind, String kind, Class<T> type) {
        List<T> l = new ArrayList<>();
        byKind.get(kind).forEach(t -> l.add(type.cast(t)));
        try {
            return new Periods<>(kind, l);
        } catch (Periods.PeriodException e) {
            throw new StandardsException(e.table().file(), "/validFrom", periodProblem(e));
        }
    }

    private static String read(Path f, String name) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StandardsException(name, "", 0, 0, Msg.text("standards.file-not-found"), e);
        } catch (IOException e) {
            throw new StandardsException(name, "", 0, 0, cannotRead(e), e);
        }
    }

    /** The header every table carries: kind, standard, validFrom, validTo (optional), clause. */
    private static Validity validity(Doc d, String kind) {
        if (!kind.equals(d.kind())) {
            throw d.error("/kind", Msg.text("standards.kind-mismatch", "expected", kind, "found", d.kind()));
        }
        LocalDate from = d.date(d.root, "validFrom");
        LocalDate to = d.root.has("validTo") && !d.root.get("validTo").isNull() ? d.date(d.root, "validTo") : null;
        if (to != null && to.isBefore(from)) {
            throw d.error("/validTo", Msg.text("standards.valid-to-before-from", "to", to, "from", from));
        }
        return new Validity(kind, d.str(d.root, "standard", ""), from, to, d.str(d.root, "clause", ""), d.file);
    }

    private static Set<String> with(Set<String> header, String... fields) {
        Set<String> s = new LinkedHashSet<>(header);
        s.addAll(List.of(fields));
        return s;
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
        d.allowOnly(root, "", with(HEADER, "table", "items", "assessment"));
        Validity validity = validity(d, SURFACE_WATER);
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
                throw d.error(p + "/key", Msg.text("standards.item-twice", "key", Bounded.quote(key)));
            }
            int no = d.integer(r, "no", p);
            String name = d.str(r, "name", p);
            String unit = d.str(r, "unit", p);
            String typeText = d.str(r, "type", p);
            WaterItem.Type type;
            try {
                type = WaterItem.Type.valueOf(typeText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw d.error(p + "/type", Msg.text("standards.water-type", "found", Bounded.quote(typeText)));
            }
            String source = d.str(r, "source", p);
            Map<Waterbody, Map<WaterClass, WaterLimit>> limits = new EnumMap<>(Waterbody.class);
            boolean hasAll = r.has("all");
            if (hasAll && (r.has("river") || r.has("lake"))) {
                throw d.error(p, Msg.text("standards.all-or-waterbody"));
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
                throw d.error(p, Msg.text("standards.none-with-limits"));
            }
            if (type != WaterItem.Type.NONE && limits.isEmpty()) {
                throw d.error(p, Msg.text("standards.type-needs-limits", "type", Bounded.cut(typeText)));
            }
            items.add(new WaterItem(key, no, name, unit, type, limits, source));
        }
        JsonNode a = d.objectField(root, "assessment", "");
        d.allowOnly(a, "/assessment", Set.of("method", "source", "assessed", "reference"));
        String assessmentSource = d.str(a, "source", "/assessment");
        Set<String> assessed = d.keySet(a, "assessed", "/assessment", keys);
        Set<String> reference = d.keySet(a, "reference", "/assessment", keys);
        try {
            return new SurfaceWaterStandard(validity, items, assessed, reference, assessmentSource);
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("/assessment", e);
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
                throw d.error(p, Msg.text("standards.class-limit-missing", "cls", c.name()));
            }
            WaterLimit lim;
            if (type == WaterItem.Type.RANGE) {
                if (!v.isArray() || v.size() != 2) {
                    throw d.error(cp, Msg.text("standards.range-pair", "found", describe(v)));
                }
                BigDecimal lo = d.number(v.get(0), cp + "/0");
                BigDecimal hi = d.number(v.get(1), cp + "/1");
                if (lo.compareTo(hi) > 0) {
                    throw d.error(cp, Msg.text("standards.range-inverted", "min", lo.toPlainString(), "max", hi.toPlainString()));
                }
                lim = new WaterLimit(lo, hi);
                if (prev != null && (lo.compareTo(prev.min()) > 0 || hi.compareTo(prev.max()) < 0)) {
                    throw d.error(cp, Msg.text("standards.range-narrower", "cls", c.name(), "prev", prev));
                }
            } else {
                BigDecimal x = d.number(v, cp);
                if (x.signum() < 0) {
                    throw d.error(cp, Msg.text("standards.limit-negative", "found", x.toPlainString()));
                }
                lim = type == WaterItem.Type.MIN ? new WaterLimit(x, null) : new WaterLimit(null, x);
                if (prev != null) {
                    boolean ok = type == WaterItem.Type.MIN ? x.compareTo(prev.min()) <= 0 : x.compareTo(prev.max()) >= 0;
                    if (!ok) {
                        throw d.error(cp, Msg.text(type == WaterItem.Type.MIN ? "standards.limit-stricter-min" : "standards.limit-stricter-max",
                                "limit", x.toPlainString(), "cls", c.name(), "prev", prev));
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
        d.allowOnly(root, "", with(HEADER, "rounding", "concentrationRounding", "iaqi", "pollutants", "required", "goodMaxAqi",
                "goodSource", "primarySource", "categories", "realTime", "realTimeSource"));
        Validity validity = validity(d, AIR_QUALITY_INDEX);
        String rounding = d.str(root, "rounding", "");
        if (!rounding.equals("ceiling")) {
            throw d.error("/rounding", Msg.text("standards.rounding", "found", Bounded.quote(rounding)));
        }
        String concentrationRounding = d.str(root, "concentrationRounding", "");
        if (!concentrationRounding.equals("half-even")) {
            throw d.error("/concentrationRounding", Msg.text("standards.concentration-rounding",
                    "found", Bounded.quote(concentrationRounding)));
        }
        d.str(root, "goodSource", "");
        d.str(root, "primarySource", "");
        List<JsonNode> scaleNodes = d.list(root, "iaqi", "");
        List<Integer> scale = new ArrayList<>();
        for (int i = 0; i < scaleNodes.size(); i++) {
            int v = d.intValue(scaleNodes.get(i), "/iaqi/" + i);
            if (i == 0 ? v != 0 : v <= scale.get(i - 1)) {
                throw d.error("/iaqi/" + i, Msg.text("standards.iaqi-scale"));
            }
            scale.add(v);
        }
        List<AirPollutant> pollutants = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : d.rows(root, "pollutants", Set.of("name", "unit", "breakpoints", "decimals", "confidence", "source"))) {
            String p = "/pollutants/" + e.getKey();
            JsonNode r = e.getValue();
            List<JsonNode> bpn = d.list(r, "breakpoints", p);
            List<BigDecimal> bps = new ArrayList<>();
            for (int i = 0; i < bpn.size(); i++) {
                BigDecimal b = d.number(bpn.get(i), p + "/breakpoints/" + i);
                if (i == 0 ? b.signum() != 0 : b.compareTo(bps.get(i - 1)) <= 0) {
                    throw d.error(p + "/breakpoints/" + i, Msg.text("standards.breakpoints"));
                }
                bps.add(b);
            }
            if (bps.size() < 2 || bps.size() > scale.size()) {
                throw d.error(p + "/breakpoints", Msg.text("standards.breakpoints-count", "max", scale.size(), "found", bps.size()));
            }
            int decimals = r.has("decimals") ? d.integer(r, "decimals", p) : 0;
            if (decimals < 0 || decimals > 3) {
                throw d.error(p + "/decimals", Msg.text("standards.decimals", "found", decimals));
            }
            List<Confidence> conf = new ArrayList<>();
            if (r.has("confidence")) {
                List<JsonNode> cn = d.list(r, "confidence", p);
                for (int i = 0; i < cn.size(); i++) {
                    conf.add(d.confidence(cn.get(i), p + "/confidence/" + i, true));
                }
            }
            try {
                pollutants.add(new AirPollutant(e.getKey(), d.str(r, "name", p), d.str(r, "unit", p), bps, decimals, conf,
                        d.str(r, "source", p)));
            } catch (IllegalArgumentException x) {
                throw d.inconsistent(p + "/confidence", x);
            }
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
        Map<String, String> realTime = new java.util.LinkedHashMap<>();
        if (root.has("realTime")) {
            JsonNode rt = d.objectField(root, "realTime", "");
            d.str(root, "realTimeSource", "");
            for (Iterator<Map.Entry<String, JsonNode>> it = rt.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String row = d.str(rt, e.getKey(), "/realTime");
                if (!pollutantKeys.contains(row)) {
                    throw d.error("/realTime/" + e.getKey(), Msg.text("standards.not-a-pollutant", "row", Bounded.quote(row)));
                }
                realTime.put(e.getKey(), row);
            }
        }
        try {
            return new AirQualityIndex(validity, scale, pollutants, required, categories, goodMax, realTime);
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("", e);
        }
    }

    // ------------------------------------------------------------------ air limits

    /**
     * Parses a GB 3095 limits table from YAML text.
     *
     * @param file name shown in errors
     * @param yaml the file's content
     * @return the limits
     * @throws StandardsException if the text is not valid YAML or not a valid table
     */
    public static AirLimits parseAirLimits(String file, String yaml) {
        Doc d = new Doc(file, yaml);
        JsonNode root = d.root;
        d.allowOnly(root, "", with(HEADER, "grade", "limits", "dataValidity"));
        Validity validity = validity(d, AIR_LIMITS);
        String grade = d.str(root, "grade", "");
        List<AirLimit> limits = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : d.rows(root, "limits", Set.of("unit", "annual", "daily", "source", "confidence"))) {
            String p = "/limits/" + e.getKey();
            JsonNode r = e.getValue();
            BigDecimal annual = r.has("annual") ? d.positive(r.get("annual"), p + "/annual") : null;
            BigDecimal daily = r.has("daily") ? d.positive(r.get("daily"), p + "/daily") : null;
            if (annual == null && daily == null) {
                throw d.error(p, Msg.text("standards.annual-or-daily"));
            }
            if (annual != null && daily != null && annual.compareTo(daily) > 0) {
                throw d.error(p + "/annual", Msg.text("standards.annual-above-daily", "annual", annual.toPlainString(), "daily", daily.toPlainString()));
            }
            Confidence c = r.has("confidence") ? d.confidence(r.get("confidence"), p + "/confidence", false)
                    : new Confidence(null, Confidence.CONFIRMED, d.str(r, "source", p));
            limits.add(new AirLimit(e.getKey(), d.str(r, "unit", p), annual, daily, d.str(r, "source", p), c));
        }
        JsonNode v = d.objectField(root, "dataValidity", "");
        d.allowOnly(v, "/dataValidity", Set.of("hoursPerDailyMean", "hoursPerEightHourMean", "eightHourMeansPerDay", "source", "confidence"));
        AirLimits.DataValidity dv;
        try {
            String src = d.str(v, "source", "/dataValidity");
            dv = new AirLimits.DataValidity(d.integer(v, "hoursPerDailyMean", "/dataValidity"),
                    d.integer(v, "hoursPerEightHourMean", "/dataValidity"), d.integer(v, "eightHourMeansPerDay", "/dataValidity"), src,
                    v.has("confidence") ? d.confidence(v.get("confidence"), "/dataValidity/confidence", false)
                            : new Confidence(null, Confidence.CONFIRMED, src));
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("/dataValidity", e);
        }
        try {
            return new AirLimits(validity, grade, limits, dv);
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("/limits", e);
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
        d.allowOnly(root, "", with(HEADER, "inclusiveSource", "grades", "generalSource"));
        Validity validity = validity(d, ACCIDENTS);
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
                throw d.error(p + "/grade", Msg.text("standards.accident-grade", "found", Bounded.quote(g)));
            }
            long deaths = d.integer(r, "deaths", p);
            long injuries = d.integer(r, "seriousInjuries", p);
            BigDecimal loss = d.number(d.field(r, "directLossYuan", p), p + "/directLossYuan");
            rows.add(new AccidentThreshold(grade, deaths, injuries, loss, d.str(r, "source", p)));
        }
        try {
            return new AccidentGrading(validity, rows, generalSource);
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("/grades", e);
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
        d.allowOnly(root, "", with(HEADER, "kjPerKgce", "kjPerKgceSource", "carriers", "units"));
        Validity validity = validity(d, STANDARD_COAL);
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
                throw d.error(p + "/factor", Msg.text("standards.positive"));
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
                throw d.error(p + "/kgcePerUnit", Msg.text("standards.positive"));
            }
            carriers.add(new EnergyCarrier(d.str(r, "id", p), d.str(r, "name", p), d.strings(r, "aliases", p),
                    d.str(r, "unit", p), k, d.str(r, "source", p)));
        }
        try {
            return new StandardCoal(validity, carriers, units, kj);
        } catch (IllegalArgumentException e) {
            throw d.inconsistent("", e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** @return what was found instead, in both languages; a value of the file quoted through {@link Bounded} */
    private static Text describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return Msg.text("standards.found-nothing");
        }
        if (n.isNull()) {
            return new Text("null", "null");
        }
        if (n.isTextual()) {
            String q = Bounded.quote(n.asText());
            return new Text(q, q);
        }
        if (n.isObject()) {
            return Msg.text("standards.found-mapping");
        }
        if (n.isArray()) {
            return Msg.text("standards.found-list", "size", n.size());
        }
        String v = Bounded.cut(n.toString());
        return new Text(v, v);
    }

    private static Text cannotRead(IOException e) {
        return Msg.text("standards.cannot-read", "detail", Bounded.cut(String.valueOf(e.getMessage()), 200));
    }

    /** The problem of two tables' periods, in both languages. */
    private static Text periodProblem(Periods.PeriodException e) {
        Validity b = e.table();
        Validity a = e.other();
        return switch (e.reason()) {
            case KIND -> Msg.text("standards.period-kind", "kind", b.kind(), "expected", e.kind());
            case OVERLAP -> Msg.text("standards.period-overlap", "period", new Text(b.periodZh(), b.periodEn()), "other", a.file(),
                    "standard", a.standard(), "otherPeriod", new Text(a.periodZh(), a.periodEn()), "kind", e.kind(), "day", b.from());
            case GAP -> Msg.text("standards.period-gap", "from", b.from(), "other", a.file(), "standard", a.standard(),
                    "to", a.to(), "kind", e.kind(), "gapFrom", a.to().plusDays(1), "gapTo", b.from().minusDays(1));
        };
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
                throw new StandardsException(file, where, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                        Msg.text("standards.not-yaml", "detail", Bounded.cut(String.valueOf(e.getOriginalMessage()), 200)), e);
            }
            if (r == null || !r.isObject()) {
                throw new StandardsException(file, "", Msg.text("standards.top-mapping", "found", describe(r)));
            }
            this.root = r;
        }

        StandardsException error(String path, Text problem) {
            return new StandardsException(file, path, problem);
        }

        /** A table its own class refuses (rows that contradict each other): the class's words, framed. */
        StandardsException inconsistent(String path, IllegalArgumentException e) {
            return error(path, e instanceof TableException t ? t.text() : Msg.text("standards.inconsistent", "detail", Bounded.cut(String.valueOf(e.getMessage()), 400)));
        }

        /** The rows of a mapping field (key → row), each a mapping with only the allowed fields. */
        List<Map.Entry<String, JsonNode>> rows(JsonNode n, String f, Set<String> allowed) {
            JsonNode m = objectField(n, f, "");
            List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "/" + f + "/" + e.getKey();
                object(e.getValue(), p);
                allowOnly(e.getValue(), p, allowed);
                out.add(e);
            }
            return out;
        }

        /** The table's kind, one of {@link #KINDS}. */
        String kind() {
            String k = str(root, "kind", "");
            if (!KINDS.contains(k)) {
                throw error("/kind", Msg.text("standards.unknown-kind", "found", Bounded.quote(k), "kinds", String.join(", ", KINDS)));
            }
            return k;
        }

        LocalDate date(JsonNode n, String f) {
            JsonNode v = field(n, f, "");
            String t = v.isTextual() ? v.asText() : v.toString();
            try {
                if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
                }
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw error("/" + f, Msg.text("standards.date", "found", describe(v)));
            }
        }

        BigDecimal positive(JsonNode v, String p) {
            BigDecimal b = number(v, p);
            if (b.signum() <= 0) {
                throw error(p, Msg.text("standards.positive-found", "found", b.toPlainString()));
            }
            return b;
        }

        /** {level, basis} (and upTo for a bracket of a breakpoint row). */
        Confidence confidence(JsonNode n, String p, boolean bracket) {
            object(n, p);
            allowOnly(n, p, bracket ? Set.of("upTo", "level", "basis") : Set.of("level", "basis"));
            BigDecimal upTo = bracket ? number(field(n, "upTo", p), p + "/upTo") : null;
            String level = str(n, "level", p);
            if (!level.equals(Confidence.CONFIRMED) && !level.equals(Confidence.UNCONFIRMED)) {
                throw error(p + "/level", Msg.text("standards.confidence-level", "found", Bounded.quote(level)));
            }
            return new Confidence(upTo, level, str(n, "basis", p));
        }

        void object(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw error(p, Msg.text("standards.mapping", "found", describe(n)));
            }
        }

        void allowOnly(JsonNode n, String p, Set<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(p + "/" + f, Msg.text("standards.unknown-field", "fields", String.join(", ", new java.util.TreeSet<>(allowed))));
                }
            }
        }

        JsonNode field(JsonNode n, String f, String p) {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) {
                throw error(p + "/" + f, Msg.text("standards.missing"));
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
                throw error(p + "/" + f, Msg.text("standards.text", "found", describe(v)));
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
                throw error(p + "/" + f, Msg.text("standards.texts", "found", describe(v)));
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                if (!x.isTextual() || x.asText().isBlank()) {
                    throw error(p + "/" + f + "/" + i, Msg.text("standards.text", "found", describe(x)));
                }
                out.add(x.asText());
            }
            return out;
        }

        List<JsonNode> list(JsonNode n, String f, String p) {
            JsonNode v = field(n, f, p);
            if (!v.isArray() || v.isEmpty()) {
                throw error(p + "/" + f, Msg.text("standards.list", "found", describe(v)));
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }

        BigDecimal number(JsonNode v, String p) {
            if (v == null || !v.isNumber()) {
                throw error(p, Msg.text("standards.number", "found", describe(v)));
            }
            // decimalValue() of a DecimalNode/IntNode is exact (floats are read as BigDecimal)
            return v.decimalValue();
        }

        int intValue(JsonNode v, String p) {
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(p, Msg.text("standards.whole-number", "found", describe(v)));
            }
            return v.intValue();
        }

        int integer(JsonNode n, String f, String p) {
            return intValue(field(n, f, p), p + "/" + f);
        }

        Set<String> keySet(JsonNode n, String f, String p, Set<String> known) {
            JsonNode v = field(n, f, p);
            if (!v.isArray()) {
                throw error(p + "/" + f, Msg.text("standards.keys", "found", describe(v)));
            }
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                String q = p + "/" + f + "/" + i;
                if (!x.isTextual()) {
                    throw error(q, Msg.text("standards.key", "found", describe(x)));
                }
                if (!known.contains(x.asText())) {
                    throw error(q, Msg.text("standards.key-undefined", "key", Bounded.quote(x.asText())));
                }
                if (!out.add(x.asText())) {
                    throw error(q, Msg.text("standards.key-twice", "key", Bounded.quote(x.asText())));
                }
            }
            return out;
        }
    }
}
