package plancheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The order of evidence: JSON pointers compared segment by segment, array indexes as numbers. The
 * scanning comparison must order every pair as the plain definition does (split on '/', a segment of
 * 1–9 digits compared as a number, other segments as text, then the shorter pointer first).
 */
class EvidenceOrderTest {

    /** The definition, written the plain way. */
    private static int byDefinition(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Test
    void indexesCompareAsNumbers() {
        assertTrue(Evidence.comparePointers("/waterSamples/2", "/waterSamples/10") < 0);
        assertTrue(Evidence.comparePointers("/waterSamples/10", "/waterSamples/10/values") < 0);
        assertTrue(Evidence.comparePointers("/accidents/9", "/airDaily/0") < 0);
        assertTrue(Evidence.comparePointers("/a/0123456789", "/a/2") < 0, "ten digits compare as text");
        assertEquals(0, Evidence.comparePointers("/indicators/07", "/indicators/7"));
        assertEquals(0, Evidence.comparePointers("", ""));
        assertTrue(new Evidence("a.json", "/x/3").compareTo(new Evidence("b.json", "/x/1")) < 0);
    }

    @Test
    void sameSignAsTheDefinitionOnRandomPointers() {
        Random r = new Random(20260101);
        String[] parts = {"", "0", "1", "2", "10", "007", "99", "123456789", "1234567890", "a", "ab", "a1", "1a",
                "waterSamples", "values", "NH3-N", "~1", "断面", "١"};
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                b.append('/').append(parts[r.nextInt(parts.length)]);
            }
            if (r.nextInt(10) == 0) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            ps.add(b.toString());
        }
        for (String a : ps) {
            for (String b : ps) {
                assertEquals(Integer.signum(byDefinition(a, b)), Integer.signum(Evidence.comparePointers(a, b)),
                        a + " vs " + b);
            }
        }
    }
}
