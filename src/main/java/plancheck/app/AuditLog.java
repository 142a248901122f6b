package plancheck.app;

import java.util.List;

/** The append-only audit log (implemented by plancheck.store). */
public interface AuditLog {
    /** Appends one line. */
    void append(AuditEntry e);

    /**
     * @param limit    at most this many
     * @param beforeId only lines before this number (Long.MAX_VALUE: the newest)
     * @return the lines, newest first
     */
    List<AuditEntry> list(int limit, long beforeId);
}
