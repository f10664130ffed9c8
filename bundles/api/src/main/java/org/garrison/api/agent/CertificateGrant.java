package org.garrison.api.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to enrollment ({@code POST /agent/v1/enroll}) and to renewal ({@code POST /agent/v1/renew}).
 *
 * @param agentId      the agent's id; also the common name of its certificate
 * @param state        whether it may sync now ({@link AgentState#ACTIVE}) or waits for an admin's approval
 * @param certificate  the agent's client certificate, PEM
 * @param caChain      the server's certificate authority chain, PEM, the root last: the agent trusts only this for the
 *                     gateway from now on
 * @param expiresAt    when the certificate expires
 * @param renewAfter   when the agent should renew it ({@code POST /agent/v1/renew})
 * @param syncInterval the number of seconds between syncs the agent starts with
 */
public record CertificateGrant(UUID agentId, AgentState state, String certificate, List<String> caChain,
        Instant expiresAt, Instant renewAfter, int syncInterval) {

    public CertificateGrant {
        caChain = List.copyOf(caChain);
    }
}
