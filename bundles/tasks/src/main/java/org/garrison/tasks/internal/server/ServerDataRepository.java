package org.garrison.tasks.internal.server;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.garrison.api.store.DatabaseKind;

/**
 * The database's own maintenance procedures: Derby's online backup, table compression and statistics, PostgreSQL's
 * ANALYZE. Every method works in its caller's transaction.
 */
final class ServerDataRepository {

    /**
     * How much space a table takes.
     *
     * @param allocatedBytes the pages it holds
     * @param freeBytes      of those, the pages compressing would give back
     */
    record TableSpace(long allocatedBytes, long freeBytes) {
    }

    DatabaseKind kind(Connection connection) throws SQLException {
        return DatabaseKind.fromProductName(connection.getMetaData().getDatabaseProductName());
    }

    /** Derby: an online backup of the whole database into the folder (it creates a subfolder named after it). */
    void backupDerby(Connection connection, String folder) throws SQLException {
        try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, folder);
            call.execute();
        }
    }

    /** The tables of the connection's schema, which hold all of the server's data. */
    List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** Derby: the space a table and its indexes take. */
    TableSpace derbySpace(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT SUM(NUMALLOCATEDPAGES * PAGESIZE), "
                + "SUM(NUMFREEPAGES * PAGESIZE) FROM TABLE(SYSCS_DIAG.SPACE_TABLE(?, ?)) T")) {
            statement.setString(1, connection.getSchema());
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new TableSpace(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** Derby: refreshes the statistics the optimiser plans queries with, for every index of the table. */
    void updateStatisticsDerby(Connection connection, String table) throws SQLException {
        try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
            call.setString(1, connection.getSchema());
            call.setString(2, table);
            call.execute();
        }
    }

    /** Derby: rebuilds the table and its indexes, giving unused space back to the file system. */
    void compressDerby(Connection connection, String table) throws SQLException {
        try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE(?, ?, 1)")) {
            call.setString(1, connection.getSchema());
            call.setString(2, table);
            call.execute();
        }
    }

    /** PostgreSQL: refreshes the planner's statistics of every table of the database. */
    void analyzePostgresql(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }
}
