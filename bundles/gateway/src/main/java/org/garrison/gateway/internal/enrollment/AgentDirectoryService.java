package org.garrison.gateway.internal.enrollment;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.garrison.api.agent.AgentState;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells who is behind a client certificate, on every agent request. Agents and their certificates are cached for
 * {@value #CACHE_SECONDS} seconds, so that thousands of requests a second cost no database reads while a revocation
 * on another server node still applies within that time; on this node, changes apply at once ({@link #forget}).
 */
@Component(service = AgentDirectory.class, configurationPid = EnrollmentConfig.PID)
public class AgentDirectoryService implements AgentDirectory {

    static final int CACHE_SECONDS = 2;
    private static final Duration CACHE_TIME = Duration.ofSeconds(CACHE_SECONDS);
    /** How often entries of agents that stopped calling are dropped, so the cache holds only the active ones. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** What an agent awaiting approval is told to wait before it tries again. */
    static final int APPROVAL_RETRY_SECONDS = 60;

    private final Transactions transactions;
    private final Clock clock;
    private final AgentRepository agents = new AgentRepository();
    private final CertificateRepository certificates = new CertificateRepository();
    private final Map<UUID, Known> cache = new ConcurrentHashMap<>();
    private volatile EnrollmentPolicy policy;
    private volatile Instant lastSweep;

    /** An agent (or its absence) and its certificates by serial, as read at {@code loadedAt}. */
    private record Known(Agent agent, Map<String, AgentCertificate> certificates, Instant loadedAt) {
    }

    @Activate
    public AgentDirectoryService(@Reference Transactions transactions, EnrollmentConfig config) {
        this(transactions, Clock.systemUTC(), EnrollmentPolicy.of(config));
    }

    AgentDirectoryService(Transactions transactions, Clock clock, EnrollmentPolicy policy) {
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.lastSweep = clock.instant();
    }

    @Modified
    void modified(EnrollmentConfig config) {
        policy = EnrollmentPolicy.of(config);
    }

    @Override
    public AgentIdentity authenticate(X509Certificate certificate, boolean allowPending) {
        UUID agentId = agentIdOf(certificate);
        String serial = certificate.getSerialNumber().toString(16);
        Instant now = clock.instant();
        Known known = cache.get(agentId);
        if (known == null || known.loadedAt().plus(CACHE_TIME).isBefore(now)
                || !known.certificates().containsKey(serial)) {
            // a certificate not seen yet may have been issued a moment ago, on this node or another: read again
            known = load(agentId, now);
        }
        AgentCertificate presented = known.certificates().get(serial);
        if (known.agent() == null || presented == null) {
            throw revoked("The certificate is not known to this server");
        }
        if (presented.revokedAt() != null) {
            throw revoked("The certificate was revoked (" + presented.revokeReason() + ")");
        }
        Agent agent = known.agent();
        if (agent.state() == AgentState.REVOKED || agent.state() == AgentState.REJECTED) {
            throw revoked("The agent was " + (agent.state() == AgentState.REVOKED ? "revoked" : "rejected")
                    + " by an administrator; enroll again with a new token");
        }
        if (agent.state() == AgentState.PENDING_APPROVAL && !allowPending) {
            throw new GatewayRefusal(403, "approval-pending", "An administrator has not approved this agent yet",
                    APPROVAL_RETRY_SECONDS, List.of());
        }
        return new AgentIdentity(agent.id(), agent.state(), agent.deviceId(), agent.groupId(), agent.hardwareId(),
                agent.hostname(), serial, policy.renewAfter(presented.issuedAt(), presented.expiresAt()));
    }

    @Override
    public void forget(UUID agentId) {
        cache.remove(agentId);
    }

    private Known load(UUID agentId, Instant now) {
        Known known = transactions.inTransaction(connection -> {
            Agent agent = agents.byId(connection, agentId).orElse(null);
            Map<String, AgentCertificate> bySerial = agent == null ? Map.of()
                    : certificates.ofAgent(connection, agentId).stream()
                            .collect(Collectors.toMap(AgentCertificate::serial, Function.identity()));
            return new Known(agent, bySerial, now);
        });
        cache.put(agentId, known);
        sweep(now);
        return known;
    }

    private void sweep(Instant now) {
        if (lastSweep.plus(SWEEP_INTERVAL).isAfter(now)) {
            return;
        }
        lastSweep = now;
        Instant oldest = now.minus(CACHE_TIME);
        cache.values().removeIf(entry -> entry.loadedAt().isBefore(oldest));
    }

    /** The agent id in the certificate's common name. */
    private static UUID agentIdOf(X509Certificate certificate) {
        X500Principal subject = certificate.getSubjectX500Principal();
        RDN[] names = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
        if (names.length == 1) {
            ASN1Encodable value = names[0].getFirst().getValue();
            String text = IETFUtils.valueToString(value);
            if (text.length() == 36) {
                try {
                    return UUID.fromString(text);
                } catch (IllegalArgumentException e) {
                    // falls through to the refusal
                }
            }
        }
        throw revoked("The certificate does not name an agent");
    }

    private static GatewayRefusal revoked(String message) {
        return new GatewayRefusal(403, "certificate-revoked", message);
    }
}
