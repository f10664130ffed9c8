package org.garrison.events.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.event.EventSeverity;

/**
 * An {@link org.garrison.api.event.EventQuery} with its group subtree resolved into the groups it covers.
 *
 * @param groupIds the groups an event's group must be one of, or {@code null} for any group
 */
public record EventCriteria(Instant from, Instant to, UUID deviceId, Set<UUID> groupIds,
        Set<EventSeverity> severities, Set<String> types, Set<String> sources, String text) {

    /** No restriction at all. */
    public static EventCriteria any() {
        return new EventCriteria(null, null, null, null, Set.of(), Set.of(), Set.of(), null);
    }
}
