package org.garrison.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleFromFiveSecondsToTenMinutesWithinTwentyPercent() {
        Backoff backoff = new Backoff(new SplittableRandom(7));
        long[] expected = {5, 10, 20, 40, 80, 160, 320, 600, 600, 600};
        for (long seconds : expected) {
            long millis = backoff.next().toMillis();
            assertTrue(millis >= seconds * 800 && millis <= seconds * 1200,
                    millis + " ms is not within 20 % of " + seconds + " s");
        }
    }

    @Test
    void jitterSpreadsWaitsOverTheWholeBand() {
        SplittableRandom random = new SplittableRandom(3);
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = Backoff.jitter(10_000, random);
            lowest = Math.min(lowest, wait);
            highest = Math.max(highest, wait);
        }
        assertTrue(lowest >= 8000 && lowest < 8100, "lowest " + lowest);
        assertTrue(highest <= 12_000 && highest > 11_900, "highest " + highest);
    }

    @Test
    void aSuccessStartsTheScheduleOver() {
        Backoff backoff = new Backoff(new SplittableRandom(1));
        backoff.next();
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(0, backoff.failures());
        assertTrue(backoff.next().toMillis() <= 6000);
    }

    @Test
    void aServersRetryAfterIsHonouredAndOnlyLengthened() {
        Backoff backoff = new Backoff(new SplittableRandom(5));
        for (int i = 0; i < 1000; i++) {
            long wait = backoff.honour(Duration.ofSeconds(30)).toMillis();
            assertTrue(wait >= 30_000 && wait <= 36_000, "wait " + wait);
        }
        assertEquals(0, backoff.failures(), "the server's wait does not grow the back-off");
    }
}
