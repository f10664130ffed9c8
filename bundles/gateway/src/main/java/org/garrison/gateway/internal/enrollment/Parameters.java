package org.garrison.gateway.internal.enrollment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.garrison.api.store.SqlTime;

/**
 * Binds the parameters of a query assembled from optional filters, in order.
 */
final class Parameters {

    private Parameters() {
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                SqlTime.set(statement, i + 1, instant);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }
}
