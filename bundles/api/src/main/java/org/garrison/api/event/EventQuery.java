package org.garrison.api.event;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which events to list or export. Every criterion is optional ({@code null} or empty means "any"); all given
 * criteria must hold.
 *
 * @param from       events that occurred at or after this instant
 * @param to         events that occurred before this instant
 * @param deviceId   events of this device
 * @param groupId    events of devices in this administration group or any group below it
 * @param severities events with one of these severities
 * @param types      events with one of these types
 * @param sources    events from one of these sources
 * @param text       events whose description or type contains this text, ignoring case
 * @param withinGroups events whose group is one of these, e.g. the groups within a caller's scope ({@code null}:
 *                   no such restriction; empty: no event at all; events without a group are never within)
 */
public record EventQuery(Instant from, Instant to, UUID deviceId, UUID groupId, Set<EventSeverity> severities,
        Set<String> types, Set<String> sources, String text, Set<UUID> withinGroups) {

    public EventQuery {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        types = types == null ? Set.of() : Set.copyOf(types);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        text = text == null || text.isBlank() ? null : text;
        withinGroups = withinGroups == null ? null : Set.copyOf(withinGroups);
    }

    /** A query without a restriction to groups. */
    public EventQuery(Instant from, Instant to, UUID deviceId, UUID groupId, Set<EventSeverity> severities,
            Set<String> types, Set<String> sources, String text) {
        this(from, to, deviceId, groupId, severities, types, sources, text, null);
    }

    /** Every event. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, Set.of(), Set.of(), Set.of(), null);
    }

    /** Every event of one device. */
    public static EventQuery ofDevice(UUID deviceId) {
        return new EventQuery(null, null, deviceId, null, Set.of(), Set.of(), Set.of(), null);
    }

    /** This query restricted to one device. */
    public EventQuery withDevice(UUID device) {
        return new EventQuery(from, to, device, groupId, severities, types, sources, text, withinGroups);
    }

    /** This query restricted to events in the given groups ({@code null}: not restricted). */
    public EventQuery within(Set<UUID> groups) {
        return new EventQuery(from, to, deviceId, groupId, severities, types, sources, text, groups);
    }
}
