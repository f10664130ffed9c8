package org.garrison.extender.internal.descriptor;

import java.util.Objects;

import org.garrison.api.plugin.PluginContributions;

/**
 * A plugin's descriptor ({@code GARRISON-INF/plugin.json}), read and checked, with the schema texts it refers to.
 *
 * @param id               the plugin id
 * @param name             its display name
 * @param vendor           who makes it, or {@code null}
 * @param description      what it does, or {@code null}
 * @param version          its version
 * @param minServerVersion the oldest server it runs on, or {@code null}
 * @param contributions    what it contributes
 * @param migrations       its own schema, or {@code null} when it has no tables
 */
public record PluginDescriptor(String id, String name, String vendor, String description, PluginVersion version,
        PluginVersion minServerVersion, PluginContributions contributions, PluginMigrations migrations) {

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contributions, "contributions");
    }
}
