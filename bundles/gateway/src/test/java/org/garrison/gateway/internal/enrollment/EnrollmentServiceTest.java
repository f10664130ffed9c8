package org.garrison.gateway.internal.enrollment;

import static org.garrison.gateway.internal.enrollment.EnrollmentTesting.certificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.garrison.api.ActorKind;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.agent.RenewRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.error.FieldError;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.ca.Csrs;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.IssuedEnrollmentToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private EnrollmentTesting gateway;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
    }

    @Test
    void aNewAgentEnrollsAndGetsItsClientCertificate() throws Exception {
        IssuedEnrollmentToken token = gateway.token(1);
        CertificateGrant grant = gateway.enroll(token.text(), "hw-1");

        assertEquals(AgentState.ACTIVE, grant.state());
        var certificate = certificate(grant.certificate());
        certificate.verify(gateway.authority.certificate().getPublicKey());
        assertEquals("CN=" + grant.agentId(), certificate.getSubjectX500Principal().getName());
        assertEquals(List.of(CLIENT_AUTH), certificate.getExtendedKeyUsage());
        assertEquals(List.of(gateway.authority.certificatePem()), grant.caChain());
        assertEquals(EnrollmentTesting.START.plus(Duration.ofDays(365)), grant.expiresAt());
        assertEquals(grant.expiresAt().minus(Duration.ofDays(30)), grant.renewAfter());
        assertEquals(300, grant.syncInterval());

        AgentDetails details = gateway.registry.get(grant.agentId());
        Agent agent = details.agent();
        assertEquals("hw-1", agent.hardwareId());
        assertEquals("ws-hw-1", agent.hostname());
        assertEquals(EnrollmentTesting.host("ws-hw-1"), agent.host());
        assertEquals("0.1.0", agent.agentVersion());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, agent.groupId());
        assertEquals(token.token().id(), agent.tokenId());
        assertNull(agent.deviceId());
        assertEquals(0, agent.storedThrough());
        assertEquals(List.of(certificate.getSerialNumber().toString(16)),
                details.certificates().stream().map(AgentCertificate::serial).toList());
        assertEquals(1, gateway.tokens.get(token.token().id()).uses());
    }

    @Test
    void enrollmentsAreAuditedWithoutTheTokenSecret() {
        IssuedEnrollmentToken token = gateway.token(1);
        CertificateGrant grant = gateway.enroll(token.text(), "hw-1");
        assertThrows(GatewayRefusal.class, () -> gateway.enroll(token.text(), "hw-2"));

        assertEquals(2, gateway.audit.entries.size());
        AuditEntry success = gateway.audit.entries.get(0);
        assertEquals(ActorKind.AGENT, success.actor().kind());
        assertEquals(grant.agentId().toString(), success.actor().id());
        assertEquals("agent-enroll", success.action());
        assertEquals("192.0.2.10", success.remoteAddress());
        assertEquals(200, success.status());
        AuditEntry refused = gateway.audit.entries.get(1);
        assertEquals(ActorKind.ANONYMOUS, refused.actor().kind());
        assertEquals(403, refused.status());
        assertEquals("denied", refused.outcome());
        assertEquals("enrollment-token", refused.objectType());
        assertEquals(token.token().id().toString(), refused.objectId());
        String secret = TokenText.parse(token.text()).orElseThrow().secret();
        assertTrue(gateway.audit.entries.stream().noneMatch(entry -> entry.toString().contains(secret)));
    }

    @Test
    void enrollingTheSameMachineAgainKeepsItsAgentAndSupersedesItsCertificates() {
        IssuedEnrollmentToken token = gateway.token(2);
        CertificateGrant first = gateway.enroll(token.text(), "hw-1");
        CertificateGrant second = gateway.enroll(token.text(), "hw-1");

        assertEquals(first.agentId(), second.agentId());
        List<AgentCertificate> certificates = gateway.registry.get(first.agentId()).certificates();
        assertEquals(2, certificates.size());
        AgentCertificate old = certificates.stream()
                .filter(c -> c.serial().equals(certificate(first.certificate()).getSerialNumber().toString(16)))
                .findFirst().orElseThrow();
        assertEquals("superseded", old.revokeReason());
        assertTrue(certificates.stream().filter(c -> c != old).allMatch(c -> c.revokedAt() == null));
        GatewayRefusal refused = assertThrows(GatewayRefusal.class,
                () -> gateway.directory.authenticate(certificate(first.certificate()), true));
        assertEquals("certificate-revoked", refused.code());
        assertEquals(first.agentId(), gateway.directory.authenticate(certificate(second.certificate()), false)
                .agentId());
    }

    @Test
    void reEnrollmentTakesTheNewTokensGroupOnlyForADeviceNotCreatedYet() throws SQLException {
        UUID office = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        UUID lab = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Lab");
        CertificateGrant first = gateway.enroll(gateway.token(null, false).text(), "hw-1");
        gateway.enroll(gateway.token(office, false).text(), "hw-1");
        assertEquals(office, gateway.registry.get(first.agentId()).agent().groupId());

        UUID device = UUID.randomUUID();
        gateway.linkDevice(first.agentId(), device);
        gateway.enroll(gateway.token(lab, true).text(), "hw-1");
        Agent agent = gateway.registry.get(first.agentId()).agent();
        assertEquals(office, agent.groupId());
        assertEquals(device, agent.deviceId());
        assertEquals(AgentState.PENDING_APPROVAL, agent.state(), "the new token's approval rule applies");
    }

    @Test
    void aTokenThatRequiresApprovalEnrollsAgentsThatWait() {
        CertificateGrant grant = gateway.enroll(gateway.token(null, true).text(), "hw-1");
        assertEquals(AgentState.PENDING_APPROVAL, grant.state());
        var certificate = certificate(grant.certificate());

        GatewayRefusal waiting = assertThrows(GatewayRefusal.class,
                () -> gateway.directory.authenticate(certificate, false));
        assertEquals(403, waiting.status());
        assertEquals("approval-pending", waiting.code());
        assertEquals(60, waiting.retryAfterSeconds());
        assertEquals(AgentState.PENDING_APPROVAL, gateway.directory.authenticate(certificate, true).state());

        gateway.registry.approve(grant.agentId(), EnrollmentTesting.ADMIN);
        assertEquals(AgentState.ACTIVE, gateway.directory.authenticate(certificate, false).state());
    }

    @Test
    void refusedTokensSayWhyAndAreNotUsed() {
        IssuedEnrollmentToken once = gateway.token(1);
        gateway.enroll(once.text(), "hw-1");
        assertTokenRefused(once.text(), "used up");

        IssuedEnrollmentToken revoked = gateway.token(5);
        gateway.tokens.revoke(revoked.token().id());
        assertTokenRefused(revoked.text(), "revoked");

        IssuedEnrollmentToken expiring = gateway.token(5);
        gateway.clock.advance(Duration.ofDays(8));
        assertTokenRefused(expiring.text(), "expired");

        String unknown = "ge1." + "A".repeat(43) + "." + gateway.authority.pin();
        assertTokenRefused(unknown, "unknown");
        String otherServer = "ge1." + TokenText.parse(expiring.text()).orElseThrow().secret() + "." + "B".repeat(43);
        assertTokenRefused(otherServer, "another server");

        assertEquals(0, gateway.tokens.get(revoked.token().id()).uses());
        assertEquals(0, gateway.tokens.get(expiring.token().id()).uses());
        assertEquals(1, gateway.tokens.get(once.token().id()).uses());
    }

    @Test
    void anInvalidRequestNamesEveryFieldAtFaultAndUsesNoToken() {
        IssuedEnrollmentToken token = gateway.token(1);
        GatewayRefusal refused = assertThrows(GatewayRefusal.class, () -> gateway.enrollment.enroll(
                new EnrollRequest("ge1.nope", "not a csr", "", null), "192.0.2.10"));
        assertEquals(400, refused.status());
        assertEquals("invalid", refused.code());
        assertEquals(Set.of("token", "csr", "hardwareId", "host"), fields(refused));

        HostFacts tooLong = new HostFacts("h".repeat(256), "d".repeat(256), null, "o".repeat(256), "a".repeat(51),
                "");
        refused = assertThrows(GatewayRefusal.class, () -> gateway.enrollment.enroll(
                new EnrollRequest(token.text(), Csrs.p256(), "x".repeat(201), tooLong), "192.0.2.10"));
        assertEquals(Set.of("hardwareId", "host.hostname", "host.agentVersion", "host.dnsDomain", "host.osName",
                "host.architecture"), fields(refused));

        refused = assertThrows(GatewayRefusal.class, () -> gateway.enrollment.enroll(null, "192.0.2.10"));
        assertEquals(400, refused.status());
        refused = assertThrows(GatewayRefusal.class, () -> gateway.enrollment.enroll(new EnrollRequest(token.text(),
                Csrs.pem(Csrs.rsa(1024)), "hw-1", EnrollmentTesting.host("ws")), "192.0.2.10"));
        assertEquals(Set.of("csr"), fields(refused));
        assertEquals(0, gateway.tokens.get(token.token().id()).uses());
    }

    @Test
    void concurrentEnrollmentsNeverUseATokenMoreOftenThanItAllows() throws Exception {
        IssuedEnrollmentToken token = gateway.token(5);
        int agents = 12;
        List<Object> outcomes = race(agents, i -> gateway.enroll(token.text(), "hw-" + i));
        long enrolled = outcomes.stream().filter(CertificateGrant.class::isInstance).count();
        assertEquals(5, enrolled);
        assertTrue(outcomes.stream().filter(GatewayRefusal.class::isInstance)
                .allMatch(o -> ((GatewayRefusal) o).getMessage().contains("used up")), outcomes::toString);
        assertEquals(5, gateway.tokens.get(token.token().id()).uses());
        assertEquals(5, gateway.registry.list(null, null, org.garrison.api.PageRequest.first()).total());
    }

    @Test
    void oneMachineEnrollingTwiceAtOnceWithTwoTokensEndsUpAsOneAgent() throws Exception {
        List<IssuedEnrollmentToken> tokens = List.of(gateway.token(1), gateway.token(1));
        List<Object> outcomes = race(2, i -> gateway.enroll(tokens.get(i).text(), "hw-same"));
        assertTrue(outcomes.stream().allMatch(CertificateGrant.class::isInstance), outcomes::toString);
        Set<UUID> agentIds = outcomes.stream().map(o -> ((CertificateGrant) o).agentId()).collect(Collectors.toSet());
        assertEquals(1, agentIds.size());
        assertEquals(1, gateway.registry.list(null, null, org.garrison.api.PageRequest.first()).total());
        assertEquals(1, gateway.registry.get(agentIds.iterator().next()).certificates().stream()
                .filter(c -> c.revokedAt() == null).count());
    }

    @Test
    void renewalIssuesANewCertificateAndKeepsTheOldOneValid() {
        CertificateGrant grant = gateway.enroll(gateway.token(1).text(), "hw-1");
        var old = certificate(grant.certificate());
        AgentIdentity identity = gateway.directory.authenticate(old, true);
        gateway.clock.advance(Duration.ofDays(340));

        CertificateGrant renewed = gateway.enrollment.renew(identity, new RenewRequest(Csrs.p256()));
        assertEquals(grant.agentId(), renewed.agentId());
        assertEquals(AgentState.ACTIVE, renewed.state());
        assertEquals(EnrollmentTesting.START.plus(Duration.ofDays(340 + 365)), renewed.expiresAt());
        var fresh = certificate(renewed.certificate());
        assertFalse(fresh.getSerialNumber().equals(old.getSerialNumber()));
        assertEquals(grant.agentId(), gateway.directory.authenticate(fresh, false).agentId());
        assertEquals(grant.agentId(), gateway.directory.authenticate(old, false).agentId());
        assertEquals("agent-renew", gateway.audit.entries.get(gateway.audit.entries.size() - 1).action());

        GatewayRefusal refused = assertThrows(GatewayRefusal.class,
                () -> gateway.enrollment.renew(identity, new RenewRequest("garbage")));
        assertEquals(Set.of("csr"), fields(refused));
        refused = assertThrows(GatewayRefusal.class, () -> gateway.enrollment.renew(identity, null));
        assertEquals(400, refused.status());
    }

    @Test
    void theRenewalTimeIsTheMiddleOfAShortValidity() {
        EnrollmentPolicy policy = new EnrollmentPolicy(Duration.ofDays(40), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofDays(365));
        var start = EnrollmentTesting.START;
        assertEquals(start.plus(Duration.ofDays(20)), policy.renewAfter(start, start.plus(Duration.ofDays(40))));
        assertEquals(start.plus(Duration.ofDays(335)), policy.renewAfter(start, start.plus(Duration.ofDays(365))));
    }

    private void assertTokenRefused(String token, String messagePart) {
        GatewayRefusal refused = assertThrows(GatewayRefusal.class, () -> gateway.enroll(token, "hw-refused"));
        assertEquals(403, refused.status());
        assertEquals("token-refused", refused.code());
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
    }

    private static Set<String> fields(GatewayRefusal refusal) {
        return refusal.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    /** Runs the work on as many threads, all starting together; returns each result or refusal, in order. */
    private static List<Object> race(int threads, java.util.function.IntFunction<Object> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.apply(index);
                    } catch (GatewayRefusal refusal) {
                        return refusal;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
