package org.garrison.plugins.devicecontrol.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * The application's state per device ({@code DEVICE_CONTROL_STATE}). Every device this plugin holds data of has a row
 * here.
 */
public final class StateRepository {

    public Optional<ControlState> find(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT SNAPSHOT_AT, ENFORCEMENT, POLICY_HASH, "
                + "LAST_ENTRY_AT FROM DEVICE_CONTROL_STATE WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new ControlState(SqlTime.get(rows, "SNAPSHOT_AT"),
                        rows.getString("ENFORCEMENT"), rows.getString("POLICY_HASH"),
                        SqlTime.get(rows, "LAST_ENTRY_AT"))) : Optional.empty();
            }
        }
    }

    /** Records the snapshot applied. */
    public void snapshot(Connection c, UUID deviceId, Instant reportedAt, String enforcement, String policyHash)
            throws SQLException {
        ensure(c, deviceId);
        try (PreparedStatement update = c.prepareStatement("UPDATE DEVICE_CONTROL_STATE SET SNAPSHOT_AT = ?, "
                + "ENFORCEMENT = ?, POLICY_HASH = ? WHERE DEVICE_ID = ?")) {
            Sql.bind(update, Arrays.asList(reportedAt, enforcement, policyHash, deviceId.toString()));
            update.executeUpdate();
        }
    }

    /** Records the time of the newest access-log entry, if it is newer than the one recorded. */
    public void entries(Connection c, UUID deviceId, Instant newest) throws SQLException {
        ensure(c, deviceId);
        try (PreparedStatement update = c.prepareStatement("UPDATE DEVICE_CONTROL_STATE SET LAST_ENTRY_AT = ? "
                + "WHERE DEVICE_ID = ? AND (LAST_ENTRY_AT IS NULL OR LAST_ENTRY_AT < ?)")) {
            Sql.bind(update, List.of(newest, deviceId.toString(), newest));
            update.executeUpdate();
        }
    }

    private static void ensure(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM DEVICE_CONTROL_STATE WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId.toString());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO DEVICE_CONTROL_STATE (DEVICE_ID) VALUES (?)")) {
            insert.setString(1, deviceId.toString());
            insert.executeUpdate();
        }
    }
}
