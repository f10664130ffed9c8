package org.garrison.gateway.internal.appdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.store.SqlTime;
import org.garrison.gateway.internal.server.AgentJson;

/**
 * The SQL of the application-data inbox ({@code GATEWAY_APPLICATION_DATA}). Every method works in its caller's
 * transaction.
 */
public final class ApplicationDataRepository {

    private final AgentJson json;

    public ApplicationDataRepository(AgentJson json) {
        this.json = json;
    }

    /** Stores data a device sent, in one batch. */
    public void insert(Connection connection, UUID deviceId, List<ApplicationData> data, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO GATEWAY_APPLICATION_DATA "
                + "(DEVICE_ID, APPLICATION, KIND, REPORTED_AT, RECEIVED_AT, DATA) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ApplicationData item : data) {
                statement.setString(1, deviceId.toString());
                statement.setString(2, item.application());
                statement.setString(3, item.kind());
                SqlTime.set(statement, 4, item.reportedAt());
                SqlTime.set(statement, 5, receivedAt);
                statement.setString(6, json.write(item.data()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The applications with data waiting. */
    List<String> applications(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT APPLICATION FROM GATEWAY_APPLICATION_DATA");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    /** The oldest rows of an application. */
    List<InboxRow> oldest(Connection connection, String application, int limit) throws SQLException {
        List<InboxRow> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, DEVICE_ID, KIND, REPORTED_AT, "
                + "DATA FROM GATEWAY_APPLICATION_DATA WHERE APPLICATION = ? ORDER BY ID FETCH FIRST " + limit
                + " ROWS ONLY")) {
            statement.setString(1, application);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new InboxRow(rows.getLong("ID"), UUID.fromString(rows.getString("DEVICE_ID")),
                            new ApplicationData(application, rows.getString("KIND"),
                                    SqlTime.get(rows, "REPORTED_AT"), json.readObject(rows.getString("DATA")))));
                }
            }
        }
        return found;
    }

    /**
     * Removes rows.
     *
     * @return how many were still there (fewer when another server node handed them over first)
     */
    int delete(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM GATEWAY_APPLICATION_DATA WHERE ID "
                + "IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            return statement.executeUpdate();
        }
    }

    /** How many rows of each application were received before the cutoff. */
    Map<String, Integer> receivedBefore(Connection connection, Instant cutoff) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT APPLICATION, COUNT(*) FROM "
                + "GATEWAY_APPLICATION_DATA WHERE RECEIVED_AT < ? GROUP BY APPLICATION ORDER BY APPLICATION")) {
            SqlTime.set(statement, 1, cutoff);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Deletes an application's rows received before the cutoff. */
    int deleteReceivedBefore(Connection connection, String application, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM GATEWAY_APPLICATION_DATA WHERE APPLICATION = ? AND RECEIVED_AT < ?")) {
            statement.setString(1, application);
            SqlTime.set(statement, 2, cutoff);
            return statement.executeUpdate();
        }
    }
}
