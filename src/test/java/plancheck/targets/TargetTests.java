package plancheck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import plancheck.app.Pipeline;
import plancheck.engine.RuleEngine;
import plancheck.load.RuleSet;
import plancheck.load.RulesLoader;
import plancheck.model.Finding;
import plancheck.model.Status;

/**
 * Helpers of the target tests: submissions written to a temporary folder (contract §2 format) and run
 * through {@link Pipeline#check} with the shipped rules folder, compiled once per JVM.
 */
final class TargetTests {
    private TargetTests() {}

    static final String REGION = "垫江县";
    static final Path RULES = Path.of("rules");

    private static RuleEngine engine;

    /** @return the shipped rules, compiled once. */
    static synchronized RuleEngine engine() {
        if (engine == null) {
            try {
                engine = RuleEngine.compile(RulesLoader.load(RULES));
            } catch (Exception e) {
                throw new AssertionError("the shipped rules do not load: " + e, e);
            }
        }
        return engine;
    }

    /** @return the shipped rule set. */
    static RuleSet rules() {
        return engine().rules();
    }

    /** One indicator value of one year. */
    record Value(int year, String id, BigDecimal value, String unit, String caliber) {
        Value(int year, String id, String value, String unit) {
            this(year, id, new BigDecimal(value), unit, null);
        }
    }

    /**
     * Writes one submission per year present and runs the shipped rules on them.
     *
     * @param dir    a fresh folder
     * @param values the values, any years
     * @return the findings
     */
    static List<Finding> run(Path dir, List<Value> values) {
        Map<Integer, List<Value>> byYear = new TreeMap<>();
        values.forEach(v -> byYear.computeIfAbsent(v.year(), y -> new ArrayList<>()).add(v));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Integer, List<Value>> e : byYear.entrySet()) {
            StringBuilder b = new StringBuilder();
            for (Value v : e.getValue()) {
                if (b.length() > 0) {
                    b.append(",\n    ");
                }
                b.append("{\"id\": \"").append(v.id()).append("\", \"value\": ").append(v.value().toPlainString())
                        .append(", \"unit\": \"").append(v.unit()).append('"');
                if (v.caliber() != null) {
                    b.append(", \"caliber\": \"").append(v.caliber()).append('"');
                }
                b.append('}');
            }
            files.add(write(dir.resolve("test-" + e.getKey() + ".json"), "{\n  \"format\": \"plancheck-facts/1\",\n"
                    + "  \"region\": \"" + REGION + "\",\n  \"year\": " + e.getKey() + ",\n  \"submitter\": \"测试\",\n"
                    + "  \"stage\": \"final\",\n  \"indicators\": [\n    " + b + "\n  ]\n}\n"));
        }
        try {
            return Pipeline.check(engine(), files).report().findings();
        } catch (Exception e) {
            throw new AssertionError("check failed: " + e, e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the one finding on the indicator and year with subject = the region. */
    static Finding verdict(List<Finding> findings, String indicator, int year) {
        List<Finding> m = findings.stream()
                .filter(f -> f.indicator().equals(indicator) && f.year() == year && f.subject().equals(REGION))
                .toList();
        if (m.size() != 1) {
            fail("expected exactly one finding for " + indicator + " " + year + ", found " + m);
        }
        return m.get(0);
    }

    /** Asserts the status and, when given, actual and expected (compared exactly). */
    static Finding assertVerdict(List<Finding> findings, String indicator, int year, Status status, String actual,
                                 String expected) {
        Finding f = verdict(findings, indicator, year);
        assertEquals(status, f.status(), () -> indicator + " " + year + ": " + f.rule() + ": " + f.message().en());
        if (actual != null) {
            assertEquals(0, new BigDecimal(actual).compareTo(f.actual()), () -> "actual of " + f);
        }
        if (expected != null) {
            assertEquals(0, new BigDecimal(expected).compareTo(f.expected()), () -> "expected of " + f);
        }
        return f;
    }
}
