package org.garrison.groups.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.store.SqlTime;

/**
 * SQL for GROUPS_GROUP.
 */
final class GroupRepository {

    private final GroupJson json;

    GroupRepository(GroupJson json) {
        this.json = json;
    }

    List<GroupTree.Entry> loadAll(Connection connection) throws SQLException {
        List<GroupTree.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ID, PARENT_ID, NAME, CREATED_AT, MODIFIED_AT, DEVICE_SETTINGS FROM GROUPS_GROUP");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String parent = row.getString("PARENT_ID");
                String settings = row.getString("DEVICE_SETTINGS");
                entries.add(new GroupTree.Entry(new AdministrationGroup(UUID.fromString(row.getString("ID")),
                        parent == null ? null : UUID.fromString(parent), row.getString("NAME"),
                        SqlTime.get(row, "CREATED_AT"), SqlTime.get(row, "MODIFIED_AT")),
                        settings == null ? null : json.settings(settings)));
            }
        }
        return entries;
    }

    void insert(Connection connection, AdministrationGroup group, GroupDeviceSettings settings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO GROUPS_GROUP "
                + "(ID, PARENT_ID, NAME, NAME_KEY, CREATED_AT, MODIFIED_AT, DEVICE_SETTINGS) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, group.id().toString());
            insert.setString(2, group.parentId() == null ? null : group.parentId().toString());
            insert.setString(3, group.name());
            insert.setString(4, GroupNames.key(group.name()));
            SqlTime.set(insert, 5, group.createdAt());
            SqlTime.set(insert, 6, group.modifiedAt());
            setSettings(insert, 7, settings);
            insert.executeUpdate();
        }
    }

    /** Writes name, parent and modification time of an existing group. */
    void update(Connection connection, AdministrationGroup group) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE GROUPS_GROUP "
                + "SET PARENT_ID = ?, NAME = ?, NAME_KEY = ?, MODIFIED_AT = ? WHERE ID = ?")) {
            update.setString(1, group.parentId() == null ? null : group.parentId().toString());
            update.setString(2, group.name());
            update.setString(3, GroupNames.key(group.name()));
            SqlTime.set(update, 4, group.modifiedAt());
            update.setString(5, group.id().toString());
            update.executeUpdate();
        }
    }

    void updateSettings(Connection connection, UUID id, GroupDeviceSettings settings) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE GROUPS_GROUP SET DEVICE_SETTINGS = ? WHERE ID = ?")) {
            setSettings(update, 1, settings);
            update.setString(2, id.toString());
            update.executeUpdate();
        }
    }

    /** Deletes the groups in the given order, which must put children before their parents. */
    void delete(Connection connection, List<UUID> childrenFirst) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM GROUPS_GROUP WHERE ID = ?")) {
            for (UUID id : childrenFirst) {
                delete.setString(1, id.toString());
                delete.executeUpdate();
            }
        }
    }

    private void setSettings(PreparedStatement statement, int index, GroupDeviceSettings settings)
            throws SQLException {
        statement.setString(index, settings == null ? null : json.settings(settings));
    }
}
