package plancheck.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A long fuzzing run outside CI: {@code mvn -B verify -Dtest=FuzzRun -Dfuzz.seconds=600}. Draws fresh
 * seeds from jqwik for the given time, checks each answer as {@link FuzzTest} does, and writes the figures
 * (inputs, outcomes by class, the slowest answer, every broken answer with its seed) to
 * target/fuzz-figures.txt. Skipped unless {@code fuzz.seconds} is set.
 */
class FuzzRun {

    @Test
    void runForTheGivenTime() throws Exception {
        long seconds = Long.getLong("fuzz.seconds", 0);
        Assumptions.assumeTrue(seconds > 0, "a long run: -Dfuzz.seconds=N");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        List<Long> millis = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int inputs = 0;
        long bytes = 0;
        long slowest = 0;
        String slowestHow = "";
        var seeds = Arbitraries.longs().sampleStream().iterator();
        while (System.nanoTime() < end) {
            long seed = seeds.next();
            Path dir = Files.createTempDirectory("plancheck-fuzz");
            try {
                Fuzzer.Input in = Fuzzer.make(seed, dir.resolve("in"));
                Fuzzer.Answer a = Fuzzer.check(in, dir.resolve("out"), 120);
                inputs++;
                bytes += in.bytes();
                outcomes.merge(Fuzzer.outcomeClass(a), 1, Integer::sum);
                families.merge(Fuzzer.family(a), 1, Integer::sum);
                if (inputs > 1) { // the first run compiles the rules
                    millis.add(a.millis());
                }
                kinds.merge(in.how().split(":")[0], 1, Integer::sum);
                if (inputs > 1 && a.millis() > slowest) {
                    slowest = a.millis();
                    slowestHow = "seed " + seed + " (" + in.how() + ", " + in.bytes() + " bytes)";
                }
                String b = Fuzzer.broken(a, in);
                if (b != null) {
                    broken.add("seed " + seed + " (" + in.how() + "): " + b);
                }
            } finally {
                Fuzzer.deleteTree(dir);
            }
        }
        StringBuilder f = new StringBuilder();
        f.append("seconds: ").append(seconds).append('\n').append("inputs: ").append(inputs).append('\n')
                .append("input bytes: ").append(bytes).append('\n').append("inputs by mutation: ").append(kinds).append('\n')
                .append("slowest answer: ").append(slowest).append(" ms, ").append(slowestHow).append('\n')
                .append("broken answers: ").append(broken.size()).append('\n');
        broken.forEach(b -> f.append("  ").append(b).append('\n'));
        java.util.Collections.sort(millis);
        if (!millis.isEmpty()) {
            f.append("answer time (after the first, which compiles the rules): median ").append(millis.get(millis.size() / 2))
                    .append(" ms, 99th percentile ").append(millis.get(Math.min(millis.size() - 1, millis.size() * 99 / 100)))
                    .append(" ms\n");
        }
        f.append("outcomes by family:\n");
        families.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> f.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
        f.append("outcomes by class:\n");
        outcomes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> f.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-figures.txt"), f, StandardCharsets.UTF_8);
        System.out.print(f);
        assertEquals(List.of(), broken);
    }
}
