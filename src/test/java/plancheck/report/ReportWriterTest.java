package plancheck.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are written whole or not at all, also when their formats are rendered at the same time: a
 * format that fails leaves the old files as they were and no temporary file behind.
 */
class ReportWriterTest {

    @TempDir
    Path out;

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static ReportWriter.Content text(String s) {
        return o -> o.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> listing() throws IOException {
        try (var s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void formatsRenderedAtOnceAreAllWritten() throws Exception {
        Map<String, ReportWriter.Content> files = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String body = ("file " + i + "\n").repeat(10_000 * (i + 1));
            files.put("f" + i + ".txt", text(body));
        }
        ReportWriter.write(out, files, pool);
        assertEquals(List.of("f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt", "f5.txt"), listing());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(("file " + i + "\n").repeat(10_000 * (i + 1)).getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(out.resolve("f" + i + ".txt")));
        }
    }

    @Test
    void oneFailingFormatLeavesTheOldReportsAndNoTemporaryFile() throws Exception {
        Files.writeString(out.resolve("report.json"), "old json");
        Files.writeString(out.resolve("report.html"), "old html");
        Map<String, ReportWriter.Content> files = new LinkedHashMap<>();
        files.put("report.json", text("new json"));
        files.put("report.html", o -> {
            o.write("half a page".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        });
        files.put("report.md", text("new md"));
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(out, files, pool));
        assertEquals("disk full", e.getMessage(), "the format's own failure, as it was");
        assertEquals(List.of("report.html", "report.json"), listing(), "no new file, no temporary file");
        assertEquals("old json", Files.readString(out.resolve("report.json")));
        assertEquals("old html", Files.readString(out.resolve("report.html")));
        Map<String, ReportWriter.Content> failing = new LinkedHashMap<>();
        failing.put("report.json", text("new json"));
        failing.put("report.xlsx", o -> {
            throw new IllegalStateException("a defect in a writer");
        });
        assertThrows(IllegalStateException.class, () -> ReportWriter.write(out, failing, pool),
                "an unchecked failure stays what it is");
        assertEquals(List.of("report.html", "report.json"), listing());
    }

    @Test
    void aFailureLeavesNoNewEmptyFolderAndAFolderThatWasThereStays() throws Exception {
        Path fresh = out.resolve("new-reports");
        Map<String, ReportWriter.Content> files = new LinkedHashMap<>();
        files.put("report.json", text("new json"));
        files.put("report.md", o -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThrows(OutOfMemoryError.class, () -> ReportWriter.write(fresh, files, pool));
        assertFalse(Files.exists(fresh), "no report written: the folder it would have gone to is not created");
        Files.createDirectories(fresh);
        assertThrows(OutOfMemoryError.class, () -> ReportWriter.write(fresh, files, pool));
        assertTrue(Files.isDirectory(fresh), "a folder the user had stays, empty as it was");
        assertEquals(List.of("new-reports"), listing());
    }
}
