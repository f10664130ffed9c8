package org.garrison.plugins.devicecontrol.internal;

/**
 * The names this plugin shares with its descriptor ({@code GARRISON-INF/plugin.json}) and with the application on
 * the devices: its id, the kinds of data the application sends, its event types and its permission.
 */
public final class DeviceControl {

    /** The plugin id, which is also the application id on the devices and the source of its events. */
    public static final String ID = "device-control";

    /** Its display name, used for the device's application entry until the application reports its own. */
    public static final String NAME = "Device Control";

    /** Its tables' migration state: the extender registers it once the changelog ran. */
    public static final String SCHEMA_FILTER = "(garrison.schema=" + ID + ")";

    /** The permission of its REST resources and console contributions. */
    public static final String READ = ID + ".read";

    public static final String KIND_CONNECTED_DEVICES = "connected-devices";
    public static final String KIND_ACCESS_LOG = "access-log";

    /** Sent by the application itself, for each device it blocks. */
    public static final String EVENT_DEVICE_BLOCKED = "device-blocked";
    /** Written by the plugin, for each access-log entry of a trusted device. */
    public static final String EVENT_ALLOWED_BY_EXCEPTION = "device-allowed-by-exception";

    private DeviceControl() {
    }
}
