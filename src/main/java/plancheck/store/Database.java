package plancheck.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's database: a HikariCP pool over H2 (embedded, file mode: the default) or PostgreSQL (its
 * JDBC URL), migrated with Flyway at start (db/migration/common, then the database's own folder).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String vendor;

    private Database(HikariDataSource pool, String vendor) {
        this.pool = pool;
        this.vendor = vendor;
    }

    /** @return the JDBC URL of the embedded default: an H2 database in files under {@code dataDir/db/} */
    public static String embeddedUrl(Path dataDir) {
        // WRITE_DELAY=0: a commit is written to the file before it is acknowledged (kill -9 loses nothing
        // acknowledged); LOCK_TIMEOUT: filings from several processes wait for the numbering lock in turn
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("db").resolve("plancheck")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=120000";
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param url JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql://host:port/db?user=…&password=…})
     * @return the database
     * @throws StoreStartException the database cannot be reached or migrated (a one-line reason)
     */
    public static Database open(String url) {
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : url.startsWith("jdbc:h2:") ? "h2" : null;
        if (vendor == null) {
            throw new StoreStartException("unsupported database URL (expected jdbc:h2:… or jdbc:postgresql://…): "
                    + plancheck.model.Bounded.cut(url.replaceAll("password=[^&;]*", "password=…")));
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setPoolName("plancheck");
        c.setMaximumPoolSize(10);
        c.setConnectionTimeout(5_000);
        c.setValidationTimeout(2_000);
        c.setInitializationFailTimeout(10_000);
        c.setAutoCommit(true);
        if (vendor.equals("h2")) {
            c.setExceptionOverrideClassName(H2ConnectionErrors.class.getName());
        }
        if (vendor.equals("postgresql")) {
            c.addDataSourceProperty("connectTimeout", "5");
            c.addDataSourceProperty("socketTimeout", "60");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new StoreStartException("cannot connect to the database: " + rootMessage(e));
        }
        try {
            Flyway.configure().dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreStartException("cannot migrate the database schema: " + rootMessage(e));
        }
        return new Database(ds, vendor);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("password=[^&;\\s]*", "password=…");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /** @return "h2" or "postgresql" */
    public String vendor() {
        return vendor;
    }

    /** @return the pool */
    public DataSource dataSource() {
        return pool;
    }

    /** @return a connection from the pool */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** @return true when a connection answers now */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The database could not be opened at start. */
    public static final class StoreStartException extends RuntimeException {
        /** @param message a one-line reason */
        public StoreStartException(String message) {
            super(message);
        }
    }
}
