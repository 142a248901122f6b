package plancheck.standards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import plancheck.TestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed tables give a StandardsException naming file, location and problem; every table carries
 * its period of validity, and the tables of one kind must follow each other without overlap or gap.
 */
class StandardsLoaderTest {

    private static String real(String file) throws IOException {
        return Files.readString(StandardsLoader.DEFAULT_DIRECTORY.resolve(file), StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        assertTrue(i >= 0, "test setup: \"" + from + "\" not in the file");
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /** A copy of rules/standards in dir/standards with one file's text replaced once; returns the file. */
    private static Path copyWith(Path dir, String file, String from, String to) throws IOException {
        Path std = dir.resolve("standards");
        TestSupport.copyTree(StandardsLoader.DEFAULT_DIRECTORY, std);
        Path f = std.resolve(file);
        Files.writeString(f, replaceOnce(real(file), from, to), StandardCharsets.UTF_8);
        return f;
    }

    private static final LocalDate LAST_2012_DAY = LocalDate.of(2026, 2, 28);
    private static final LocalDate FIRST_2026_DAY = LocalDate.of(2026, 3, 1);

    @Test
    void realTablesLoadWithExactDecimals() {
        StandardTables t = StandardsLoader.defaults().load();
        SurfaceWaterStandard w = t.water().on(FIRST_2026_DAY);
        assertEquals(new BigDecimal("0.00005"), w.items().get("Hg").limitsFor(Waterbody.RIVER).get(WaterClass.I).max());
        assertEquals(new BigDecimal("0.1229"), t.coal().on(FIRST_2026_DAY).carrier("electricity").kgcePerUnit());
        assertEquals("HJ 633-2012", t.airQuality().on(LAST_2012_DAY).standard());
        assertEquals(3, t.accidents().on(FIRST_2026_DAY).thresholds().size());
        assertEquals(Path.of("rules", "standards"), StandardsLoader.forRulesDirectory(Path.of("rules")).directory());
    }

    @Test
    void eachKindsTablesFollowEachOtherAndTheDateChoosesOne() {
        StandardTables t = StandardsLoader.defaults().load();
        assertEquals("HJ 633-2012", t.airQuality().on(LAST_2012_DAY).standard());
        assertEquals("HJ 633—2026", t.airQuality().on(FIRST_2026_DAY).standard());
        assertEquals("rules/standards/hj633-2026.yaml", t.airQuality().on(FIRST_2026_DAY).validity().file());
        assertEquals("GB 3095-2012", t.airLimits().on(LAST_2012_DAY).standard());
        assertEquals("GB 3095—2026", t.airLimits().on(FIRST_2026_DAY).standard());
        assertEquals(LocalDate.of(2030, 12, 31), t.airLimits().on(FIRST_2026_DAY).validity().to());
        assertNull(t.airLimits().on(LocalDate.of(2031, 1, 1)), "stage two has no table yet");
        assertNull(t.airQuality().on(LocalDate.of(2015, 12, 31)), "HJ 633-2012 is in force nationwide from 2016-01-01");
        // every table of every kind carries its clause and period
        for (StandardTable x : t.all()) {
            assertTrue(x.validity().clause().length() > 10, x.validity().file());
            assertTrue(x.validity().file().startsWith("rules/standards/"), x.validity().file());
        }
        assertEquals(2, t.airQuality().within(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).size());
        assertEquals(1, t.airQuality().within(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size());
    }

    @Test
    void theNextRevisionIsAFileWithoutJava(@TempDir Path dir) throws IOException {
        Path std = dir.resolve("standards");
        TestSupport.copyTree(StandardsLoader.DEFAULT_DIRECTORY, std);
        // GB 3095—2026 stage two from 2031: stage one ends 2030-12-31, the new file starts the next day
        String stageTwo = real("gb3095-2026.yaml").replace("validFrom: 2026-03-01\nvalidTo: 2030-12-31", "validFrom: 2031-01-01")
                .replace("annual: 30\n    daily: 60", "annual: 25\n    daily: 50").replace("（第一阶段）", "（第二阶段）");
        Files.writeString(std.resolve("gb3095-2031.yaml"), stageTwo, StandardCharsets.UTF_8);
        StandardTables t = new StandardsLoader(std).load();
        assertEquals(0, new BigDecimal("25").compareTo(t.airLimits().on(LocalDate.of(2031, 1, 1)).limit("PM2.5").annual()));
        assertEquals(0, new BigDecimal("30").compareTo(t.airLimits().on(LocalDate.of(2030, 12, 31)).limit("PM2.5").annual()));
    }

    @Test
    void overlappingPeriodsAreALoadErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = copyWith(dir, "hj633-2026.yaml", "validFrom: 2026-03-01", "validFrom: 2026-02-01");
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(f.getParent()).load());
        assertEquals(f.toString(), e.file());
        assertEquals("/validFrom", e.location());
        assertTrue(e.problem().contains("overlaps") && e.problem().contains("hj633-2012.yaml"), e.problem());
    }

    @Test
    void aGapBetweenPeriodsIsALoadErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = copyWith(dir, "gb3095-2026.yaml", "validFrom: 2026-03-01", "validFrom: 2026-03-05");
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(f.getParent()).load());
        assertEquals(f.toString(), e.file());
        assertTrue(e.problem().contains("2026-03-01 to 2026-03-04") && e.problem().contains("gb3095-2012.yaml"), e.problem());
    }

    @Test
    void anOpenEndBeforeALaterTableIsAnOverlap(@TempDir Path dir) throws IOException {
        Path f = copyWith(dir, "hj633-2012.yaml", "validTo: 2026-02-28\n", "");
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(f.getParent()).load());
        assertTrue(e.file().endsWith("hj633-2026.yaml"), e.getMessage());
        assertTrue(e.problem().contains("overlaps"), e.problem());
    }

    @Test
    void theHeaderIsRequiredAndChecked() throws IOException {
        StandardsException noFrom = assertThrows(StandardsException.class,
                () -> StandardsLoader.parseAirQuality("a", replaceOnce(real("hj633-2026.yaml"), "validFrom: 2026-03-01\n", "")));
        assertEquals("/validFrom", noFrom.location());
        StandardsException badDate = assertThrows(StandardsException.class,
                () -> StandardsLoader.parseAirLimits("g", replaceOnce(real("gb3095-2026.yaml"), "validTo: 2030-12-31", "validTo: 2030-13-01")));
        assertEquals("/validTo", badDate.location());
        assertTrue(badDate.problem().contains("YYYY-MM-DD"), badDate.problem());
        StandardsException backwards = assertThrows(StandardsException.class,
                () -> StandardsLoader.parseAirLimits("g", replaceOnce(real("gb3095-2026.yaml"), "validTo: 2030-12-31", "validTo: 2025-12-31")));
        assertEquals("/validTo", backwards.location());
        StandardsException kind = assertThrows(StandardsException.class,
                () -> StandardsLoader.parseAirQuality("a", replaceOnce(real("hj633-2026.yaml"), "kind: air-quality-index", "kind: air-limits")));
        assertEquals("/kind", kind.location());
        StandardsException noClause = assertThrows(StandardsException.class,
                () -> StandardsLoader.parseAccidentGrading("d", real("decree-493.yaml").replaceAll("(?m)^clause: .*\n", "")));
        assertEquals("/clause", noClause.location());
    }

    @Test
    void unknownKindAndBadConfidenceAreRejected(@TempDir Path dir) throws IOException {
        Path f = copyWith(dir, "gb3838-2002.yaml", "kind: surface-water", "kind: groundwater");
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(f.getParent()).load());
        assertEquals(f.toString(), e.file());
        assertEquals("/kind", e.location());
        StandardsException level = assertThrows(StandardsException.class, () -> StandardsLoader.parseAirQuality("a",
                replaceOnce(real("hj633-2026.yaml"), "{upTo: 500, level: unconfirmed,", "{upTo: 500, level: likely,")));
        assertEquals("/pollutants/PM2.5/confidence/1/level", level.location());
        StandardsException upTo = assertThrows(StandardsException.class, () -> StandardsLoader.parseAirQuality("a",
                replaceOnce(real("hj633-2026.yaml"), "{upTo: 115, level: confirmed,", "{upTo: 116, level: confirmed,")));
        assertEquals("/pollutants/PM2.5/confidence", upTo.location());
    }

    @Test
    void nonNumericLimitIsReportedWithItsLocation() throws IOException {
        String y = replaceOnce(real("gb3838-2002.yaml"), "all: {I: 0.15, II: 0.5, III: 1.0,", "all: {I: 0.15, II: 0.5, III: abc,");
        StandardsException e = assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("gb3838-2002.yaml", y));
        assertEquals("gb3838-2002.yaml", e.file());
        assertEquals("/items/6/all/III", e.location());
        assertTrue(e.problem().contains("expected a number"), e.problem());
        assertTrue(e.getMessage().startsWith("gb3838-2002.yaml: /items/6/all/III: "), e.getMessage());
    }

    @Test
    void limitsOutOfOrderAreRejected() throws IOException {
        String y = replaceOnce(real("gb3838-2002.yaml"), "all: {I: 0.15, II: 0.5, III: 1.0,", "all: {I: 0.15, II: 1.2, III: 1.0,");
        StandardsException e = assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("w.yaml", y));
        assertEquals("/items/6/all/III", e.location());
        String dy = replaceOnce(real("gb3838-2002.yaml"), "{I: 7.5, II: 6, III: 5,", "{I: 7.5, II: 6, III: 6.5,");
        StandardsException de = assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("w.yaml", dy));
        assertEquals("/items/2/all/III", de.location(), "DO limits must not increase");
    }

    @Test
    void missingClassSourceAndUnknownFieldAreRejected() throws IOException {
        String noClass = replaceOnce(real("gb3838-2002.yaml"), "IV: 1.5, V: 2.0}", "IV: 1.5}");
        assertTrue(assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("w", noClass))
                .problem().contains("class V"));
        String noSource = replaceOnce(real("gb3838-2002.yaml"), "    source: \"GB 3838-2002 表1 第7项\"\n", "");
        StandardsException e = assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("w", noSource));
        assertEquals("/items/6/source", e.location());
        String typo = replaceOnce(real("decree-493.yaml"), "    deaths: 10\n", "    death: 10\n");
        StandardsException t = assertThrows(StandardsException.class, () -> StandardsLoader.parseAccidentGrading("d", typo));
        assertEquals("/grades/1/death", t.location());
        assertTrue(t.problem().startsWith("unknown field"), t.problem());
    }

    @Test
    void inconsistentTablesAreRejected() throws IOException {
        String badAssessed = replaceOnce(real("gb3838-2002.yaml"), "assessed: [pH,", "assessed: [Turbidity, pH,");
        StandardsException a = assertThrows(StandardsException.class, () -> StandardsLoader.parseSurfaceWater("w", badAssessed));
        assertEquals("/assessment/assessed/0", a.location());
        String grades = replaceOnce(real("decree-493.yaml"), "    deaths: 10\n", "    deaths: 40\n");
        StandardsException g = assertThrows(StandardsException.class, () -> StandardsLoader.parseAccidentGrading("d", grades));
        assertTrue(g.problem().contains("deaths"), g.problem());
        String bps = replaceOnce(real("hj633-2012.yaml"), "[0, 35, 75, 115,", "[0, 35, 30, 115,");
        StandardsException b = assertThrows(StandardsException.class, () -> StandardsLoader.parseAirQuality("a", bps));
        assertEquals("/pollutants/PM2.5/breakpoints/2", b.location());
        String unit = replaceOnce(real("gb-t-2589.yaml"), "    unit: kWh\n", "    unit: MWh\n");
        StandardsException u = assertThrows(StandardsException.class, () -> StandardsLoader.parseStandardCoal("e", unit));
        assertTrue(u.problem().contains("MWh"), u.problem());
        String dup = replaceOnce(real("gb-t-2589.yaml"), "aliases: [\"煤油\"]", "aliases: [\"汽油\"]");
        StandardsException du = assertThrows(StandardsException.class, () -> StandardsLoader.parseStandardCoal("e", dup));
        assertTrue(du.problem().contains("汽油"), du.problem());
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysGiveALineOrKey() throws IOException {
        String broken = real("hj633-2012.yaml").replace("iaqi: [0, 50,", "iaqi: [0, 50,,]]");
        StandardsException e = assertThrows(StandardsException.class, () -> StandardsLoader.parseAirQuality("hj.yaml", broken));
        assertTrue(e.location().startsWith("line "), e.getMessage());
        assertTrue(e.problem().startsWith("not valid YAML"), e.problem());
        String dupKey = replaceOnce(real("decree-493.yaml"), "    deaths: 10\n", "    deaths: 10\n    deaths: 11\n");
        StandardsException d = assertThrows(StandardsException.class, () -> StandardsLoader.parseAccidentGrading("d", dupKey));
        assertTrue(d.getMessage().contains("deaths"), d.getMessage());
    }

    @Test
    void aMissingKindOrFolderNamesTheFolder(@TempDir Path dir) throws IOException {
        StandardsException none = assertThrows(StandardsException.class, () -> new StandardsLoader(dir.resolve("nothing")).load());
        assertEquals("folder not found", none.problem());
        Path std = dir.resolve("standards");
        TestSupport.copyTree(StandardsLoader.DEFAULT_DIRECTORY, std);
        Files.delete(std.resolve("gb-t-2589.yaml"));
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(std).load());
        assertEquals(std.toString(), e.file());
        assertTrue(e.problem().contains("standard-coal"), e.problem());
    }
}
