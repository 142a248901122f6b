package plancheck;

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
import java.util.stream.Stream;

import plancheck.app.Pipeline;
import plancheck.model.Finding;
import plancheck.model.Status;

/** Helpers for tests that run the real rules folder on small submissions written to a temp folder. */
public final class TestSupport {
    private TestSupport() {}

    /** The region of the shipped facts. */
    public static final String REGION = "垫江县";

    /**
     * Writes a submission with the given indicator entries (JSON objects as text).
     *
     * @param dir     folder
     * @param name    file name
     * @param year    the year
     * @param entries e.g. {@code {"id":"grain_capacity","value":41,"unit":"万吨"}}
     * @return the file
     */
    public static Path submission(Path dir, String name, int year, String... entries) {
        return submissionWith(dir, name, year, "final", String.join(",\n    ", entries));
    }

    /** Writes a submission with a stage and a raw indicators body. */
    public static Path submissionWith(Path dir, String name, int year, String stage, String indicators) {
        String json = "{\n  \"format\": \"plancheck-facts/1\",\n  \"region\": \"" + REGION + "\",\n  \"year\": " + year
                + ",\n  \"submitter\": \"测试\",\n  \"stage\": \"" + stage + "\",\n  \"indicators\": [\n    "
                + indicators + "\n  ]\n}\n";
        return write(dir.resolve(name), json);
    }

    /** @return {@code {"id": id, "value": value, "unit": unit}} as JSON text */
    public static String ind(String id, String value, String unit) {
        return "{\"id\": \"" + id + "\", \"value\": " + value + ", \"unit\": \"" + unit + "\"}";
    }

    /** Runs the command line; returns {exit status, stdout, stderr}. */
    public static synchronized String[] cli(String... args) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(e, true, StandardCharsets.UTF_8));
            int rc = plancheck.cli.Main.execute(args);
            return new String[] {String.valueOf(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Runs {@code check --out OUT --lang LANG FILES…}; returns {exit status, stdout, stderr}. */
    public static String[] check(Path out, String lang, Path... files) {
        String[] args = new String[files.length + 5];
        args[0] = "check";
        args[1] = "--out";
        args[2] = out.toString();
        args[3] = "--lang";
        args[4] = lang;
        for (int i = 0; i < files.length; i++) {
            args[i + 5] = files[i].toString();
        }
        return cli(args);
    }

    /** Writes a text file (UTF-8), creating folders. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the shipped rules on the files. */
    public static List<Finding> run(Path... files) {
        return runWith(Path.of("rules"), files);
    }

    /** Runs a rules folder on the files. */
    public static List<Finding> runWith(Path rules, Path... files) {
        try {
            return Pipeline.check(rules, List.of(files)).report().findings();
        } catch (Exception e) {
            throw new AssertionError("check failed: " + e, e);
        }
    }

    /** @return the one finding for the indicator and year with subject = the region */
    public static Finding verdict(List<Finding> findings, String indicator, int year) {
        List<Finding> m = findings.stream()
                .filter(f -> f.indicator().equals(indicator) && f.year() == year && f.subject().equals(REGION))
                .toList();
        if (m.size() != 1) {
            fail("expected exactly one finding for " + indicator + " " + year + ", found " + m);
        }
        return m.get(0);
    }

    /** Asserts status and, when given, the actual and expected numbers (exactly). */
    public static Finding assertVerdict(List<Finding> findings, String indicator, int year, Status status,
                                        String actual, String expected) {
        Finding f = verdict(findings, indicator, year);
        assertEquals(status, f.status(), () -> indicator + " " + year + ": " + f.message().en());
        if (actual != null) {
            assertEquals(0, new BigDecimal(actual).compareTo(f.actual()), () -> "actual of " + f);
        }
        if (expected != null) {
            assertEquals(0, new BigDecimal(expected).compareTo(f.expected()), () -> "expected of " + f);
        }
        return f;
    }

    /**
     * What headless Chromium made of a page: the DOM after loading, and its log (console messages appear
     * there as "CONSOLE(…)").
     *
     * @param dom the page's DOM after loading
     * @param log Chromium's stderr
     */
    public record Chromium(String dom, String log) {
        /** @return the log lines that report a console message, a refused or failed load, or an uncaught error */
        public List<String> consoleMessages() {
            return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused to")
                    || l.contains("Failed to load resource") || l.contains("Uncaught")).toList();
        }
    }

    /** The Chromium Debian installs (.ci/html-check.sh installs it). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /**
     * Loads a page in headless Chromium (no network, a fresh profile) and dumps its DOM.
     *
     * @param page the HTML file
     * @param tmp  a folder for the profile and the outputs
     * @return the DOM and the log
     */
    public static Chromium chromium(Path page, Path tmp) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        Path dom = tmp.resolve("chromium-dom.html");
        Path log = tmp.resolve("chromium-log.txt");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toString()).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return new Chromium(Files.readString(dom, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The plan folder of the shipped plan, relative to the repository root. */
    public static final Path PLAN = Path.of("plans", "dianjiang-15th");

    /**
     * Copies the shipped rules folder to {@code rules} and the plans folder beside it (so the copy finds
     * its plan as the shipped folder does).
     *
     * @param rules where the rules go, e.g. {@code tmp/rules}
     * @return the copy's plan folder ({@code tmp/plans/dianjiang-15th})
     */
    public static Path copyRulesAndPlan(Path rules) {
        copyTree(Path.of("rules"), rules);
        Path plans = rules.toAbsolutePath().normalize().resolveSibling("plans");
        copyTree(Path.of("plans"), plans);
        return plans.resolve(PLAN.getFileName().toString());
    }

    /** Copies a folder tree (for tests that change a copy of the rules). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            List<Path> all = new ArrayList<>(s.toList());
            for (Path p : all) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
