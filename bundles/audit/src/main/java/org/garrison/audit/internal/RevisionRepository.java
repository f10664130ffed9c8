package org.garrison.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.store.SqlTime;

/**
 * SQL for AUDIT_REVISION.
 */
final class RevisionRepository {

    private static final String COLUMNS = "ID, OBJECT_TYPE, OBJECT_ID, REVISION_NUMBER, CHANGED_AT, ACTOR_KIND, "
            + "ACTOR_ID, ACTOR_NAME, CHANGE_ACTION, SNAPSHOT, CHANGES";

    /** The latest revision's number and snapshot. */
    record Latest(int number, String snapshot) {
    }

    Optional<Latest> latest(Connection connection, ObjectRef object) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT REVISION_NUMBER, SNAPSHOT FROM AUDIT_REVISION WHERE OBJECT_TYPE = ? AND OBJECT_ID = ? "
                        + "ORDER BY REVISION_NUMBER DESC")) {
            select.setMaxRows(1);
            select.setString(1, object.type());
            select.setString(2, object.id().toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Latest(row.getInt(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    void insert(Connection connection, Revision revision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO AUDIT_REVISION (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, revision.id().toString());
            insert.setString(2, revision.object().type());
            insert.setString(3, revision.object().id().toString());
            insert.setInt(4, revision.number());
            SqlTime.set(insert, 5, revision.at());
            ActorColumns.set(insert, 6, revision.actor());
            insert.setString(9, revision.action());
            insert.setString(10, revision.snapshot());
            insert.setString(11, revision.changes());
            insert.executeUpdate();
        }
    }

    Optional<Revision> get(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM AUDIT_REVISION WHERE ID = ?")) {
            select.setString(1, id.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** One object's revisions, newest first; the cursor holds the last revision number returned. */
    Page<Revision> ofObject(Connection connection, ObjectRef object, PageRequest page) throws SQLException {
        int before = page.cursor() == null ? Integer.MAX_VALUE : Keyset.number(page.cursor());
        List<Revision> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM AUDIT_REVISION WHERE OBJECT_TYPE = ? AND OBJECT_ID = ? AND REVISION_NUMBER < ? "
                + "ORDER BY REVISION_NUMBER DESC")) {
            select.setMaxRows(page.limit() + 1);
            select.setString(1, object.type());
            select.setString(2, object.id().toString());
            select.setInt(3, before);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(read(row));
                }
            }
        }
        long total;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM AUDIT_REVISION WHERE OBJECT_TYPE = ? AND OBJECT_ID = ?")) {
            count.setString(1, object.type());
            count.setString(2, object.id().toString());
            total = Keyset.single(count);
        }
        return Keyset.page(items, page.limit(), total,
                last -> Cursor.after(Integer.toString(last.number())));
    }

    /** Revisions of all objects (or of one type), newest first; the cursor holds the last time and id returned. */
    Page<Revision> recent(Connection connection, String objectType, PageRequest page) throws SQLException {
        return Keyset.newestFirst(connection, "AUDIT_REVISION", COLUMNS, "CHANGED_AT", objectType, page,
                RevisionRepository::read, Revision::at, Revision::id);
    }

    private static Revision read(ResultSet row) throws SQLException {
        return new Revision(UUID.fromString(row.getString("ID")),
                new ObjectRef(row.getString("OBJECT_TYPE"), UUID.fromString(row.getString("OBJECT_ID"))),
                row.getInt("REVISION_NUMBER"), SqlTime.get(row, "CHANGED_AT"), ActorColumns.get(row),
                row.getString("CHANGE_ACTION"), row.getString("SNAPSHOT"), row.getString("CHANGES"));
    }
}
