package plancheck.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's trigger on the append-only tables: every UPDATE or DELETE fails (migration V2 for H2). */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "?";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("plancheck: " + table + " is append-only", "P0001");
    }
}
