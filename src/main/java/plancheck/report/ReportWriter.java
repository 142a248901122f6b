package plancheck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes report files whole or not at all (contract §1): every file is written to a temporary file in
 * the output folder (report.json as a stream, the others rendered first), then all are moved over the
 * old ones.
 */
public final class ReportWriter {
    private ReportWriter() {}

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException x) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

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
        Map<String, Content> c = new LinkedHashMap<>();
        files.forEach((name, bytes) -> c.put(name, out -> out.write(bytes)));
        write(outDir, c);
    }

    /** A file's content, written as a stream (e.g. report.json, one finding at a time). */
    public interface Content {
        /** Writes the content to {@code out} (not closed). */
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes files whole or not at all, each streamed into a temporary file first.
     *
     * @param outDir the output folder (created if missing)
     * @param files  file name → content
     * @throws IOException when the folder cannot be written (temporary files are removed)
     */
    public static void write(Path outDir, Map<String, Content> files) throws IOException {
        Files.createDirectories(outDir);
        Map<Path, Path> moves = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Content> e : files.entrySet()) {
                Path tmp = Files.createTempFile(outDir, "." + e.getKey() + ".", ".tmp");
                moves.put(tmp, outDir.resolve(e.getKey()));
                try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    e.getValue().writeTo(o);
                }
                readableByAll(tmp);
            }
            for (Path dest : moves.values()) {
                if (Files.isDirectory(dest) || (Files.exists(dest) && !Files.isWritable(dest))) {
                    throw new IOException(dest + " is a folder or cannot be replaced");
                }
            }
            // Keep the old files until every new one is in place; on any failure put them back.
            Map<Path, Path> backups = new LinkedHashMap<>();
            try {
                for (Path dest : moves.values()) {
                    if (Files.exists(dest)) {
                        Path bak = Files.createTempFile(outDir, "." + dest.getFileName() + ".", ".old");
                        Files.move(dest, bak, StandardCopyOption.REPLACE_EXISTING);
                        backups.put(dest, bak);
                    }
                }
                for (Map.Entry<Path, Path> m : moves.entrySet()) {
                    move(m.getKey(), m.getValue());
                }
            } catch (IOException e) {
                for (Path dest : moves.values()) {
                    if (!backups.containsKey(dest)) {
                        Files.deleteIfExists(dest);
                    }
                }
                for (Map.Entry<Path, Path> b : backups.entrySet()) {
                    move(b.getValue(), b.getKey());
                }
                throw e;
            }
            for (Path bak : backups.values()) {
                Files.deleteIfExists(bak);
            }
        } finally {
            for (Path tmp : moves.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
