package org.garrison.policies.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison policies",
        description = "Limits of policies, and how the server tells where a device is for out-of-office policies "
                + "and profile rules.")
public @interface PoliciesConfig {

    String PID = "org.garrison.policies";

    @AttributeDefinition(name = "Profiles per policy",
            description = "The most profiles one policy may have.", min = "1", max = "1000")
    int maxProfilesPerPolicy() default 100;

    @AttributeDefinition(name = "Network locations outside the organisation",
            description = "Devices whose reported network location is one of these names (ignoring case) are "
                    + "outside the organisation's network: out-of-office policies apply to them, and profile rules "
                    + "on the network match OUTSIDE. Every other device, one without a location included, is inside.")
    String[] outsideNetworkLocations() default {"outside"};

    @AttributeDefinition(name = "Offline after (minutes)",
            description = "A device the server has not seen for longer than this is offline for profile rules.",
            min = "1")
    int offlineAfterMinutes() default 15;
}
