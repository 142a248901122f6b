package plancheck.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import plancheck.i18n.Msg;
import plancheck.load.sheet.SheetReader;
import plancheck.model.Bounded;
import plancheck.model.Evidence;
import plancheck.model.PlanTarget;
import plancheck.model.Records;
import plancheck.model.Text;

/**
 * Reads and validates submission files (contract §2): JSON with Jackson, and the workbooks (XLSX) and
 * CSV files bureaus keep their figures in ({@link SheetReader}, the layout of {@code plancheck template}).
 *
 * <p>Structural problems stop the run: a file that is not what its name says, not JSON, a value of the
 * wrong type, a missing {@code region}, {@code year} or {@code unit}, an unknown key or indicator id.
 * Every problem found in every file is collected (file, line:column and JSON pointer, or sheet!cell;
 * what was expected, in Chinese and English, from the message file {@code input.yaml}) and thrown
 * together as an {@link InputException}. Problems of meaning (an unknown unit, a conflict between bureaus, an
 * accident dated outside its year, a crop output in an unknown unit) are not structural: the rules report
 * them as findings. Besides contract §2 the reader accepts the optional extensions described in
 * docs/submissions.md ({@code cropOutput[]}).
 */
public final class SubmissionReader {

    /** The submission format this version reads. */
    public static final String FORMAT = "plancheck-facts/1";

    private static final Set<String> TOP = Set.of("format", "region", "year", "submitter", "stage", "indicators",
            "waterSamples", "airDaily", "accidents", "energyUse", "cropOutput", "note", "notes");
    private static final Set<String> INDICATOR_KEYS = Set.of("id", "value", "unit", "caliber", "note");
    private static final Set<String> WATER_KEYS = Set.of("section", "river", "waterbody", "control", "month",
            "values", "note");
    private static final Set<String> AIR_KEYS = Set.of("station", "date", "PM2.5", "PM10", "SO2", "NO2", "CO",
            "O3_8h", "note", "counts", "background", "source");
    /** Keys of the optional {@code airDaily[].source} (docs/submissions.md). */
    private static final Set<String> AIR_SOURCE_KEYS = Set.of("file", "sha256", "rows");
    private static final Set<String> ACCIDENT_KEYS = Set.of("id", "date", "sector", "deaths", "seriousInjuries",
            "directLossYuan", "note");
    private static final Set<String> ENERGY_KEYS = Set.of("carrier", "quantity", "unit", "note");
    /** Keys of the optional extension {@code cropOutput[]} (docs/submissions.md). */
    private static final Set<String> CROP_KEYS = Set.of("crop", "quantity", "unit", "basis", "note");

    /** The most problems listed for one file; the rest are counted. */
    public static final int MAX_PROBLEMS_PER_FILE = 200;

    private final Catalogue catalogue;
    private final int lastYear;
    private final List<InputProblem> problems = new ArrayList<>();
    private AirSink airSink;

    /** Takes daily air records as they are read, instead of the submission's list. */
    @FunctionalInterface
    public interface AirSink {
        /**
         * @param day    the record
         * @param stage  its submission's stage ("final" or "preliminary")
         * @param region its submission's region as written
         */
        void accept(Records.AirDay day, String stage, String region);
    }

    /**
     * Daily air records read by {@link #readAll} go to {@code sink} as they are read (files in the order
     * given, records in file order: a list met before the file's year, stage and region is read once
     * they are known) and are not kept: the submissions' {@code air()} lists are then empty.
     *
     * @param sink takes each record with its submission's stage and region
     * @return this reader
     */
    public SubmissionReader airTo(AirSink sink) {
        this.airSink = sink;
        return this;
    }

    /** @param knownIndicators the ids of the catalogue; an indicator id outside it is a problem */
    public SubmissionReader(Set<String> knownIndicators) {
        this(knownIndicators, 2100);
    }

    /**
     * @param knownIndicators the ids of the catalogue; an indicator id outside it is a problem
     * @param lastYear        the plan's target year: a submission for a later year is a problem
     */
    public SubmissionReader(Set<String> knownIndicators, int lastYear) {
        this(Catalogue.ofIds(knownIndicators), lastYear);
    }

    /**
     * @param catalogue the plans' targets: ids, names (suggested for a name written as an id), units
     *                  (a unit the plan prints as none may be left out) and calibers
     * @param lastYear  the plan's target year: a submission for a later year is a problem
     */
    public SubmissionReader(Catalogue catalogue, int lastYear) {
        this.catalogue = catalogue;
        this.lastYear = lastYear;
    }

    /**
     * The regions the plans cover: a submission for another region is a problem at its place (the
     * {@code region} value's line:column, the workbook's or CSV file's cell), never checked against
     * another region's plan.
     *
     * @param covered true for a region some plan covers
     * @param named   what the plans cover, for the message
     * @return this reader
     */
    public SubmissionReader regions(java.util.function.Predicate<String> covered, Text named) {
        this.regions = covered;
        this.regionsNamed = named;
        return this;
    }

    private java.util.function.Predicate<String> regions;
    private Text regionsNamed;

    /**
     * @param region a submission's region
     * @return the problem of a region no plan covers, or null (also when the plans' regions are not known)
     */
    public Text uncovered(String region) {
        if (regions == null || region == null || regions.test(region)) {
            return null;
        }
        return Msg.text("app.region-not-covered", "region", Bounded.cut(region), "covered", regionsNamed);
    }

    /** @return true for the names of files a folder is searched for: *.json, *.xlsx, *.xlsm, *.csv */
    public static boolean isSubmissionName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return !n.startsWith("~$") && !n.startsWith(".") && (n.endsWith(".json") || SheetReader.isSheetName(n));
    }

    /**
     * Expands the command line's paths: files as given, folders searched recursively for submissions
     * ({@code *.json}, {@code *.xlsx}, {@code *.csv}; Excel's lock files {@code ~$…} and hidden files
     * skipped), sorted so the order never depends on the file system.
     *
     * @param paths files or folders
     * @return the files, sorted by path
     * @throws InputException when a path does not exist or no submission is found
     */
    public static List<Path> expand(List<Path> paths) throws InputException, IOException {
        return expand(paths, new ArrayList<>());
    }

    /**
     * The same, with what the folders hold but cannot be read (an unreadable sub-folder, a dangling link,
     * a loop of links) added to {@code notes} with its path; a path given explicitly that cannot be read
     * is a problem.
     *
     * @param paths files or folders
     * @param notes where the notes go
     * @return the JSON files, sorted by path
     * @throws InputException when a path given does not exist or cannot be read, or no submission is found
     */
    public static List<Path> expand(List<Path> paths, List<InputProblem> notes) throws InputException, IOException {
        List<InputProblem> missing = new ArrayList<>();
        java.util.TreeSet<Path> files = new java.util.TreeSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                FolderWalk.Found found = FolderWalk.walk(p, f -> isSubmissionName(f.getFileName().toString()), false);
                files.addAll(found.files());
                for (InputProblem n : found.notes()) {
                    (n.file().equals(Paths2.display(p)) ? missing : notes).add(n);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p.normalize());
            } else {
                missing.add(FolderWalk.notFound(p));
            }
        }
        if (missing.isEmpty() && files.isEmpty()) {
            missing.add(new InputProblem(String.join(" ", paths.stream().map(Path::toString).toList()), 0, 0, "",
                    Msg.text("input.none-found")));
        }
        files = FolderWalk.once(files, notes);
        if (!missing.isEmpty()) {
            throw new InputException(missing);
        }
        return List.copyOf(files);
    }

    /**
     * The region a submission names, read without reading its records: the parser stops at the
     * top-level {@code region} (records before it are skipped, not kept); a workbook's or CSV file's
     * 地区 above its first table. Used to group the files of a run by region before any is read in full.
     *
     * @param file a submission file
     * @return its region, or null when the file cannot be read that far (reading it in full then says why)
     */
    public static String region(Path file) {
        if (SheetReader.isSheetName(file.getFileName().toString())) {
            return SheetReader.region(file);
        }
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
             com.fasterxml.jackson.core.JsonParser p = HEADER.createParser(in)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                if (name.equals("region")) {
                    return t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory HEADER = com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(LocatedJson.LIMITS).build();

    /**
     * Reads every file; throws after reading them all if any has a structural problem.
     *
     * @param files submission files
     * @return the submissions, in the order given
     * @throws InputException listing every structural problem of every file
     */
    public List<Submission> readAll(List<Path> files) throws InputException, IOException {
        List<Submission> out = new ArrayList<>();
        for (Path f : files) {
            int before = problems.size();
            Submission s = read(f);
            capProblems(before, Paths2.display(f));
            if (s != null && airSink != null && !s.air().isEmpty()) {
                // a workbook's or CSV file's records (read whole) go to the sink too, in file order
                for (Records.AirDay d : s.air()) {
                    airSink.accept(d, s.stage(), s.region());
                }
                s = new Submission(s.file(), s.sha256(), s.region(), s.year(), s.submitter(), s.stage(), s.indicators(),
                        s.water(), List.of(), s.accidents(), s.energy(), s.crops());
            }
            if (s != null) {
                out.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }

    /** Keeps at most {@link #MAX_PROBLEMS_PER_FILE} problems of one file, and says how many more there were. */
    private void capProblems(int from, String file) {
        int n = problems.size() - from;
        if (n > MAX_PROBLEMS_PER_FILE) {
            List<InputProblem> mine = new ArrayList<>(problems.subList(from, problems.size()));
            mine.sort(null);
            problems.subList(from, problems.size()).clear();
            problems.addAll(mine.subList(0, MAX_PROBLEMS_PER_FILE));
            problems.add(new InputProblem(file, Integer.MAX_VALUE, 0, "", Msg.text("input.too-many",
                    "count", n - MAX_PROBLEMS_PER_FILE, "max", MAX_PROBLEMS_PER_FILE)));
        }
    }

    /** The record lists of a submission, filled one record at a time. */
    private final class Lists {
        final List<Submission.IndicatorValue> ind = new ArrayList<>();
        final List<Records.WaterSample> water = new ArrayList<>();
        final List<Records.AirDay> air = new ArrayList<>();
        final List<Records.Accident> acc = new ArrayList<>();
        final List<Records.EnergyUse> energy = new ArrayList<>();
        final List<JsonNode> cropNodes = new ArrayList<>();
        final List<String> cropPointers = new ArrayList<>();
    }

    /** The keys whose value is a list of records, read element by element. */
    private static final Set<String> LISTS = Set.of("indicators", "waterSamples", "airDaily", "accidents", "energyUse",
            "cropOutput");

    /** Opens a submission as text: UTF-8 (a leading BOM dropped) or, with a UTF-16 BOM, UTF-16; strict. */
    private static java.io.Reader open(java.io.InputStream raw) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
        in.mark(TextDecoding.HEAD);
        byte[] head = in.readNBytes(TextDecoding.HEAD);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        TextDecoding.refuseUtf16WithoutBom(head); // its zero bytes are valid UTF-8: the parser would blame a character
        java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            cs = java.nio.charset.StandardCharsets.UTF_16;
        } else if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            in.skip(3);
        }
        java.io.PushbackReader r = new java.io.PushbackReader(new java.io.InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)), 1);
        int c = r.read();
        if (c >= 0 && c != '\uFEFF') {
            r.unread(c);
        }
        return r;
    }

    private static final com.fasterxml.jackson.core.JsonFactory FACTORY = com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(LocatedJson.LIMITS)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /**
     * Reads one file as a stream: the top-level values are kept, the records of each list are read,
     * validated and converted one at a time, each with the line and column of its own values only (so
     * memory does not grow with the file). A list met before the file's {@code year} is read in a second
     * pass over the file, once the year is known.
     */
    private Submission read(Path f) throws IOException {
        String file = Paths2.display(f);
        SheetReader.Kind kind = SheetReader.kindOf(f);
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (SheetReader.isSheetName(name) || kind != SheetReader.Kind.TEXT) {
            return new SheetReader(catalogue, lastYear, problems).regions(this).read(f, file, kind);
        }
        return read(file, () -> Files.newInputStream(f));
    }

    /**
     * Reads one submission from bytes (e.g. a file uploaded to the service), named {@code file} in every
     * message, with the same validation as a file on disk: JSON, or a workbook or CSV file (judged by its
     * content and name, as a file is).
     *
     * @param file  the name shown in messages and recorded as the evidence's input
     * @param bytes the file's bytes
     * @return the submission
     * @throws InputException listing every structural problem
     */
    public Submission readOne(String file, byte[] bytes) throws InputException {
        int before = problems.size();
        Submission s;
        try {
            s = readBytes(file, bytes);
        } catch (IOException e) {
            problems.add(new InputProblem(file, 0, 0, "", Msg.text("input.unreadable", "detail",
                    Bounded.cut(String.valueOf(e.getMessage())))));
            s = null;
        }
        capProblems(before, file);
        if (!problems.isEmpty() || s == null) {
            throw new InputException(List.copyOf(problems));
        }
        return s;
    }

    /** An upload: a workbook or CSV file is read from a temporary copy (POI opens workbooks from files). */
    private Submission readBytes(String file, byte[] bytes) throws IOException {
        SheetReader.Kind kind = SheetReader.kindOf(bytes);
        String name = file.toLowerCase(java.util.Locale.ROOT);
        if (!SheetReader.isSheetName(name) && kind == SheetReader.Kind.TEXT) {
            return read(file, () -> new java.io.ByteArrayInputStream(bytes));
        }
        String suffix = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^a-z.]", "") : "";
        Path tmp = Files.createTempFile("plancheck-upload-", suffix.length() > 1 ? suffix : ".bin");
        try {
            Files.write(tmp, bytes);
            return new SheetReader(catalogue, lastYear, problems).regions(this).read(tmp, file, kind);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Opens a submission's bytes, once per pass. */
    private interface Source {
        java.io.InputStream open() throws IOException;
    }

    private Submission read(String file, Source source) {
        int before = problems.size();
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, int[]> top = new java.util.HashMap<>();
        com.fasterxml.jackson.databind.node.ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .withExactBigDecimals(true).objectNode();
        Ctx c = new Ctx(file, top);
        Lists lists = new Lists();
        java.util.Set<String> deferred = new java.util.LinkedHashSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean[] yearKnown = {false};
        int[] year = {0};
        String[] listStage = {null};
        String[] listRegion = {null};
        com.fasterxml.jackson.core.JsonParser[] parser = {null};
        try (java.io.InputStream raw = new java.security.DigestInputStream(source.open(), sha);
             com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(open(raw))) {
            parser[0] = p;
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "empty file (expected a JSON object)");
            }
            JsonLocation l0 = p.currentTokenLocation();
            top.put("", new int[] {l0.getLineNr(), l0.getColumnNr()});
            if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                LocatedJson.readTree(p, "", top, false, file, problems);
                c.err("", Msg.text("input.not-object"));
                trailing(p);
                return null;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation kl = p.currentTokenLocation();
                String ptr = "/" + name.replace("~", "~0").replace("/", "~1");
                p.nextToken();
                if (!seen.add(name)) {
                    problems.add(new InputProblem(file, kl.getLineNr(), kl.getColumnNr(), ptr,
                            Msg.text("input.key-twice", "key", Bounded.cut(name))));
                }
                if (LISTS.contains(name) && p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    JsonLocation al = p.currentTokenLocation();
                    top.put(ptr, new int[] {al.getLineNr(), al.getColumnNr()});
                    root.putArray(name);
                    if (yearKnown[0] && (airSink == null || !name.equals("airDaily")
                            || listStage[0] != null && listRegion[0] != null)) {
                        readList(p, name, c, lists, year[0], listStage[0], listRegion[0], file);
                    } else {
                        deferred.add(name);
                        p.skipChildren();
                    }
                    continue;
                }
                JsonNode v = LocatedJson.readTree(p, ptr, top, false, file, problems);
                root.set(name, v);
                if (name.equals("year")) {
                    yearKnown[0] = true;
                    year[0] = yearOf(v, lastYear);
                } else if (name.equals("stage")) {
                    listStage[0] = "preliminary".equals(v.asText()) ? "preliminary" : "final";
                } else if (name.equals("region")) {
                    listRegion[0] = v.asText();
                }
            }
            trailing(p);
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers every byte
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // where the parser stood when the limit was passed
            JsonLocation l = e.getLocation() != null ? e.getLocation()
                    : parser[0] == null ? null : parser[0].currentTokenLocation();
            problems.add(new InputProblem(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    LocatedJson.limitText(e.getOriginalMessage())));
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new InputProblem(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    JsonSyntax.explain(e.getOriginalMessage())));
            return null;
        } catch (TextDecoding.BadEncoding e) {
            problems.add(new InputProblem(file, e.line(), e.column(), "", e.text()));
            return null;
        } catch (java.nio.charset.CharacterCodingException e) {
            TextDecoding.BadEncoding bad = TextDecoding.locate(source::open);
            problems.add(bad == null ? new InputProblem(file, 0, 0, "", Msg.text("input.not-utf8"))
                    : new InputProblem(file, bad.line(), bad.column(), "", bad.text()));
            return null;
        } catch (IOException e) {
            problems.add(new InputProblem(file, 0, 0, "", FolderWalk.cannotRead(e)));
            return null;
        }
        if (!deferred.isEmpty()) {
            try {
                secondPass(source, deferred, c, lists, year[0], listStage[0] == null ? "final" : listStage[0],
                        listRegion[0], file);
            } catch (IOException e) {
                problems.add(new InputProblem(file, 0, 0, "", FolderWalk.cannotRead(e)));
                return null;
            }
        }
        c.unknownKeys(root, "", TOP);
        for (String k : LISTS) {
            c.list(root, k); // a list key whose value is not a list
        }
        JsonNode fmt = root.path("format");
        if (!fmt.isMissingNode() && !FORMAT.equals(fmt.asText())) {
            c.err("/format", Msg.text("input.format", "format", FORMAT, "found", Bounded.cut(fmt.toString())));
        }
        c.string(root, "", "note", false); // free text: not read, but a text (docs/submissions.md)
        c.string(root, "", "notes", false);
        String region = c.string(root, "", "region", true);
        Text uncovered = uncovered(region);
        if (uncovered != null) {
            c.err("/region", uncovered);
        }
        Integer yr = c.integer(root, "", "year", true, 1949, lastYear);
        String submitter = c.string(root, "", "submitter", false);
        String stage = c.string(root, "", "stage", false);
        if (stage == null) {
            stage = "final";
        } else if (!stage.equals("final") && !stage.equals("preliminary")) {
            c.err("/stage", Msg.text("input.stage", "found", Bounded.quote(stage)));
        }
        int y = yr == null ? 0 : yr;
        List<Records.CropOutput> crops = new ArrayList<>();
        for (int i = 0; i < lists.cropNodes.size(); i++) {
            Records.CropOutput co = crop(c, lists.cropNodes.get(i), lists.cropPointers.get(i), y, stage, file);
            if (co != null) {
                crops.add(co);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Submission(file, java.util.HexFormat.of().formatHex(sha.digest()), region, y, submitter, stage,
                List.copyOf(lists.ind), List.copyOf(lists.water), List.copyOf(lists.air), List.copyOf(lists.acc),
                List.copyOf(lists.energy), List.copyOf(crops));
    }

    /** @return the whole number of a year value within 1949..lastYear, else 0 (the header check says why) */
    private static int yearOf(JsonNode v, int lastYear) {
        if (!v.isNumber()) {
            return 0;
        }
        try {
            int y = v.decimalValue().intValueExact();
            return y >= 1949 && y <= lastYear ? y : 0;
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    /** After the top-level object: nothing but white space may follow. */
    private static void trailing(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p,
                    "unexpected content after the end of the JSON document");
        }
    }

    /** Reads the lists met before the file's year, now that it is known. */
    private void secondPass(Source source, java.util.Set<String> names, Ctx c, Lists lists, int year, String stage,
                            String region, String file) throws IOException {
        try (java.io.InputStream raw = source.open();
             com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(open(raw))) {
            p.nextToken();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (names.remove(name) && p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    readList(p, name, c, lists, year, stage, region, file);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** Reads the elements of one list, one at a time (the parser is on the list's START_ARRAY). */
    private void readList(com.fasterxml.jackson.core.JsonParser p, String key, Ctx c, Lists lists, int y, String stage,
                          String region, String file) throws IOException {
        int i = 0;
        while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
            String ptr = "/" + key + "/" + i++;
            c.local.clear();
            JsonNode n = LocatedJson.readTree(p, ptr, c.local, false, file, problems);
            if (!c.object(n, ptr)) {
                continue;
            }
            switch (key) {
                case "indicators" -> indicator(c, n, ptr, lists);
                case "waterSamples" -> lists.water.add(water(c, n, ptr, y, file));
                case "airDaily" -> {
                    Records.AirDay d = air(c, n, ptr, y, file);
                    if (airSink != null) {
                        airSink.accept(d, stage == null ? "final" : stage, region);
                    } else {
                        lists.air.add(d);
                    }
                }
                case "accidents" -> lists.acc.add(accident(c, n, ptr, y, file));
                case "energyUse" -> lists.energy.add(energy(c, n, ptr, y, file));
                case "cropOutput" -> {
                    // the stage may come after the list: converted once the whole file is read; locations kept
                    lists.cropNodes.add(n);
                    lists.cropPointers.add(ptr);
                    c.keep.putAll(c.local);
                }
                default -> { }
            }
        }
        c.local.clear();
    }

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final List<String> POLLUTANTS = List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3_8h");

    private void indicator(Ctx c, JsonNode n, String p, Lists lists) {
        c.unknownKeys(n, p, INDICATOR_KEYS);
        String id = c.string(n, p, "id", true);
        boolean known = id != null && catalogue.knows(id);
        if (id != null && !known) {
            c.err(p + "/id", unknownId(id));
        }
        boolean statedNone = n.has("value") && n.get("value").isNull();
        BigDecimal v = statedNone ? null : c.number(n, p, "value", true);
        String unit = known && unitMayBeOmitted(id) && blank(n.path("unit"))
                ? printedUnit(id) : c.unit(n, p, known ? catalogue.target(id) : null);
        String caliber = c.string(n, p, "caliber", false);
        if (known && caliber != null) {
            caliber = caliber(id, caliber, msg -> c.err(p + "/caliber", msg));
        }
        String note = c.string(n, p, "note", false);
        if (id != null && (v != null || statedNone) && unit != null) {
            lists.ind.add(new Submission.IndicatorValue(id, v, unit, caliber, p, note));
        }
    }

    private Records.WaterSample water(Ctx c, JsonNode n, String p, int y, String file) {
        c.unknownKeys(n, p, WATER_KEYS);
        c.string(n, p, "note", false); // a text wherever it is allowed
        String section = c.string(n, p, "section", true);
        String river = c.string(n, p, "river", false);
        String body = c.string(n, p, "waterbody", true);
        if (body != null && !body.equals("river") && !body.equals("lake")) {
            c.err(p + "/waterbody", Msg.text("input.waterbody", "found", Bounded.quote(body)));
        }
        String control = c.string(n, p, "control", false);
        String month = c.string(n, p, "month", true);
        if (month != null && !MONTH.matcher(month).matches()) {
            c.err(p + "/month", Msg.text("input.month", "found", Bounded.quote(month)));
        }
        SortedMap<String, BigDecimal> values = new TreeMap<>();
        JsonNode vals = n.path("values");
        if (!vals.isObject()) {
            c.err(p + "/values", Msg.text("input.values"));
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = vals.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> v = it.next();
                BigDecimal d = c.number(vals, p + "/values", v.getKey(), true);
                if (d != null) values.put(v.getKey(), d);
            }
        }
        return new Records.WaterSample(section, river, body, control, month, y, values, new Evidence(file, p));
    }

    private Records.AirDay air(Ctx c, JsonNode n, String p, int y, String file) {
        c.unknownKeys(n, p, AIR_KEYS);
        c.string(n, p, "note", false); // a text wherever it is allowed
        String station = c.string(n, p, "station", true);
        String date = c.date(n, p, "date");
        SortedMap<String, BigDecimal> values = new TreeMap<>();
        for (String k : POLLUTANTS) {
            if (n.has(k) && !n.get(k).isNull()) {
                BigDecimal d = c.number(n, p, k, true);
                if (d != null && d.signum() < 0) {
                    // a concentration is never negative: name the record, never count it as a day short of data
                    c.err(p + "/" + k, Msg.text("records.negative-concentration", "item", k,
                            "value", plancheck.model.Numbers.bounded(d), "station", Bounded.cut(String.valueOf(station)),
                            "date", String.valueOf(date)));
                } else if (d != null) {
                    values.put(k, d);
                }
            }
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        JsonNode cn = n.path("counts");
        if (!cn.isMissingNode() && !cn.isNull()) {
            if (!cn.isObject()) {
                c.err(p + "/counts", Msg.text("input.counts"));
            } else {
                c.unknownKeys(cn, p + "/counts", new java.util.HashSet<>(POLLUTANTS));
                for (String k : POLLUTANTS) {
                    if (cn.has(k)) {
                        Integer v = c.integer(cn, p + "/counts", k, true, 0, k.equals("O3_8h") ? 17 : 24);
                        if (v != null) counts.put(k, v);
                    }
                }
            }
        }
        JsonNode bg = n.path("background");
        if (!bg.isMissingNode() && !bg.isNull() && !bg.isBoolean()) {
            c.err(p + "/background", Msg.text("input.background", "found", kind(bg)));
        }
        Records.AirSource source = null;
        JsonNode sn = n.path("source");
        if (!sn.isMissingNode() && !sn.isNull() && c.object(sn, p + "/source")) {
            c.unknownKeys(sn, p + "/source", AIR_SOURCE_KEYS);
            String sf = c.string(sn, p + "/source", "file", true);
            String sh = c.string(sn, p + "/source", "sha256", true);
            String sr = c.string(sn, p + "/source", "rows", true);
            if (sh != null && !SHA256.matcher(sh).matches()) {
                c.err(p + "/source/sha256", Msg.text("input.source-sha256", "found", Bounded.quote(sh)));
            }
            if (sr != null && !rowsOk(sr)) {
                c.err(p + "/source/rows", Msg.text("input.source-rows", "found", Bounded.quote(sr)));
            }
            source = new Records.AirSource(sf, sh, sr);
        }
        return new Records.AirDay(station, date, y, values, counts, bg.asBoolean(false), source, new Evidence(file, p));
    }

    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    /** Line numbers 1 … 999,999,999, each range from a lower to a higher one. */
    private static final java.util.regex.Pattern ROWS = java.util.regex.Pattern.compile(
            "[1-9]\\d{0,8}(-[1-9]\\d{0,8})?(,[1-9]\\d{0,8}(-[1-9]\\d{0,8})?)*");

    static boolean rowsOk(String rows) {
        if (rows.length() > 10_000 || !ROWS.matcher(rows).matches()) {
            return false;
        }
        for (String part : rows.split(",")) {
            String[] ab = part.split("-");
            if (ab.length == 2 && Integer.parseInt(ab[0]) > Integer.parseInt(ab[1])) {
                return false;
            }
        }
        return true;
    }

    private Records.Accident accident(Ctx c, JsonNode n, String p, int y, String file) {
        c.unknownKeys(n, p, ACCIDENT_KEYS);
        c.string(n, p, "note", false); // a text wherever it is allowed
        String id = c.string(n, p, "id", true);
        String date = c.date(n, p, "date");
        Integer deaths = c.integer(n, p, "deaths", true, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Integer inj = c.integer(n, p, "seriousInjuries", false, Integer.MIN_VALUE, Integer.MAX_VALUE);
        BigDecimal loss = c.number(n, p, "directLossYuan", false);
        return new Records.Accident(id, date, y, c.string(n, p, "sector", false), deaths == null ? 0 : deaths,
                inj == null ? 0 : inj, loss == null ? BigDecimal.ZERO : loss, new Evidence(file, p));
    }

    private Records.EnergyUse energy(Ctx c, JsonNode n, String p, int y, String file) {
        c.unknownKeys(n, p, ENERGY_KEYS);
        c.string(n, p, "note", false); // a text wherever it is allowed
        String carrier = c.string(n, p, "carrier", true);
        BigDecimal q = c.number(n, p, "quantity", true);
        String unit = c.string(n, p, "unit", true);
        return new Records.EnergyUse(carrier, q, unit, y, new Evidence(file, p));
    }

    private Records.CropOutput crop(Ctx c, JsonNode n, String p, int y, String stage, String file) {
        c.unknownKeys(n, p, CROP_KEYS);
        c.string(n, p, "note", false); // a text wherever it is allowed
        String crop = c.string(n, p, "crop", true);
        BigDecimal q = c.number(n, p, "quantity", true);
        String unit = c.string(n, p, "unit", true);
        String basis = c.string(n, p, "basis", false);
        if (basis != null && !basis.equals("grain") && !basis.equals("fresh")) {
            c.err(p + "/basis", Msg.text("input.basis", "found", Bounded.quote(basis)));
        }
        return new Records.CropOutput(crop, q, unit, basis == null ? "grain" : basis, y, stage, new Evidence(file, p));
    }

    /** Jackson's message without its advice to programmers (e.g. "enable `JsonReadFeature…` to allow"). */
    static String plainJsonMessage(String m) {
        return m == null ? "" : m.replaceAll(";? ?: enable `[^`]*` to allow", "")
                .replaceAll(" \\(for (Object|Array) starting at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
                        " (the $1 opened at line $2, column $3)")
                .replace("(the Object opened", "(the object opened").replace("(the Array opened", "(the array opened")
                .trim();
    }

    private static boolean blank(JsonNode n) {
        return n.isMissingNode() || n.isNull() || n.isTextual() && n.asText().isBlank();
    }

    /**
     * @param id a catalogue id
     * @return true when the plan prints the indicator without a unit (a ratio such as 1.98:1): a
     *         submission may leave the unit out
     */
    public boolean unitMayBeOmitted(String id) {
        PlanTarget t = catalogue.target(id);
        return t != null && "".equals(t.printedUnit());
    }

    /** @return the unit a value without one is read in: the catalogue's unit of a target printed without one */
    public String printedUnit(String id) {
        return catalogue.target(id).unit();
    }

    /**
     * The caliber (口径) token of a target for what a bureau wrote: the token itself or its name
     * (新口径, 原口径 …).
     *
     * @param id      a catalogue id
     * @param written what was written
     * @param err     receives a problem when it names no caliber of the target
     * @return the token, or the text as written when the target has no named calibers; null after a problem
     */
    public String caliber(String id, String written, java.util.function.Consumer<Text> err) {
        PlanTarget t = catalogue.target(id);
        if (t == null || t.calibers().isEmpty()) {
            return written;
        }
        String w = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC).strip();
        for (Map.Entry<String, Text> e : t.calibers().entrySet()) {
            String zh = e.getValue().zh();
            String shortZh = zh.replaceAll("[（(].*$", "");
            if (w.equalsIgnoreCase(e.getKey()) || w.equals(zh) || w.equals(shortZh)
                    || w.equalsIgnoreCase(e.getValue().en()) || shortZh.startsWith("原") && w.equals("旧口径")) {
                return e.getKey();
            }
        }
        List<String> allowed = new ArrayList<>();
        t.calibers().forEach((k, v) -> allowed.add(k + " = " + v.zh()));
        err.accept(Msg.text("input.caliber", "found", Bounded.quote(written), "name", t.name(),
                "allowed", String.join(", ", allowed)));
        return null;
    }

    /**
     * @param id an indicator id the catalogue does not know
     * @return the problem, with the id of a target whose name it is, or the closest ids
     */
    public Text unknownId(String id) {
        String byName = catalogue.idOfName(id);
        Text suggestion;
        if (byName != null) {
            suggestion = Msg.text("input.name-as-id", "name", Bounded.cut(id), "id", byName);
        } else {
            List<String> near = catalogue.similar(id, 1);
            if (near.isEmpty()) {
                suggestion = new Text("", "");
            } else {
                PlanTarget t = catalogue.target(near.get(0));
                suggestion = Msg.text("input.did-you-mean", "id", near.get(0),
                        "name", t == null ? new Text(near.get(0), near.get(0)) : t.name());
            }
        }
        return Msg.text("input.unknown-id", "id", Bounded.cut(id), "suggestion", suggestion);
    }

    /**
     * @param d a number read from a submission
     * @return false for numbers far beyond any statistic (more than 20 digits before or after the
     *         decimal point), which would only make the arithmetic overflow or crawl
     */
    public static boolean inRange(BigDecimal d) {
        return d.signum() == 0 || d.precision() - d.scale() <= 20 && d.scale() <= 20;
    }

    /** Validation helpers bound to one file. */
    private final class Ctx {
        final String file;
        /** Locations of the top-level values. */
        final Map<String, int[]> top;
        /** Locations of the record being read. */
        final Map<String, int[]> local = new java.util.HashMap<>();
        /** Locations of records kept for later (crop output, converted once the stage is known). */
        final Map<String, int[]> keep = new java.util.HashMap<>();

        Ctx(String file, Map<String, int[]> top) {
            this.file = file;
            this.top = top;
        }

        /** @return {line, column} of the value at the pointer or of its closest enclosing value known */
        int[] at(String pointer) {
            String p = pointer;
            while (true) {
                int[] l = local.get(p);
                if (l == null) {
                    l = keep.get(p);
                }
                if (l == null) {
                    l = top.get(p);
                }
                if (l != null) {
                    return l;
                }
                if (p.isEmpty()) {
                    return new int[] {0, 0};
                }
                p = p.substring(0, p.lastIndexOf('/'));
            }
        }

        void err(String pointer, Text msg) {
            int[] l = at(pointer);
            problems.add(new InputProblem(file, l[0], l[1], pointer, msg));
        }

        void unknownKeys(JsonNode n, String ptr, Set<String> allowed) {
            n.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    err(ptr + "/" + k, Msg.text("input.unknown-key", "key", Bounded.cut(k),
                            "allowed", new java.util.TreeSet<>(allowed)));
                }
            });
        }

        boolean object(JsonNode n, String ptr) {
            if (!n.isObject()) {
                err(ptr, Msg.text("input.expected-object", "found", kind(n)));
                return false;
            }
            return true;
        }

        /** The unit of an indicator value; its absence names the unit the target takes. */
        String unit(JsonNode n, String ptr, PlanTarget t) {
            JsonNode v = n.path("unit");
            if (t != null && (v.isMissingNode() || v.isNull())) {
                err(ptr + "/unit", Msg.text("input.missing-unit", "name", t.name(), "unit",
                        t.printedUnit() != null && !t.printedUnit().isEmpty() ? t.printedUnit() + " / " + t.unit() : t.unit()));
                return null;
            }
            return string(n, ptr, "unit", true);
        }

        List<Map.Entry<String, JsonNode>> list(JsonNode root, String key) {
            JsonNode n = root.path(key);
            List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
            if (n.isMissingNode() || n.isNull()) {
                return out;
            }
            if (!n.isArray()) {
                err("/" + key, Msg.text("input.expected-array", "found", kind(n)));
                return out;
            }
            for (int i = 0; i < n.size(); i++) {
                out.add(Map.entry("/" + key + "/" + i, n.get(i)));
            }
            return out;
        }

        String string(JsonNode n, String ptr, String key, boolean required) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) {
                if (required) {
                    err(ptr + "/" + key, Msg.text("input.missing-string", "key", key));
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                err(ptr + "/" + key, Msg.text("input.expected-string", "found", kind(v)));
                return null;
            }
            return v.asText();
        }

        BigDecimal number(JsonNode n, String ptr, String key, boolean required) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) {
                if (required) {
                    err(ptr + "/" + key, Msg.text("input.missing-number", "key", key));
                }
                return null;
            }
            if (!v.isNumber()) {
                err(ptr + "/" + key, Msg.text("input.expected-number", "found", kind(v)));
                return null;
            }
            BigDecimal d = v.decimalValue();
            if (!inRange(d)) {
                err(ptr + "/" + key, Msg.text("input.out-of-range", "found",
                        d.toString().length() > 40 ? d.toString().substring(0, 40) + "…" : d.toString()));
                return null;
            }
            return d;
        }

        Integer integer(JsonNode n, String ptr, String key, boolean required, int min, int max) {
            BigDecimal d = number(n, ptr, key, required);
            if (d == null) {
                return null;
            }
            try {
                int i = d.intValueExact();
                if (i < min || i > max) {
                    err(ptr + "/" + key, Msg.text("input.whole-number-range", "min", min, "max", max, "found", d));
                    return null;
                }
                return i;
            } catch (ArithmeticException e) {
                err(ptr + "/" + key, Msg.text("input.whole-number", "found", plancheck.model.Numbers.bounded(d)));
                return null;
            }
        }

        String date(JsonNode n, String ptr, String key) {
            String s = string(n, ptr, key, true);
            if (s == null) {
                return null;
            }
            try {
                java.time.LocalDate.parse(s);
                return s;
            } catch (java.time.format.DateTimeParseException e) {
                err(ptr + "/" + key, Msg.text("input.date", "found", Bounded.quote(s)));
                return null;
            }
        }
    }

    private static Text kind(JsonNode n) {
        if (n.isTextual()) return Msg.text("input.kind-string", "value", Bounded.quote(n.asText()));
        if (n.isNumber()) return Msg.text("input.kind-number", "value", plancheck.model.Numbers.bounded(n.decimalValue()));
        if (n.isBoolean()) return Msg.text("input.kind-boolean", "value", n.asText());
        if (n.isNull()) return Msg.text("input.kind-null");
        if (n.isArray()) return Msg.text("input.kind-array");
        if (n.isObject()) return Msg.text("input.kind-object");
        return new Text(n.getNodeType().toString(), n.getNodeType().toString());
    }
}
