package plancheck.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Path and hash helpers shared by the loaders: report paths are relative, '/'-separated. */
public final class Paths2 {
    private Paths2() {}

    /**
     * @param file a file
     * @return its path relative to the working folder, with '/' separators (contract §3: no absolute
     *         paths in the report)
     */
    public static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path rel;
        try {
            rel = cwd.relativize(abs);
        } catch (IllegalArgumentException e) {
            rel = abs.getFileName();
        }
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** @return the lowercase hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** @return the lowercase hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
