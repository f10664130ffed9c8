package org.garrison.gateway.internal.instructions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the wake channel's sweep reads: which of the agents holding a poll may still sync, so that a revoked or
 * rejected agent's poll is answered (and its next request refused) without waiting for its timeout.
 */
final class WakeRepository {

    private static final int CHUNK = 500;

    /** Of the given agents, those that are active. */
    Set<UUID> activeAgents(Connection connection, Collection<UUID> agentIds) throws SQLException {
        Set<UUID> active = new HashSet<>();
        for (List<String> chunk : chunks(agentIds.stream().map(UUID::toString).toList())) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT ID FROM GATEWAY_AGENT WHERE "
                    + "STATE = 'ACTIVE' AND ID IN (" + placeholders(chunk.size()) + ")")) {
                read(statement, chunk, id -> active.add(UUID.fromString(id)));
            }
        }
        return active;
    }

    /** Of the given certificate serials, those issued and not revoked. */
    Set<String> validCertificates(Connection connection, Collection<String> serials) throws SQLException {
        Set<String> valid = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(serials))) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT SERIAL FROM GATEWAY_CERTIFICATE "
                    + "WHERE REVOKED_AT IS NULL AND SERIAL IN (" + placeholders(chunk.size()) + ")")) {
                read(statement, chunk, valid::add);
            }
        }
        return valid;
    }

    private static void read(PreparedStatement statement, List<String> parameters,
            Consumer<String> found) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.accept(rows.getString(1));
            }
        }
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
