package org.garrison.accounts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * SQL for ACCOUNTS_ROLE and ACCOUNTS_ROLE_PERMISSION.
 */
final class RoleRepository {

    /** A role as stored; built-in roles store no permissions. */
    record StoredRole(UUID id, String name, String description, boolean builtIn, Set<String> permissions) {
    }

    List<StoredRole> all(Connection connection) throws SQLException {
        Map<UUID, Set<String>> permissions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ROLE_ID, PERMISSION FROM ACCOUNTS_ROLE_PERMISSION");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                permissions.computeIfAbsent(UUID.fromString(row.getString(1)), id -> new TreeSet<>())
                        .add(row.getString(2));
            }
        }
        List<StoredRole> roles = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ID, NAME, DESCRIPTION, BUILT_IN FROM ACCOUNTS_ROLE");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                UUID id = UUID.fromString(row.getString("ID"));
                String description = row.getString("DESCRIPTION");
                roles.add(new StoredRole(id, row.getString("NAME"), description == null ? "" : description,
                        row.getBoolean("BUILT_IN"), permissions.getOrDefault(id, Set.of())));
            }
        }
        return roles;
    }

    void insert(Connection connection, StoredRole role, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCOUNTS_ROLE "
                + "(ID, NAME, NAME_KEY, DESCRIPTION, BUILT_IN, CREATED_AT, MODIFIED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, role.id().toString());
            insert.setString(2, role.name());
            insert.setString(3, key(role.name()));
            insert.setString(4, role.description());
            insert.setBoolean(5, false);
            SqlTime.set(insert, 6, at);
            SqlTime.set(insert, 7, at);
            insert.executeUpdate();
        }
        insertPermissions(connection, role);
    }

    void update(Connection connection, StoredRole role, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ROLE SET NAME = ?, NAME_KEY = ?, "
                + "DESCRIPTION = ?, MODIFIED_AT = ? WHERE ID = ? AND BUILT_IN = ?")) {
            update.setString(1, role.name());
            update.setString(2, key(role.name()));
            update.setString(3, role.description());
            SqlTime.set(update, 4, at);
            update.setString(5, role.id().toString());
            update.setBoolean(6, false);
            update.executeUpdate();
        }
        deletePermissions(connection, role.id());
        insertPermissions(connection, role);
    }

    void delete(Connection connection, UUID id) throws SQLException {
        deletePermissions(connection, id);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_ROLE WHERE ID = ? AND BUILT_IN = ?")) {
            delete.setString(1, id.toString());
            delete.setBoolean(2, false);
            delete.executeUpdate();
        }
    }

    /** How many accounts hold the role. */
    long grantCount(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(DISTINCT ACCOUNT_ID) FROM ACCOUNTS_GRANT WHERE ROLE_ID = ?")) {
            select.setString(1, id.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void insertPermissions(Connection connection, StoredRole role) throws SQLException {
        if (role.permissions().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ACCOUNTS_ROLE_PERMISSION (ROLE_ID, PERMISSION) VALUES (?, ?)")) {
            for (String permission : role.permissions()) {
                insert.setString(1, role.id().toString());
                insert.setString(2, permission);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void deletePermissions(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_ROLE_PERMISSION WHERE ROLE_ID = ?")) {
            delete.setString(1, id.toString());
            delete.executeUpdate();
        }
    }
}
