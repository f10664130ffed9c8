package org.garrison.gateway.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.store.SqlTime;

/**
 * The sync path's SQL on {@code GATEWAY_AGENT}: progress (highest stored sequence number), the device link, whether a
 * full inventory is wanted, and the "last seen" columns written in bulk. Every method works in its caller's
 * transaction.
 */
final class AgentSyncRepository {

    /** Ids per IN list: well within every database's parameter limit. */
    static final int LOOKUP_CHUNK = 500;

    private static final String COLUMNS = "ID, STATE, DEVICE_ID, STORED_THROUGH, FULL_INVENTORY_WANTED";

    Optional<AgentSyncState> find(Connection connection, UUID agentId) throws SQLException {
        return Optional.ofNullable(find(connection, List.of(agentId)).get(agentId));
    }

    Map<UUID, AgentSyncState> find(Connection connection, Collection<UUID> agentIds) throws SQLException {
        Map<UUID, AgentSyncState> found = new HashMap<>();
        List<UUID> all = List.copyOf(agentIds);
        for (int start = 0; start < all.size(); start += LOOKUP_CHUNK) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + LOOKUP_CHUNK));
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM GATEWAY_AGENT WHERE ID IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i).toString());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AgentSyncState state = read(rows);
                        found.put(state.agentId(), state);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Locks the agent's row until the transaction ends, so that two syncs of one agent (on this node or another)
     * store their items one after the other and create its device once.
     *
     * @return whether the agent exists
     */
    boolean lock(Connection connection, UUID agentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE GATEWAY_AGENT SET STORED_THROUGH = STORED_THROUGH WHERE ID = ?")) {
            statement.setString(1, agentId.toString());
            return statement.executeUpdate() == 1;
        }
    }

    /** Links the agent to its (new) device; a new device needs a full inventory. */
    void linkDevice(Connection connection, UUID agentId, UUID deviceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE GATEWAY_AGENT SET DEVICE_ID = ?, FULL_INVENTORY_WANTED = ? WHERE ID = ?")) {
            statement.setString(1, deviceId.toString());
            statement.setBoolean(2, true);
            statement.setString(3, agentId.toString());
            statement.executeUpdate();
        }
    }

    void recordProgress(Connection connection, UUID agentId, long storedThrough, boolean fullInventoryWanted)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE GATEWAY_AGENT SET STORED_THROUGH = ?, FULL_INVENTORY_WANTED = ? WHERE ID = ?")) {
            statement.setLong(1, storedThrough);
            statement.setBoolean(2, fullInventoryWanted);
            statement.setString(3, agentId.toString());
            statement.executeUpdate();
        }
    }

    /**
     * Writes when agents were last seen, from where and with which version, in one batch. A time never moves back
     * (another node may have written a later one).
     */
    void recordSeen(Connection connection, Collection<AgentSighting> sightings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE GATEWAY_AGENT SET LAST_SYNC_AT = ?, "
                + "LAST_ADDRESS = ?, AGENT_VERSION = COALESCE(CAST(? AS VARCHAR(50)), AGENT_VERSION) "
                + "WHERE ID = ? AND (LAST_SYNC_AT IS NULL OR LAST_SYNC_AT < ?)")) {
            for (AgentSighting sighting : sightings) {
                SqlTime.set(statement, 1, sighting.at());
                statement.setString(2, sighting.address());
                statement.setString(3, sighting.agentVersion());
                statement.setString(4, sighting.agentId().toString());
                SqlTime.set(statement, 5, sighting.at());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static AgentSyncState read(ResultSet rows) throws SQLException {
        String device = rows.getString("DEVICE_ID");
        return new AgentSyncState(UUID.fromString(rows.getString("ID")), AgentState.valueOf(rows.getString("STATE")),
                device == null ? null : UUID.fromString(device), rows.getLong("STORED_THROUGH"),
                rows.getBoolean("FULL_INVENTORY_WANTED"));
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
