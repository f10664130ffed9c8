package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Everything this plugin holds about devices, as a whole: which devices it knows, and removing a device's data once
 * the device is gone from the server.
 */
public final class DeviceData {

    /** Every table of the plugin with a {@code DEVICE_ID} column. */
    static final List<String> TABLES = List.of("ENDPOINT_PROTECTION_THREAT", "ENDPOINT_PROTECTION_QUARANTINE",
            "ENDPOINT_PROTECTION_SCAN_STATE", "ENDPOINT_PROTECTION_COMPONENT", "ENDPOINT_PROTECTION_LICENCE",
            "ENDPOINT_PROTECTION_REPORT");

    /** The devices with data, by id, after the given one ({@code null}: from the first). */
    public List<UUID> devicesAfter(Connection c, UUID after, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT DEVICE_ID FROM ENDPOINT_PROTECTION_REPORT"
                + " WHERE DEVICE_ID > ? ORDER BY DEVICE_ID FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, after == null ? "" : after.toString());
            List<UUID> devices = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    devices.add(UUID.fromString(rows.getString(1)));
                }
            }
            return devices;
        }
    }

    /** Removes every row of the devices from every table of the plugin. */
    public void delete(Connection c, Collection<UUID> deviceIds) throws SQLException {
        for (UUID deviceId : deviceIds) {
            for (String table : TABLES) {
                delete(c, table, deviceId);
            }
        }
    }

    /** @param table one of {@link #TABLES} (never input) */
    static void delete(Connection c, String table, UUID deviceId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE DEVICE_ID = ?")) {
            delete.setString(1, deviceId.toString());
            delete.executeUpdate();
        }
    }
}
