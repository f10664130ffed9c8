package org.garrison.api.plugin;

/**
 * Names a plugin bundle uses in its manifest and JAR layout.
 */
public final class PluginHeaders {

    /** Marks a bundle as a Garrison plugin: {@code Garrison-Plugin: <id>;version=<x.y.z>}. */
    public static final String PLUGIN = "Garrison-Plugin";

    /** The folder of the plugin JAR holding its descriptor, schemas, console modules and migrations. */
    public static final String INF_FOLDER = "GARRISON-INF/";

    /** The plugin descriptor inside {@link #INF_FOLDER}. */
    public static final String DESCRIPTOR = INF_FOLDER + "plugin.json";

    private PluginHeaders() {
    }
}
