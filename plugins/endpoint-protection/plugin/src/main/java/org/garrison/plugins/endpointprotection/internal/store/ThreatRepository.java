package org.garrison.plugins.endpointprotection.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatDetection;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;

/**
 * The detections of every device ({@code ENDPOINT_PROTECTION_THREAT}).
 */
public final class ThreatRepository {

    /** Ids per {@code IN} list. */
    private static final int LOOKUP_CHUNK = 200;

    private static final String COLUMNS = "DEVICE_ID, DETECTION_ID, OBJECT_PATH, THREAT_NAME, THREAT_TYPE, "
            + "ACTION_TAKEN, STATUS, SHA256, DETECTED_AT, CHANGED_AT";

    /** The stored detections of a device among the given ids, by id. */
    public Map<String, StoredThreat> find(Connection c, UUID deviceId, Collection<String> detectionIds)
            throws SQLException {
        Map<String, StoredThreat> found = new HashMap<>();
        List<String> ids = List.copyOf(detectionIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM ENDPOINT_PROTECTION_THREAT WHERE DEVICE_ID = ? AND DETECTION_ID IN ("
                    + Sql.placeholders(chunk.size()) + ")")) {
                select.setString(1, deviceId.toString());
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredThreat threat = threat(rows);
                        found.put(threat.detectionId(), threat);
                    }
                }
            }
        }
        return found;
    }

    public void insert(Connection c, UUID deviceId, ThreatDetection detection, Instant changedAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ENDPOINT_PROTECTION_THREAT (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, deviceId.toString());
            insert.setString(2, detection.id());
            insert.setString(3, detection.objectPath());
            insert.setString(4, detection.threatName());
            insert.setString(5, detection.threatType());
            insert.setString(6, detection.actionTaken());
            insert.setString(7, detection.status().wireName());
            insert.setString(8, detection.sha256());
            SqlTime.set(insert, 9, detection.detectedAt());
            SqlTime.set(insert, 10, changedAt);
            insert.executeUpdate();
        }
    }

    /** Records what the application did with a detection since (the object itself never changes). */
    public void updateOutcome(Connection c, UUID deviceId, ThreatDetection detection, Instant changedAt)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ENDPOINT_PROTECTION_THREAT SET ACTION_TAKEN = ?, "
                + "STATUS = ?, CHANGED_AT = ? WHERE DEVICE_ID = ? AND DETECTION_ID = ?")) {
            update.setString(1, detection.actionTaken());
            update.setString(2, detection.status().wireName());
            SqlTime.set(update, 3, changedAt);
            update.setString(4, deviceId.toString());
            update.setString(5, detection.id());
            update.executeUpdate();
        }
    }

    public ThreatCounts counts(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*), "
                + "SUM(CASE WHEN STATUS = ? THEN 1 ELSE 0 END) FROM ENDPOINT_PROTECTION_THREAT WHERE DEVICE_ID = ?")) {
            select.setString(1, ThreatStatus.NOT_DISINFECTED.wireName());
            select.setString(2, deviceId.toString());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new ThreatCounts(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /**
     * Detections newest first (by detection time, then device and detection id), after a position.
     *
     * @param after the last detection of the previous page, or {@code null} for the first
     */
    public List<StoredThreat> page(Connection c, ThreatSelection selection, ThreatPosition after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM ENDPOINT_PROTECTION_THREAT WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (selection.deviceId() != null) {
            sql.append(" AND DEVICE_ID = ?");
            parameters.add(selection.deviceId().toString());
        }
        if (!selection.statuses().isEmpty()) {
            sql.append(" AND STATUS IN (").append(Sql.placeholders(selection.statuses().size())).append(')');
            selection.statuses().stream().map(ThreatStatus::wireName).sorted().forEach(parameters::add);
        }
        if (after != null) {
            sql.append(" AND (DETECTED_AT < ? OR DETECTED_AT = ? AND DEVICE_ID < ?"
                    + " OR DETECTED_AT = ? AND DEVICE_ID = ? AND DETECTION_ID < ?)");
            parameters.add(after.detectedAt());
            parameters.add(after.detectedAt());
            parameters.add(after.deviceId().toString());
            parameters.add(after.detectedAt());
            parameters.add(after.deviceId().toString());
            parameters.add(after.detectionId());
        }
        sql.append(" ORDER BY DETECTED_AT DESC, DEVICE_ID DESC, DETECTION_ID DESC FETCH FIRST ").append(limit)
                .append(" ROWS ONLY");
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    SqlTime.set(select, i + 1, instant);
                } else {
                    select.setString(i + 1, (String) value);
                }
            }
            List<StoredThreat> threats = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    threats.add(threat(rows));
                }
            }
            return threats;
        }
    }

    private static StoredThreat threat(ResultSet rows) throws SQLException {
        return new StoredThreat(UUID.fromString(rows.getString("DEVICE_ID")), rows.getString("DETECTION_ID"),
                rows.getString("OBJECT_PATH"), rows.getString("THREAT_NAME"), rows.getString("THREAT_TYPE"),
                rows.getString("ACTION_TAKEN"),
                ThreatStatus.fromWireName(rows.getString("STATUS")).orElse(ThreatStatus.DETECTED),
                rows.getString("SHA256"), SqlTime.get(rows, "DETECTED_AT"), SqlTime.get(rows, "CHANGED_AT"));
    }
}
