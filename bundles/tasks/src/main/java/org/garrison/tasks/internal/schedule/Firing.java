package org.garrison.tasks.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.garrison.api.task.TaskSchedule;

/**
 * What the scheduler does with a task whose start is due: whether it runs now, and when it is due next.
 *
 * @param missed  whether the start was due so long ago that the server must have been down (or stalled) then
 * @param run     whether a run starts now: always for a start on time, for a missed one only if the task runs if
 *                missed (however many starts were missed, one run makes up for them)
 * @param nominal the schedule's next time, or {@code null} when it never fires again
 * @param startAt when that next start is due: {@code nominal}, plus the random delay for a task the server runs
 *                itself (device tasks spread their devices instead); {@code null} with {@code nominal}
 */
public record Firing(boolean missed, boolean run, Instant nominal, Instant startAt) {

    /**
     * @param schedule    the task's schedule
     * @param dueAt       when the start was due (after any random delay)
     * @param dueNominal  the schedule's time it stood for
     * @param now         the time now
     * @param missedAfter how late a start may be and still count as on time
     * @param delayStart  whether the random delay moves the start itself (the server's own tasks)
     */
    public static Firing of(TaskSchedule schedule, Instant dueAt, Instant dueNominal, Instant now,
            Duration missedAfter, boolean delayStart, RandomGenerator random) {
        boolean missed = Duration.between(dueAt, now).compareTo(missedAfter) > 0;
        // times that fell due meanwhile are not started one after the other: the next one after now is the next
        Instant from = dueNominal.isAfter(now) ? dueNominal : now;
        Optional<Instant> next = ScheduleRules.next(schedule, from);
        Instant nominal = next.orElse(null);
        Instant startAt = nominal == null || !delayStart ? nominal : nominal.plus(randomDelay(schedule, random));
        return new Firing(missed, !missed || schedule.runIfMissed(), nominal, startAt);
    }

    /** A random delay from zero up to the schedule's maximum, to the second. */
    public static Duration randomDelay(TaskSchedule schedule, RandomGenerator random) {
        int minutes = schedule.randomDelayMinutes();
        return minutes <= 0 ? Duration.ZERO : Duration.ofSeconds(random.nextLong(minutes * 60L + 1));
    }
}
