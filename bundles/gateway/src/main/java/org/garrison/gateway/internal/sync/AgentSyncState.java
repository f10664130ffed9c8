package org.garrison.gateway.internal.sync;

import java.util.UUID;

import org.garrison.api.agent.AgentState;

/**
 * What the sync path keeps of an agent in {@code GATEWAY_AGENT}.
 *
 * @param agentId             the agent
 * @param state               whether it may sync
 * @param deviceId            its device, or {@code null} before its first sync
 * @param storedThrough       the highest sequence number stored for it
 * @param fullInventoryWanted whether its next inventory report must be a full one
 */
record AgentSyncState(UUID agentId, AgentState state, UUID deviceId, long storedThrough,
        boolean fullInventoryWanted) {
}
