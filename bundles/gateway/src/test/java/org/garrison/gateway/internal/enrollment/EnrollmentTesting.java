package org.garrison.gateway.internal.enrollment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.OsType;
import org.garrison.gateway.internal.ca.CertificateAuthority;
import org.garrison.gateway.internal.ca.Csrs;
import org.garrison.gateway.internal.ca.MutableClock;
import org.garrison.gateway.internal.ca.TestAuthority;
import org.garrison.gateway.internal.ca.TestCipher;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.IssuedEnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.NewEnrollmentToken;
import org.garrison.store.internal.TestDatabase;

/** The enrollment side of the gateway over one fresh database, as the server wires it, for tests of any package. */
public final class EnrollmentTesting {

    public static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    public static final Actor ADMIN = new Actor(ActorKind.ACCOUNT, UUID.randomUUID().toString(), "admin");

    public final TestDatabase database;
    public final MutableClock clock = new MutableClock(START);
    public final TestCipher cipher = new TestCipher();
    public final FakeGroups groups = new FakeGroups();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final CertificateAuthority authority;
    public final AgentDirectoryService directory;
    public final EnrollmentTokens tokens;
    public final EnrollmentService enrollment;
    public final AgentRegistry registry;

    public EnrollmentTesting() throws SQLException {
        database = TestAuthority.database();
        authority = TestAuthority.over(database.transactions(), cipher, clock);
        directory = new AgentDirectoryService(database.transactions(), clock, EnrollmentPolicy.defaults());
        tokens = new EnrollmentTokens(database.transactions(), groups, authority, clock, EnrollmentPolicy.defaults());
        enrollment = new EnrollmentService(database.transactions(), authority, directory, clock,
                EnrollmentPolicy.defaults());
        enrollment.audit = audit;
        registry = new AgentRegistry(database.transactions(), directory, clock);
    }

    /** A token with the defaults but the given number of uses. */
    public IssuedEnrollmentToken token(int maxUses) {
        return tokens.create(new NewEnrollmentToken("test", null, null, maxUses, null), ADMIN);
    }

    public IssuedEnrollmentToken token(UUID groupId, boolean requireApproval) {
        return tokens.create(new NewEnrollmentToken("test", groupId, requireApproval, 10, null), ADMIN);
    }

    public static EnrollRequest request(String token, String hardwareId) {
        return new EnrollRequest(token, Csrs.p256(), hardwareId, host("ws-" + hardwareId));
    }

    public static HostFacts host(String hostname) {
        return new HostFacts(hostname, "corp.example.com", OsType.LINUX, "Debian GNU/Linux 12", "x86_64", "0.1.0");
    }

    public CertificateGrant enroll(String token, String hardwareId) {
        return enrollment.enroll(request(token, hardwareId), "192.0.2.10");
    }

    /** Links the agent to a device, as the sync does on its first sync. */
    public void linkDevice(UUID agentId, UUID deviceId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE GATEWAY_AGENT SET DEVICE_ID = ? WHERE ID = ?")) {
            update.setString(1, deviceId.toString());
            update.setString(2, agentId.toString());
            update.executeUpdate();
        }
        directory.forget(agentId);
    }

    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
