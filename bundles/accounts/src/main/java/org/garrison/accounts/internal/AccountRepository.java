package org.garrison.accounts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.account.RoleGrant;
import org.garrison.api.store.SqlTime;

/**
 * SQL for ACCOUNTS_ACCOUNT, its grants, password history and recovery codes.
 */
final class AccountRepository {

    private static final String COLUMNS = "ID, LOGIN_KEY, LOGIN, FULL_NAME, DESCRIPTION, EMAIL, PHONE, PASSWORD_HASH, "
            + "ENABLED, MUST_CHANGE_PASSWORD, TOTP_SECRET, TOTP_PENDING_SECRET, TOTP_LAST_STEP, LAST_SIGN_IN, "
            + "CREATED_AT, MODIFIED_AT";

    Optional<StoredAccount> find(Connection connection, UUID id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM ACCOUNTS_ACCOUNT WHERE ID = ?", id.toString());
    }

    Optional<StoredAccount> findByLoginKey(Connection connection, String loginKey) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM ACCOUNTS_ACCOUNT WHERE LOGIN_KEY = ?", loginKey);
    }

    List<StoredAccount> all(Connection connection) throws SQLException {
        List<StoredAccount> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ACCOUNTS_ACCOUNT");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                accounts.add(read(row));
            }
        }
        return accounts;
    }

    long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM ACCOUNTS_ACCOUNT");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    void insert(Connection connection, StoredAccount account) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCOUNTS_ACCOUNT (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, account.id().toString());
            insert.setString(2, account.loginKey());
            insert.setString(3, account.login());
            insert.setString(4, account.fullName());
            insert.setString(5, account.description());
            insert.setString(6, account.email());
            insert.setString(7, account.phone());
            insert.setString(8, account.passwordHash());
            insert.setBoolean(9, account.enabled());
            insert.setBoolean(10, account.mustChangePassword());
            insert.setString(11, account.totpSecret());
            insert.setString(12, account.totpPendingSecret());
            setLong(insert, 13, account.totpLastStep());
            SqlTime.set(insert, 14, account.lastSignIn());
            SqlTime.set(insert, 15, account.createdAt());
            SqlTime.set(insert, 16, account.modifiedAt());
            insert.executeUpdate();
        }
    }

    /** Writes login, personal fields and status. */
    void updateProfile(Connection connection, StoredAccount account) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ACCOUNT SET LOGIN_KEY = ?, "
                + "LOGIN = ?, FULL_NAME = ?, DESCRIPTION = ?, EMAIL = ?, PHONE = ?, ENABLED = ?, MODIFIED_AT = ? "
                + "WHERE ID = ?")) {
            update.setString(1, account.loginKey());
            update.setString(2, account.login());
            update.setString(3, account.fullName());
            update.setString(4, account.description());
            update.setString(5, account.email());
            update.setString(6, account.phone());
            update.setBoolean(7, account.enabled());
            SqlTime.set(update, 8, account.modifiedAt());
            update.setString(9, account.id().toString());
            update.executeUpdate();
        }
    }

    /** Writes every encrypted column of a row, e.g. after re-encrypting them under a new key. */
    void updateEncrypted(Connection connection, StoredAccount account) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ACCOUNT SET LOGIN = ?, "
                + "FULL_NAME = ?, DESCRIPTION = ?, EMAIL = ?, PHONE = ?, TOTP_SECRET = ?, TOTP_PENDING_SECRET = ? "
                + "WHERE ID = ?")) {
            update.setString(1, account.login());
            update.setString(2, account.fullName());
            update.setString(3, account.description());
            update.setString(4, account.email());
            update.setString(5, account.phone());
            update.setString(6, account.totpSecret());
            update.setString(7, account.totpPendingSecret());
            update.setString(8, account.id().toString());
            update.executeUpdate();
        }
    }

    void updatePassword(Connection connection, UUID id, String hash, boolean mustChange, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ACCOUNT SET PASSWORD_HASH = ?, "
                + "MUST_CHANGE_PASSWORD = ?, MODIFIED_AT = ? WHERE ID = ?")) {
            update.setString(1, hash);
            update.setBoolean(2, mustChange);
            SqlTime.set(update, 3, at);
            update.setString(4, id.toString());
            update.executeUpdate();
        }
    }

    /** Replaces the hash of the same password (new parameters), only if it is still the one verified. */
    void rehash(Connection connection, UUID id, String oldHash, String newHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACCOUNTS_ACCOUNT SET PASSWORD_HASH = ? WHERE ID = ? AND PASSWORD_HASH = ?")) {
            update.setString(1, newHash);
            update.setString(2, id.toString());
            update.setString(3, oldHash);
            update.executeUpdate();
        }
    }

    void setPendingSecondFactor(Connection connection, UUID id, String encryptedSecret) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACCOUNTS_ACCOUNT SET TOTP_PENDING_SECRET = ? WHERE ID = ?")) {
            update.setString(1, encryptedSecret);
            update.setString(2, id.toString());
            update.executeUpdate();
        }
    }

    /** Makes the pending secret the active one, its first code used up. */
    void activateSecondFactor(Connection connection, UUID id, String encryptedSecret, long usedStep, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ACCOUNT SET TOTP_SECRET = ?, "
                + "TOTP_PENDING_SECRET = NULL, TOTP_LAST_STEP = ?, MODIFIED_AT = ? WHERE ID = ?")) {
            update.setString(1, encryptedSecret);
            update.setLong(2, usedStep);
            SqlTime.set(update, 3, at);
            update.setString(4, id.toString());
            update.executeUpdate();
        }
    }

    void removeSecondFactor(Connection connection, UUID id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACCOUNTS_ACCOUNT SET TOTP_SECRET = NULL, "
                + "TOTP_PENDING_SECRET = NULL, TOTP_LAST_STEP = NULL, MODIFIED_AT = ? WHERE ID = ?")) {
            SqlTime.set(update, 1, at);
            update.setString(2, id.toString());
            update.executeUpdate();
        }
        deleteRecoveryCodes(connection, id);
    }

    /**
     * Marks a TOTP step as used, only if no later step has been used meanwhile (by another node, say).
     *
     * @return whether this call used it
     */
    boolean useStep(Connection connection, UUID id, Long previous, long step) throws SQLException {
        String sql = previous == null
                ? "UPDATE ACCOUNTS_ACCOUNT SET TOTP_LAST_STEP = ? WHERE ID = ? AND TOTP_LAST_STEP IS NULL"
                : "UPDATE ACCOUNTS_ACCOUNT SET TOTP_LAST_STEP = ? WHERE ID = ? AND TOTP_LAST_STEP = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, step);
            update.setString(2, id.toString());
            if (previous != null) {
                update.setLong(3, previous);
            }
            return update.executeUpdate() == 1;
        }
    }

    void signedIn(Connection connection, UUID id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACCOUNTS_ACCOUNT SET LAST_SIGN_IN = ? WHERE ID = ?")) {
            SqlTime.set(update, 1, at);
            update.setString(2, id.toString());
            update.executeUpdate();
        }
    }

    void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACCOUNTS_ACCOUNT WHERE ID = ?")) {
            delete.setString(1, id.toString());
            delete.executeUpdate();
        }
    }

    // ---- grants

    List<RoleGrant> grants(Connection connection, UUID accountId) throws SQLException {
        List<RoleGrant> grants = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT ROLE_ID, GROUP_ID FROM ACCOUNTS_GRANT "
                + "WHERE ACCOUNT_ID = ? ORDER BY ROLE_ID, GROUP_ID")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    grants.add(new RoleGrant(UUID.fromString(row.getString(1)), UUID.fromString(row.getString(2))));
                }
            }
        }
        return grants;
    }

    Map<UUID, List<RoleGrant>> allGrants(Connection connection) throws SQLException {
        Map<UUID, List<RoleGrant>> grants = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ACCOUNT_ID, ROLE_ID, GROUP_ID FROM ACCOUNTS_GRANT ORDER BY ACCOUNT_ID, ROLE_ID, GROUP_ID");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                grants.computeIfAbsent(UUID.fromString(row.getString(1)), id -> new ArrayList<>())
                        .add(new RoleGrant(UUID.fromString(row.getString(2)), UUID.fromString(row.getString(3))));
            }
        }
        return grants;
    }

    void replaceGrants(Connection connection, UUID accountId, List<RoleGrant> grants) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_GRANT WHERE ACCOUNT_ID = ?")) {
            delete.setString(1, accountId.toString());
            delete.executeUpdate();
        }
        if (grants.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ACCOUNTS_GRANT (ACCOUNT_ID, ROLE_ID, GROUP_ID) VALUES (?, ?, ?)")) {
            for (RoleGrant grant : new HashSet<>(grants)) {
                insert.setString(1, accountId.toString());
                insert.setString(2, grant.roleId().toString());
                insert.setString(3, grant.groupId().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The enabled accounts holding one exact grant. */
    Set<UUID> enabledHolders(Connection connection, UUID roleId, UUID groupId) throws SQLException {
        Set<UUID> holders = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT A.ID FROM ACCOUNTS_ACCOUNT A "
                + "JOIN ACCOUNTS_GRANT G ON G.ACCOUNT_ID = A.ID "
                + "WHERE A.ENABLED = ? AND G.ROLE_ID = ? AND G.GROUP_ID = ?")) {
            select.setBoolean(1, true);
            select.setString(2, roleId.toString());
            select.setString(3, groupId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    holders.add(UUID.fromString(row.getString(1)));
                }
            }
        }
        return holders;
    }

    // ---- password history

    /** Stored hashes of the most recent passwords, newest first. */
    List<String> passwordHistory(Connection connection, UUID accountId) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT PASSWORD_HASH FROM "
                + "ACCOUNTS_PASSWORD_HISTORY WHERE ACCOUNT_ID = ? ORDER BY SEQ DESC")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    hashes.add(row.getString(1));
                }
            }
        }
        return hashes;
    }

    /** Adds a password to the history and forgets all but the {@code keep} most recent ones. */
    void addToHistory(Connection connection, UUID accountId, String hash, Instant at, int keep) throws SQLException {
        int next;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(SEQ) FROM ACCOUNTS_PASSWORD_HISTORY WHERE ACCOUNT_ID = ?")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                next = row.getInt(1) + 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCOUNTS_PASSWORD_HISTORY "
                + "(ACCOUNT_ID, SEQ, PASSWORD_HASH, CHANGED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, accountId.toString());
            insert.setInt(2, next);
            insert.setString(3, hash);
            SqlTime.set(insert, 4, at);
            insert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_PASSWORD_HISTORY WHERE ACCOUNT_ID = ? AND SEQ <= ?")) {
            delete.setString(1, accountId.toString());
            delete.setInt(2, next - keep);
            delete.executeUpdate();
        }
    }

    // ---- recovery codes

    void replaceRecoveryCodes(Connection connection, UUID accountId, List<String> hashes) throws SQLException {
        deleteRecoveryCodes(connection, accountId);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ACCOUNTS_RECOVERY_CODE (ACCOUNT_ID, CODE_HASH) VALUES (?, ?)")) {
            for (String hash : new HashSet<>(hashes)) {
                insert.setString(1, accountId.toString());
                insert.setString(2, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** @return whether the code existed (and is now used up) */
    boolean useRecoveryCode(Connection connection, UUID accountId, String hash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_RECOVERY_CODE WHERE ACCOUNT_ID = ? AND CODE_HASH = ?")) {
            delete.setString(1, accountId.toString());
            delete.setString(2, hash);
            return delete.executeUpdate() == 1;
        }
    }

    private void deleteRecoveryCodes(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ACCOUNTS_RECOVERY_CODE WHERE ACCOUNT_ID = ?")) {
            delete.setString(1, accountId.toString());
            delete.executeUpdate();
        }
    }

    // ---- helpers

    private Optional<StoredAccount> one(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static StoredAccount read(ResultSet row) throws SQLException {
        long step = row.getLong("TOTP_LAST_STEP");
        Long lastStep = row.wasNull() ? null : step;
        return new StoredAccount(UUID.fromString(row.getString("ID")), row.getString("LOGIN_KEY"),
                row.getString("LOGIN"), row.getString("FULL_NAME"), row.getString("DESCRIPTION"),
                row.getString("EMAIL"), row.getString("PHONE"), row.getString("PASSWORD_HASH"),
                row.getBoolean("ENABLED"), row.getBoolean("MUST_CHANGE_PASSWORD"), row.getString("TOTP_SECRET"),
                row.getString("TOTP_PENDING_SECRET"), lastStep, SqlTime.get(row, "LAST_SIGN_IN"),
                SqlTime.get(row, "CREATED_AT"), SqlTime.get(row, "MODIFIED_AT"));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
