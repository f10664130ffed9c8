package org.garrison.api.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event as a producer submits it to {@link EventService#ingest(java.util.List)}.
 *
 * @param id          the producer's identifier for the event, or {@code null} to let the server assign one. A
 *                    producer that may submit the same event again (an agent retrying after a lost answer) sets it:
 *                    an event whose id is already stored is counted as a duplicate and not stored twice
 * @param occurredAt  when it happened (required)
 * @param deviceId    the device it happened on, or {@code null} for an event of the server itself
 * @param groupId     the device's administration group, or {@code null} to let the server look it up
 * @param source      {@value Event#CORE_SOURCE} or the reporting application's id: 1 to 100 characters, letters,
 *                    digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit
 * @param type        the event type within the source, same characters as the source
 * @param severity    how serious it is; may be {@code null} only for a type whose {@link EventTypeDefinition} gives a
 *                    default severity
 * @param description a human-readable text of at most {@value EventService#MAX_DESCRIPTION_LENGTH} characters, or
 *                    {@code null}
 * @param payload     the type-specific data as a JSON object, or {@code null} for none; validated against the
 *                    type's payload schema where one is registered
 */
public record NewEvent(UUID id, Instant occurredAt, UUID deviceId, UUID groupId, String source, String type,
        EventSeverity severity, String description, Map<String, Object> payload) {

    public NewEvent {
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** A new event of the given device without producer id, group or payload. */
    public static NewEvent of(Instant occurredAt, UUID deviceId, String source, String type, EventSeverity severity,
            String description) {
        return new NewEvent(null, occurredAt, deviceId, null, source, type, severity, description, Map.of());
    }
}
