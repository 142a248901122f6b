package plancheck.sheets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.analyst.Cli;

/**
 * The same inputs give the same bytes (contract §3: no clock time), for every file a check writes —
 * report.xlsx and a workbook's annotated copy included, whose document properties would otherwise
 * carry the time they were made, and every zip entry its time of writing — and for a bureau's template.
 * The runs are more than two seconds apart (the resolution of a zip entry's time).
 */
class SameBytesTest {

    @TempDir
    Path tmp;

    @Test
    void twoChecksAndTwoTemplatesASecondApartAreByteForByteTheSame() throws Exception {
        Path book = Path.of("examples/example-safety-bureau-2026.xlsx");
        for (String run : List.of("a", "b")) {
            if (run.equals("b")) {
                Thread.sleep(2100); // zip entries are dated to 2 seconds
            }
            Cli.run("check", "-q", "--out", tmp.resolve(run).toString(), "facts/2026", book.toString());
            Cli.Run t = Cli.run("template", "--bureau", "应急管理局", "--year", "2027", "--out", tmp.resolve("t-" + run + ".xlsx").toString());
            assertEquals(0, t.exit(), t.toString());
        }
        List<Path> a = files(tmp.resolve("a"));
        assertEquals(files(tmp.resolve("b")).stream().map(p -> p.getFileName().toString()).toList(),
                a.stream().map(p -> p.getFileName().toString()).toList());
        assertFalse(a.stream().noneMatch(p -> p.toString().endsWith("report.xlsx")), "report.xlsx written: " + a);
        assertFalse(a.stream().filter(p -> p.toString().endsWith(".xlsx")).count() < 2, "the annotated workbook too: " + a);
        for (Path p : a) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(tmp.resolve("b").resolve(tmp.resolve("a").relativize(p))),
                    p.toString());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("t-a.xlsx")), Files.readAllBytes(tmp.resolve("t-b.xlsx")), "template");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
