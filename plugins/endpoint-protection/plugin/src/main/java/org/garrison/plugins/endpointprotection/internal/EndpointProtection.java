package org.garrison.plugins.endpointprotection.internal;

/**
 * The names this plugin shares with its descriptor ({@code GARRISON-INF/plugin.json}) and with the application on
 * the devices: its id, the kinds of data the application sends, its event types and its permission.
 */
public final class EndpointProtection {

    /** The plugin id, which is also the application id on the devices and the source of its events. */
    public static final String ID = "endpoint-protection";

    /** Its display name, used for the device's application entry until the application reports its own. */
    public static final String NAME = "Endpoint Protection";

    /** Its tables' migration state: the extender registers it once the changelog ran. */
    public static final String SCHEMA_FILTER = "(garrison.schema=" + ID + ")";

    /** The permission of its REST resources and console contributions. */
    public static final String READ = ID + ".read";

    public static final String KIND_THREATS = "threats";
    public static final String KIND_QUARANTINE = "quarantine";
    public static final String KIND_SCAN_STATUS = "scan-status";
    public static final String KIND_LICENCE = "licence";

    public static final String EVENT_THREAT_DETECTED = "threat-detected";
    public static final String EVENT_OBJECT_NOT_DISINFECTED = "object-not-disinfected";
    public static final String EVENT_DATABASES_OUTDATED = "databases-outdated";

    private EndpointProtection() {
    }
}
