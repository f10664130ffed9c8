package org.garrison.api.task;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a task starts, and how its runs behave in time. Which members count depends on the {@link #kind()}; the
 * others are {@code null}. Times of day, days and cron expressions are read in {@link #timeZone()}: a time that a
 * daylight-saving change skips happens at the same time after the change (02:30 becomes 03:30), and a time that
 * occurs twice happens once, the first time.
 *
 * @param kind               when it starts on its own
 * @param at                 {@link ScheduleKind#ONCE}: when; {@link ScheduleKind#EVERY}: the first start (the
 *                           intervals count from it; when {@code null}, from the moment the task was saved)
 * @param interval           {@link ScheduleKind#EVERY}: how many {@link #unit()}s between starts
 * @param unit               {@link ScheduleKind#EVERY}: minutes or hours
 * @param time               {@link ScheduleKind#DAILY}, {@link ScheduleKind#WEEKLY}, {@link ScheduleKind#MONTHLY}:
 *                           the time of day
 * @param daysOfWeek         {@link ScheduleKind#WEEKLY}: the days
 * @param dayOfMonth         {@link ScheduleKind#MONTHLY}: the day, 1–31 (in shorter months, their last day)
 * @param cron               {@link ScheduleKind#CRON}: minute, hour, day of month, month, day of week, e.g.
 *                           {@code 30 2 * * 1-5}; lists, ranges, steps and names ({@code JAN}, {@code MON}) are
 *                           understood, and a day of month and a day of week both restricted mean either of them
 * @param timeZone           the time zone of times and days, an IANA id such as {@code Europe/Berlin}; {@code UTC}
 *                           when {@code null}
 * @param randomDelayMinutes 0 for none; otherwise each device of a scheduled run gets its instruction at a random
 *                           moment up to this many minutes after the start (the server's own tasks start at such a
 *                           moment), so that many devices do not all work at once
 * @param runIfMissed        whether a start missed while the server was down happens once when it is up again
 * @param stopAfterMinutes   {@code null} for no limit; otherwise a device that has not finished this many minutes
 *                           after it got the instruction has it cancelled, and a run of the server's own stops
 */
public record TaskSchedule(ScheduleKind kind, Instant at, Integer interval, IntervalUnit unit, LocalTime time,
        Set<DayOfWeek> daysOfWeek, Integer dayOfMonth, String cron, String timeZone, int randomDelayMinutes,
        boolean runIfMissed, Integer stopAfterMinutes) {

    /** The longest random start delay. */
    public static final int MAX_RANDOM_DELAY_MINUTES = 24 * 60;

    /** The longest "stop if running longer than" limit: 30 days. */
    public static final int MAX_STOP_AFTER_MINUTES = 30 * 24 * 60;

    /** The time zone of a schedule that names none. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public TaskSchedule {
        daysOfWeek = daysOfWeek == null || daysOfWeek.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(daysOfWeek));
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** Started by hand only, without limits. */
    public static TaskSchedule manual() {
        return new TaskSchedule(ScheduleKind.MANUAL, null, null, null, null, null, null, null, null, 0, false, null);
    }
}
