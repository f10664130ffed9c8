package org.garrison.gateway.internal.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.store.SqlTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for the enrollment side of GATEWAY_AGENT. The sync side (device link, stored sequence, last sync) is written by
 * the sync; this class only gives those columns their starting values.
 */
final class AgentRepository {

    private static final String COLUMNS = "ID, HARDWARE_ID, HOSTNAME, HOST_FACTS, AGENT_VERSION, STATE, GROUP_ID, "
            + "TOKEN_ID, DEVICE_ID, ENROLLED_AT, DECIDED_AT, DECIDED_BY_NAME, LAST_SYNC_AT, LAST_ADDRESS, "
            + "STORED_THROUGH";

    /** Host facts are kept as JSON; members added by later agents are ignored when read back. */
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A new agent: nothing stored from it yet, and its first inventory must be a full one. */
    void insert(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO GATEWAY_AGENT (" + COLUMNS
                + ", FULL_INVENTORY_WANTED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, agent.id().toString());
            insert.setString(2, agent.hardwareId());
            insert.setString(3, agent.hostname());
            insert.setString(4, write(agent.host()));
            insert.setString(5, agent.agentVersion());
            insert.setString(6, agent.state().name());
            insert.setString(7, agent.groupId().toString());
            insert.setString(8, agent.tokenId() == null ? null : agent.tokenId().toString());
            insert.setString(9, null);
            SqlTime.set(insert, 10, agent.enrolledAt());
            SqlTime.set(insert, 11, null);
            insert.setString(12, null);
            SqlTime.set(insert, 13, null);
            insert.setString(14, null);
            insert.setLong(15, 0);
            insert.setBoolean(16, true);
            insert.executeUpdate();
        }
    }

    /**
     * An agent enrolling again: new host facts, state, token and group; an admin's earlier decision no longer holds.
     * Its outbox may have started again from sequence 1 (a reinstalled agent), so the stored sequence starts again
     * from 0 (what it sent before was acknowledged and left its outbox), and the next inventory must be a full one.
     */
    void reenroll(Connection connection, Agent agent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE GATEWAY_AGENT SET HOSTNAME = ?, "
                + "HOST_FACTS = ?, AGENT_VERSION = ?, STATE = ?, GROUP_ID = ?, TOKEN_ID = ?, ENROLLED_AT = ?, "
                + "DECIDED_AT = NULL, DECIDED_BY_NAME = NULL, STORED_THROUGH = 0, FULL_INVENTORY_WANTED = ? "
                + "WHERE ID = ?")) {
            update.setString(1, agent.hostname());
            update.setString(2, write(agent.host()));
            update.setString(3, agent.agentVersion());
            update.setString(4, agent.state().name());
            update.setString(5, agent.groupId().toString());
            update.setString(6, agent.tokenId() == null ? null : agent.tokenId().toString());
            SqlTime.set(update, 7, agent.enrolledAt());
            update.setBoolean(8, true);
            update.setString(9, agent.id().toString());
            update.executeUpdate();
        }
    }

    /**
     * Moves the agent to a new state if it is in one of the expected ones; returns whether it was.
     */
    boolean decide(Connection connection, UUID id, List<AgentState> from, AgentState to, Instant at, String by)
            throws SQLException {
        String placeholders = String.join(", ", from.stream().map(state -> "?").toList());
        try (PreparedStatement update = connection.prepareStatement("UPDATE GATEWAY_AGENT SET STATE = ?, "
                + "DECIDED_AT = ?, DECIDED_BY_NAME = ? WHERE ID = ? AND STATE IN (" + placeholders + ")")) {
            update.setString(1, to.name());
            SqlTime.set(update, 2, at);
            update.setString(3, by);
            update.setString(4, id.toString());
            for (int i = 0; i < from.size(); i++) {
                update.setString(5 + i, from.get(i).name());
            }
            return update.executeUpdate() == 1;
        }
    }

    Optional<Agent> byId(Connection connection, UUID id) throws SQLException {
        return one(connection, "ID", id.toString());
    }

    Optional<Agent> byHardwareId(Connection connection, String hardwareId) throws SQLException {
        return one(connection, "HARDWARE_ID", hardwareId);
    }

    /**
     * A page of agents, last enrolled first.
     *
     * @param state  only agents in this state, or {@code null}
     * @param prefix only agents whose host name or hardware id starts with this (case-insensitive), or {@code null}
     * @param after  where the previous page ended, or {@code null}
     * @param limit  the page size; one more row is read to tell whether another page follows
     */
    List<Agent> list(Connection connection, AgentState state, String prefix, ListPosition after, int limit)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM GATEWAY_AGENT")
                .append(where(state, prefix, after, parameters));
        sql.append(" ORDER BY ENROLLED_AT DESC, ID DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<Agent> agents = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Parameters.bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    agents.add(read(row));
                }
            }
        }
        return agents;
    }

    long count(Connection connection, AgentState state, String prefix) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM GATEWAY_AGENT"
                + where(state, prefix, null, parameters))) {
            Parameters.bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String where(AgentState state, String prefix, ListPosition after, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("STATE = ?");
            parameters.add(state.name());
        }
        if (prefix != null) {
            conditions.add("(LOWER(HOSTNAME) LIKE ? ESCAPE '\\' OR LOWER(HARDWARE_ID) LIKE ? ESCAPE '\\')");
            String pattern = likePrefix(prefix.toLowerCase(Locale.ROOT));
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (after != null) {
            conditions.add("(ENROLLED_AT < ? OR (ENROLLED_AT = ? AND ID < ?))");
            parameters.add(after.at());
            parameters.add(after.at());
            parameters.add(after.id().toString());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A LIKE pattern matching values that start with the text, its wildcards taken literally. */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Optional<Agent> one(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM GATEWAY_AGENT WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private Agent read(ResultSet row) throws SQLException {
        return new Agent(UUID.fromString(row.getString("ID")), row.getString("HARDWARE_ID"),
                row.getString("HOSTNAME"), host(row.getString("HOST_FACTS")), row.getString("AGENT_VERSION"),
                AgentState.valueOf(row.getString("STATE")), UUID.fromString(row.getString("GROUP_ID")),
                uuid(row.getString("TOKEN_ID")), uuid(row.getString("DEVICE_ID")), SqlTime.get(row, "ENROLLED_AT"),
                SqlTime.get(row, "DECIDED_AT"), row.getString("DECIDED_BY_NAME"), SqlTime.get(row, "LAST_SYNC_AT"),
                row.getString("LAST_ADDRESS"), row.getLong("STORED_THROUGH"));
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value.trim());
    }

    private String write(HostFacts host) {
        try {
            return host == null ? null : json.writeValueAsString(host);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Host facts cannot be written as JSON", e);
        }
    }

    private HostFacts host(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, HostFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored host facts are not readable JSON", e);
        }
    }
}
