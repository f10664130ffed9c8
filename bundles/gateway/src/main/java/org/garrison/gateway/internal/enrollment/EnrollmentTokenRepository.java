package org.garrison.gateway.internal.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.store.SqlTime;

/**
 * SQL for GATEWAY_ENROLLMENT_TOKEN.
 */
final class EnrollmentTokenRepository {

    private static final String COLUMNS = "ID, NAME, GROUP_ID, REQUIRE_APPROVAL, MAX_USES, USES, EXPIRES_AT, "
            + "CREATED_AT, CREATED_BY_KIND, CREATED_BY_ID, CREATED_BY_NAME, REVOKED_AT";
    /** What "active" means in SQL, with the current time as its one parameter. */
    private static final String ACTIVE = "REVOKED_AT IS NULL AND USES < MAX_USES AND EXPIRES_AT > ?";

    void insert(Connection connection, EnrollmentToken token, String secretHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO GATEWAY_ENROLLMENT_TOKEN (" + COLUMNS
                + ", SECRET_HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id().toString());
            insert.setString(2, token.name());
            insert.setString(3, token.groupId().toString());
            insert.setBoolean(4, token.requireApproval());
            insert.setInt(5, token.maxUses());
            insert.setInt(6, token.uses());
            SqlTime.set(insert, 7, token.expiresAt());
            SqlTime.set(insert, 8, token.createdAt());
            insert.setString(9, token.createdBy().kind().name());
            insert.setString(10, token.createdBy().id());
            insert.setString(11, token.createdBy().name());
            SqlTime.set(insert, 12, token.revokedAt());
            insert.setString(13, secretHash);
            insert.executeUpdate();
        }
    }

    Optional<EnrollmentToken> byId(Connection connection, UUID id) throws SQLException {
        return one(connection, "ID", id.toString());
    }

    Optional<EnrollmentToken> bySecretHash(Connection connection, String secretHash) throws SQLException {
        return one(connection, "SECRET_HASH", secretHash);
    }

    /**
     * Counts one use of the token, unless it is revoked, used up or expired at {@code now}. The condition sits in the
     * update itself, so concurrent enrollments can never use a token more often than it allows.
     *
     * @return whether the use was counted
     */
    boolean use(Connection connection, UUID id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE GATEWAY_ENROLLMENT_TOKEN "
                + "SET USES = USES + 1 WHERE ID = ? AND " + ACTIVE)) {
            update.setString(1, id.toString());
            SqlTime.set(update, 2, now);
            return update.executeUpdate() == 1;
        }
    }

    /** Revokes the token unless it already is; returns whether it was revoked now. */
    boolean revoke(Connection connection, UUID id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE GATEWAY_ENROLLMENT_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL")) {
            SqlTime.set(update, 1, now);
            update.setString(2, id.toString());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * A page of tokens, newest first.
     *
     * @param activeOnly only the tokens active at {@code now}
     * @param after      where the previous page ended, or {@code null}
     * @param limit      the page size; one more row is read to tell whether another page follows
     */
    List<EnrollmentToken> list(Connection connection, boolean activeOnly, Instant now, ListPosition after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM GATEWAY_ENROLLMENT_TOKEN");
        List<Object> parameters = new ArrayList<>();
        String joiner = " WHERE ";
        if (activeOnly) {
            sql.append(joiner).append(ACTIVE);
            parameters.add(now);
            joiner = " AND ";
        }
        if (after != null) {
            sql.append(joiner).append("(CREATED_AT < ? OR (CREATED_AT = ? AND ID < ?))");
            parameters.add(after.at());
            parameters.add(after.at());
            parameters.add(after.id().toString());
        }
        sql.append(" ORDER BY CREATED_AT DESC, ID DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
        List<EnrollmentToken> tokens = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Parameters.bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tokens.add(read(row));
                }
            }
        }
        return tokens;
    }

    long count(Connection connection, boolean activeOnly, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM GATEWAY_ENROLLMENT_TOKEN"
                + (activeOnly ? " WHERE " + ACTIVE : ""))) {
            if (activeOnly) {
                SqlTime.set(select, 1, now);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Optional<EnrollmentToken> one(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM GATEWAY_ENROLLMENT_TOKEN WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static EnrollmentToken read(ResultSet row) throws SQLException {
        Actor createdBy = new Actor(ActorKind.valueOf(row.getString("CREATED_BY_KIND")), row.getString("CREATED_BY_ID"),
                row.getString("CREATED_BY_NAME"));
        return new EnrollmentToken(UUID.fromString(row.getString("ID")), row.getString("NAME"),
                UUID.fromString(row.getString("GROUP_ID")), row.getBoolean("REQUIRE_APPROVAL"), row.getInt("MAX_USES"),
                row.getInt("USES"), SqlTime.get(row, "EXPIRES_AT"), SqlTime.get(row, "CREATED_AT"), createdBy,
                SqlTime.get(row, "REVOKED_AT"));
    }
}
