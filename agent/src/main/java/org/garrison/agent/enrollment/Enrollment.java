package org.garrison.agent.enrollment;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;

import org.garrison.agent.identity.AgentIdentity;
import org.garrison.agent.identity.AgentKeys;
import org.garrison.agent.identity.AgentRecord;
import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.identity.GatewayTls;
import org.garrison.agent.identity.ServerChainVerifier;
import org.garrison.agent.inventory.InventorySource;
import org.garrison.agent.transport.GatewayChannel;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayException;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.RenewRequest;

/**
 * Getting a client certificate: enrollment with a token (the gateway trusted through the token's CA pin) and renewal
 * with the current certificate. A new key pair is made each time; the private key never leaves the machine.
 */
public final class Enrollment {

    private final GatewayChannels channels;
    private final Clock clock;
    private final String agentVersion;

    public Enrollment(GatewayChannels channels, Clock clock, String agentVersion) {
        this.channels = channels;
        this.clock = clock;
        this.agentVersion = agentVersion;
    }

    /**
     * The result of enrolling.
     *
     * @param identity the new identity
     * @param record   what to store about it
     */
    public record Enrolled(AgentIdentity identity, AgentRecord record) {
    }

    /** Enrolls with {@code server} using {@code token}. */
    public Enrolled enroll(URI server, EnrollmentToken token, InventorySource machine)
            throws GatewayException, EnrollmentFailedException {
        KeyPair keys = AgentKeys.newKeyPair();
        EnrollRequest request = new EnrollRequest(token.text(), AgentKeys.certificateRequest(keys),
                machine.hardwareId(), machine.hostFacts(agentVersion));
        CertificateGrant grant;
        try (GatewayChannel channel = channels.forRequests(server, GatewayTls.forEnrollment(token, clock))) {
            grant = channel.post("/agent/v1/enroll", request, CertificateGrant.class);
        }
        AgentIdentity identity = identity(grant, keys);
        try {
            boolean pinnedCaInChain = false;
            for (X509Certificate ca : identity.caChain()) {
                pinnedCaInChain |= token.caPin().equals(ServerChainVerifier.pinOf(ca));
            }
            if (!pinnedCaInChain) {
                throw new EnrollmentFailedException("The CA chain the gateway sent does not contain the CA the "
                        + "enrollment token pins", null);
            }
        } catch (CertificateException e) {
            throw new EnrollmentFailedException("The CA chain the gateway sent cannot be read", e);
        }
        return new Enrolled(identity, new AgentRecord(identity.agentId(), server.toString(), grant.state(),
                clock.instant(), grant.renewAfter(), identity.expiresAt()));
    }

    /** Asks for a new certificate over {@code channel}, authenticated by the current one. */
    public AgentIdentity renew(GatewayChannel channel) throws GatewayException, EnrollmentFailedException {
        KeyPair keys = AgentKeys.newKeyPair();
        CertificateGrant grant = channel.post("/agent/v1/renew", new RenewRequest(AgentKeys.certificateRequest(keys)),
                CertificateGrant.class);
        return identity(grant, keys);
    }

    private static AgentIdentity identity(CertificateGrant grant, KeyPair keys) throws EnrollmentFailedException {
        try {
            return CertificateGrants.identity(grant, keys);
        } catch (CertificateException e) {
            throw new EnrollmentFailedException(e.getMessage(), e);
        }
    }
}
