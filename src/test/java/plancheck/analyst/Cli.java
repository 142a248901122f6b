package plancheck.analyst;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import plancheck.cli.Main;

/** Test helpers: run the command line capturing its output; copy folders. */
public final class Cli {
    private Cli() {}

    /** What a command printed and returned. */
    public record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    /** Runs plancheck with the arguments, capturing stdout and stderr (UTF-8). */
    public static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            System.out.flush();
            System.err.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Copies a folder tree; {@code skip} names top-level entries to leave out. */
    static void copy(Path from, Path to, String... skip) {
        List<String> sk = List.of(skip);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && sk.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the shipped rules and plans into {@code root} (as rules/ and plans/).
     *
     * @param skip top-level entries of the rules folder to leave out
     * @return the copy of the rules folder
     */
    static Path copyShipped(Path root, String... skip) {
        copy(Path.of("rules"), root.resolve("rules"), skip);
        copy(Path.of("plans"), root.resolve("plans"));
        return root.resolve("rules");
    }

    /** Writes a UTF-8 file, creating folders. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
