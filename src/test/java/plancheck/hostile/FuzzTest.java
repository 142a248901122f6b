package plancheck.hostile;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing the command line with jqwik: hostile submissions drawn from the shipped ones ({@link Fuzzer})
 * must each get a clean answer — exit 0 or 1 with a report, or exit 2 with the problems listed and no
 * report; never a stack trace, an exit status outside the contract, a hang (60 s), or a flood on stderr.
 * In CI the budget is bounded (a fixed seed, a fixed number of tries); longer runs with fresh seeds are
 * {@link FuzzRun}, their figures in docs/robustness.md.
 */
class FuzzTest {

    static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @Property(tries = 150, seed = "20261201")
    void everyHostileSubmissionGetsACleanAnswer(@ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory("plancheck-fuzz");
        try {
            Fuzzer.Input in = Fuzzer.make(seed, dir.resolve("in"));
            Fuzzer.Answer a = Fuzzer.check(in, dir.resolve("out"), 60);
            synchronized (OUTCOMES) {
                OUTCOMES.merge(Fuzzer.outcomeClass(a), 1, Integer::sum);
            }
            assertNull(Fuzzer.broken(a, in), () -> "seed " + seed + " (" + in.how() + "): " + Fuzzer.broken(a, in)
                    + "\n--- stderr (first 2000 chars) ---\n" + a.err().substring(0, Math.min(2000, a.err().length())));
        } finally {
            Fuzzer.deleteTree(dir);
        }
    }

    @AfterContainer
    static void figures() {
        System.out.println("fuzz outcomes: " + OUTCOMES);
    }
}
