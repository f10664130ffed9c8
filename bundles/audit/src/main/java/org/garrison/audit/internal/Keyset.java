package org.garrison.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.SqlTime;

/**
 * Keyset paging shared by the audit listings: each query fetches one row more than the page to learn whether
 * another page follows.
 */
final class Keyset {

    private Keyset() {
    }

    /** Reads one listed row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Rows of a table newest first, optionally of one object type; the cursor holds the time and id of the last
     * row returned, so rows with equal times page stably.
     *
     * @param table      the table, with columns ID and OBJECT_TYPE
     * @param columns    the columns to select
     * @param timeColumn the column ordering the rows, newest first
     * @param timeOf     the time of a read row, for the cursor
     * @param idOf       the id of a read row, for the cursor
     */
    static <T> Page<T> newestFirst(Connection connection, String table, String columns, String timeColumn,
            String objectType, PageRequest page, RowReader<T> reader, Function<T, Instant> timeOf,
            Function<T, UUID> idOf) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (objectType != null) {
            where.append(" AND OBJECT_TYPE = ?");
        }
        String countSql = "SELECT COUNT(*) FROM " + table + where;
        if (page.cursor() != null) {
            where.append(" AND (").append(timeColumn).append(" < ? OR (").append(timeColumn)
                    .append(" = ? AND ID < ?))");
        }
        List<T> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM " + table + where
                + " ORDER BY " + timeColumn + " DESC, ID DESC")) {
            select.setMaxRows(page.limit() + 1);
            int index = 1;
            if (objectType != null) {
                select.setString(index++, objectType);
            }
            if (page.cursor() != null) {
                TimeAndId after = TimeAndId.of(page.cursor());
                SqlTime.set(select, index++, after.at());
                SqlTime.set(select, index++, after.at());
                select.setString(index, after.id());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(reader.read(row));
                }
            }
        }
        long total;
        try (PreparedStatement count = connection.prepareStatement(countSql)) {
            if (objectType != null) {
                count.setString(1, objectType);
            }
            total = single(count);
        }
        return page(items, page.limit(), total,
                last -> Cursor.after(timeOf.apply(last).toString(), idOf.apply(last).toString()));
    }

    static long single(PreparedStatement count) throws SQLException {
        try (ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Cuts the extra row fetched to learn whether another page follows. */
    static <T> Page<T> page(List<T> rows, int limit, long total, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null, total);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode(), total);
    }

    /** The single number a cursor of a listing sorted by a number holds. */
    static int number(Cursor cursor) {
        try {
            if (cursor.keys().size() == 1) {
                return Integer.parseInt(cursor.keys().get(0));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw foreignCursor();
    }

    static ValidationException foreignCursor() {
        return new ValidationException("cursor", "does not belong to this listing; start again without one");
    }

    /** A keyset position of listings sorted by time, then id. */
    record TimeAndId(Instant at, String id) {

        static TimeAndId of(Cursor cursor) {
            try {
                if (cursor.keys().size() == 2) {
                    return new TimeAndId(Instant.parse(cursor.keys().get(0)),
                            UUID.fromString(cursor.keys().get(1)).toString());
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // falls through to the refusal below
            }
            throw foreignCursor();
        }
    }
}
