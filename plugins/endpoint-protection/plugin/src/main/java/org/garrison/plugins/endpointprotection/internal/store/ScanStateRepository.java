package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.endpointprotection.internal.reports.ComponentStatus;
import org.garrison.plugins.endpointprotection.internal.reports.ScanStatus;

/**
 * The last scan and protection state of every device and its components ({@code ENDPOINT_PROTECTION_SCAN_STATE},
 * {@code ENDPOINT_PROTECTION_COMPONENT}).
 */
public final class ScanStateRepository {

    public Optional<StoredScanState> find(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT REPORTED_AT, REAL_TIME_PROTECTION, LAST_FULL_SCAN, "
                + "LAST_QUICK_SCAN, DATABASES_RELEASED_AT FROM ENDPOINT_PROTECTION_SCAN_STATE WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId.toString());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredScanState(SqlTime.get(rows, "REPORTED_AT"),
                        new ScanStatus(rows.getString("REAL_TIME_PROTECTION"), SqlTime.get(rows, "LAST_FULL_SCAN"),
                                SqlTime.get(rows, "LAST_QUICK_SCAN"), SqlTime.get(rows, "DATABASES_RELEASED_AT"),
                                components(c, deviceId))));
            }
        }
    }

    public void replace(Connection c, UUID deviceId, ScanStatus status, Instant reportedAt) throws SQLException {
        delete(c, "ENDPOINT_PROTECTION_SCAN_STATE", deviceId);
        delete(c, "ENDPOINT_PROTECTION_COMPONENT", deviceId);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ENDPOINT_PROTECTION_SCAN_STATE (DEVICE_ID, "
                + "REPORTED_AT, REAL_TIME_PROTECTION, LAST_FULL_SCAN, LAST_QUICK_SCAN, DATABASES_RELEASED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, deviceId.toString());
            SqlTime.set(insert, 2, reportedAt);
            insert.setString(3, status.realTimeProtection());
            SqlTime.set(insert, 4, status.lastFullScan());
            SqlTime.set(insert, 5, status.lastQuickScan());
            SqlTime.set(insert, 6, status.databasesReleasedAt());
            insert.executeUpdate();
        }
        if (status.components().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ENDPOINT_PROTECTION_COMPONENT (DEVICE_ID, "
                + "POSITION, NAME, VERSION, STATUS) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < status.components().size(); i++) {
                ComponentStatus component = status.components().get(i);
                insert.setString(1, deviceId.toString());
                insert.setInt(2, i);
                insert.setString(3, component.name());
                insert.setString(4, component.version());
                insert.setString(5, component.status());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<ComponentStatus> components(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT NAME, VERSION, STATUS "
                + "FROM ENDPOINT_PROTECTION_COMPONENT WHERE DEVICE_ID = ? ORDER BY POSITION")) {
            select.setString(1, deviceId.toString());
            List<ComponentStatus> components = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    components.add(new ComponentStatus(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return components;
        }
    }

    private static void delete(Connection c, String table, UUID deviceId) throws SQLException {
        DeviceData.delete(c, table, deviceId);
    }
}
