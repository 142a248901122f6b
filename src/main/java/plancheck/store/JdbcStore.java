package plancheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import plancheck.app.Account;
import plancheck.app.AccountStore;
import plancheck.app.AuditEntry;
import plancheck.app.AuditLog;
import plancheck.app.NewRevision;
import plancheck.app.Revision;
import plancheck.app.RevisionStore;
import plancheck.app.Role;
import plancheck.app.RulesStore;
import plancheck.app.RulesVersion;
import plancheck.app.StaleRevisionException;
import plancheck.app.StoreUnavailableException;

/**
 * Revisions, accounts, the audit log and rules versions in SQL that H2 and PostgreSQL both run. Every
 * write is one transaction; a database error becomes {@link StoreUnavailableException} (nothing written).
 */
public final class JdbcStore implements RevisionStore, AuditLog, AccountStore, RulesStore {

    private static final String REV_COLS = "id, region, bureau, report_year, seq, kind, stage, file_name, media_type, "
            + "sha256, size_bytes, filed_by, filed_at, address, rules_version, summary";

    private final Database db;

    /** @param db the database */
    public JdbcStore(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** Runs work in one transaction; rolls back on any failure. */
    private <T> T tx(Work<T> w) throws Exception {
        Connection c;
        try {
            c = db.connection();
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
        try (c) {
            c.setAutoCommit(false);
            try {
                T t = w.run(c);
                c.commit();
                return t;
            } catch (Exception | Error e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken: the transaction is gone with it
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection is evicted by the pool
                }
            }
        }
    }

    /** A transaction whose only checked failures are SQL ones: those mean the database is unavailable. */
    private <T> T txSql(Work<T> w) {
        try {
            return tx(w);
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- revisions ---------------------------------------------------------------------------------------

    @Override
    public Revision append(NewRevision n, Long base, AuditEntry audit, Check check)
            throws StaleRevisionException, CheckFailedException {
        try {
            return tx(c -> {
                long id = next(c, "revision");
                long latest = 0;
                int seq = 1;
                try (PreparedStatement p = c.prepareStatement("SELECT id, seq FROM revisions WHERE region = ? AND bureau = ? "
                        + "AND report_year = ? ORDER BY seq DESC")) {
                    p.setString(1, n.region());
                    p.setString(2, n.bureau());
                    p.setInt(3, n.year());
                    p.setMaxRows(1);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            latest = rs.getLong(1);
                            seq = rs.getInt(2) + 1;
                        }
                    }
                }
                if (base != null && base != latest) {
                    throw new StaleRevisionException(base, latest);
                }
                Instant now = Instant.now();
                Revision r = new Revision(id, n.region(), n.bureau(), n.year(), seq, n.kind(), n.stage(), n.fileName(),
                        n.mediaType(), n.sha256(), n.content().length, n.filedBy(), now, n.address(), n.rulesVersion(), null);
                String summary;
                try {
                    summary = check.run(r, new TxView(c, r, n.content()));
                } catch (SQLException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckFailedException(e);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO revisions (" + REV_COLS + ", content) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setLong(1, id);
                    p.setString(2, n.region());
                    p.setString(3, n.bureau());
                    p.setInt(4, n.year());
                    p.setInt(5, seq);
                    p.setString(6, n.kind());
                    p.setString(7, n.stage());
                    p.setString(8, n.fileName());
                    p.setString(9, n.mediaType());
                    p.setString(10, n.sha256());
                    p.setLong(11, n.content().length);
                    p.setString(12, n.filedBy());
                    p.setTimestamp(13, Timestamp.from(now));
                    p.setString(14, n.address());
                    p.setLong(15, n.rulesVersion());
                    p.setString(16, summary == null ? null : cut(summary, 500));
                    p.setBytes(17, n.content());
                    p.executeUpdate();
                }
                audit(c, audit);
                return r.withSummary(summary);
            });
        } catch (StaleRevisionException | CheckFailedException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Increments a counter under its row lock (held until the transaction ends) and returns the new value. */
    private static long next(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE counters SET n = n + 1 WHERE name = ?")) {
            p.setString(1, name);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT n FROM counters WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The store inside the storing transaction, with the new revision in it. */
    private final class TxView implements View {
        private final Connection c;
        private final Revision added;
        private final byte[] content;

        TxView(Connection c, Revision added, byte[] content) {
            this.c = c;
            this.added = added;
            this.content = content;
        }

        @Override
        public List<Revision> latest(String region, int maxYear) {
            try {
                List<Revision> l = new ArrayList<>(latestIn(c, region, maxYear, Long.MAX_VALUE));
                if (added.region().equals(region) && added.year() <= maxYear) {
                    l.removeIf(r -> r.bureau().equals(added.bureau()) && r.year() == added.year());
                    l.add(added);
                    l.sort(java.util.Comparator.comparingInt(Revision::year).thenComparing(Revision::bureau));
                }
                return l;
            } catch (SQLException e) {
                throw new StoreUnavailableException(e);
            }
        }

        @Override
        public byte[] content(long id) {
            if (id == added.id()) {
                return content;
            }
            try {
                return contentIn(c, id);
            } catch (SQLException e) {
                throw new StoreUnavailableException(e);
            }
        }
    }

    @Override
    public List<Revision> latest(String region, int maxYear, long asOf) {
        return read(c -> latestIn(c, region, maxYear, asOf));
    }

    private static List<Revision> latestIn(Connection c, String region, int maxYear, long asOf) throws SQLException {
        String sql = "SELECT " + prefixed("r") + " FROM revisions r JOIN (SELECT bureau, report_year, MAX(seq) AS s "
                + "FROM revisions WHERE region = ? AND report_year <= ? AND id <= ? GROUP BY bureau, report_year) m "
                + "ON r.bureau = m.bureau AND r.report_year = m.report_year AND r.seq = m.s WHERE r.region = ? "
                + "ORDER BY r.report_year, r.bureau";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, region);
            p.setInt(2, maxYear);
            p.setLong(3, asOf);
            p.setString(4, region);
            return revisions(p);
        }
    }

    private static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String col : REV_COLS.split(",\\s*")) {
            b.append(b.length() == 0 ? "" : ", ").append(alias).append('.').append(col);
        }
        return b.toString();
    }

    private static List<Revision> revisions(PreparedStatement p) throws SQLException {
        List<Revision> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Revision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10).trim(),
                        rs.getLong(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
                        rs.getLong(15), rs.getString(16)));
            }
        }
        return out;
    }

    @Override
    public Optional<Revision> get(long id) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + REV_COLS + " FROM revisions WHERE id = ?")) {
                p.setLong(1, id);
                return revisions(p).stream().findFirst();
            }
        });
    }

    @Override
    public byte[] content(long id) {
        return read(c -> contentIn(c, id));
    }

    private static byte[] contentIn(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT content FROM revisions WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no revision " + id);
                }
                return rs.getBytes(1);
            }
        }
    }

    @Override
    public List<Revision> history(String region, String bureau, Integer year, int limit) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT " + REV_COLS + " FROM revisions WHERE region = ?");
            if (bureau != null) {
                sql.append(" AND bureau = ?");
            }
            if (year != null) {
                sql.append(" AND report_year = ?");
            }
            sql.append(" ORDER BY id DESC");
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                int i = 1;
                p.setString(i++, region);
                if (bureau != null) {
                    p.setString(i++, bureau);
                }
                if (year != null) {
                    p.setInt(i, year);
                }
                p.setMaxRows(Math.max(1, limit));
                return revisions(p);
            }
        });
    }

    @Override
    public long lastId() {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM revisions");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A read outside any explicit transaction. */
    private <T> T read(Work<T> w) {
        try (Connection c = db.connection()) {
            return w.run(c);
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- audit log ---------------------------------------------------------------------------------------

    @Override
    public void append(AuditEntry e) {
        txSql(c -> {
            audit(c, e);
            return null;
        });
    }

    private static void audit(Connection c, AuditEntry e) throws SQLException {
        if (e == null) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit_log (at_time, actor, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setTimestamp(1, Timestamp.from(e.at()));
            p.setString(2, e.actor() == null ? "-" : e.actor());
            p.setString(3, e.action());
            p.setString(4, e.target());
            p.setString(5, e.detail());
            p.setString(6, e.address());
            p.executeUpdate();
        }
    }

    @Override
    public List<AuditEntry> list(int limit, long beforeId) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, at_time, actor, action, target, detail, address "
                    + "FROM audit_log WHERE id < ? ORDER BY id DESC")) {
                p.setLong(1, beforeId);
                p.setMaxRows(Math.max(1, limit));
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    // ---- accounts ----------------------------------------------------------------------------------------

    private static final String ACC_COLS = "id, username, role, bureau, active, password_hash";

    private static List<Stored> accounts(PreparedStatement p) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Stored(new Account(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5)), rs.getString(6)));
            }
        }
        return out;
    }

    @Override
    public Optional<Stored> find(String username) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + ACC_COLS + " FROM accounts WHERE username = ?")) {
                p.setString(1, username);
                return accounts(p).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Account> byId(long id) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + ACC_COLS + " FROM accounts WHERE id = ?")) {
                p.setLong(1, id);
                return accounts(p).stream().findFirst().map(Stored::account);
            }
        });
    }

    @Override
    public Account create(String username, String passwordHash, Role role, String bureau, AuditEntry audit) {
        return txSql(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM accounts WHERE username = ?")) {
                p.setString(1, username);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        throw new IllegalArgumentException("username taken: " + username);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO accounts (username, password_hash, role, bureau, "
                    + "active, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, username);
                p.setString(2, passwordHash);
                p.setString(3, role.id());
                if (bureau == null) {
                    p.setNull(4, Types.VARCHAR);
                } else {
                    p.setString(4, bureau);
                }
                p.setBoolean(5, true);
                p.setTimestamp(6, Timestamp.from(Instant.now()));
                p.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new IllegalArgumentException("username taken: " + username);
                }
                throw e;
            }
            audit(c, audit);
            try (PreparedStatement p = c.prepareStatement("SELECT " + ACC_COLS + " FROM accounts WHERE username = ?")) {
                p.setString(1, username);
                return accounts(p).get(0).account();
            }
        });
    }

    @Override
    public List<Account> list() {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + ACC_COLS + " FROM accounts ORDER BY username")) {
                return accounts(p).stream().map(Stored::account).toList();
            }
        });
    }

    @Override
    public void setPassword(long id, String passwordHash, AuditEntry audit) {
        update("UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, id, audit);
    }

    @Override
    public void setActive(long id, boolean active, AuditEntry audit) {
        update("UPDATE accounts SET active = ? WHERE id = ?", active, id, audit);
    }

    private void update(String sql, Object value, long id, AuditEntry audit) {
        txSql(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setObject(1, value);
                p.setLong(2, id);
                p.executeUpdate();
            }
            audit(c, audit);
            return null;
        });
    }

    @Override
    public int activeAdmins() {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = TRUE");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    // ---- rules versions ----------------------------------------------------------------------------------

    private static final String RV_COLS = "id, parent, sha256, origin, changed_path, submitted_by, submitted_at, passed, results";

    private static List<RulesVersion> versions(PreparedStatement p) throws SQLException {
        List<RulesVersion> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new RulesVersion(rs.getLong(1), rs.getLong(2), rs.getString(3).trim(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                        rs.getString(9)));
            }
        }
        return out;
    }

    @Override
    public RulesVersion insert(long parent, String sha256, String origin, String changedPath, byte[] archive,
                               String submittedBy, boolean passed, String results, AuditEntry audit) {
        return txSql(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rules_versions (parent, sha256, origin, changed_path, "
                    + "archive, submitted_by, submitted_at, passed, results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                p.setLong(1, parent);
                p.setString(2, sha256);
                p.setString(3, origin);
                p.setString(4, changedPath);
                p.setBytes(5, archive);
                p.setString(6, submittedBy);
                p.setTimestamp(7, Timestamp.from(Instant.now()));
                p.setBoolean(8, passed);
                p.setString(9, results == null ? null : cut(results, 21000));
                p.executeUpdate();
                long id;
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
                audit(c, audit == null ? null : new AuditEntry(0, audit.at(), audit.actor(), audit.action(),
                        "v" + id + (audit.target() == null ? "" : " " + audit.target()), audit.detail(), audit.address()));
                try (PreparedStatement q = c.prepareStatement("SELECT " + RV_COLS + " FROM rules_versions WHERE id = ?")) {
                    q.setLong(1, id);
                    return versions(q).get(0);
                }
            }
        });
    }

    @Override
    public Optional<RulesVersion> version(long id) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + RV_COLS + " FROM rules_versions WHERE id = ?")) {
                p.setLong(1, id);
                return versions(p).stream().findFirst();
            }
        });
    }

    @Override
    public byte[] archive(long id) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT archive FROM rules_versions WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no rules version " + id);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    @Override
    public List<RulesVersion> versions() {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + RV_COLS + " FROM rules_versions ORDER BY id DESC")) {
                p.setMaxRows(200);
                return versions(p);
            }
        });
    }

    @Override
    public Optional<RulesVersion> bySha(String sha256) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + RV_COLS + " FROM rules_versions WHERE sha256 = ? ORDER BY id")) {
                p.setString(1, sha256);
                return versions(p).stream().findFirst();
            }
        });
    }

    @Override
    public void activate(long id, Long expected, AuditEntry audit) throws StaleRevisionException {
        try {
            tx(c -> {
                next(c, "rules");
                long now = activeIn(c);
                if (expected != null && expected != now) {
                    throw new StaleRevisionException(expected, now);
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO rules_activations (version_id, activated_by, activated_at) VALUES (?, ?, ?)")) {
                    p.setLong(1, id);
                    p.setString(2, audit == null ? "system" : audit.actor());
                    p.setTimestamp(3, Timestamp.from(Instant.now()));
                    p.executeUpdate();
                }
                audit(c, audit);
                return null;
            });
        } catch (StaleRevisionException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long activeId() {
        return read(JdbcStore::activeIn);
    }

    private static long activeIn(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT version_id FROM rules_activations ORDER BY id DESC")) {
            p.setMaxRows(1);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
