package plancheck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes report files whole or not at all (contract §1): every file is rendered in memory first,
 * written to a temporary file in the output folder, then moved over the old one.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Temporary files are created owner-only; a report is for everyone who can read the folder (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * @param outDir the output folder (created if missing)
     * @param files  file name → content, all rendered before this call
     * @throws IOException when the folder cannot be written (temporary files are removed)
     */
    public static void writeAll(Path outDir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(outDir);
        Map<Path, Path> moves = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path tmp = Files.createTempFile(outDir, "." + e.getKey() + ".", ".tmp");
                moves.put(tmp, outDir.resolve(e.getKey()));
                Files.write(tmp, e.getValue());
                readableByAll(tmp);
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                try {
                    Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException x) {
                    Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : moves.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
