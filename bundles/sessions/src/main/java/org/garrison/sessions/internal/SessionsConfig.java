package org.garrison.sessions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison sessions",
        description = "Console session lifetime, sign-in back-off after failures, and API token lifetime.")
public @interface SessionsConfig {

    String PID = "org.garrison.sessions";

    @AttributeDefinition(name = "Idle timeout (minutes)",
            description = "A session that made no request for this long is signed out.", min = "1")
    int idleTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Absolute timeout (hours)",
            description = "A session ends this long after sign-in, however active it is.", min = "1")
    int absoluteTimeoutHours() default 12;

    @AttributeDefinition(name = "Failures before back-off",
            description = "After this many failed sign-ins of one account within the window, each further attempt "
                    + "must wait an exponentially growing delay (1 s, 2 s, 4 s, ...).", min = "1")
    int accountFailureThreshold() default 5;

    @AttributeDefinition(name = "Longest back-off (seconds)",
            description = "The back-off delay of an account never grows beyond this, so nobody can lock an account "
                    + "out for longer.", min = "1")
    int maxBackOffSeconds() default 900;

    @AttributeDefinition(name = "Failures per source address",
            description = "A source address with more failed sign-ins than this within the window is refused until "
                    + "the window has passed since its last failure.", min = "1")
    int addressFailureLimit() default 20;

    @AttributeDefinition(name = "Failure window (minutes)",
            description = "Failed sign-ins are forgotten when the last one is older than this.", min = "1")
    int failureWindowMinutes() default 15;

    @AttributeDefinition(name = "Default API token lifetime (days)", min = "1")
    int tokenDefaultDays() default 90;

    @AttributeDefinition(name = "Longest API token lifetime (days)", min = "1")
    int tokenMaxDays() default 365;

    @AttributeDefinition(name = "Trusted reverse proxies",
            description = "Addresses of reverse proxies in front of the server. For requests from them, the client "
                    + "address used for the per-address back-off and the audit log is taken from "
                    + "X-Forwarded-For. Empty: the connection's address is used.", required = false)
    String[] trustedProxies() default {};

    @AttributeDefinition(name = "Caller cache (seconds)",
            description = "How long a resolved session or token is reused without reading the database again. "
                    + "Changes to an account's roles or status made on another server node take effect after at "
                    + "most this long; 0 switches the cache off.", min = "0")
    int callerCacheSeconds() default 2;
}
