package org.garrison.api.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event.
 *
 * @param id          the event's identifier: the producer's own when it supplied one, otherwise assigned on ingest
 * @param occurredAt  when it happened, by the producer's clock
 * @param receivedAt  when the server stored it
 * @param deviceId    the device it happened on, or {@code null} for an event of the server itself
 * @param groupId     the administration group the device was in when the event was stored, or {@code null} when
 *                    unknown
 * @param source      who reports it: {@value #CORE_SOURCE} or an application (plugin) id
 * @param type        the event type within the source, e.g. {@code device-inactive}
 * @param severity    how serious it is
 * @param description a human-readable text, possibly empty
 * @param payload     the type-specific data: a JSON object (values are strings, numbers, booleans, {@code null},
 *                    lists and maps as a JSON parser produces them)
 */
public record Event(UUID id, Instant occurredAt, Instant receivedAt, UUID deviceId, UUID groupId, String source,
        String type, EventSeverity severity, String description, Map<String, Object> payload) {

    /** The source of events the server itself reports. */
    public static final String CORE_SOURCE = "core";

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        description = description == null ? "" : description;
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
