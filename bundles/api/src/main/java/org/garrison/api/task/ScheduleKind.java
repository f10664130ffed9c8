package org.garrison.api.task;

/**
 * When a task starts on its own.
 */
public enum ScheduleKind {
    /** Only when an admin starts it. */
    MANUAL,
    /** Once, at {@link TaskSchedule#at()}. */
    ONCE,
    /** Every {@link TaskSchedule#interval()} minutes or hours, counted from {@link TaskSchedule#at()}. */
    EVERY,
    /** Every day at {@link TaskSchedule#time()}. */
    DAILY,
    /** On each of {@link TaskSchedule#daysOfWeek()} at {@link TaskSchedule#time()}. */
    WEEKLY,
    /**
     * Every month on {@link TaskSchedule#dayOfMonth()} at {@link TaskSchedule#time()}; in shorter months on their
     * last day.
     */
    MONTHLY,
    /** At the times of a five-field cron expression, {@link TaskSchedule#cron()}. */
    CRON
}
