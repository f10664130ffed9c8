package org.garrison.plugins.devicecontrol.internal.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Times are kept to the millisecond, as both databases store them: a report read again from the tables then equals
 * the report as it arrived, which is what lets the same report applied twice change nothing.
 */
public final class Times {

    private Times() {
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
