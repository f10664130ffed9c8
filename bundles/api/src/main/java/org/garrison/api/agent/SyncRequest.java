package org.garrison.api.agent;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /agent/v1/sync}: a batch of an agent's outbox, oldest first. An empty batch is a heartbeat.
 *
 * @param items        at most 1,000 items in increasing sequence order
 * @param agentVersion the agent's version, or {@code null} when unchanged
 * @param policies     the hash of each application's policy the agent holds, by application id (empty when it holds
 *                     none)
 * @param policyTag    the {@link PolicyUpdate#tag() tag} of the last policy update the agent received, or
 *                     {@code null} when it has received none
 */
public record SyncRequest(List<SyncItem> items, String agentVersion, Map<String, String> policies,
        String policyTag) {

    public SyncRequest {
        items = items == null ? List.of() : List.copyOf(items);
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    /** A batch from an agent that holds no policies. */
    public SyncRequest(List<SyncItem> items, String agentVersion) {
        this(items, agentVersion, Map.of(), null);
    }
}
