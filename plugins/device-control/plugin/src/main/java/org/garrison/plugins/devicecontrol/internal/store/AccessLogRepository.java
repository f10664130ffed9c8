package org.garrison.plugins.devicecontrol.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.devicecontrol.internal.reports.Access;
import org.garrison.plugins.devicecontrol.internal.reports.AccessEntry;

/**
 * The access decisions of every device ({@code DEVICE_CONTROL_ACCESS_LOG}).
 */
public final class AccessLogRepository {

    /** Ids per {@code IN} list. */
    private static final int LOOKUP_CHUNK = 200;

    private static final String COLUMNS = "ENTRY_ID, OCCURRED_AT, INSTANCE_ID, DEVICE_CLASS, BUS, NAME, VENDOR_ID, "
            + "PRODUCT_ID, SERIAL_NUMBER, DECISION, ENFORCED, DECIDED_BY, RULE_NAME, TRIGGER_KIND, USER_ACCOUNT";

    /** Which of the entry ids the device has stored already. */
    public Set<String> known(Connection c, UUID deviceId, Collection<String> entryIds) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> ids = List.copyOf(entryIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement select = c.prepareStatement("SELECT ENTRY_ID FROM DEVICE_CONTROL_ACCESS_LOG "
                    + "WHERE DEVICE_ID = ? AND ENTRY_ID IN (" + Sql.placeholders(chunk.size()) + ")")) {
                List<Object> parameters = new ArrayList<>();
                parameters.add(deviceId.toString());
                parameters.addAll(chunk);
                Sql.bind(select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    public void insert(Connection c, UUID deviceId, List<AccessEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DEVICE_CONTROL_ACCESS_LOG (DEVICE_ID, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AccessEntry e : entries) {
                Sql.bind(insert, Arrays.asList(deviceId.toString(), e.id(), e.at(), e.instanceId(), e.deviceClass(),
                        e.bus(), e.name(), e.vendorId(), e.productId(), e.serialNumber(), e.decision().wireName(),
                        e.enforced(), e.decidedBy(), e.rule(), e.trigger(), e.userAccount()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The device's newest entries, newest first. */
    public List<AccessEntry> recent(Connection c, UUID deviceId, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM DEVICE_CONTROL_ACCESS_LOG "
                + "WHERE DEVICE_ID = ? ORDER BY OCCURRED_AT DESC, ENTRY_ID DESC FETCH FIRST " + limit
                + " ROWS ONLY")) {
            select.setString(1, deviceId.toString());
            List<AccessEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AccessEntry(rows.getString("ENTRY_ID"), SqlTime.get(rows, "OCCURRED_AT"),
                            rows.getString("INSTANCE_ID"), rows.getString("DEVICE_CLASS"), rows.getString("BUS"),
                            rows.getString("NAME"), rows.getString("VENDOR_ID"), rows.getString("PRODUCT_ID"),
                            rows.getString("SERIAL_NUMBER"),
                            Access.fromWireName(rows.getString("DECISION")).orElse(Access.ALLOWED),
                            rows.getBoolean("ENFORCED"), rows.getString("DECIDED_BY"), rows.getString("RULE_NAME"),
                            rows.getString("TRIGGER_KIND"), rows.getString("USER_ACCOUNT")));
                }
            }
            return entries;
        }
    }

    /** Removes the entries of every device older than the given time. */
    public int removeBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM DEVICE_CONTROL_ACCESS_LOG WHERE OCCURRED_AT < ?")) {
            SqlTime.set(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
