package org.garrison.api.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Reads and writes {@link Instant}s in {@code TIMESTAMP} columns as UTC, whatever the server's default time zone,
 * so that stored times mean the same on Derby and PostgreSQL and after the host's zone changes.
 */
public final class SqlTime {

    private SqlTime() {
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    /** Sets a parameter to an instant, or to SQL NULL when it is {@code null}. */
    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), utc());
        }
    }

    /** Reads an instant from a column, {@code null} for SQL NULL. */
    public static Instant get(ResultSet resultSet, String column) throws SQLException {
        Timestamp timestamp = resultSet.getTimestamp(column, utc());
        return timestamp == null ? null : timestamp.toInstant();
    }
}
