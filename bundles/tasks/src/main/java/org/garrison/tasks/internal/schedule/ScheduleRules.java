package org.garrison.tasks.internal.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.garrison.api.error.FieldError;
import org.garrison.api.task.IntervalUnit;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskSchedule;

/**
 * What makes a schedule valid, and when it fires next. Fire times are computed from the schedule alone, so the same
 * schedule gives the same times after a restart; the time stored for a task is its next nominal time, and the
 * scheduler computes the one after it from that, never from "now" (except after downtime), so no time fires twice.
 */
public final class ScheduleRules {

    /** How far ahead a calendar schedule (cron above all) must fire at least once to be accepted. */
    static final int HORIZON_DAYS = 5 * 366;

    private static final long MAX_INTERVAL_MINUTES = 366L * 24 * 60;

    private ScheduleRules() {
    }

    /**
     * What is wrong with the schedule, each with its path under {@code schedule/}.
     *
     * @param now      the time it is checked at: a new single start must lie after it
     * @param previous the task's schedule before this change, or {@code null} for a new task; an unchanged single
     *                 start may lie in the past (it already happened)
     */
    public static List<FieldError> check(TaskSchedule schedule, Instant now, TaskSchedule previous) {
        List<FieldError> errors = new ArrayList<>();
        if (schedule.kind() == null) {
            errors.add(new FieldError("schedule/kind", "is required: MANUAL, ONCE, EVERY, DAILY, WEEKLY, MONTHLY "
                    + "or CRON"));
            return errors;
        }
        ScheduleKind kind = schedule.kind();
        only(errors, schedule.at() != null, kind == ScheduleKind.ONCE || kind == ScheduleKind.EVERY, "at", kind);
        only(errors, schedule.interval() != null, kind == ScheduleKind.EVERY, "interval", kind);
        only(errors, schedule.unit() != null, kind == ScheduleKind.EVERY, "unit", kind);
        only(errors, schedule.time() != null,
                kind == ScheduleKind.DAILY || kind == ScheduleKind.WEEKLY || kind == ScheduleKind.MONTHLY, "time",
                kind);
        only(errors, !schedule.daysOfWeek().isEmpty(), kind == ScheduleKind.WEEKLY, "daysOfWeek", kind);
        only(errors, schedule.dayOfMonth() != null, kind == ScheduleKind.MONTHLY, "dayOfMonth", kind);
        only(errors, schedule.cron() != null, kind == ScheduleKind.CRON, "cron", kind);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(schedule.timeZone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("schedule/timeZone", "is not a time zone; use an IANA id such as Europe/Berlin "
                    + "or UTC"));
        }
        if (schedule.randomDelayMinutes() < 0
                || schedule.randomDelayMinutes() > TaskSchedule.MAX_RANDOM_DELAY_MINUTES) {
            errors.add(new FieldError("schedule/randomDelayMinutes", "must be between 0 and "
                    + TaskSchedule.MAX_RANDOM_DELAY_MINUTES));
        }
        if (schedule.stopAfterMinutes() != null && (schedule.stopAfterMinutes() < 1
                || schedule.stopAfterMinutes() > TaskSchedule.MAX_STOP_AFTER_MINUTES)) {
            errors.add(new FieldError("schedule/stopAfterMinutes", "must be between 1 and "
                    + TaskSchedule.MAX_STOP_AFTER_MINUTES + ", or absent for no limit"));
        }
        switch (kind) {
            case ONCE -> {
                if (schedule.at() == null) {
                    errors.add(new FieldError("schedule/at", "is required for ONCE"));
                } else if (!schedule.at().isAfter(now) && (previous == null || !schedule.equals(previous))) {
                    errors.add(new FieldError("schedule/at", "must be in the future"));
                }
            }
            case EVERY -> {
                if (schedule.unit() == null) {
                    errors.add(new FieldError("schedule/unit", "is required for EVERY: MINUTES or HOURS"));
                }
                if (schedule.interval() == null || schedule.interval() < 1) {
                    errors.add(new FieldError("schedule/interval", "is required for EVERY and must be at least 1"));
                } else if (schedule.unit() != null && schedule.unit().length().multipliedBy(schedule.interval())
                        .toMinutes() > MAX_INTERVAL_MINUTES) {
                    errors.add(new FieldError("schedule/interval", "must be at most 366 days"));
                }
            }
            case DAILY, WEEKLY, MONTHLY -> {
                if (schedule.time() == null) {
                    errors.add(new FieldError("schedule/time", "is required for " + kind + ", e.g. \"02:30\""));
                }
                if (kind == ScheduleKind.WEEKLY && schedule.daysOfWeek().isEmpty()) {
                    errors.add(new FieldError("schedule/daysOfWeek", "is required for WEEKLY, e.g. [\"MONDAY\"]"));
                }
                if (kind == ScheduleKind.MONTHLY && (schedule.dayOfMonth() == null || schedule.dayOfMonth() < 1
                        || schedule.dayOfMonth() > 31)) {
                    errors.add(new FieldError("schedule/dayOfMonth", "is required for MONTHLY, from 1 to 31 (in "
                            + "shorter months the last day)"));
                }
            }
            case CRON -> {
                try {
                    CronExpression.parse(schedule.cron());
                    if (zone != null && errors.isEmpty() && next(schedule, now).isEmpty()) {
                        errors.add(new FieldError("schedule/cron", "never fires (no matching day within five years)"));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("schedule/cron", e.getMessage()));
                }
            }
            case MANUAL -> {
                // nothing more to check: it starts by hand only
            }
            default -> throw new IllegalStateException("unknown schedule kind " + kind);
        }
        return errors;
    }

    /**
     * The schedule as stored: an interval without a first start counts from {@code savedAt}, to the second.
     */
    public static TaskSchedule normalise(TaskSchedule schedule, Instant savedAt) {
        if (schedule.kind() == ScheduleKind.EVERY && schedule.at() == null) {
            return new TaskSchedule(schedule.kind(), savedAt.truncatedTo(ChronoUnit.SECONDS), schedule.interval(),
                    schedule.unit(), null, null, null, null, schedule.timeZone(), schedule.randomDelayMinutes(),
                    schedule.runIfMissed(), schedule.stopAfterMinutes());
        }
        return schedule;
    }

    /**
     * The first nominal fire time strictly after {@code after}, or empty when the schedule never fires again (manual,
     * or a single start that has passed). The schedule must be valid.
     */
    public static Optional<Instant> next(TaskSchedule schedule, Instant after) {
        return switch (schedule.kind()) {
            case MANUAL -> Optional.empty();
            case ONCE -> schedule.at().isAfter(after) ? Optional.of(schedule.at()) : Optional.empty();
            case EVERY -> Optional.of(nextInterval(schedule.at(), schedule.unit(), schedule.interval(), after));
            case DAILY, WEEKLY, MONTHLY, CRON -> nextOnCalendar(calendar(schedule), ZoneId.of(schedule.timeZone()),
                    after);
        };
    }

    private static Instant nextInterval(Instant anchor, IntervalUnit unit, int interval, Instant after) {
        if (anchor.isAfter(after)) {
            return anchor;
        }
        long step = unit.length().multipliedBy(interval).toSeconds();
        long elapsed = Duration.between(anchor, after).toSeconds();
        return anchor.plusSeconds((elapsed / step + 1) * step);
    }

    private static Calendar calendar(TaskSchedule schedule) {
        return switch (schedule.kind()) {
            case DAILY -> new Calendar(date -> true, date -> List.of(schedule.time()));
            case WEEKLY -> new Calendar(date -> schedule.daysOfWeek().contains(date.getDayOfWeek()),
                    date -> List.of(schedule.time()));
            case MONTHLY -> new Calendar(
                    date -> date.getDayOfMonth() == Math.min(schedule.dayOfMonth(), date.lengthOfMonth()),
                    date -> List.of(schedule.time()));
            case CRON -> {
                CronExpression cron = CronExpression.parse(schedule.cron());
                yield new Calendar(cron::matches, date -> cron.times());
            }
            default -> throw new IllegalArgumentException(schedule.kind() + " is not a calendar schedule");
        };
    }

    /**
     * Days and times of day in a time zone. A local time skipped by a daylight-saving change resolves to the same
     * time after it (02:30 becomes 03:30), a repeated one to its first occurrence; of one day's candidates the
     * earliest instant after {@code after} wins, since a shifted time may come after a later one of the same day.
     */
    private static Optional<Instant> nextOnCalendar(Calendar calendar, ZoneId zone, Instant after) {
        LocalDate first = LocalDateTime.ofInstant(after, zone).toLocalDate().minusDays(1);
        for (int day = 0; day <= HORIZON_DAYS; day++) {
            LocalDate date = first.plusDays(day);
            Optional<Instant> found = earliestOn(calendar, zone, date, after);
            if (found.isPresent()) {
                // a skipped time near midnight may resolve into the next day, after that day's own first time
                Optional<Instant> nextDay = earliestOn(calendar, zone, date.plusDays(1), after);
                return nextDay.isPresent() && nextDay.get().isBefore(found.get()) ? nextDay : found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> earliestOn(Calendar calendar, ZoneId zone, LocalDate date, Instant after) {
        if (!calendar.days().test(date)) {
            return Optional.empty();
        }
        Instant best = null;
        for (LocalTime time : calendar.times().apply(date)) {
            Instant candidate = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null).toInstant();
            if (candidate.isAfter(after) && (best == null || candidate.isBefore(best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private record Calendar(Predicate<LocalDate> days, Function<LocalDate, List<LocalTime>> times) {
    }

    private static void only(List<FieldError> errors, boolean present, boolean allowed, String member,
            ScheduleKind kind) {
        if (present && !allowed) {
            errors.add(new FieldError("schedule/" + member, "does not belong to a " + kind + " schedule"));
        }
    }
}
