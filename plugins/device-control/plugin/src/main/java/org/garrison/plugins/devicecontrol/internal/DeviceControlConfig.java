package org.garrison.plugins.devicecontrol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How long the plugin keeps what the application reports ({@code etc/org.garrison.plugins.devicecontrol.cfg}).
 */
@ObjectClassDefinition(name = "Device Control", description = "How long the server keeps what the Device Control "
        + "application reports.")
public @interface DeviceControlConfig {

    String PID = "org.garrison.plugins.devicecontrol";

    @AttributeDefinition(name = "Keep access decisions for (days)", description = "Access-log entries older than "
            + "this, and external devices disconnected and not seen for this long, are removed.", min = "1",
            max = "3650")
    int accessLogKeepDays() default 90;

    @AttributeDefinition(name = "Housekeeping every (hours)", description = "How often old access-log entries and "
            + "the data of devices deleted from the server are removed from the plugin's tables.", min = "1",
            max = "168")
    int housekeepingHours() default 24;
}
