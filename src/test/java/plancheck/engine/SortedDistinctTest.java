package plancheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import plancheck.model.Evidence;

/** A finding's evidence: sorted, each once, whether the rules hand it over sorted or not. */
class SortedDistinctTest {

    @Test
    void sortedDuplicatedAndShuffledListsGiveTheSameEvidence() {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<Evidence> ev = new ArrayList<>();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                ev.add(new Evidence(r.nextBoolean() ? "a.json" : "b.json",
                        r.nextInt(5) == 0 ? "/indicators/" + r.nextInt(9) : "/waterSamples/" + r.nextInt(30)));
            }
            if (round % 3 == 0) {
                ev = new ArrayList<>(new TreeSet<>(ev)); // already sorted and distinct: the one-pass case
            } else if (round % 3 == 1) {
                ev.sort(null); // sorted with duplicates
            }
            List<Evidence> expected = new ArrayList<>(new TreeSet<>(ev));
            assertEquals(expected, Emit.sortedDistinct(ev), "round " + round);
        }
    }

    @Test
    void theSameIndexWrittenTwoWaysIsKeptTwice() {
        // "/indicators/07" and "/indicators/7" are ordered alike but are two pointers: both stay
        List<Evidence> ev = List.of(new Evidence("a.json", "/indicators/7"), new Evidence("a.json", "/indicators/07"));
        assertEquals(2, Emit.sortedDistinct(ev).size());
        assertEquals(List.of(new Evidence("a.json", "/x/1"), new Evidence("a.json", "/x/2")),
                Emit.sortedDistinct(List.of(new Evidence("a.json", "/x/2"), new Evidence("a.json", "/x/1"),
                        new Evidence("a.json", "/x/2"))));
    }
}
