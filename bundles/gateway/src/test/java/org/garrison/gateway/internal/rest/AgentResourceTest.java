package org.garrison.gateway.internal.rest;

import static org.garrison.gateway.internal.rest.RestTesting.as;
import static org.garrison.gateway.internal.rest.RestTesting.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.GroupScope;
import org.garrison.gateway.internal.enrollment.EnrollmentTesting;
import org.garrison.gateway.internal.rest.AgentViews.AgentDetailsView;
import org.garrison.gateway.internal.rest.AgentViews.AgentView;
import org.garrison.gateway.internal.rest.AgentViews.RevokeBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentResourceTest {

    private EnrollmentTesting gateway;
    private AgentResource resource;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
        resource = new AgentResource(gateway.registry);
    }

    @Test
    void agentsAreListedAndShownWithTheirCertificates() {
        CertificateGrant active = gateway.enroll(gateway.token(1).text(), "hw-1");
        CertificateGrant pending = gateway.enroll(gateway.token(null, true).text(), "hw-2");

        assertEquals(List.of(pending.agentId()), resource.list("pending-approval", null, null, null).items()
                .stream().map(AgentView::id).toList());
        assertEquals(2, resource.list(null, "WS-HW", "10", null).total());
        AgentDetailsView details = resource.get(active.agentId().toString());
        assertEquals("hw-1", details.hardwareId());
        assertEquals(AgentState.ACTIVE, details.state());
        assertEquals(1, details.certificates().size());
        assertNull(details.certificates().get(0).revokedAt());
    }

    @Test
    void adminsApproveRejectAndRevokeAndWrongStepsConflict() {
        var admin = as(caller("alice", GroupScope.EVERYWHERE));
        CertificateGrant first = gateway.enroll(gateway.token(null, true).text(), "hw-1");
        CertificateGrant second = gateway.enroll(gateway.token(null, true).text(), "hw-2");

        AgentDetailsView approved = resource.approve(first.agentId().toString(), admin);
        assertEquals(AgentState.ACTIVE, approved.state());
        assertEquals("alice", approved.decidedBy());
        assertThrows(ConflictException.class, () -> resource.approve(first.agentId().toString(), admin));
        assertEquals(AgentState.REJECTED, resource.reject(second.agentId().toString(), admin).state());

        AgentDetailsView revoked = resource.revoke(first.agentId().toString(), new RevokeBody("decommissioned"),
                admin);
        assertEquals(AgentState.REVOKED, revoked.state());
        assertEquals("decommissioned", revoked.certificates().get(0).revokeReason());
        assertThrows(ConflictException.class, () -> resource.revoke(first.agentId().toString(), null, admin));
    }

    @Test
    void badIdsAndFiltersAreRefused() {
        var admin = as(caller("alice", GroupScope.EVERYWHERE));
        assertThrows(ValidationException.class, () -> resource.list("sleeping", null, null, null));
        assertThrows(ValidationException.class, () -> resource.get("x"));
        assertThrows(NotFoundException.class, () -> resource.get(UUID.randomUUID().toString()));
        assertThrows(NotFoundException.class, () -> resource.approve(UUID.randomUUID().toString(), admin));
        assertThrows(ValidationException.class, () -> resource.revoke("x", null, admin));
        CertificateGrant agent = gateway.enroll(gateway.token(1).text(), "hw-1");
        assertThrows(ValidationException.class, () -> resource.revoke(agent.agentId().toString(),
                new RevokeBody("r".repeat(101)), admin));
    }
}
