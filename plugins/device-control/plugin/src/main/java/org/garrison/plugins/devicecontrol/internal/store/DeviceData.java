package org.garrison.plugins.devicecontrol.internal.store;

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

    /** Every table of the plugin; each has a {@code DEVICE_ID} column. */
    static final List<String> TABLES = List.of("DEVICE_CONTROL_DEVICE", "DEVICE_CONTROL_ACCESS_LOG",
            "DEVICE_CONTROL_STATE");

    /** The devices with data, by id, after the given one ({@code null}: from the first). */
    public List<UUID> devicesAfter(Connection c, UUID after, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT DEVICE_ID FROM DEVICE_CONTROL_STATE"
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
        for (String table : TABLES) {
            // the table name is one of TABLES, never input
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE DEVICE_ID = ?")) {
                for (UUID deviceId : deviceIds) {
                    delete.setString(1, deviceId.toString());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
    }
}
