package org.garrison.events.internal.rest;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registered event type on the wire.
 */
@Schema(name = "EventType", description = "A documented event type")
public record EventTypeView(
        @Schema(description = "\"core\" or the application id reporting the type") String source,
        @Schema(description = "The type's name within the source") String type,
        @Schema(description = "The severity of events submitted without one",
                allowableValues = {"critical", "functional-failure", "warning", "info"}) String defaultSeverity,
        @Schema(description = "A short human-readable name") String title,
        @Schema(description = "The JSON Schema of the payload; absent when the payload is free-form")
        Map<String, Object> payloadSchema) {
}
