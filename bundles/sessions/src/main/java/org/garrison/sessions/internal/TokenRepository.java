package org.garrison.sessions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.store.SqlTime;

/**
 * SQL for SESSIONS_TOKEN.
 */
public final class TokenRepository {

    /** A stored API token; the secret itself is never stored, only its hash. */
    public record StoredToken(UUID id, String secretHash, UUID accountId, String name, String prefix, Set<UUID> roleIds,
            Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

        public StoredToken {
            roleIds = Set.copyOf(roleIds);
        }

        @Override
        public String toString() {
            return "StoredToken[id=" + id + ", accountId=" + accountId + ", name=" + name + "]";
        }
    }

    private static final String COLUMNS = "ID, SECRET_HASH, ACCOUNT_ID, NAME, PREFIX, ROLE_IDS, CREATED_AT, "
            + "EXPIRES_AT, LAST_USED_AT";

    void insert(Connection connection, StoredToken token) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO SESSIONS_TOKEN (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id().toString());
            insert.setString(2, token.secretHash());
            insert.setString(3, token.accountId().toString());
            insert.setString(4, token.name());
            insert.setString(5, token.prefix());
            insert.setString(6, token.roleIds().stream().map(UUID::toString).sorted()
                    .collect(Collectors.joining(",")));
            SqlTime.set(insert, 7, token.createdAt());
            SqlTime.set(insert, 8, token.expiresAt());
            SqlTime.set(insert, 9, token.lastUsedAt());
            insert.executeUpdate();
        }
    }

    Optional<StoredToken> byHash(Connection connection, String secretHash) throws SQLException {
        return one(connection, "SECRET_HASH", secretHash);
    }

    Optional<StoredToken> byId(Connection connection, UUID id) throws SQLException {
        return one(connection, "ID", id.toString());
    }

    /** The account's tokens, newest first. */
    List<StoredToken> ofAccount(Connection connection, UUID accountId) throws SQLException {
        List<StoredToken> tokens = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM SESSIONS_TOKEN WHERE ACCOUNT_ID = ? ORDER BY CREATED_AT DESC, ID")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tokens.add(read(row));
                }
            }
        }
        return tokens;
    }

    int countOfAccount(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM SESSIONS_TOKEN WHERE ACCOUNT_ID = ?")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Moves the last-used time forward (never backward). */
    void touch(Connection connection, UUID id, Instant usedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE SESSIONS_TOKEN SET LAST_USED_AT = ? "
                + "WHERE ID = ? AND (LAST_USED_AT IS NULL OR LAST_USED_AT < ?)")) {
            SqlTime.set(update, 1, usedAt);
            update.setString(2, id.toString());
            SqlTime.set(update, 3, usedAt);
            update.executeUpdate();
        }
    }

    boolean delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SESSIONS_TOKEN WHERE ID = ?")) {
            delete.setString(1, id.toString());
            return delete.executeUpdate() > 0;
        }
    }

    int deleteOfAccount(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_TOKEN WHERE ACCOUNT_ID = ?")) {
            delete.setString(1, accountId.toString());
            return delete.executeUpdate();
        }
    }

    List<UUID> accountIds(Connection connection) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT ACCOUNT_ID FROM SESSIONS_TOKEN"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(UUID.fromString(row.getString(1)));
            }
        }
        return ids;
    }

    private Optional<StoredToken> one(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM SESSIONS_TOKEN WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static StoredToken read(ResultSet row) throws SQLException {
        String roles = row.getString("ROLE_IDS");
        Set<UUID> roleIds = roles == null || roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(",")).map(UUID::fromString)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return new StoredToken(UUID.fromString(row.getString("ID")), row.getString("SECRET_HASH"),
                UUID.fromString(row.getString("ACCOUNT_ID")), row.getString("NAME"), row.getString("PREFIX"),
                roleIds, SqlTime.get(row, "CREATED_AT"), SqlTime.get(row, "EXPIRES_AT"),
                SqlTime.get(row, "LAST_USED_AT"));
    }
}
