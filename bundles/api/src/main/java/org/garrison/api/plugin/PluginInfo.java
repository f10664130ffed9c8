package org.garrison.api.plugin;

import java.time.Instant;
import java.util.Objects;

/**
 * An installed plugin as the server sees it.
 *
 * @param id               the plugin's id from its {@code Garrison-Plugin} header, lower case letters, digits and
 *                         dashes, e.g. {@code endpoint-protection}
 * @param name             its display name from the descriptor (the id when the descriptor could not be read)
 * @param vendor           who makes it, or {@code null} when unknown
 * @param version          its version, {@code major.minor.micro}
 * @param minServerVersion the oldest server version it runs on, or {@code null}
 * @param state            where it stands
 * @param message          why it was refused or stopped, or {@code null}
 * @param bundleId         the OSGi bundle id
 * @param changedAt        when its state last changed
 * @param contributions    what it contributes while active (empty when it is not)
 * @param signature        what the check of its JAR's signature found
 */
public record PluginInfo(String id, String name, String vendor, String version, String minServerVersion,
        PluginState state, String message, long bundleId, Instant changedAt, PluginContributions contributions,
        PluginSignature signature) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        name = name == null || name.isBlank() ? id : name;
        contributions = contributions == null ? PluginContributions.NONE : contributions;
        signature = signature == null ? PluginSignature.NOT_CHECKED : signature;
    }

    /** A plugin whose signature was not checked (the form of API 1.0). */
    public PluginInfo(String id, String name, String vendor, String version, String minServerVersion,
            PluginState state, String message, long bundleId, Instant changedAt, PluginContributions contributions) {
        this(id, name, vendor, version, minServerVersion, state, message, bundleId, changedAt, contributions,
                PluginSignature.NOT_CHECKED);
    }
}
