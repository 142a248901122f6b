package plancheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import plancheck.i18n.Msg;
import plancheck.model.Bounded;
import plancheck.model.Text;

/** The tool's messages: every file has both languages with the same placeholders; values quoted are bounded. */
class MessagesTest {

    private static final Pattern PH = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PH.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyMessageHasBothLanguagesWithTheSamePlaceholders() throws Exception {
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/plancheck/i18n"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String area = f.getFileName().toString().replace(".yaml", "");
                for (Map.Entry<String, Text> e : Msg.area(area).entrySet()) {
                    n++;
                    assertTrue(e.getKey().startsWith(area + "."), e.getKey() + " belongs in " + f);
                    assertEquals(placeholders(e.getValue().zh()), placeholders(e.getValue().en()), e.getKey());
                    assertFalse(e.getValue().zh().isBlank() || e.getValue().en().isBlank(), e.getKey());
                }
            }
        }
        assertTrue(n > 0);
    }

    @Test
    void placeholdersAreFilledOnceAndAMissingOneIsAnError() {
        Text t = Msg.text("app.region-not-covered", "region", "{covered}", "covered", "垫江县 (plans/x)");
        assertEquals("region \"{covered}\" is not covered by any plan (plan.yaml, regions); the plans cover: 垫江县 (plans/x)",
                t.en(), "a value that looks like a placeholder stays as it is");
        assertThrows(IllegalStateException.class, () -> Msg.text("app.region-not-covered", "region", "x"));
        assertThrows(IllegalStateException.class, () -> Msg.text("app.no-such-key"));
    }

    @Test
    void aQuotedValueIsCutWithItsLength() {
        assertEquals("\"abc\"", Bounded.quote("abc"));
        String big = "9".repeat(10_000);
        String q = Bounded.quote(big);
        assertTrue(q.length() < 100, q);
        assertTrue(q.endsWith("…(10000 chars)\""), q);
        assertEquals("null", Bounded.quote(null));
    }
}
