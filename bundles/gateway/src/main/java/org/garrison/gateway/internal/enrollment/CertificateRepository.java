package org.garrison.gateway.internal.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.gateway.internal.ca.IssuedCertificate;

/**
 * SQL for GATEWAY_CERTIFICATE: every certificate issued to an agent, so that it can be revoked and recognised.
 */
final class CertificateRepository {

    /** The longest revocation reason the table holds. */
    static final int MAX_REASON_LENGTH = 100;

    void insert(Connection connection, UUID agentId, IssuedCertificate certificate) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO GATEWAY_CERTIFICATE "
                + "(SERIAL, AGENT_ID, ISSUED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, certificate.serial());
            insert.setString(2, agentId.toString());
            SqlTime.set(insert, 3, certificate.issuedAt());
            SqlTime.set(insert, 4, certificate.expiresAt());
            insert.executeUpdate();
        }
    }

    /** Revokes every certificate of the agent not revoked yet; returns how many. */
    int revokeAll(Connection connection, UUID agentId, Instant now, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE GATEWAY_CERTIFICATE "
                + "SET REVOKED_AT = ?, REVOKE_REASON = ? WHERE AGENT_ID = ? AND REVOKED_AT IS NULL")) {
            SqlTime.set(update, 1, now);
            update.setString(2, reason);
            update.setString(3, agentId.toString());
            return update.executeUpdate();
        }
    }

    /** The agent's certificates, newest first. */
    List<AgentCertificate> ofAgent(Connection connection, UUID agentId) throws SQLException {
        List<AgentCertificate> certificates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT SERIAL, AGENT_ID, ISSUED_AT, EXPIRES_AT, "
                + "REVOKED_AT, REVOKE_REASON FROM GATEWAY_CERTIFICATE WHERE AGENT_ID = ? "
                + "ORDER BY ISSUED_AT DESC, SERIAL")) {
            select.setString(1, agentId.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    certificates.add(new AgentCertificate(row.getString("SERIAL"),
                            UUID.fromString(row.getString("AGENT_ID")), SqlTime.get(row, "ISSUED_AT"),
                            SqlTime.get(row, "EXPIRES_AT"), SqlTime.get(row, "REVOKED_AT"),
                            row.getString("REVOKE_REASON")));
                }
            }
        }
        return certificates;
    }
}
