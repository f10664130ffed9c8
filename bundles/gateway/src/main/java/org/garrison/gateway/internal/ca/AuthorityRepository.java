package org.garrison.gateway.internal.ca;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.garrison.api.store.SqlTime;

/**
 * SQL for GATEWAY_CA. The table holds one row with the fixed id 1, so that two server nodes creating the authority
 * at the same moment collide on the primary key instead of both succeeding.
 */
final class AuthorityRepository {

    private static final int THE_ROW = 1;

    Optional<StoredAuthority> find(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT CERTIFICATE_PEM, PRIVATE_KEY_ENCRYPTED, CREATED_AT FROM GATEWAY_CA WHERE ID = ?")) {
            select.setInt(1, THE_ROW);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredAuthority(row.getString("CERTIFICATE_PEM"),
                        row.getString("PRIVATE_KEY_ENCRYPTED"), SqlTime.get(row, "CREATED_AT"))) : Optional.empty();
            }
        }
    }

    void insert(Connection connection, StoredAuthority authority) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO GATEWAY_CA "
                + "(ID, CERTIFICATE_PEM, PRIVATE_KEY_ENCRYPTED, CREATED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, THE_ROW);
            insert.setString(2, authority.certificatePem());
            insert.setString(3, authority.privateKeyEncrypted());
            SqlTime.set(insert, 4, authority.createdAt());
            insert.executeUpdate();
        }
    }

    void updatePrivateKey(Connection connection, String privateKeyEncrypted) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE GATEWAY_CA SET PRIVATE_KEY_ENCRYPTED = ? WHERE ID = ?")) {
            update.setString(1, privateKeyEncrypted);
            update.setInt(2, THE_ROW);
            update.executeUpdate();
        }
    }
}
