package org.garrison.tasks.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;

/**
 * Reads and writes an {@link Actor} as three columns {@code <prefix>_KIND}, {@code _ID} and {@code _NAME}.
 */
final class ActorColumns {

    static final int MAX_LENGTH = 255;

    private ActorColumns() {
    }

    static void set(PreparedStatement statement, int firstIndex, Actor actor) throws SQLException {
        statement.setString(firstIndex, actor.kind().name());
        statement.setString(firstIndex + 1, truncate(actor.id()));
        statement.setString(firstIndex + 2, truncate(actor.name()));
    }

    static Actor get(ResultSet row, String prefix) throws SQLException {
        return new Actor(ActorKind.valueOf(row.getString(prefix + "_KIND")), row.getString(prefix + "_ID"),
                row.getString(prefix + "_NAME"));
    }

    private static String truncate(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }
}
