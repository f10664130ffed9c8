package org.garrison.plugins.endpointprotection.internal.store;

import java.util.Set;
import java.util.UUID;

import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;

/**
 * Which detections a listing reads from the table: of one device or all, with some statuses or any. (Group scopes
 * are applied on top, by the caller: groups are the core's, not this table's.)
 *
 * @param deviceId the device, or {@code null} for every device
 * @param statuses the statuses, empty for any
 */
public record ThreatSelection(UUID deviceId, Set<ThreatStatus> statuses) {

    public ThreatSelection {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
