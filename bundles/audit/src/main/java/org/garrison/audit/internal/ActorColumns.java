package org.garrison.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;

/**
 * Reads and writes an {@link Actor} as the three columns ACTOR_KIND, ACTOR_ID and ACTOR_NAME that both audit
 * tables share.
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

    static Actor get(ResultSet row) throws SQLException {
        return new Actor(ActorKind.valueOf(row.getString("ACTOR_KIND")), row.getString("ACTOR_ID"),
                row.getString("ACTOR_NAME"));
    }

    static String truncate(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }
}
