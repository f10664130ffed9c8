package org.garrison.api.agent;

import java.util.List;

/**
 * {@code POST /agent/v1/sync}: a batch of an agent's outbox, oldest first. An empty batch is a heartbeat.
 *
 * @param items        at most 1,000 items in increasing sequence order
 * @param agentVersion the agent's version, or {@code null} when unchanged
 */
public record SyncRequest(List<SyncItem> items, String agentVersion) {

    public SyncRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
