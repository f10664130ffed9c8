package org.garrison.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.error.ValidationException;

/**
 * Keyset paging shared by the audit listings: each query fetches one row more than the page to learn whether
 * another page follows.
 */
final class Keyset {

    private Keyset() {
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
