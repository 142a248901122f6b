package plancheck.store;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the pool which of H2's errors mean the connection is dead (H2 gives them its own codes, not the
 * SQL states 08xxx the pool knows): such a connection is evicted, not handed out again, so the service
 * recovers as soon as an H2 server is back.
 */
public final class H2ConnectionErrors implements SQLExceptionOverride {
    /** CONNECTION_BROKEN_1, DATABASE_CALLED_AT_SHUTDOWN, DATABASE_IS_CLOSED, OBJECT_CLOSED. */
    private static final Set<Integer> DEAD = Set.of(90067, 90121, 90098, 90007);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (DEAD.contains(x.getErrorCode())) {
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
