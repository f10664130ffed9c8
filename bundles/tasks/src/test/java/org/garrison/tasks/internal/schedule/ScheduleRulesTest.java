package org.garrison.tasks.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.garrison.api.error.FieldError;
import org.garrison.api.task.IntervalUnit;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskSchedule;
import org.junit.jupiter.api.Test;

class ScheduleRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aManualScheduleNeverFires() {
        assertEquals(Optional.empty(),
                ScheduleRules.next(TaskSchedule.manual(), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void aSingleStartFiresOnceAndThenNeverAgain() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        TaskSchedule once = schedule(ScheduleKind.ONCE, at, null, null, null, Set.of(), null, null, "UTC");
        assertEquals(Optional.of(at), ScheduleRules.next(once, at.minusSeconds(1)));
        assertEquals(Optional.empty(), ScheduleRules.next(once, at));
    }

    @Test
    void anIntervalCountsRealTimeFromItsFirstStartAcrossDaylightSavingChanges() {
        Instant first = Instant.parse("2026-03-28T23:00:00Z");
        TaskSchedule everyTwoHours = schedule(ScheduleKind.EVERY, first, 2, IntervalUnit.HOURS, null, Set.of(), null,
                null, "Europe/Berlin");
        assertEquals(first, ScheduleRules.next(everyTwoHours, first.minusSeconds(3600)).orElseThrow());
        // the night Berlin skips 02:00-03:00: still two real hours between starts
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), ScheduleRules.next(everyTwoHours, first).orElseThrow());
        assertEquals(Instant.parse("2026-03-29T03:00:00Z"),
                ScheduleRules.next(everyTwoHours, Instant.parse("2026-03-29T01:00:00Z")).orElseThrow());
        TaskSchedule everyFifteenMinutes = schedule(ScheduleKind.EVERY, first, 15, IntervalUnit.MINUTES, null,
                Set.of(), null, null, "UTC");
        assertEquals(Instant.parse("2026-04-01T12:15:00Z"),
                ScheduleRules.next(everyFifteenMinutes, Instant.parse("2026-04-01T12:07:13Z")).orElseThrow());
    }

    @Test
    void aDailyTimeFollowsTheLocalClock() {
        TaskSchedule daily = daily(LocalTime.of(2, 30), "Europe/Berlin");
        // winter: 02:30 CET is 01:30 UTC; summer: 02:30 CEST is 00:30 UTC
        assertEquals(Instant.parse("2026-01-15T01:30:00Z"),
                ScheduleRules.next(daily, Instant.parse("2026-01-14T12:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2026-07-15T00:30:00Z"),
                ScheduleRules.next(daily, Instant.parse("2026-07-14T12:00:00Z")).orElseThrow());
    }

    @Test
    void aTimeTheSpringChangeSkipsHappensRightAfterTheChangeOnce() {
        TaskSchedule daily = daily(LocalTime.of(2, 30), "Europe/Berlin");
        // 2026-03-29: clocks jump from 02:00 to 03:00 local time; 02:30 does not exist and becomes 03:30 CEST
        Instant skipped = ScheduleRules.next(daily, Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, BERLIN).toInstant(), skipped);
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), ScheduleRules.next(daily, skipped).orElseThrow());
    }

    @Test
    void aTimeTheAutumnChangeRepeatsHappensOnlyTheFirstTime() {
        TaskSchedule daily = daily(LocalTime.of(2, 30), "Europe/Berlin");
        // 2026-10-25: 02:00-03:00 happens twice (CEST, then CET); 02:30 fires at its first occurrence only
        Instant first = ScheduleRules.next(daily, Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first);
        Instant next = ScheduleRules.next(daily, first).orElseThrow();
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), next);
        // asked from within the repeated hour, after the first 02:30, the second 02:30 is not a new start either
        assertEquals(next, ScheduleRules.next(daily, Instant.parse("2026-10-25T01:15:00Z")).orElseThrow());
    }

    @Test
    void aCronExpressionEveryQuarterHourSkipsTheMissingHourWithoutRepeatingAny() {
        TaskSchedule cron = cron("*/15 * * * *", "Europe/Berlin");
        List<Instant> fires = fires(cron, Instant.parse("2026-03-29T00:50:00Z"), 6);
        // local 02:00-02:45 do not exist and resolve to 03:00-03:45 CEST (01:00Z-01:45Z): each fires once
        assertEquals(List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:15:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T01:45:00Z"),
                Instant.parse("2026-03-29T02:00:00Z"), Instant.parse("2026-03-29T02:15:00Z")), fires);
        List<Instant> autumn = fires(cron, Instant.parse("2026-10-25T00:40:00Z"), 4);
        // the repeated hour fires once: 02:45 CEST (00:45Z), then 03:00 CET (02:00Z)
        assertEquals(List.of(Instant.parse("2026-10-25T00:45:00Z"), Instant.parse("2026-10-25T02:00:00Z"),
                Instant.parse("2026-10-25T02:15:00Z"), Instant.parse("2026-10-25T02:30:00Z")), autumn);
    }

    @Test
    void aWeeklyScheduleFiresOnItsDaysOnly() {
        TaskSchedule weekly = schedule(ScheduleKind.WEEKLY, null, null, null, LocalTime.of(18, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, null, "UTC");
        // 2026-06-03 is a Wednesday
        assertEquals(List.of(Instant.parse("2026-06-05T18:00:00Z"), Instant.parse("2026-06-08T18:00:00Z"),
                Instant.parse("2026-06-12T18:00:00Z")), fires(weekly, Instant.parse("2026-06-03T00:00:00Z"), 3));
    }

    @Test
    void aMonthlyDayBeyondAShortMonthFallsOnItsLastDay() {
        TaskSchedule monthly = schedule(ScheduleKind.MONTHLY, null, null, null, LocalTime.of(23, 0), Set.of(), 31,
                null, "UTC");
        assertEquals(List.of(Instant.parse("2026-01-31T23:00:00Z"), Instant.parse("2026-02-28T23:00:00Z"),
                Instant.parse("2026-03-31T23:00:00Z"), Instant.parse("2026-04-30T23:00:00Z")),
                fires(monthly, Instant.parse("2026-01-01T00:00:00Z"), 4));
        TaskSchedule leap = schedule(ScheduleKind.MONTHLY, null, null, null, LocalTime.of(6, 0), Set.of(), 30, null,
                "UTC");
        assertEquals(Instant.parse("2028-02-29T06:00:00Z"),
                ScheduleRules.next(leap, Instant.parse("2028-02-01T00:00:00Z")).orElseThrow());
    }

    @Test
    void cronUnderstandsListsRangesStepsAndNames() {
        TaskSchedule workdays = cron("0 9-17/4 * JAN-MAR MON-FRI", "UTC");
        // 2026-01-02 is a Friday, 2026-01-05 a Monday
        assertEquals(List.of(Instant.parse("2026-01-02T09:00:00Z"), Instant.parse("2026-01-02T13:00:00Z"),
                Instant.parse("2026-01-02T17:00:00Z"), Instant.parse("2026-01-05T09:00:00Z")),
                fires(workdays, Instant.parse("2026-01-01T20:00:00Z"), 4));
        // out of season: the next start is the next January
        assertEquals(Instant.parse("2027-01-01T09:00:00Z"),
                ScheduleRules.next(workdays, Instant.parse("2026-03-31T18:00:00Z")).orElseThrow());
        TaskSchedule list = cron("5,35 0 * * 0", "UTC");
        assertEquals(List.of(Instant.parse("2026-01-04T00:05:00Z"), Instant.parse("2026-01-04T00:35:00Z"),
                Instant.parse("2026-01-11T00:05:00Z")), fires(list, Instant.parse("2026-01-01T00:00:00Z"), 3));
        assertEquals(ScheduleRules.next(list, Instant.parse("2026-01-01T00:00:00Z")),
                ScheduleRules.next(cron("5,35 0 * * 7", "UTC"), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void cronWithDayOfMonthAndDayOfWeekFiresOnEither() {
        // the 13th, and every Friday
        TaskSchedule either = cron("0 12 13 * FRI", "UTC");
        assertEquals(List.of(Instant.parse("2026-02-06T12:00:00Z"), Instant.parse("2026-02-13T12:00:00Z"),
                Instant.parse("2026-02-20T12:00:00Z")), fires(either, Instant.parse("2026-02-01T00:00:00Z"), 3));
        // a restricted day of month with * as day of week: only the 13th
        assertEquals(List.of(Instant.parse("2026-02-13T12:00:00Z"), Instant.parse("2026-03-13T12:00:00Z")),
                fires(cron("0 12 13 * *", "UTC"), Instant.parse("2026-02-01T00:00:00Z"), 2));
    }

    @Test
    void invalidSchedulesAreRefusedWithTheirPaths() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        assertEquals(List.of("schedule/kind"), fields(ScheduleRules.check(schedule(null, null, null, null, null,
                Set.of(), null, null, "UTC"), now, null)));
        assertEquals(List.of("schedule/at"), fields(ScheduleRules.check(schedule(ScheduleKind.ONCE,
                now.minusSeconds(60), null, null, null, Set.of(), null, null, "UTC"), now, null)));
        assertEquals(List.of("schedule/unit", "schedule/interval"), fields(ScheduleRules.check(
                schedule(ScheduleKind.EVERY, null, 0, null, null, Set.of(), null, null, "UTC"), now, null)));
        assertEquals(List.of("schedule/time", "schedule/daysOfWeek"), fields(ScheduleRules.check(
                schedule(ScheduleKind.WEEKLY, null, null, null, null, Set.of(), null, null, "UTC"), now, null)));
        assertEquals(List.of("schedule/dayOfMonth"), fields(ScheduleRules.check(schedule(ScheduleKind.MONTHLY, null,
                null, null, LocalTime.NOON, Set.of(), 32, null, "UTC"), now, null)));
        assertEquals(List.of("schedule/timeZone"), fields(ScheduleRules.check(daily(LocalTime.NOON, "Mars/Olympus"),
                now, null)));
        assertEquals(List.of("schedule/cron"), fields(ScheduleRules.check(cron("61 * * * *", "UTC"), now, null)));
        assertEquals(List.of("schedule/cron"), fields(ScheduleRules.check(cron("* * *", "UTC"), now, null)));
        assertEquals(List.of("schedule/cron"), fields(ScheduleRules.check(cron("0 0 30 FEB *", "UTC"), now, null)));
        assertEquals(List.of("schedule/cron"), fields(ScheduleRules.check(cron("0 0 5-1 * *", "UTC"), now, null)));
        assertEquals(List.of("schedule/cron"), fields(ScheduleRules.check(
                schedule(ScheduleKind.DAILY, null, null, null, LocalTime.NOON, Set.of(), null, "0 0 * * *", "UTC"),
                now, null)));
        assertEquals(List.of("schedule/randomDelayMinutes", "schedule/stopAfterMinutes"),
                fields(ScheduleRules.check(new TaskSchedule(ScheduleKind.MANUAL, null, null, null, null, null, null,
                        null, null, 1441, false, 0), now, null)));
    }

    @Test
    void aSingleStartThatHasPassedStaysValidWhileItIsNotChanged() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        TaskSchedule passed = schedule(ScheduleKind.ONCE, now.minusSeconds(3600), null, null, null, Set.of(), null,
                null, "UTC");
        assertEquals(List.of(), ScheduleRules.check(passed, now, passed));
    }

    @Test
    void anIntervalWithoutAFirstStartCountsFromWhenItWasSaved() {
        TaskSchedule every = schedule(ScheduleKind.EVERY, null, 10, IntervalUnit.MINUTES, null, Set.of(), null, null,
                "UTC");
        TaskSchedule stored = ScheduleRules.normalise(every, Instant.parse("2026-05-01T08:03:17.250Z"));
        assertEquals(Instant.parse("2026-05-01T08:03:17Z"), stored.at());
        assertEquals(Instant.parse("2026-05-01T08:13:17Z"),
                ScheduleRules.next(stored, Instant.parse("2026-05-01T08:03:17.250Z")).orElseThrow());
    }

    static List<Instant> fires(TaskSchedule schedule, Instant from, int count) {
        List<Instant> fires = new ArrayList<>();
        Instant after = from;
        for (int i = 0; i < count; i++) {
            after = ScheduleRules.next(schedule, after).orElseThrow();
            fires.add(after);
        }
        return fires;
    }

    private static List<String> fields(List<FieldError> errors) {
        assertTrue(errors.stream().allMatch(e -> !e.message().isBlank()));
        return errors.stream().map(FieldError::field).toList();
    }

    static TaskSchedule daily(LocalTime time, String zone) {
        return schedule(ScheduleKind.DAILY, null, null, null, time, Set.of(), null, null, zone);
    }

    static TaskSchedule cron(String expression, String zone) {
        return schedule(ScheduleKind.CRON, null, null, null, null, Set.of(), null, expression, zone);
    }

    static TaskSchedule schedule(ScheduleKind kind, Instant at, Integer interval, IntervalUnit unit, LocalTime time,
            Set<DayOfWeek> days, Integer dayOfMonth, String cron, String zone) {
        return new TaskSchedule(kind, at, interval, unit, time, days, dayOfMonth, cron, zone, 0, false, null);
    }
}
