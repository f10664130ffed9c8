package org.garrison.plugins.endpointprotection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How the server judges what the application reports ({@code etc/org.garrison.plugins.endpointprotection.cfg}).
 */
@ObjectClassDefinition(name = "Endpoint Protection", description = "How the server judges what the Endpoint "
        + "Protection application reports.")
public @interface ProtectionConfig {

    String PID = "org.garrison.plugins.endpointprotection";

    @AttributeDefinition(name = "Databases outdated after (days)", description = "Anti-virus databases at least "
            + "this old (when the application reports them) give the device a warning status, the tag 'Databases "
            + "outdated' and one event per database release.", min = "1", max = "365")
    int databasesOutdatedDays() default 3;

    @AttributeDefinition(name = "Check for deleted devices every (hours)", description = "How often the data of "
            + "devices deleted from the server is removed from the plugin's tables.", min = "1", max = "168")
    int deletedDevicesCheckHours() default 24;
}
