package org.garrison.gateway.internal.enrollment;

import org.garrison.gateway.internal.ca.ServerCertificateConfig;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison agent enrollment",
        description = "Certificates issued to Network Agents, the gateway's own certificate, and enrollment tokens.")
public @interface EnrollmentConfig {

    String PID = ServerCertificateConfig.PID;

    @AttributeDefinition(name = "Agent certificate validity (days)",
            description = "How long an agent's client certificate is valid. Agents renew it on their own before "
                    + "it expires.", min = "1", max = "3650")
    int certificateValidityDays() default 365;

    @AttributeDefinition(name = "Renew before expiry (days)",
            description = "Agents are told to renew their certificate this long before it expires (at the latest "
                    + "halfway through its validity).", min = "1")
    int renewBeforeDays() default 30;

    @AttributeDefinition(name = "Extra server names",
            description = "DNS names or IP addresses, besides the host name, localhost, 127.0.0.1 and ::1, that the "
                    + "gateway's certificate carries, e.g. the name agents reach the server by. They "
                    + "apply at the next start of the server.", required = false)
    String[] serverNames() default {};

    @AttributeDefinition(name = "Default token validity (days)",
            description = "How long an enrollment token is valid when its creator names no expiry.", min = "1")
    int tokenDefaultValidityDays() default 7;

    @AttributeDefinition(name = "Longest token validity (days)",
            description = "No enrollment token may be valid for longer than this.", min = "1")
    int tokenMaxValidityDays() default 365;
}
