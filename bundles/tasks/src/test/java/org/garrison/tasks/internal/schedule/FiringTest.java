package org.garrison.tasks.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskSchedule;
import org.junit.jupiter.api.Test;

class FiringTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final RandomGenerator RANDOM = new SplittableRandom(7);

    @Test
    void aStartOnTimeRunsAndMovesToTheNextTime() {
        TaskSchedule daily = ScheduleRulesTest.daily(LocalTime.of(3, 0), "UTC");
        Instant due = Instant.parse("2026-05-01T03:00:00Z");
        Firing firing = Firing.of(daily, due, due, due.plusSeconds(5), GRACE, false, RANDOM);
        assertFalse(firing.missed());
        assertTrue(firing.run());
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), firing.nominal());
        assertEquals(firing.nominal(), firing.startAt(), "device tasks spread their devices, not their start");
    }

    @Test
    void startsMissedWhileTheServerWasDownRunOnceIfTheTaskAsksFor() {
        Instant due = Instant.parse("2026-05-01T03:00:00Z");
        Instant backUp = Instant.parse("2026-05-04T09:30:00Z");
        TaskSchedule skip = ScheduleRulesTest.daily(LocalTime.of(3, 0), "UTC");
        Firing skipped = Firing.of(skip, due, due, backUp, GRACE, false, RANDOM);
        assertTrue(skipped.missed());
        assertFalse(skipped.run());
        TaskSchedule makeUp = new TaskSchedule(ScheduleKind.DAILY, null, null, null, LocalTime.of(3, 0), null, null,
                null, "UTC", 0, true, null);
        Firing madeUp = Firing.of(makeUp, due, due, backUp, GRACE, false, RANDOM);
        assertTrue(madeUp.missed());
        assertTrue(madeUp.run());
        // three starts were missed; one run makes up for them and the next one is the next to come
        assertEquals(Instant.parse("2026-05-05T03:00:00Z"), madeUp.nominal());
    }

    @Test
    void aStartALittleLateIsNotMissed() {
        TaskSchedule daily = ScheduleRulesTest.daily(LocalTime.of(3, 0), "UTC");
        Instant due = Instant.parse("2026-05-01T03:00:00Z");
        assertFalse(Firing.of(daily, due, due, due.plus(GRACE), GRACE, false, RANDOM).missed());
        assertTrue(Firing.of(daily, due, due, due.plus(GRACE).plusSeconds(1), GRACE, false, RANDOM).missed());
    }

    @Test
    void aSingleStartHasNoNextTime() {
        Instant at = Instant.parse("2026-05-01T03:00:00Z");
        TaskSchedule once = ScheduleRulesTest.schedule(ScheduleKind.ONCE, at, null, null, null, Set.of(), null, null,
                "UTC");
        Firing firing = Firing.of(once, at, at, at.plusSeconds(1), GRACE, true, RANDOM);
        assertTrue(firing.run());
        assertNull(firing.nominal());
        assertNull(firing.startAt());
    }

    @Test
    void theRandomDelayStaysWithinItsBoundsAndSpreads() {
        TaskSchedule delayed = new TaskSchedule(ScheduleKind.DAILY, null, null, null, LocalTime.of(3, 0), null, null,
                null, "UTC", 10, false, null);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Duration delay = Firing.randomDelay(delayed, RANDOM);
            assertFalse(delay.isNegative());
            assertTrue(delay.compareTo(Duration.ofMinutes(10)) <= 0, delay::toString);
            seen.add(delay.toSeconds());
        }
        assertTrue(seen.size() > 400, "delays spread over the window: " + seen.size() + " distinct");
        assertEquals(Duration.ZERO, Firing.randomDelay(ScheduleRulesTest.daily(LocalTime.NOON, "UTC"), RANDOM));
        Instant due = Instant.parse("2026-05-01T03:00:00Z");
        Firing server = Firing.of(delayed, due, due, due, GRACE, true, RANDOM);
        Duration offset = Duration.between(server.nominal(), server.startAt());
        assertFalse(offset.isNegative());
        assertTrue(offset.compareTo(Duration.ofMinutes(10)) <= 0);
    }
}
