package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import plancheck.app.Pipeline;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Runs the scenarios of rules/scenarios/targets/ (docs/scenarios.md format) against the shipped rules:
 * a self-check of those files until `plancheck rules test` runs every scenario folder. Supports
 * given/expect/exitStatus (no parameters: these scenarios set none) and checks that every rule of the
 * four judging files for the targets (new-items, trend, hold, growth-levels) fired in some scenario.
 */
class TargetScenariosTest {

    static final Path DIR = Path.of("rules/scenarios/targets");
    static final Set<String> FIRED = new TreeSet<>();

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Path file, @TempDir Path dir) throws Exception {
        JsonNode sc = RulesLoader.yaml().readTree(file.toFile());
        assertTrue(sc.hasNonNull("name") && sc.hasNonNull("clause"), file + ": name and clause are required");
        assertTrue(!sc.has("parameters"), file + ": parameters are not supported by this self-check");
        ObjectMapper json = new ObjectMapper();
        List<Path> files = new ArrayList<>();
        int i = 0;
        for (JsonNode g : sc.path("given")) {
            String name = g.path("file").asText("given-" + i + ".json");
            Path p = dir.resolve(i++ + "-" + name);
            Files.writeString(p, json.writerWithDefaultPrettyPrinter().writeValueAsString(g.path("submission")));
            files.add(p);
        }
        List<Finding> findings = Pipeline.check(TargetTests.engine(), files).report().findings();
        findings.forEach(f -> FIRED.add(f.rule()));
        for (JsonNode e : sc.path("expect")) {
            String ind = e.path("indicator").asText();
            int year = e.path("year").asInt();
            String subject = e.path("subject").asText(TargetTests.REGION);
            List<Finding> m = findings.stream().filter(f -> f.indicator().equals(ind) && f.year() == year
                    && f.subject().equals(subject) && (!e.has("rule") || f.rule().equals(e.path("rule").asText()))).toList();
            if (m.size() != 1) {
                fail(file + ": expected exactly one finding for " + e + ", found " + m);
            }
            Finding f = m.get(0);
            assertEquals(Status.valueOf(e.path("status").asText()), f.status(), () -> file + ": " + e + " vs " + f.rule()
                    + " " + f.message().en());
            if (e.has("actual")) {
                assertEquals(0, e.path("actual").decimalValue().compareTo(f.actual()), () -> file + ": actual " + e + " vs " + f.actual());
            }
            if (e.has("expected")) {
                assertEquals(0, e.path("expected").decimalValue().compareTo(f.expected()), () -> file + ": expected " + e + " vs " + f.expected());
            }
            if (e.has("messageContains")) {
                String s = e.path("messageContains").asText();
                assertTrue(f.message().zh().contains(s) || f.message().en().contains(s), () -> file + ": message of " + f + " lacks " + s);
            }
        }
        if (sc.has("exitStatus")) {
            boolean violation = findings.stream().anyMatch(f -> f.status() == Status.VIOLATION);
            assertEquals(sc.path("exitStatus").asInt(), violation ? 1 : 0, file + ": exit status");
        }
    }

    @AfterAll
    static void everyTargetRuleFired() throws IOException {
        for (String drl : List.of("new-items.drl", "trend.drl", "hold.drl", "growth-levels.drl")) {
            for (String line : Files.readAllLines(Path.of("rules/judging").resolve(drl))) {
                if (line.startsWith("rule \"")) {
                    String name = line.substring(6, line.lastIndexOf('"'));
                    assertTrue(FIRED.contains(name), "rule \"" + name + "\" of " + drl + " fired in no scenario of " + DIR);
                }
            }
        }
    }

}
