package org.garrison.api.task;

import java.time.Duration;

/**
 * The unit of an {@link ScheduleKind#EVERY} schedule's interval.
 */
public enum IntervalUnit {
    MINUTES(Duration.ofMinutes(1)),
    HOURS(Duration.ofHours(1));

    private final Duration length;

    IntervalUnit(Duration length) {
        this.length = length;
    }

    /** One unit as a duration. */
    public Duration length() {
        return length;
    }
}
