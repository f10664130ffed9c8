package org.garrison.sessions.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The configured limits, as plain values for the logic (and its tests).
 */
record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, int accountFailureThreshold,
        Duration maxBackOff, int addressFailureLimit, Duration failureWindow, Duration tokenDefaultLifetime,
        Duration tokenMaxLifetime, Duration callerCache, Set<String> trustedProxies) {

    SessionPolicy {
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
    }

    /** How often a session's last-seen time or a token's last-used time is written at most. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    static SessionPolicy of(SessionsConfig config) {
        return new SessionPolicy(Duration.ofMinutes(Math.max(1, config.idleTimeoutMinutes())),
                Duration.ofHours(Math.max(1, config.absoluteTimeoutHours())),
                Math.max(1, config.accountFailureThreshold()), Duration.ofSeconds(Math.max(1,
                        config.maxBackOffSeconds())), Math.max(1, config.addressFailureLimit()),
                Duration.ofMinutes(Math.max(1, config.failureWindowMinutes())),
                Duration.ofDays(Math.max(1, config.tokenDefaultDays())),
                Duration.ofDays(Math.max(1, config.tokenMaxDays())),
                Duration.ofSeconds(Math.max(0, config.callerCacheSeconds())), trusted(config.trustedProxies()));
    }

    /** The defaults of {@link SessionsConfig}. */
    static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofSeconds(900), 20,
                Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofDays(365), Duration.ofSeconds(2), Set.of());
    }

    private static Set<String> trusted(String[] addresses) {
        Set<String> trusted = new LinkedHashSet<>();
        if (addresses != null) {
            for (String address : addresses) {
                if (address != null && !address.isBlank()) {
                    trusted.add(ClientAddress.normalise(address.strip()));
                }
            }
        }
        return trusted;
    }
}
