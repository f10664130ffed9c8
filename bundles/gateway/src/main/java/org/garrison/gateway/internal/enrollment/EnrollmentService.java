package org.garrison.gateway.internal.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Ids;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.RenewRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.Enrollment;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.ca.AgentCsr;
import org.garrison.gateway.internal.ca.CertificateAuthority;
import org.garrison.gateway.internal.ca.DuplicateKey;
import org.garrison.gateway.internal.ca.IssuedCertificate;
import org.garrison.gateway.internal.enrollment.EnrollRequestCheck.Checked;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrollment and renewal of agents' certificates. An enrollment checks the request, uses the token once, finds the
 * agent by its hardware id or creates it, and records the certificate it signs, all in one transaction: either the
 * agent gets its certificate and the token counts the use, or nothing happened. Every attempt is audited.
 */
@Component(service = Enrollment.class, configurationPid = EnrollmentConfig.PID)
@Designate(ocd = EnrollmentConfig.class)
public class EnrollmentService implements Enrollment {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentService.class);

    /**
     * The interval an agent starts with. The sync answers' {@code nextSyncIn} rules from the first sync on, so this
     * only needs to be a sensible first value.
     */
    static final int INITIAL_SYNC_INTERVAL_SECONDS = 300;
    static final String ENROLL_ACTION = "agent-enroll";
    static final String RENEW_ACTION = "agent-renew";
    static final String SUPERSEDED = "superseded";
    static final String AGENT_OBJECT = "agent";
    static final String TOKEN_OBJECT = "enrollment-token";
    /** Two agents enrolling the same new machine at once collide on its hardware id; the loser tries once more. */
    private static final int ATTEMPTS = 2;

    private final Transactions transactions;
    private final CertificateAuthority authority;
    private final AgentDirectory directory;
    private final Clock clock;
    private final EnrollmentTokenRepository tokens = new EnrollmentTokenRepository();
    private final AgentRepository agents = new AgentRepository();
    private final CertificateRepository certificates = new CertificateRepository();
    private volatile EnrollmentPolicy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditLog audit;

    /** What one enrollment transaction produced. */
    private record Enrolled(UUID agentId, String hostname, AgentState state, IssuedCertificate certificate) {
    }

    @Activate
    public EnrollmentService(@Reference Transactions transactions, @Reference CertificateAuthority authority,
            @Reference AgentDirectory directory, EnrollmentConfig config) {
        this(transactions, authority, directory, Clock.systemUTC(), EnrollmentPolicy.of(config));
    }

    EnrollmentService(Transactions transactions, CertificateAuthority authority, AgentDirectory directory, Clock clock,
            EnrollmentPolicy policy) {
        this.transactions = transactions;
        this.authority = authority;
        this.directory = directory;
        this.clock = clock;
        this.policy = policy;
    }

    @Modified
    void modified(EnrollmentConfig config) {
        policy = EnrollmentPolicy.of(config);
    }

    @Override
    public CertificateGrant enroll(EnrollRequest request, String remoteAddress) {
        Enrolled enrolled;
        try {
            Checked checked = EnrollRequestCheck.check(request);
            if (!checked.token().pin().equals(authority.pin())) {
                throw new TokenRefused(null,
                        "The enrollment token was issued by another server (its CA pin differs)");
            }
            enrolled = enrollWithRetry(checked);
        } catch (GatewayRefusal refusal) {
            UUID tokenId = refusal instanceof TokenRefused refused ? refused.tokenId : null;
            record(Actor.anonymous(), ENROLL_ACTION, tokenId == null ? "" : TOKEN_OBJECT,
                    tokenId == null ? "" : tokenId.toString(), remoteAddress, refusal.status());
            throw refusal;
        }
        record(new Actor(ActorKind.AGENT, enrolled.agentId().toString(), enrolled.hostname()), ENROLL_ACTION,
                AGENT_OBJECT, enrolled.agentId().toString(), remoteAddress, 200);
        LOG.info("Agent {} ({}) enrolled, {}", enrolled.agentId(), enrolled.hostname(), enrolled.state());
        return grant(enrolled.agentId(), enrolled.state(), enrolled.certificate());
    }

    @Override
    public CertificateGrant renew(AgentIdentity agent, RenewRequest request) {
        AgentCsr csr = EnrollRequestCheck.checkCsr(request == null ? null : request.csr());
        IssuedCertificate issued = transactions.inTransaction(connection -> {
            Agent current = agents.byId(connection, agent.agentId()).orElseThrow(
                    () -> new GatewayRefusal(403, "certificate-revoked", "The agent is no longer known"));
            IssuedCertificate certificate = authority.issueAgentCertificate(csr, current.id(),
                    policy.certificateValidity());
            certificates.insert(connection, current.id(), certificate);
            transactions.afterCompletion(() -> directory.forget(current.id()));
            return certificate;
        });
        record(new Actor(ActorKind.AGENT, agent.agentId().toString(), agent.hostname()), RENEW_ACTION,
                AGENT_OBJECT, agent.agentId().toString(), "", 200);
        return grant(agent.agentId(), agent.state(), issued);
    }

    private Enrolled enrollWithRetry(Checked checked) {
        for (int attempt = 1;; attempt++) {
            try {
                return enrollOnce(checked, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !DuplicateKey.is(e)) {
                    throw e;
                }
            }
        }
    }

    private Enrolled enrollOnce(Checked checked, Instant now) {
        EnrollRequest request = checked.request();
        return transactions.inTransaction(connection -> {
            EnrollmentToken token = tokens.bySecretHash(connection, checked.token().secretHash())
                    .orElseThrow(() -> new TokenRefused(null, "The enrollment token is unknown"));
            if (!tokens.use(connection, token.id(), now)) {
                EnrollmentToken current = tokens.byId(connection, token.id()).orElse(token);
                throw new TokenRefused(token.id(), refusal(current.stateAt(now)));
            }
            AgentState state = token.requireApproval() ? AgentState.PENDING_APPROVAL : AgentState.ACTIVE;
            Agent known = agents.byHardwareId(connection, request.hardwareId()).orElse(null);
            UUID agentId = known == null ? Ids.newId() : known.id();
            // the token decides the group only of a device still to be created
            UUID groupId = known == null || known.deviceId() == null ? token.groupId() : known.groupId();
            Agent agent = new Agent(agentId, request.hardwareId(), request.host().hostname(), request.host(),
                    request.host().agentVersion(), state, groupId, token.id(), known == null ? null : known.deviceId(),
                    now, null, null, null, null, 0);
            if (known == null) {
                agents.insert(connection, agent);
            } else {
                certificates.revokeAll(connection, agentId, now, SUPERSEDED);
                agents.reenroll(connection, agent);
            }
            IssuedCertificate certificate = authority.issueAgentCertificate(checked.csr(), agentId,
                    policy.certificateValidity());
            certificates.insert(connection, agentId, certificate);
            transactions.afterCompletion(() -> directory.forget(agentId));
            return new Enrolled(agentId, agent.hostname(), state, certificate);
        });
    }

    private CertificateGrant grant(UUID agentId, AgentState state, IssuedCertificate certificate) {
        return new CertificateGrant(agentId, state, certificate.pem(), List.of(authority.certificatePem()),
                certificate.expiresAt(), policy.renewAfter(certificate.issuedAt(), certificate.expiresAt()),
                INITIAL_SYNC_INTERVAL_SECONDS);
    }

    private static String refusal(TokenState state) {
        return switch (state) {
            case EXPIRED -> "The enrollment token has expired";
            case REVOKED -> "The enrollment token was revoked";
            case USED_UP, ACTIVE -> "The enrollment token is used up";
        };
    }

    /** A refused token, remembering which one (when it is known) for the audit log. */
    private static final class TokenRefused extends GatewayRefusal {

        private static final long serialVersionUID = 1L;

        private final transient UUID tokenId;

        TokenRefused(UUID tokenId, String message) {
            super(403, "token-refused", message);
            this.tokenId = tokenId;
        }
    }

    private void record(Actor actor, String action, String objectType, String objectId, String remoteAddress,
            int status) {
        AuditLog log = audit;
        if (log == null) {
            return;
        }
        try {
            log.record(new AuditEntry(null, clock.instant(), actor, action, objectType, objectId, remoteAddress,
                    status, null));
        } catch (RuntimeException e) {
            LOG.warn("Could not record '{}' in the audit log", action, e);
        }
    }
}
