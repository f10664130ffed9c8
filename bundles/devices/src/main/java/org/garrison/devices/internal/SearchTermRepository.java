package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SQL of DEVICE_TERM, the free-text search terms of each device (see {@link SearchTerms}), and of the flag that
 * says whether every device has them yet.
 */
final class SearchTermRepository {

    /** Reads MAC addresses (the DEVICE_MAC table belongs to it). */
    private final DeviceRepository devices;

    SearchTermRepository(DeviceRepository devices) {
        this.devices = devices;
    }

    /** Makes the stored terms of a device those given, touching only the terms that changed. */
    void sync(Connection connection, UUID deviceId, Set<String> terms) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TERM FROM DEVICE_TERM WHERE DEVICE_ID = ?")) {
            statement.setString(1, deviceId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        Set<String> removed = new LinkedHashSet<>(stored);
        removed.removeAll(terms);
        Set<String> added = new LinkedHashSet<>(terms);
        added.removeAll(stored);
        write(connection, "DELETE FROM DEVICE_TERM WHERE DEVICE_ID = ? AND TERM = ?", deviceId, removed);
        write(connection, "INSERT INTO DEVICE_TERM (DEVICE_ID, TERM) VALUES (?, ?)", deviceId, added);
    }

    private static void write(Connection connection, String sql, UUID deviceId, Set<String> terms)
            throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String term : terms) {
                statement.setString(1, deviceId.toString());
                statement.setString(2, term);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Gives terms to the devices after the given id (in id order, at most {@code size} of them) that have none:
     * devices stored before the terms existed. A device that has terms got them from a write that saw its current
     * values, so it is left alone.
     *
     * @return the last device id looked at, or {@code null} when none is left
     */
    String fillBatch(Connection connection, String afterId, int size) throws SQLException {
        Map<UUID, Searchable> missing = new LinkedHashMap<>();
        String last = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.ID, d.DISPLAY_NAME, d.DNS_NAME, "
                + "d.IPV4, d.IPV6 FROM DEVICE d WHERE d.ID > ? AND NOT EXISTS (SELECT 1 FROM DEVICE_TERM t "
                + "WHERE t.DEVICE_ID = d.ID) ORDER BY d.ID FETCH FIRST " + size + " ROWS ONLY")) {
            statement.setString(1, afterId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    last = rs.getString(1);
                    missing.put(UUID.fromString(last), new Searchable(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        if (last == null) {
            return null;
        }
        Map<UUID, List<String>> macs = devices.macs(connection, missing.keySet());
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DEVICE_TERM (DEVICE_ID, TERM) VALUES (?, ?)")) {
            for (Map.Entry<UUID, Searchable> device : missing.entrySet()) {
                Searchable d = device.getValue();
                for (String term : SearchTerms.of(d.displayName(), d.dnsName(), d.ipv4(), d.ipv6(),
                        macs.getOrDefault(device.getKey(), List.of()))) {
                    statement.setString(1, device.getKey().toString());
                    statement.setString(2, term);
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
        return last;
    }

    /** The stored values of a device that its terms come from, besides its MAC addresses. */
    private record Searchable(String displayName, String dnsName, String ipv4, String ipv6) {
    }

    /** Whether every device has its terms, so search may rely on them. */
    boolean complete(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COMPLETE FROM DEVICE_TERM_STATE WHERE ID = 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    void markComplete(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE_TERM_STATE SET COMPLETE = 1 WHERE ID = 1")) {
            statement.executeUpdate();
        }
    }
}
