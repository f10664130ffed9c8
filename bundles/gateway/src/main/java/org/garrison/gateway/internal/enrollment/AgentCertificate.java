package org.garrison.gateway.internal.enrollment;

import java.time.Instant;
import java.util.UUID;

/**
 * A client certificate issued to an agent, as GATEWAY_CERTIFICATE keeps it.
 *
 * @param serial       its serial number, lower-case hex
 * @param agentId      the agent it was issued to
 * @param issuedAt     when it was signed
 * @param expiresAt    its end of validity
 * @param revokedAt    when it was revoked, or {@code null}
 * @param revokeReason why ({@code superseded}, {@code rejected}, or an admin's reason), or {@code null}
 */
public record AgentCertificate(String serial, UUID agentId, Instant issuedAt, Instant expiresAt, Instant revokedAt,
        String revokeReason) {
}
