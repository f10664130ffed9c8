package org.garrison.api.plugin;

/**
 * Where an installed plugin stands.
 */
public enum PluginState {
    /** Its bundle is starting or its own schema is being migrated; it contributes nothing yet. */
    STARTING,
    /** It is running and everything it contributes is registered. */
    ACTIVE,
    /** An admin stopped it (or its bundle is not started); it contributes nothing, its data is kept. */
    STOPPED,
    /**
     * The server refused it: invalid descriptor or schema, unresolvable imports, a failed migration, a server older
     * than its minimum, or an id another plugin already uses. {@link PluginInfo#message()} says why.
     */
    REFUSED
}
