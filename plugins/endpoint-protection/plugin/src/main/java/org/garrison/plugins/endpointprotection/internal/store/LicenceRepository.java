package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceKeyReport;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceReport;

/**
 * The active and reserve licence key of every device ({@code ENDPOINT_PROTECTION_LICENCE}), key ids masked.
 */
public final class LicenceRepository {

    private static final String ACTIVE = "active";
    private static final String RESERVE = "reserve";

    /** The device's keys; empty when the application never reported any. */
    public Optional<LicenceReport> find(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT SLOT, KEY_ID, LICENCE_TYPE, EXPIRES_AT, "
                + "DEVICES_LIMIT FROM ENDPOINT_PROTECTION_LICENCE WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId.toString());
            LicenceKeyReport active = null;
            LicenceKeyReport reserve = null;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int limit = rows.getInt("DEVICES_LIMIT");
                    Integer devicesLimit = rows.wasNull() ? null : limit;
                    LicenceKeyReport key = new LicenceKeyReport(rows.getString("KEY_ID"),
                            rows.getString("LICENCE_TYPE"), SqlTime.get(rows, "EXPIRES_AT"), devicesLimit);
                    if (ACTIVE.equals(rows.getString("SLOT"))) {
                        active = key;
                    } else {
                        reserve = key;
                    }
                }
            }
            return active == null && reserve == null ? Optional.empty()
                    : Optional.of(new LicenceReport(active, reserve));
        }
    }

    public void replace(Connection c, UUID deviceId, LicenceReport licence) throws SQLException {
        DeviceData.delete(c, "ENDPOINT_PROTECTION_LICENCE", deviceId);
        insert(c, deviceId, ACTIVE, licence.active());
        insert(c, deviceId, RESERVE, licence.reserve());
    }

    private static void insert(Connection c, UUID deviceId, String slot, LicenceKeyReport key) throws SQLException {
        if (key == null) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ENDPOINT_PROTECTION_LICENCE (DEVICE_ID, SLOT, "
                + "KEY_ID, LICENCE_TYPE, EXPIRES_AT, DEVICES_LIMIT) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, deviceId.toString());
            insert.setString(2, slot);
            insert.setString(3, key.keyId());
            insert.setString(4, key.type());
            SqlTime.set(insert, 5, key.expiresAt());
            if (key.devicesLimit() == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setInt(6, key.devicesLimit());
            }
            insert.executeUpdate();
        }
    }
}
