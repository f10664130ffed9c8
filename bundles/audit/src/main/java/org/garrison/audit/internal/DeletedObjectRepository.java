package org.garrison.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.store.SqlTime;

/**
 * SQL for AUDIT_DELETED_OBJECT.
 */
final class DeletedObjectRepository {

    private static final String COLUMNS = "ID, OBJECT_TYPE, OBJECT_ID, OBJECT_NAME, DELETED_AT, ACTOR_KIND, ACTOR_ID, "
            + "ACTOR_NAME, SNAPSHOT";

    void insert(Connection connection, DeletedObject entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO AUDIT_DELETED_OBJECT (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.id().toString());
            insert.setString(2, entry.object().type());
            insert.setString(3, entry.object().id().toString());
            insert.setString(4, ActorColumns.truncate(entry.name()));
            SqlTime.set(insert, 5, entry.deletedAt());
            ActorColumns.set(insert, 6, entry.actor());
            insert.setString(9, entry.snapshot());
            insert.executeUpdate();
        }
    }

    Optional<DeletedObject> get(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM AUDIT_DELETED_OBJECT WHERE ID = ?")) {
            select.setString(1, id.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    boolean delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM AUDIT_DELETED_OBJECT WHERE ID = ?")) {
            delete.setString(1, id.toString());
            return delete.executeUpdate() == 1;
        }
    }

    /** Entries newest first, optionally of one type; the cursor holds the last time and id returned. */
    Page<DeletedObject> list(Connection connection, String objectType, PageRequest page) throws SQLException {
        return Keyset.newestFirst(connection, "AUDIT_DELETED_OBJECT", COLUMNS, "DELETED_AT", objectType, page,
                DeletedObjectRepository::read, DeletedObject::deletedAt, DeletedObject::id);
    }

    private static DeletedObject read(ResultSet row) throws SQLException {
        return new DeletedObject(UUID.fromString(row.getString("ID")),
                new ObjectRef(row.getString("OBJECT_TYPE"), UUID.fromString(row.getString("OBJECT_ID"))),
                row.getString("OBJECT_NAME"), SqlTime.get(row, "DELETED_AT"), ActorColumns.get(row),
                row.getString("SNAPSHOT"));
    }
}
