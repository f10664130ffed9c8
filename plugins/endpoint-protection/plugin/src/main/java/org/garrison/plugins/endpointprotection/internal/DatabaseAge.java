package org.garrison.plugins.endpointprotection.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The age of the anti-virus databases at the time the application reported them. Judged at that time, not at the
 * server's "now": the same report always means the same, and a device that stopped reporting is the business of the
 * server's own "not seen" status conditions.
 *
 * @param days       whole days between their release and the report
 * @param threshold  the age from which they count as outdated
 */
public record DatabaseAge(long days, int threshold) {

    public static DatabaseAge of(Instant releasedAt, Instant reportedAt, int thresholdDays) {
        long days = Math.max(0, Duration.between(releasedAt, reportedAt).toDays());
        return new DatabaseAge(days, thresholdDays);
    }

    public boolean outdated() {
        return days >= threshold;
    }
}
