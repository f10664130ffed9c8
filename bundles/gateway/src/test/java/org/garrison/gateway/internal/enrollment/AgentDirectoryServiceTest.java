package org.garrison.gateway.internal.enrollment;

import static org.garrison.gateway.internal.enrollment.EnrollmentTesting.certificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.ca.AgentCsr;
import org.garrison.gateway.internal.ca.CertificateAuthority;
import org.garrison.gateway.internal.ca.Csrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentDirectoryServiceTest {

    private EnrollmentTesting gateway;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
    }

    @Test
    void aCertificateOfAnEnrolledAgentTellsWhoItIs() throws SQLException {
        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        X509Certificate certificate = certificate(grant.certificate());
        AgentIdentity identity = gateway.directory.authenticate(certificate, false);
        assertEquals(grant.agentId(), identity.agentId());
        assertEquals(AgentState.ACTIVE, identity.state());
        assertNull(identity.deviceId());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, identity.groupId());
        assertEquals("hw-1", identity.hardwareId());
        assertEquals("ws-hw-1", identity.hostname());
        assertEquals(certificate.getSerialNumber().toString(16), identity.certificateSerial());
        assertEquals(grant.renewAfter(), identity.renewAfter());

        UUID device = UUID.randomUUID();
        gateway.linkDevice(grant.agentId(), device);
        assertEquals(device, gateway.directory.authenticate(certificate, false).deviceId());
    }

    @Test
    void certificatesTheServerDoesNotKnowAreRefused() {
        CertificateAuthority authority = gateway.authority;
        var unknownAgent = authority.issueAgentCertificate(AgentCsr.parse(Csrs.p256()), UUID.randomUUID(),
                Duration.ofDays(1)).certificate();
        assertRevoked(unknownAgent, "not known");

        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        var unrecorded = authority.issueAgentCertificate(AgentCsr.parse(Csrs.p256()), grant.agentId(),
                Duration.ofDays(1)).certificate();
        assertRevoked(unrecorded, "not known");

        var notAnAgent = authority.issueServerCertificate(Csrs.ec("secp256r1").getPublic(), "localhost",
                List.of(), Duration.ofDays(1));
        assertRevoked(notAnAgent, "does not name an agent");
    }

    @Test
    void revokingOrRejectingOnThisNodeAppliesAtOnce() {
        CertificateGrant active = gateway.enroll(gateway.token(1).text(), "hw-1");
        X509Certificate certificate = certificate(active.certificate());
        gateway.directory.authenticate(certificate, false);
        gateway.registry.revoke(active.agentId(), "stolen laptop", EnrollmentTesting.ADMIN);
        assertRevoked(certificate, "stolen laptop");

        CertificateGrant pending = gateway.enroll(gateway.token(null, true).text(), "hw-2");
        X509Certificate waiting = certificate(pending.certificate());
        gateway.directory.authenticate(waiting, true);
        gateway.registry.reject(pending.agentId(), EnrollmentTesting.ADMIN);
        assertRevoked(waiting, "rejected");
    }

    @Test
    void aRevocationOnAnotherNodeAppliesWithinTheCacheTime() {
        AgentDirectoryService otherNode = new AgentDirectoryService(gateway.database.transactions(), gateway.clock,
                EnrollmentPolicy.defaults());
        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        X509Certificate certificate = certificate(grant.certificate());
        otherNode.authenticate(certificate, false);

        gateway.registry.revoke(grant.agentId(), null, EnrollmentTesting.ADMIN);
        assertEquals(grant.agentId(), otherNode.authenticate(certificate, false).agentId(),
                "still cached on the other node");
        gateway.clock.advance(Duration.ofSeconds(AgentDirectoryService.CACHE_SECONDS + 1));
        GatewayRefusal refused = assertThrows(GatewayRefusal.class, () -> otherNode.authenticate(certificate, false));
        assertEquals("certificate-revoked", refused.code());
    }

    @Test
    void aCertificateIssuedOnAnotherNodeIsRecognisedAtOnce() {
        AgentDirectoryService otherNode = new AgentDirectoryService(gateway.database.transactions(), gateway.clock,
                EnrollmentPolicy.defaults());
        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        AgentIdentity identity = otherNode.authenticate(certificate(grant.certificate()), false);
        CertificateGrant renewed = gateway.enrollment.renew(identity,
                new org.garrison.api.agent.RenewRequest(Csrs.p256()));
        assertEquals(grant.agentId(), otherNode.authenticate(certificate(renewed.certificate()), false).agentId());
    }

    private void assertRevoked(X509Certificate certificate, String messagePart) {
        GatewayRefusal refused = assertThrows(GatewayRefusal.class,
                () -> gateway.directory.authenticate(certificate, true));
        assertEquals(403, refused.status());
        assertEquals("certificate-revoked", refused.code());
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
    }
}
