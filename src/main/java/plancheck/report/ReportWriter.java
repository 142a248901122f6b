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
        write(outDir, files, null);
    }

    /**
     * Writes files whole or not at all, each streamed into a temporary file first; with a pool, the
     * files are rendered and written at the same time (a file per task), and moved into place only once
     * every one of them is complete.
     *
     * @param outDir the output folder (created if missing)
     * @param files  file name → content (each content must be independent of the others)
     * @param pool   where to write them at once, or null: one after the other
     * @throws IOException when the folder cannot be written (temporary files are removed)
     */
    public static void write(Path outDir, Map<String, Content> files, java.util.concurrent.ExecutorService pool)
            throws IOException {
        boolean created = !Files.exists(outDir);
        Files.createDirectories(outDir);
        Map<Path, Path> moves = new LinkedHashMap<>();
        boolean written = false;
        try {
            Map<Path, Content> todo = new LinkedHashMap<>();
            for (Map.Entry<String, Content> e : files.entrySet()) {
                Path tmp = Files.createTempFile(outDir, "." + e.getKey() + ".", ".tmp");
                moves.put(tmp, outDir.resolve(e.getKey()));
                todo.put(tmp, e.getValue());
            }
            if (pool == null || todo.size() < 2) {
                for (Map.Entry<Path, Content> e : todo.entrySet()) {
                    writeOne(e.getKey(), e.getValue());
                }
            } else {
                writeAtOnce(todo, pool);
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
            written = true;
        } finally {
            for (Path tmp : moves.keySet()) {
                Files.deleteIfExists(tmp);
            }
            if (!written && created) {
                removeIfEmpty(outDir); // no report written: no new empty folder either
            }
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException | RuntimeException e) {
            // not empty, or not ours to remove: left as it is
        }
    }

    private static void writeOne(Path tmp, Content content) throws IOException {
        try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.writeTo(o);
        }
        readableByAll(tmp);
    }

    /** Writes every file on the pool and waits for all of them; the first failure is then thrown as it was. */
    private static void writeAtOnce(Map<Path, Content> todo, java.util.concurrent.ExecutorService pool) throws IOException {
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (Map.Entry<Path, Content> e : todo.entrySet()) {
            running.add(pool.submit(() -> {
                writeOne(e.getKey(), e.getValue());
                return null;
            }));
        }
        Throwable first = null;
        boolean interrupted = false;
        for (java.util.concurrent.Future<?> f : running) { // every task ends before a file is moved or removed
            while (true) {
                try {
                    f.get();
                    break;
                } catch (java.util.concurrent.ExecutionException x) {
                    first = first != null ? first : x.getCause();
                    break;
                } catch (InterruptedException x) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first != null) {
            throwAsIs(first);
        }
    }

    /**
     * Throws the failure of a task run on another thread as it was: an I/O error, an unchecked exception
     * or an error (out of memory …) as itself, anything else as an I/O error.
     *
     * @param cause the task's failure
     * @throws IOException always (or the unchecked failure)
     */
    public static void throwAsIs(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error er) {
            throw er;
        }
        throw new IOException(cause);
    }
}
