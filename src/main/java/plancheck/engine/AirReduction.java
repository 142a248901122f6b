package plancheck.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import plancheck.model.Evidence;
import plancheck.model.Records.AirDay;
import plancheck.model.Records.AirSource;
import plancheck.standards.AirQualityDay;
import plancheck.standards.AirQualityIndex;
import plancheck.standards.AirQualityYear;
import plancheck.standards.StandardTables;

/**
 * Daily air records reduced as they are read, by the standards' helpers: each record's day validated
 * and judged under the tables in force on its date ({@link AirQualityDay}), taken into its station's
 * year ({@link AirQualityYear.Builder}) and into the region's sums for that date
 * ({@link AirQualityDay.RegionDay}); the records themselves are not kept. What the rules then judge is
 * one {@link AirYearRecords} per station and year and one per region and year — the same figures, days,
 * reasons and evidence as the days given to the rules one by one.
 *
 * <p>Records are taken in evidence order (files sorted, records in file order): of two records of one
 * station and date only the first counts, and a record dated outside its submission's year is not
 * counted; both are data problems of the station (the first {@link #PROBLEMS_LISTED} listed, the rest
 * counted). A station with any record marked {@code background} is left out of its region's values; when
 * that mark comes after the station's values were summed, {@link #lateBackground()} says so and the
 * records are to be taken again into a reduction that knows the background stations
 * ({@link #background()}). Records of a final submission of a year supersede the preliminary ones.
 * Memory does not grow with the number of records: per station and year a set of dates, counters, the
 * invalid days and the few worst; per region and year one sum per date and pollutant.
 */
public final class AirReduction {

    /** Data problems listed per station and year; more are counted. */
    public static final int PROBLEMS_LISTED = 20;

    private final StandardTables tables;
    private final Function<String, AirQualityIndex> reference;
    private final Set<String> knownBackground;
    private final Set<String> background = new TreeSet<>();
    private boolean late;
    /** region → year → stage → the records of that year and stage */
    private final Map<String, Map<Integer, Map<String, YearAcc>>> regions = new HashMap<>();
    private final Map<String, Integer> perFile = new HashMap<>();

    /**
     * @param tables          the standards' tables (rules/standards)
     * @param reference       the AQI table a region's comparison year was judged by (its base year's), or null
     * @param knownBackground background stations known before the records are read ({@link #background()}
     *                        of an earlier reduction of the same records), or empty
     */
    public AirReduction(StandardTables tables, Function<String, AirQualityIndex> reference, Set<String> knownBackground) {
        this.tables = tables;
        this.reference = reference;
        this.knownBackground = Set.copyOf(knownBackground);
    }

    private static String key(String region, int year, String stage, String station) {
        return region + "\u0000" + year + "\u0000" + stage + "\u0000" + station;
    }

    /** The records of one year and stage of a region. */
    private final class YearAcc {
        final String region;
        final int year;
        final String stage;
        final AirQualityIndex ref;
        long records;
        final Map<String, StationAcc> stations = new HashMap<>();
        final AirQualityDay.RegionDay[] days = new AirQualityDay.RegionDay[367];
        final TreeSet<Evidence> evidence = new TreeSet<>();

        YearAcc(String region, int year, String stage) {
            this.region = region;
            this.year = year;
            this.stage = stage;
            this.ref = reference.apply(region);
        }
    }

    /** One station's year. */
    private static final class StationAcc {
        final BitSet seen = new BitSet(367);
        final AirQualityYear.Builder year;
        boolean background;
        boolean summed;
        int problems;
        final List<String> problemsZh = new ArrayList<>();
        final List<String> problemsEn = new ArrayList<>();
        final TreeSet<Evidence> evidence = new TreeSet<>();
        final TreeMap<LocalDate, Evidence> dayEvidence = new TreeMap<>();
        /** "file|sha256" → first row → last row */
        final TreeMap<String, TreeMap<Integer, Integer>> rows = new TreeMap<>();

        StationAcc(AirQualityIndex ref) {
            year = new AirQualityYear.Builder(ref);
        }

        void problem(String zh, String en) {
            if (++problems <= PROBLEMS_LISTED) {
                problemsZh.add(zh);
                problemsEn.add(en);
            }
        }
    }

    /**
     * Takes one record (in evidence order).
     *
     * @param d      the record
     * @param stage  its submission's stage, "final" or "preliminary"
     * @param region its submission's region
     */
    public synchronized void add(AirDay d, String stage, String region) {
        String st = "preliminary".equals(stage) ? "preliminary" : "final";
        YearAcc y = regions.computeIfAbsent(region, k -> new TreeMap<>()).computeIfAbsent(d.year(), k -> new TreeMap<>())
                .computeIfAbsent(st, k -> new YearAcc(region, d.year(), st));
        y.records++;
        perFile.merge(d.evidence().input(), 1, Integer::sum);
        StationAcc s = y.stations.computeIfAbsent(d.station(), k -> {
            StationAcc a = new StationAcc(y.ref);
            a.background = knownBackground.contains(key(region, y.year, st, k));
            return a;
        });
        Evidence list = new Evidence(d.evidence().input(), "/airDaily");
        s.evidence.add(list);
        y.evidence.add(list);
        if (d.background() && !s.background) {
            s.background = true;
            late |= s.summed;
        }
        if (s.background) {
            background.add(key(region, y.year, st, d.station()));
        }
        String at = d.evidence().input() + "#" + d.evidence().pointer();
        if (d.date() == null || !d.date().startsWith(d.year() + "-")) {
            s.problem(at + "：日期" + d.date() + "不属于" + d.year() + "年，未计入",
                    at + ": date " + d.date() + " is not in " + d.year() + ", not counted");
            return;
        }
        LocalDate date = LocalDate.parse(d.date());
        int doy = date.getDayOfYear();
        if (s.seen.get(doy)) {
            s.problem(at + "：" + d.station() + "站" + d.date() + "重复报送，仅计第一条",
                    at + ": " + d.date() + " repeated for station " + d.station() + ", only the first counted");
            return;
        }
        s.seen.set(doy);
        AirQualityDay.Validated v = AirQualityDay.validate(date, new AirQualityDay.Input(d.values(), d.counts()),
                tables.airQuality(), tables.airLimits());
        AirQualityDay.Judged j = AirQualityDay.judge(v, y.ref);
        s.year.add(j);
        if (!j.valid()) {
            s.dayEvidence.put(date, new Evidence(d.evidence().input(), d.evidence().pointer() + (d.source() == null ? "" : "/source")));
        }
        if (d.source() != null) {
            rows(s, d.source());
        }
        if (!s.background) {
            AirQualityDay.RegionDay r = y.days[doy];
            if (r == null) {
                r = y.days[doy] = new AirQualityDay.RegionDay(date, tables.airQuality(), tables.airLimits());
            }
            r.add(d.station(), v);
            s.summed = true;
        }
    }

    private static void rows(StationAcc s, AirSource src) {
        TreeMap<Integer, Integer> r = s.rows.computeIfAbsent(src.file() + "|" + src.sha256(), k -> new TreeMap<>());
        for (String part : String.valueOf(src.rows()).split(",")) {
            String[] ab = part.split("-");
            int a;
            int b;
            try { // the reader refuses rows that are not line numbers; the record may reach here before the refusal
                a = Integer.parseInt(ab[0]);
                b = ab.length > 1 ? Integer.parseInt(ab[1]) : a;
            } catch (NumberFormatException e) {
                continue;
            }
            Integer prev = r.get(a);
            r.put(a, prev == null ? b : Math.max(prev, b));
        }
    }

    /** Line numbers "2-6,8-30" of the ranges, merged. */
    private static String rowText(TreeMap<Integer, Integer> r) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int end = -2;
        for (Map.Entry<Integer, Integer> e : r.entrySet()) {
            if (e.getKey() <= end + 1) {
                end = Math.max(end, e.getValue());
            } else {
                if (start >= 0) {
                    out.add(start == end ? String.valueOf(start) : start + "-" + end);
                }
                start = e.getKey();
                end = e.getValue();
            }
        }
        if (start >= 0) {
            out.add(start == end ? String.valueOf(start) : start + "-" + end);
        }
        return String.join(",", out);
    }

    /**
     * @return true when a station's background mark came after some of its values were summed into its
     *         region's: the records are to be reduced again with {@link #background()} known
     */
    public boolean lateBackground() {
        return late;
    }

    /** @return the background stations found, for a reduction of the same records taken again */
    public Set<String> background() {
        return Set.copyOf(background);
    }

    /**
     * @param file a submission's name (its evidence input)
     * @return how many daily air records of it were taken
     */
    public synchronized int count(String file) {
        return perFile.getOrDefault(file, 0);
    }

    /**
     * What the rules judge for one region: per year the stage used (final records supersede preliminary
     * ones), one {@link AirYearRecords} per station (by id), then the region's.
     *
     * @param region the region
     * @return the reduced years, by year
     */
    public synchronized List<AirYearRecords> years(String region) {
        List<AirYearRecords> out = new ArrayList<>();
        for (Map<String, YearAcc> byStage : regions.getOrDefault(region, Map.of()).values()) {
            YearAcc fin = byStage.get("final");
            YearAcc y = fin != null && fin.records > 0 ? fin : byStage.get("preliminary");
            if (y == null || y.records == 0) {
                continue;
            }
            List<String> stations = new ArrayList<>();
            List<String> bg = new ArrayList<>();
            for (Map.Entry<String, StationAcc> e : new TreeMap<>(y.stations).entrySet()) {
                StationAcc s = e.getValue();
                (s.background ? bg : stations).add(e.getKey());
                List<String> zh = new ArrayList<>(s.problemsZh);
                List<String> en = new ArrayList<>(s.problemsEn);
                if (s.problems > PROBLEMS_LISTED) {
                    zh.add("另有" + (s.problems - PROBLEMS_LISTED) + "条同类问题未列出");
                    en.add((s.problems - PROBLEMS_LISTED) + " more such problem(s) not listed");
                }
                List<Map<String, Object>> sources = new ArrayList<>();
                s.rows.forEach((k, r) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", k.substring(0, k.indexOf('|')));
                    m.put("sha256", k.substring(k.indexOf('|') + 1));
                    m.put("rows", rowText(r));
                    sources.add(m);
                });
                out.add(new AirYearRecords(y.year, "station", e.getKey(), s.year.build(), List.of(e.getKey()), List.of(),
                        List.copyOf(zh), List.copyOf(en), List.copyOf(s.evidence), List.copyOf(s.dayEvidence.values()),
                        List.copyOf(sources)));
            }
            AirQualityYear.Builder r = new AirQualityYear.Builder(y.ref);
            for (AirQualityDay.RegionDay d : y.days) {
                if (d != null) {
                    r.add(AirQualityDay.judge(d.values(), y.ref));
                }
            }
            out.add(new AirYearRecords(y.year, "region", region, r.build(), List.copyOf(stations), List.copyOf(bg),
                    List.of(), List.of(), List.copyOf(y.evidence), List.of(), List.of()));
        }
        return out;
    }
}
