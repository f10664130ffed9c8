package org.garrison.gateway.internal.enrollment;

import java.time.Duration;
import java.time.Instant;

/**
 * The configured enrollment limits, as plain values for the logic (and its tests).
 *
 * @param certificateValidity  how long an agent's certificate is valid
 * @param renewBefore          how long before expiry agents are told to renew
 * @param tokenDefaultValidity an enrollment token's validity when its creator names none
 * @param tokenMaxValidity     the longest validity of an enrollment token
 */
public record EnrollmentPolicy(Duration certificateValidity, Duration renewBefore, Duration tokenDefaultValidity,
        Duration tokenMaxValidity) {

    /** The agents' certificate validity is bounded so that a typo cannot issue certificates for centuries. */
    static final int MAX_CERTIFICATE_DAYS = 3650;

    public static EnrollmentPolicy of(EnrollmentConfig config) {
        Duration tokenMax = Duration.ofDays(Math.max(1, config.tokenMaxValidityDays()));
        Duration tokenDefault = Duration.ofDays(Math.max(1, config.tokenDefaultValidityDays()));
        return new EnrollmentPolicy(
                Duration.ofDays(Math.min(MAX_CERTIFICATE_DAYS, Math.max(1, config.certificateValidityDays()))),
                Duration.ofDays(Math.max(1, config.renewBeforeDays())),
                tokenDefault.compareTo(tokenMax) > 0 ? tokenMax : tokenDefault, tokenMax);
    }

    /** The defaults of {@link EnrollmentConfig}. */
    public static EnrollmentPolicy defaults() {
        return new EnrollmentPolicy(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofDays(365));
    }

    /**
     * When a certificate valid from {@code issuedAt} to {@code expiresAt} should be renewed: {@link #renewBefore()}
     * ahead of its expiry, but never before the middle of its validity.
     */
    public Instant renewAfter(Instant issuedAt, Instant expiresAt) {
        Instant beforeExpiry = expiresAt.minus(renewBefore);
        Instant midpoint = issuedAt.plus(Duration.between(issuedAt, expiresAt).dividedBy(2));
        return beforeExpiry.isBefore(midpoint) ? midpoint : beforeExpiry;
    }
}
