package org.garrison.api.plugin;

import java.util.Objects;

/**
 * A type of task admins can create, defined by a plugin for its application or by the server itself.
 *
 * @param application      the plugin id, {@value #SERVER} for the server's own task types, or {@value #AGENT} for
 *                         the Network Agent's own (e.g. sync now, refresh inventory)
 * @param type             the type's name within the application, lower case with dashes, e.g. {@code full-scan}
 * @param title            a short human-readable name, e.g. "Full scan"
 * @param description      what it does, or {@code null}
 * @param parametersSchema the JSON Schema (2020-12) of its parameters as JSON text; the server validates every
 *                         task's parameters against it and the console renders the form from it
 * @param runsOnDevices    {@code true} when the agents of the task's devices run it (delivered as an instruction
 *                         of this type to the application); {@code false} when the server runs it
 */
public record TaskTypeDefinition(String application, String type, String title, String description,
        String parametersSchema, boolean runsOnDevices) {

    /** The application id of the server's own task types. */
    public static final String SERVER = "server";

    /** The application id of the Network Agent's own task types. */
    public static final String AGENT = "agent";

    public TaskTypeDefinition {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(type, "type");
        title = title == null || title.isBlank() ? type : title;
        parametersSchema = parametersSchema == null ? "{\"type\":\"object\"}" : parametersSchema;
    }
}
