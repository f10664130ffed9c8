package org.garrison.gateway.internal;

import java.security.cert.X509Certificate;
import java.util.UUID;

/**
 * Who is behind a client certificate. Checked on every request (not only at the TLS handshake), so that a revoked
 * or rejected agent is refused at once, on connections already open too.
 */
public interface AgentDirectory {

    /**
     * The agent behind a certificate that passed the TLS handshake (so it was issued by our authority and is within
     * its validity).
     *
     * @throws GatewayRefusal {@code 403 certificate-revoked} if the certificate or its agent was revoked or rejected,
     *         or the certificate is unknown; {@code 403 approval-pending} (with Retry-After) if the agent awaits an
     *         admin's approval and {@code allowPending} is false
     */
    AgentIdentity authenticate(X509Certificate certificate, boolean allowPending);

    /** Forgets what is cached of an agent (after its state, device or certificates changed). */
    void forget(UUID agentId);
}
