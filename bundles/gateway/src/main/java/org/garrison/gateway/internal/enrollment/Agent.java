package org.garrison.gateway.internal.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.HostFacts;

/**
 * An enrolled agent as GATEWAY_AGENT keeps it.
 *
 * @param id            its id, also its certificates' common name
 * @param hardwareId    the stable id of its machine
 * @param hostname      the host name it enrolled with
 * @param host          what it told about its machine when it enrolled
 * @param agentVersion  its version, as last reported
 * @param state         whether it may sync
 * @param groupId       the group its device is created in (the enrollment token's)
 * @param tokenId       the token it last enrolled with, or {@code null} once that token is gone
 * @param deviceId      its device, or {@code null} before its first sync
 * @param enrolledAt    when it last enrolled
 * @param decidedAt     when an admin approved, rejected or revoked it, or {@code null}
 * @param decidedBy     who did, or {@code null}
 * @param lastSyncAt    when it last synced, or {@code null}
 * @param lastAddress   the network address it last synced from, or {@code null}
 * @param storedThrough the highest sequence number of its items stored
 */
public record Agent(UUID id, String hardwareId, String hostname, HostFacts host, String agentVersion,
        AgentState state, UUID groupId, UUID tokenId, UUID deviceId, Instant enrolledAt, Instant decidedAt,
        String decidedBy, Instant lastSyncAt, String lastAddress, long storedThrough) {
}
