package org.garrison.gateway.internal.instructions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.agent.InstructionState;
import org.garrison.api.store.SqlTime;
import org.garrison.gateway.internal.server.AgentJson;

/**
 * The SQL of {@code GATEWAY_INSTRUCTION}. Every method works in its caller's transaction.
 */
public final class InstructionRepository {

    /** Ids per IN list: well within every database's parameter limit. */
    private static final int CHUNK = 500;

    private static final String COLUMNS = "ID, DEVICE_ID, TYPE, APPLICATION, PARAMETERS, REFERENCE, STATE, MESSAGE, "
            + "RESULT, CREATED_AT, UPDATED_AT, EXPIRES_AT";

    /** The states in which an instruction is still delivered to its device. */
    private static final String OPEN = "STATE IN ('PENDING', 'DELIVERED', 'RUNNING')";

    private final AgentJson json;

    public InstructionRepository(AgentJson json) {
        this.json = json;
    }

    public void insert(Connection connection, List<StoredInstruction> instructions) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO GATEWAY_INSTRUCTION (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (StoredInstruction instruction : instructions) {
                statement.setString(1, instruction.id().toString());
                statement.setString(2, instruction.deviceId().toString());
                statement.setString(3, instruction.type());
                statement.setString(4, instruction.application());
                statement.setString(5, json.write(instruction.parameters()));
                statement.setString(6, instruction.reference());
                statement.setString(7, instruction.state().name());
                statement.setString(8, instruction.message());
                statement.setString(9, null);
                SqlTime.set(statement, 10, instruction.createdAt());
                SqlTime.set(statement, 11, instruction.updatedAt());
                SqlTime.set(statement, 12, instruction.expiresAt());
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    public Optional<StoredInstruction> find(Connection connection, UUID id) throws SQLException {
        List<StoredInstruction> found = select(connection, "WHERE ID = ?", List.of(id.toString()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The instructions with this reference, newest first. */
    public List<StoredInstruction> byReference(Connection connection, String reference) throws SQLException {
        return select(connection, "WHERE REFERENCE = ? ORDER BY CREATED_AT DESC, ID", List.of(reference));
    }

    /** The instructions of a device that have no final state yet, oldest first. */
    public List<StoredInstruction> open(Connection connection, UUID deviceId) throws SQLException {
        return select(connection, "WHERE DEVICE_ID = ? AND " + OPEN + " ORDER BY CREATED_AT, ID",
                List.of(deviceId.toString()));
    }

    /** Of the given instructions, those without a final state yet. */
    public List<StoredInstruction> openAmong(Connection connection, Collection<UUID> ids) throws SQLException {
        List<StoredInstruction> found = new ArrayList<>();
        List<UUID> all = List.copyOf(ids);
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            found.addAll(select(connection, "WHERE ID IN (" + String.join(", ", Collections.nCopies(chunk.size(),
                    "?")) + ") AND " + OPEN, chunk.stream().map(UUID::toString).toList()));
        }
        return found;
    }

    /**
     * Moves an instruction to a new state, unless it reached a final state in the meantime (e.g. an admin cancelled
     * it while the device was working on it).
     *
     * @return whether it moved
     */
    public boolean move(Connection connection, UUID id, InstructionState state, String message,
            Map<String, Object> result, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE GATEWAY_INSTRUCTION SET STATE = ?, "
                + "MESSAGE = ?, RESULT = ?, UPDATED_AT = ? WHERE ID = ? AND " + OPEN)) {
            statement.setString(1, state.name());
            statement.setString(2, message);
            if (result == null || result.isEmpty()) {
                statement.setString(3, null);
            } else {
                statement.setString(3, json.write(result));
            }
            SqlTime.set(statement, 4, at);
            statement.setString(5, id.toString());
            return statement.executeUpdate() == 1;
        }
    }

    /** Marks pending instructions delivered, in one batch. */
    public void markDelivered(Connection connection, Collection<UUID> ids, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE GATEWAY_INSTRUCTION SET "
                + "STATE = 'DELIVERED', UPDATED_AT = ? WHERE ID = ? AND STATE = 'PENDING'")) {
            for (UUID id : ids) {
                SqlTime.set(statement, 1, at);
                statement.setString(2, id.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private List<StoredInstruction> select(Connection connection, String where, List<String> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM GATEWAY_INSTRUCTION " + where)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            List<StoredInstruction> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    private StoredInstruction read(ResultSet rows) throws SQLException {
        return new StoredInstruction(UUID.fromString(rows.getString("ID")), UUID.fromString(rows.getString("DEVICE_ID")),
                rows.getString("TYPE"), rows.getString("APPLICATION"), json.readObject(rows.getString("PARAMETERS")),
                rows.getString("REFERENCE"), InstructionState.valueOf(rows.getString("STATE")),
                rows.getString("MESSAGE"), json.readObject(rows.getString("RESULT")), SqlTime.get(rows, "CREATED_AT"),
                SqlTime.get(rows, "UPDATED_AT"), SqlTime.get(rows, "EXPIRES_AT"));
    }
}
