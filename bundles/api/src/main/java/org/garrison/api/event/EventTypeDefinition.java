package org.garrison.api.event;

import java.util.Objects;

/**
 * Documents one event type: what the console and API show about it, the severity events of the type get when
 * the producer names none, and the shape of its payload.
 *
 * @param source          {@value Event#CORE_SOURCE} or the application (plugin) id that reports the type
 * @param type            the type's name within the source, e.g. {@code device-inactive}
 * @param defaultSeverity the severity of events of this type submitted without one
 * @param title           a short human-readable name, e.g. "Device inactive"
 * @param payloadSchema   a JSON Schema (2020-12) of the payload as JSON text, or {@code null} when the payload is
 *                        free-form. The server checks the payload's basic shape against it: the top-level
 *                        {@code type}, {@code required} properties, {@code properties} with their {@code type}
 *                        (and {@code enum} for strings), and {@code additionalProperties: false}
 */
public record EventTypeDefinition(String source, String type, EventSeverity defaultSeverity, String title,
        String payloadSchema) {

    public EventTypeDefinition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        title = title == null || title.isBlank() ? type : title;
    }
}
