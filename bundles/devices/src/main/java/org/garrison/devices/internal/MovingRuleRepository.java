package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceMovingRule;
import org.garrison.api.device.MovingRuleMode;
import org.garrison.api.store.SqlTime;

/**
 * SQL of the device moving rules and of the record of which "once" rules have been applied to which device.
 */
final class MovingRuleRepository {

    List<DeviceMovingRule> all(Connection connection) throws SQLException {
        List<DeviceMovingRule> rules = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM DEVICE_MOVING_RULE ORDER BY POSITION, ID");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rules.add(read(rs));
            }
        }
        return rules;
    }

    Optional<DeviceMovingRule> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM DEVICE_MOVING_RULE WHERE ID = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static DeviceMovingRule read(ResultSet rs) throws SQLException {
        return new DeviceMovingRule(UUID.fromString(rs.getString("ID")), rs.getInt("POSITION"), rs.getString("NAME"),
                rs.getBoolean("ENABLED"), UUID.fromString(rs.getString("TARGET_GROUP_ID")),
                MovingRuleMode.valueOf(rs.getString("MODE")), rs.getBoolean("UNASSIGNED_ONLY"),
                DeviceJson.conditions(rs.getString("CONDITIONS")), SqlTime.get(rs, "CREATED_AT"),
                SqlTime.get(rs, "MODIFIED_AT"));
    }

    int nextPosition(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(POSITION) FROM DEVICE_MOVING_RULE");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1) + 1;
        }
    }

    void insert(Connection connection, DeviceMovingRule rule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO DEVICE_MOVING_RULE (POSITION, "
                + "NAME, ENABLED, TARGET_GROUP_ID, MODE, UNASSIGNED_ONLY, CONDITIONS, CREATED_AT, MODIFIED_AT, ID) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, rule);
            statement.executeUpdate();
        }
    }

    void update(Connection connection, DeviceMovingRule rule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE DEVICE_MOVING_RULE SET POSITION = ?, "
                + "NAME = ?, ENABLED = ?, TARGET_GROUP_ID = ?, MODE = ?, UNASSIGNED_ONLY = ?, CONDITIONS = ?, "
                + "CREATED_AT = ?, MODIFIED_AT = ? WHERE ID = ?")) {
            bind(statement, rule);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, DeviceMovingRule rule) throws SQLException {
        statement.setInt(1, rule.position());
        statement.setString(2, rule.name());
        statement.setBoolean(3, rule.enabled());
        statement.setString(4, rule.targetGroupId().toString());
        statement.setString(5, rule.mode().name());
        statement.setBoolean(6, rule.unassignedOnly());
        DeviceRepository.setJson(statement, 7, DeviceJson.write(rule.conditions()));
        SqlTime.set(statement, 8, rule.createdAt());
        SqlTime.set(statement, 9, rule.modifiedAt());
        statement.setString(10, rule.id().toString());
    }

    void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM DEVICE_MOVING_RULE WHERE ID = ?")) {
            statement.setString(1, id.toString());
            statement.executeUpdate();
        }
    }

    void setPositions(Connection connection, List<UUID> order) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE_MOVING_RULE SET POSITION = ? WHERE ID = ?")) {
            int position = 1;
            for (UUID id : order) {
                statement.setInt(1, position++);
                statement.setString(2, id.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The "once" rules already applied to a device. */
    Set<UUID> appliedTo(Connection connection, UUID deviceId) throws SQLException {
        Set<UUID> rules = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT RULE_ID FROM DEVICE_RULE_APPLIED WHERE DEVICE_ID = ?")) {
            statement.setString(1, deviceId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rules.add(UUID.fromString(rs.getString(1)));
                }
            }
        }
        return rules;
    }

    void recordApplied(Connection connection, UUID ruleId, UUID deviceId, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DEVICE_RULE_APPLIED (RULE_ID, DEVICE_ID, APPLIED_AT) VALUES (?, ?, ?)")) {
            statement.setString(1, ruleId.toString());
            statement.setString(2, deviceId.toString());
            SqlTime.set(statement, 3, at);
            statement.executeUpdate();
        }
    }
}
