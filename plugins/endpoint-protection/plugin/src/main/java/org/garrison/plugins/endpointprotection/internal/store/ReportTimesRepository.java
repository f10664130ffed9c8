package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * When the application produced the latest applied report of each kind, per device ({@code
 * ENDPOINT_PROTECTION_REPORT}). Every device this plugin holds data of has at least one row here.
 */
public final class ReportTimesRepository {

    public Optional<Instant> latest(Connection c, UUID deviceId, String kind) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT REPORTED_AT FROM ENDPOINT_PROTECTION_REPORT WHERE DEVICE_ID = ? AND KIND = ?")) {
            select.setString(1, deviceId.toString());
            select.setString(2, kind);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(SqlTime.get(rows, "REPORTED_AT")) : Optional.empty();
            }
        }
    }

    public void record(Connection c, UUID deviceId, String kind, Instant reportedAt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ENDPOINT_PROTECTION_REPORT SET REPORTED_AT = ? WHERE DEVICE_ID = ? AND KIND = ?")) {
            SqlTime.set(update, 1, reportedAt);
            update.setString(2, deviceId.toString());
            update.setString(3, kind);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ENDPOINT_PROTECTION_REPORT (DEVICE_ID, KIND, REPORTED_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, deviceId.toString());
            insert.setString(2, kind);
            SqlTime.set(insert, 3, reportedAt);
            insert.executeUpdate();
        }
    }
}
