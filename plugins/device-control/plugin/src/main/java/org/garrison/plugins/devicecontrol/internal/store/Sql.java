package org.garrison.plugins.devicecontrol.internal.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.garrison.api.store.SqlTime;

/**
 * Small pieces of SQL text the repositories share, and binding of parameter lists; values always go in as
 * parameters, never into the text.
 */
final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?} for an {@code IN} list of the given size. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds strings, whole numbers, booleans and instants, in order; {@code null} as an SQL string null. */
    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                SqlTime.set(statement, i + 1, instant);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}
