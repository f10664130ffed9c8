package org.garrison.sessions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * SQL for SESSIONS_SESSION.
 */
final class SessionRepository {

    /** A stored session; the id itself is never stored, only its hash. */
    record StoredSession(UUID id, String idHash, UUID accountId, String csrfToken, Instant createdAt,
            Instant lastSeenAt, Instant expiresAt, String remoteAddress, String userAgent) {

        @Override
        public String toString() {
            return "StoredSession[id=" + id + ", accountId=" + accountId + "]";
        }
    }

    void insert(Connection connection, StoredSession session) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SESSIONS_SESSION (ID, ID_HASH, "
                + "ACCOUNT_ID, CSRF_TOKEN, CREATED_AT, LAST_SEEN_AT, EXPIRES_AT, REMOTE_ADDRESS, USER_AGENT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, session.id().toString());
            insert.setString(2, session.idHash());
            insert.setString(3, session.accountId().toString());
            insert.setString(4, session.csrfToken());
            SqlTime.set(insert, 5, session.createdAt());
            SqlTime.set(insert, 6, session.lastSeenAt());
            SqlTime.set(insert, 7, session.expiresAt());
            insert.setString(8, clip(session.remoteAddress(), 64));
            insert.setString(9, clip(session.userAgent(), 255));
            insert.executeUpdate();
        }
    }

    Optional<StoredSession> byHash(Connection connection, String idHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, ID_HASH, ACCOUNT_ID, CSRF_TOKEN, "
                + "CREATED_AT, LAST_SEEN_AT, EXPIRES_AT, REMOTE_ADDRESS, USER_AGENT FROM SESSIONS_SESSION "
                + "WHERE ID_HASH = ?")) {
            select.setString(1, idHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Moves the last-seen time forward (never backward, should two nodes touch the session at once). */
    void touch(Connection connection, UUID id, Instant seenAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE SESSIONS_SESSION SET LAST_SEEN_AT = ? WHERE ID = ? AND LAST_SEEN_AT < ?")) {
            SqlTime.set(update, 1, seenAt);
            update.setString(2, id.toString());
            SqlTime.set(update, 3, seenAt);
            update.executeUpdate();
        }
    }

    boolean deleteByHash(Connection connection, String idHash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_SESSION WHERE ID_HASH = ?")) {
            delete.setString(1, idHash);
            return delete.executeUpdate() > 0;
        }
    }

    int deleteOfAccount(Connection connection, UUID accountId) throws SQLException {
        return deleteOfAccountExcept(connection, accountId, "");
    }

    /** Deletes the account's sessions but the one with the given id hash. */
    int deleteOfAccountExcept(Connection connection, UUID accountId, String keptIdHash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_SESSION WHERE ACCOUNT_ID = ? AND ID_HASH <> ?")) {
            delete.setString(1, accountId.toString());
            delete.setString(2, keptIdHash);
            return delete.executeUpdate();
        }
    }

    /** Removes sessions past their absolute expiry or idle since before {@code idleCutoff}. */
    int deleteExpired(Connection connection, Instant now, Instant idleCutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_SESSION WHERE EXPIRES_AT <= ? OR LAST_SEEN_AT <= ?")) {
            SqlTime.set(delete, 1, now);
            SqlTime.set(delete, 2, idleCutoff);
            return delete.executeUpdate();
        }
    }

    List<UUID> accountIds(Connection connection) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT ACCOUNT_ID FROM SESSIONS_SESSION"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(UUID.fromString(row.getString(1)));
            }
        }
        return ids;
    }

    private static StoredSession read(ResultSet row) throws SQLException {
        return new StoredSession(UUID.fromString(row.getString("ID")), row.getString("ID_HASH"),
                UUID.fromString(row.getString("ACCOUNT_ID")), row.getString("CSRF_TOKEN"),
                SqlTime.get(row, "CREATED_AT"), SqlTime.get(row, "LAST_SEEN_AT"), SqlTime.get(row, "EXPIRES_AT"),
                row.getString("REMOTE_ADDRESS"), row.getString("USER_AGENT"));
    }

    static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
