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

    /** 400 random pointers of segments that are indexes, near-indexes and names. */
    private static List<String> randomPointers(long seed) {
        Random r = new Random(seed);
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
        return ps;
    }

    @Test
    void sameSignAsTheDefinitionOnRandomPointers() {
        List<String> ps = randomPointers(20260101);
        for (String a : ps) {
            for (String b : ps) {
                int expected = Integer.signum(byDefinition(a, b));
                assertEquals(expected, Integer.signum(Evidence.comparePointers(a, b)), a + " vs " + b);
                // the same through the evidence, which keeps a list element's index
                assertEquals(expected, Integer.signum(new Evidence("f.json", a).compareTo(new Evidence("f.json", b))),
                        a + " vs " + b + " as evidence");
            }
        }
    }

    @Test
    void evidenceIsAValueLikeTheRecordItWas() {
        Evidence a = new Evidence("f.json", "/waterSamples/12");
        Evidence b = new Evidence(new String("f.json"), new String("/waterSamples/12"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(31 * "f.json".hashCode() + "/waterSamples/12".hashCode(), a.hashCode());
        assertEquals("Evidence[input=f.json, pointer=/waterSamples/12]", a.toString());
        assertEquals(0, a.compareTo(b));
        assertTrue(!a.equals(new Evidence("f.json", "/waterSamples/012")), "a different pointer to the same index");
        assertEquals(0, a.compareTo(new Evidence("f.json", "/waterSamples/012")), "ordered as the same index");
    }

    /** asMapsReferenced as it was first written: a key string per record. */
    private static List<Object> referencedByDefinition(List<Evidence> evidence) {
        java.util.Map<String, Object[]> groups = new java.util.TreeMap<>();
        for (Evidence e : evidence) {
            String list = Evidence.listOf(e.pointer());
            String key = e.input() + "\u0000" + (list == null ? e.pointer() : list);
            Object[] g = groups.get(key);
            if (g == null) {
                groups.put(key, new Object[] {e.input(), list == null ? e.pointer() : list, list == null ? 0 : 1});
            } else if (list != null) {
                g[2] = (Integer) g[2] + 1;
            }
        }
        List<Object> out = new ArrayList<>();
        for (Object[] g : groups.values()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("input", g[0]);
            m.put("pointer", g[1]);
            if ((Integer) g[2] > 0) {
                m.put("records", g[2]);
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void longListsAreReferencedPerListAsByDefinition() {
        Random r = new Random(7);
        List<String> ps = randomPointers(99);
        for (int round = 0; round < 50; round++) {
            List<Evidence> ev = new ArrayList<>();
            int n = Evidence.LISTED + 1 + r.nextInt(300);
            for (int i = 0; i < n; i++) {
                String input = r.nextInt(3) == 0 ? "b.json" : "a.json";
                String ptr = r.nextInt(3) == 0 ? ps.get(r.nextInt(ps.size())) : "/waterSamples/" + r.nextInt(40);
                ev.add(new Evidence(input, ptr));
            }
            if (round % 2 == 0) {
                java.util.Collections.sort(ev); // as findings hold it; the other half in any order
            }
            assertEquals(referencedByDefinition(ev), Evidence.asMapsReferenced(ev), "round " + round);
        }
    }
}
