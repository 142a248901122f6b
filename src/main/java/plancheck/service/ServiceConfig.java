package plancheck.service;

import java.nio.file.Path;

/**
 * How the service starts.
 *
 * @param dbUrl         JDBC URL; null: the embedded H2 database under {@code dataDir/db}
 * @param dataDir       the data folder (embedded database, revisions' files, rules versions)
 * @param host          the address to listen on
 * @param port          the port (0: any free port)
 * @param rulesDir      the rules folder deployed
 * @param plansDir      the plans folder deployed
 * @param maxUpload     the largest upload accepted, in bytes (HTTP 413 beyond)
 * @param adminPassword the first administrator's password when no administrator exists (null: generated
 *                      and printed once)
 */
public record ServiceConfig(String dbUrl, Path dataDir, String host, int port, Path rulesDir, Path plansDir,
                            long maxUpload, String adminPassword) {
    /** The default upload limit: 10 MiB. */
    public static final long DEFAULT_MAX_UPLOAD = 10L * 1024 * 1024;
}
