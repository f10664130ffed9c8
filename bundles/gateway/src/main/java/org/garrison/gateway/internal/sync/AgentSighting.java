package org.garrison.gateway.internal.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent seen syncing: collected in memory and written in bulk.
 *
 * @param agentId      the agent
 * @param deviceId     its device, or {@code null} when it has none yet
 * @param at           when it synced
 * @param address      the address it synced from
 * @param agentVersion the version it reported, or {@code null} when unchanged
 */
record AgentSighting(UUID agentId, UUID deviceId, Instant at, String address, String agentVersion) {

    /** The later of two sightings of one agent, keeping a version either of them reported. */
    AgentSighting latest(AgentSighting other) {
        AgentSighting later = other.at.isAfter(at) ? other : this;
        AgentSighting earlier = later == this ? other : this;
        String version = later.agentVersion != null ? later.agentVersion : earlier.agentVersion;
        UUID device = later.deviceId != null ? later.deviceId : earlier.deviceId;
        return new AgentSighting(agentId, device, later.at, later.address, version);
    }

}
