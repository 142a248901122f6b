package plancheck.standards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed tables give a StandardsException naming file, location and problem. */
class StandardsLoaderTest {

    private static String real(String file) throws IOException {
        return Files.readString(StandardsLoader.DEFAULT_DIRECTORY.resolve(file), StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        assertTrue(i >= 0, "test setup: \"" + from + "\" not in the file");
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    @Test
    void realTablesLoadWithExactDecimals() {
        StandardsLoader l = StandardsLoader.defaults();
        SurfaceWaterStandard w = l.surfaceWater();
        assertEquals(new BigDecimal("0.00005"), w.items().get("Hg").limitsFor(Waterbody.RIVER).get(WaterClass.I).max());
        assertEquals(new BigDecimal("0.1229"), l.standardCoal().carrier("electricity").kgcePerUnit());
        assertEquals("HJ 633-2012", l.airQuality().standard());
        assertEquals(3, l.accidentGrading().thresholds().size());
        assertEquals(Path.of("rules", "standards"), StandardsLoader.forRulesDirectory(Path.of("rules")).directory());
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
    void missingFileNamesTheFile(@TempDir Path dir) {
        StandardsException e = assertThrows(StandardsException.class, () -> new StandardsLoader(dir).standardCoal());
        assertEquals(dir.resolve("gb-t-2589.yaml").toString(), e.file());
        assertEquals("file not found", e.problem());
    }
}
