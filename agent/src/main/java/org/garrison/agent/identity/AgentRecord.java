package org.garrison.agent.identity;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.agent.AgentState;

/**
 * What {@code agent.json} in the data folder says about the enrolled agent (the key and certificates are in the key
 * store beside it).
 *
 * @param agentId    the agent's id
 * @param serverUrl  the gateway it enrolled with, e.g. {@code https://garrison.example.com:13000}
 * @param state      its state at enrollment
 * @param enrolledAt when it enrolled
 * @param renewAfter when to renew its certificate
 * @param expiresAt  when its certificate expires
 */
public record AgentRecord(UUID agentId, String serverUrl, AgentState state, Instant enrolledAt, Instant renewAfter,
        Instant expiresAt) {
}
