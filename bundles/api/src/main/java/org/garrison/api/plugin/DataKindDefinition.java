package org.garrison.api.plugin;

import java.util.Objects;

/**
 * A kind of data a plugin's application sends through the agent ({@link org.garrison.api.agent.ApplicationData}).
 *
 * @param application the plugin id
 * @param kind        the kind's name, e.g. {@code threats}
 * @param title       a short human-readable name
 * @param schema      the JSON Schema (2020-12) of one report of this kind as JSON text, or {@code null} for any
 *                    JSON object
 */
public record DataKindDefinition(String application, String kind, String title, String schema) {

    public DataKindDefinition {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(kind, "kind");
        title = title == null || title.isBlank() ? kind : title;
    }
}
