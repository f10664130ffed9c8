package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.endpointprotection.internal.reports.QuarantineEntry;

/**
 * The quarantine and backup storage of every device, as last reported ({@code ENDPOINT_PROTECTION_QUARANTINE}).
 */
public final class QuarantineRepository {

    /** The device's entries, newest first. */
    public List<QuarantineEntry> list(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT ENTRY_ID, STORAGE, FILE_NAME, ORIGINAL_PATH, "
                + "SIZE_BYTES, STORED_AT, THREAT_NAME FROM ENDPOINT_PROTECTION_QUARANTINE WHERE DEVICE_ID = ? "
                + "ORDER BY STORED_AT DESC, ENTRY_ID")) {
            select.setString(1, deviceId.toString());
            List<QuarantineEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new QuarantineEntry(rows.getString("ENTRY_ID"), rows.getString("STORAGE"),
                            rows.getString("FILE_NAME"), rows.getString("ORIGINAL_PATH"), rows.getLong("SIZE_BYTES"),
                            SqlTime.get(rows, "STORED_AT"), rows.getString("THREAT_NAME")));
                }
            }
            return entries;
        }
    }

    /** Replaces the device's entries; an entry listed twice is stored once. */
    public void replace(Connection c, UUID deviceId, List<QuarantineEntry> entries) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM ENDPOINT_PROTECTION_QUARANTINE WHERE DEVICE_ID = ?")) {
            delete.setString(1, deviceId.toString());
            delete.executeUpdate();
        }
        if (entries.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ENDPOINT_PROTECTION_QUARANTINE (DEVICE_ID, "
                + "ENTRY_ID, STORAGE, FILE_NAME, ORIGINAL_PATH, SIZE_BYTES, STORED_AT, THREAT_NAME) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (QuarantineEntry entry : entries) {
                if (!seen.add(entry.id())) {
                    continue;
                }
                insert.setString(1, deviceId.toString());
                insert.setString(2, entry.id());
                insert.setString(3, entry.storage());
                insert.setString(4, entry.fileName());
                insert.setString(5, entry.originalPath());
                insert.setLong(6, entry.sizeBytes());
                SqlTime.set(insert, 7, entry.storedAt());
                insert.setString(8, entry.threatName());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
