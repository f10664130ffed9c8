package org.garrison.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.store.SqlTime;

/**
 * SQL for AUDIT_LOG. Values longer than their column are cut, so that no entry can make a batch fail.
 */
final class AuditLogRepository {

    /** The longest object type stored (and accepted as a filter). */
    static final int OBJECT_TYPE_LENGTH = 64;
    /** The longest action, object id, remote address and actor id stored. */
    static final int TEXT_LENGTH = 255;
    private static final int OUTCOME_LENGTH = 16;

    private static final String COLUMNS = "ID, LOGGED_AT, ACTOR_KIND, ACTOR_ID, ACTOR_NAME, CALL_ACTION, OBJECT_TYPE, "
            + "OBJECT_ID, REMOTE_ADDRESS, STATUS, OUTCOME";

    /**
     * What one {@link #deleteOlder} removed.
     *
     * @param count how many entries
     * @param last  the position of the oldest entry removed, to continue below it; {@code null} when none was
     */
    record Deletion(int count, Keyset.TimeAndId last) {
    }

    /** Inserts entries as one JDBC batch. */
    void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO AUDIT_LOG (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry entry : entries) {
                insert.setString(1, entry.id().toString());
                SqlTime.set(insert, 2, entry.at());
                ActorColumns.set(insert, 3, entry.actor());
                insert.setString(6, cut(entry.action(), TEXT_LENGTH));
                insert.setString(7, cut(entry.objectType(), OBJECT_TYPE_LENGTH));
                insert.setString(8, cut(entry.objectId(), TEXT_LENGTH));
                insert.setString(9, cut(entry.remoteAddress(), TEXT_LENGTH));
                // HTTP statuses are three digits; anything else is kept out of SMALLINT's way
                insert.setShort(10, (short) Math.max(0, Math.min(999, entry.status())));
                insert.setString(11, cut(entry.outcome(), OUTCOME_LENGTH));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Matching entries newest first, at most {@code max}, starting after a position.
     *
     * @param after where the previous page ended, or {@code null} for the newest entries
     */
    List<AuditEntry> newestFirst(Connection connection, AuditQuery query, Keyset.TimeAndId after, int max)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM AUDIT_LOG WHERE 1 = 1");
        condition(sql, parameters, " AND LOGGED_AT >= ?", query.from());
        condition(sql, parameters, " AND LOGGED_AT < ?", query.to());
        condition(sql, parameters, " AND ACTOR_ID = ?", query.actorId());
        condition(sql, parameters, " AND OBJECT_TYPE = ?", query.objectType());
        condition(sql, parameters, " AND OBJECT_ID = ?", query.objectId());
        condition(sql, parameters, " AND OUTCOME = ?", query.outcome());
        if (after != null) {
            // the first condition alone is a range the time index can start from; the second settles equal times
            sql.append(" AND LOGGED_AT <= ? AND (LOGGED_AT < ? OR ID < ?)");
            parameters.add(after.at());
            parameters.add(after.at());
            parameters.add(after.id());
        }
        sql.append(" ORDER BY LOGGED_AT DESC, ID DESC");
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setMaxRows(max);
            bind(select, parameters, 1);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(read(row));
                }
            }
        }
        return entries;
    }

    /**
     * The position of the entry that has {@code newer} entries before it in the listing order (the newest has none),
     * or {@code null} when there are not that many.
     */
    Keyset.TimeAndId position(Connection connection, long newer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT LOGGED_AT, ID FROM AUDIT_LOG "
                + "ORDER BY LOGGED_AT DESC, ID DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            select.setLong(1, newer);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Keyset.TimeAndId(SqlTime.get(row, "LOGGED_AT"), row.getString("ID")) : null;
            }
        }
    }

    /**
     * Deletes at most {@code max} entries logged before an instant and/or after a position in the listing order,
     * the newest of them first: one block of the time index, far from the new end where the writer inserts. A pass
     * hands the {@link Deletion#last()} of one call to the next as {@code below}, so each block starts where the
     * previous one ended instead of walking over entries already deleted.
     *
     * @param before only entries logged before this instant, or {@code null}
     * @param below  only entries after this position in the listing order (older, or as old with a lower id), or
     *               {@code null}
     */
    Deletion deleteOlder(Connection connection, Instant before, Keyset.TimeAndId below, int max)
            throws SQLException {
        List<Object> bounds = new ArrayList<>();
        StringBuilder range = new StringBuilder(" WHERE 1 = 1");
        condition(range, bounds, " AND LOGGED_AT < ?", before);
        if (below != null) {
            range.append(" AND LOGGED_AT <= ? AND (LOGGED_AT < ? OR ID < ?)");
            bounds.add(below.at());
            bounds.add(below.at());
            bounds.add(below.id());
        }
        Keyset.TimeAndId last = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT LOGGED_AT, ID FROM AUDIT_LOG" + range + " ORDER BY LOGGED_AT DESC, ID DESC")) {
            select.setMaxRows(max);
            bind(select, bounds, 1);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    last = new Keyset.TimeAndId(SqlTime.get(row, "LOGGED_AT"), row.getString("ID"));
                }
            }
        }
        if (last == null) {
            return new Deletion(0, null);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM AUDIT_LOG" + range
                + " AND LOGGED_AT >= ? AND (LOGGED_AT > ? OR ID >= ?)")) {
            int index = bind(delete, bounds, 1);
            SqlTime.set(delete, index++, last.at());
            SqlTime.set(delete, index++, last.at());
            delete.setString(index, last.id());
            return new Deletion(delete.executeUpdate(), last);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            if (parameter instanceof Instant instant) {
                SqlTime.set(statement, index++, instant);
            } else {
                statement.setString(index++, (String) parameter);
            }
        }
        return index;
    }

    private static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(UUID.fromString(row.getString("ID")), SqlTime.get(row, "LOGGED_AT"),
                ActorColumns.get(row), row.getString("CALL_ACTION"), row.getString("OBJECT_TYPE"),
                row.getString("OBJECT_ID"), row.getString("REMOTE_ADDRESS"), row.getInt("STATUS"),
                row.getString("OUTCOME"));
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
