package org.garrison.gateway.internal.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {

    private EnrollmentTesting gateway;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
    }

    @Test
    void agentsAreListedLastEnrolledFirstPageByPage() {
        String token = gateway.token(10).text();
        List<UUID> enrolled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            enrolled.add(0, gateway.enroll(token, "hw-" + i).agentId());
            gateway.clock.advance(Duration.ofSeconds(1));
        }
        List<UUID> listed = new ArrayList<>();
        PageRequest page = new PageRequest(2, null);
        while (true) {
            Page<Agent> agents = gateway.registry.list(null, null, page);
            assertEquals(5, agents.total());
            agents.items().forEach(agent -> listed.add(agent.id()));
            if (!agents.hasMore()) {
                break;
            }
            page = PageRequest.of(2, agents.nextCursor());
        }
        assertEquals(enrolled, listed);
    }

    @Test
    void agentsAreFilteredByStateAndByTheStartOfTheirHostNameOrHardwareId() {
        gateway.enroll(gateway.token(1).text(), "ABC-1");
        gateway.enroll(gateway.token(null, true).text(), "abd-2");
        gateway.enroll(gateway.token(1).text(), "x%y");

        assertEquals(1, gateway.registry.list(AgentState.PENDING_APPROVAL, null, PageRequest.first()).total());
        assertEquals(2, gateway.registry.list(AgentState.ACTIVE, null, PageRequest.first()).total());
        assertEquals(2, gateway.registry.list(null, "ab", PageRequest.first()).total());
        assertEquals(1, gateway.registry.list(null, "abc", PageRequest.first()).total());
        assertEquals(3, gateway.registry.list(null, "WS-", PageRequest.first()).total(), "host names are ws-<hw>");
        assertEquals(1, gateway.registry.list(null, "x%", PageRequest.first()).total());
        assertEquals(0, gateway.registry.list(null, "%", PageRequest.first()).total(), "wildcards are literal");
        assertThrows(ValidationException.class,
                () -> gateway.registry.list(null, "q".repeat(201), PageRequest.first()));
        assertThrows(ValidationException.class, () -> gateway.registry.list(null, null,
                PageRequest.of(10, org.garrison.api.Cursor.after("not-a-time").encode())));
    }

    @Test
    void approvingLetsAWaitingAgentSyncAndRecordsWhoDecided() {
        CertificateGrant grant = gateway.enroll(gateway.token(null, true).text(), "hw-1");
        gateway.clock.advance(Duration.ofMinutes(5));
        Agent agent = gateway.registry.approve(grant.agentId(), EnrollmentTesting.ADMIN).agent();
        assertEquals(AgentState.ACTIVE, agent.state());
        assertEquals("admin", agent.decidedBy());
        assertEquals(EnrollmentTesting.START.plus(Duration.ofMinutes(5)), agent.decidedAt());
        assertThrows(ConflictException.class, () -> gateway.registry.approve(grant.agentId(),
                EnrollmentTesting.ADMIN));
        assertThrows(ConflictException.class, () -> gateway.registry.reject(grant.agentId(),
                EnrollmentTesting.ADMIN));
    }

    @Test
    void rejectingRevokesTheWaitingAgentsCertificates() {
        CertificateGrant grant = gateway.enroll(gateway.token(null, true).text(), "hw-1");
        AgentDetails rejected = gateway.registry.reject(grant.agentId(), EnrollmentTesting.ADMIN);
        assertEquals(AgentState.REJECTED, rejected.agent().state());
        assertTrue(rejected.certificates().stream().allMatch(c -> "rejected".equals(c.revokeReason())
                && c.revokedAt() != null));
        assertThrows(ConflictException.class, () -> gateway.registry.approve(grant.agentId(),
                EnrollmentTesting.ADMIN));
    }

    @Test
    void revokingRevokesEveryCertificateWithTheReasonGiven() {
        String token = gateway.token(2).text();
        CertificateGrant first = gateway.enroll(token, "hw-1");
        gateway.enroll(token, "hw-1");
        AgentDetails revoked = gateway.registry.revoke(first.agentId(), " lost ", EnrollmentTesting.ADMIN);
        assertEquals(AgentState.REVOKED, revoked.agent().state());
        assertEquals(2, revoked.certificates().size());
        assertTrue(revoked.certificates().stream().allMatch(c -> c.revokedAt() != null));
        assertEquals(1, revoked.certificates().stream().filter(c -> "lost".equals(c.revokeReason())).count());
        assertThrows(ConflictException.class, () -> gateway.registry.revoke(first.agentId(), null,
                EnrollmentTesting.ADMIN));

        CertificateGrant other = gateway.enroll(gateway.token(1).text(), "hw-2");
        assertThrows(ValidationException.class, () -> gateway.registry.revoke(other.agentId(), "r".repeat(101),
                EnrollmentTesting.ADMIN));
        assertEquals("revoked", gateway.registry.revoke(other.agentId(), "", EnrollmentTesting.ADMIN)
                .certificates().get(0).revokeReason());
    }

    @Test
    void aRevokedAgentMayEnrollAgainWithANewToken() {
        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        gateway.registry.revoke(grant.agentId(), null, EnrollmentTesting.ADMIN);
        CertificateGrant again = gateway.enroll(gateway.token(1).text(), "hw-1");
        assertEquals(grant.agentId(), again.agentId());
        Agent agent = gateway.registry.get(grant.agentId()).agent();
        assertEquals(AgentState.ACTIVE, agent.state());
        assertNull(agent.decidedAt());
        assertNotNull(gateway.directory.authenticate(EnrollmentTesting.certificate(again.certificate()), false));
    }

    @Test
    void unknownAgentsAreNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThrows(NotFoundException.class, () -> gateway.registry.get(nobody));
        assertThrows(NotFoundException.class, () -> gateway.registry.approve(nobody, EnrollmentTesting.ADMIN));
        assertThrows(NotFoundException.class, () -> gateway.registry.reject(nobody, EnrollmentTesting.ADMIN));
        assertThrows(NotFoundException.class, () -> gateway.registry.revoke(nobody, null, EnrollmentTesting.ADMIN));
    }
}
