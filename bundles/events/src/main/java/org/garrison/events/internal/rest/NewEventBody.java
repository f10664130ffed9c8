package org.garrison.events.internal.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event as an integration submits it.
 */
@Schema(name = "NewEvent", description = "An event to store")
public record NewEventBody(
        @Schema(description = "Your own id for the event. Submitting an id that is already stored again does not"
                + " store it twice, so a failed call can safely be repeated.") UUID id,
        @Schema(description = "When it happened", requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
        @Schema(description = "The device it happened on") UUID deviceId,
        @Schema(description = "The device's administration group; looked up from the device when absent")
        UUID groupId,
        @Schema(description = "\"core\" or your application's id: letters, digits, '.', '_', '-'",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "com.example.backup") String source,
        @Schema(description = "The event type within the source", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "backup-failed") String type,
        @Schema(description = "Required unless the type is registered with a default severity (GET /event-types)",
                allowableValues = {"critical", "functional-failure", "warning", "info"}) String severity,
        @Schema(description = "A human-readable text, at most 2000 characters") String description,
        @Schema(description = "Type-specific data (a JSON object), checked against the type's payload schema")
        Map<String, Object> payload) {
}
