package com.example.helloapp.internal;

/**
 * The names the plugin shares with its descriptor ({@code GARRISON-INF/plugin.json}) and with the application on
 * the devices. Rename the id here, in {@code bnd.bnd}, in {@code plugin.json} and in the table names of the changelog
 * (see the template's README).
 */
public final class HelloApp {

    /** The plugin id: also the application id on the devices and the source of its events. */
    public static final String ID = "hello-app";

    /** The plugin's tables are migrated: the extender registers this service then, so components wait for it. */
    public static final String SCHEMA_FILTER = "(garrison.schema=" + ID + ")";

    /** The permission of the plugin's REST resource and console contributions. */
    public static final String READ = ID + ".read";

    /** The kind of application data the application sends. */
    public static final String KIND_GREETINGS = "greetings";

    /** The schema of one greetings report, in the plugin's JAR. */
    public static final String GREETINGS_SCHEMA = "GARRISON-INF/schemas/data/greetings.json";

    private HelloApp() {
    }
}
