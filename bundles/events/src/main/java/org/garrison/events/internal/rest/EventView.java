package org.garrison.events.internal.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.event.Event;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event on the wire.
 */
@Schema(name = "Event", description = "A stored event")
public record EventView(
        @Schema(description = "The event's id: the producer's own when it supplied one") UUID id,
        @Schema(description = "When it happened, by the producer's clock") Instant occurredAt,
        @Schema(description = "When the server stored it") Instant receivedAt,
        @Schema(description = "The device it happened on; absent for events of the server itself") UUID deviceId,
        @Schema(description = "The administration group the device was in when the event was stored")
        UUID groupId,
        @Schema(description = "\"core\" or the reporting application's id", example = "core") String source,
        @Schema(description = "The event type within the source", example = "device-inactive") String type,
        @Schema(description = "How serious it is",
                allowableValues = {"critical", "functional-failure", "warning", "info"}) String severity,
        @Schema(description = "A human-readable text") String description,
        @Schema(description = "Type-specific data (a JSON object)") Map<String, Object> payload) {

    static EventView of(Event event) {
        return new EventView(event.id(), event.occurredAt(), event.receivedAt(), event.deviceId(), event.groupId(),
                event.source(), event.type(), event.severity().wireName(), event.description(), event.payload());
    }
}
