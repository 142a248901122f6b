package plancheck.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import plancheck.load.Paths2;

/**
 * The bad-input corpus: every folder of {@code src/test/resources/hostile/} is one case — the command
 * line it runs ({@code case.yaml}), the files it runs on ({@code in/}, and {@code rules/} or {@code plans/}
 * laid over copies of the shipped ones), and what it must answer ({@code expected.txt}: the exit status on
 * the first line, then stderr exactly, with the case's folder written {@code {work}}). Besides the exact
 * answer, every case must keep the contract: an exit status of 0–3, no stack trace, and no report unless
 * the check completed (0 or 1).
 *
 * <p>{@code case.yaml}: {@code args} (with {@code {in}}, {@code {rules}}, {@code {plans}}, {@code {out}}),
 * and to lay out what a resource folder cannot hold: {@code links} (path → target), {@code fifos},
 * {@code locked} (made unreadable; run with root's override of permissions dropped), {@code big} (a file
 * made of a prefix, a text repeated and a suffix), {@code edits} (in a copy of a shipped rules or plan file,
 * the first {@code from} becomes {@code to}: the case survives changes to the rest of the file), {@code jvm}
 * (run in a JVM of its own with these options). With {@code -Dhostile.update=true} the actual answers are written to expected.txt, for review.
 */
class HostileCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersExactly(String name, @TempDir Path work) throws Exception {
        Path dir = CORPUS.resolve(name);
        JsonNode c = YAML.readTree(dir.resolve("case.yaml").toFile());
        copy(dir.resolve("in"), work.resolve("in"));
        boolean ownRules = Files.isDirectory(dir.resolve("rules")) || Files.isDirectory(dir.resolve("plans"))
                || c.path("edits").size() > 0;
        if (ownRules) {
            copy(Path.of("rules"), work.resolve("rules"));
            copy(Path.of("plans"), work.resolve("plans"));
            copy(dir.resolve("rules"), work.resolve("rules"));
            copy(dir.resolve("plans"), work.resolve("plans"));
        }
        // an edit of a shipped file (its first occurrence of `from` becomes `to`): the case keeps working when
        // the rest of the file changes, as a copy of the whole file would not
        for (JsonNode e : c.path("edits")) {
            Path f = work.resolve(e.path("file").asText());
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String from = e.path("from").asText();
            assertTrue(text.contains(from), () -> name + ": " + f + " does not hold " + from);
            Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(e.path("to").asText())), StandardCharsets.UTF_8);
        }
        c.path("links").fields().forEachRemaining(e -> link(work.resolve(e.getKey()), e.getValue().asText()));
        for (JsonNode f : c.path("fifos")) {
            Process p = new ProcessBuilder("mkfifo", work.resolve(f.asText()).toString()).start();
            assertEquals(0, p.waitFor());
        }
        JsonNode big = c.path("big");
        if (big.isObject()) {
            Path f = work.resolve(big.path("file").asText());
            Files.createDirectories(f.getParent());
            StringBuilder b = new StringBuilder(big.path("prefix").asText());
            b.append(big.path("repeat").asText().repeat(big.path("times").asInt()));
            b.append(big.path("suffix").asText());
            Files.writeString(f, b, StandardCharsets.UTF_8);
        }
        List<String> args = new ArrayList<>();
        for (JsonNode a : c.path("args")) {
            args.add(a.asText().replace("{in}", work.resolve("in").toString()).replace("{rules}", work.resolve("rules").toString())
                    .replace("{plans}", work.resolve("plans").toString()).replace("{out}", work.resolve("out").toString()));
        }
        List<String> jvm = new ArrayList<>();
        c.path("jvm").forEach(j -> jvm.add(j.asText()));
        List<String> locked = new ArrayList<>();
        c.path("locked").forEach(l -> locked.add(l.asText()));
        Run r;
        if (!locked.isEmpty()) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is needed to drop root's override of permissions");
            for (String l : locked) {
                Files.setPosixFilePermissions(work.resolve(l), PosixFilePermissions.fromString("---------"));
            }
            try {
                r = subprocess(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"), jvm, args);
            } finally {
                for (String l : locked) {
                    Files.setPosixFilePermissions(work.resolve(l), PosixFilePermissions.fromString("rwx------"));
                }
            }
        } else if (!jvm.isEmpty()) {
            r = subprocess(List.of(), jvm, args);
        } else {
            r = inProcess(args);
        }
        String actual = "exit " + r.exit() + "\n" + normalize(r.err(), work);
        Path expected = dir.resolve("expected.txt");
        if (Boolean.getBoolean("hostile.update")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        // the contract, whatever the case
        assertTrue(r.exit() >= 0 && r.exit() <= 3, () -> "exit status outside the contract: " + r);
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), () -> "a stack trace: " + r);
        if (r.exit() >= 2) {
            assertFalse(Files.exists(work.resolve("out/report.json")), "a report written with exit " + r.exit());
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, () -> name + ": stdout was\n" + r.out());
    }

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {}

    static Run inProcess(List<String> args) {
        plancheck.analyst.Cli.Run r = plancheck.analyst.Cli.run(args.toArray(String[]::new));
        return new Run(r.exit(), r.out(), r.err());
    }

    static Run subprocess(List<String> prefix, List<String> jvm, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        String cache = System.getProperty("plancheck.cache");
        if (cache != null) {
            cmd.add("-Dplancheck.cache=" + cache);
        }
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add("plancheck.cli.Main");
        cmd.addAll(args);
        Path err = Files.createTempFile("plancheck-err", ".txt");
        Path out = Files.createTempFile("plancheck-out", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("no answer in 300 s: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }

    /** The case's folder as {work}; the line saying the rules were compiled left out (it depends on the cache). */
    static String normalize(String err, Path work) {
        String w = Paths2.display(work);
        StringBuilder b = new StringBuilder();
        for (String line : err.split("\n")) {
            if (line.startsWith("plancheck: 已编译规则") || line.startsWith("plancheck: rules compiled")) {
                continue;
            }
            b.append(line.replace(w, "{work}").replace(work.toString(), "{work}")).append('\n');
        }
        return b.toString();
    }

    static void link(Path at, String target) {
        try {
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
