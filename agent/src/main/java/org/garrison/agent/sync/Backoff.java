package org.garrison.agent.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait after a failed call: 5 s doubling up to 10 minutes, each wait randomised by ±20 % so that agents
 * failing together do not come back together; reset by the first success (docs/agent-protocol.md, "Errors").
 */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final double SPREAD = 0.2;

    private final RandomGenerator random;
    private int failures;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The wait before the next attempt after one more failure. */
    public synchronized Duration next() {
        long base = Math.min(LONGEST.toMillis(), FIRST.toMillis() << Math.min(failures, 20));
        failures++;
        return Duration.ofMillis(jitter(base, random));
    }

    /** A wait the server asked for ({@code Retry-After}), spread a little so that agents do not return together. */
    public Duration honour(Duration retryAfter) {
        long base = Math.max(1000, retryAfter.toMillis());
        return Duration.ofMillis(base + (long) (random.nextDouble() * base * SPREAD));
    }

    /** After a success. */
    public synchronized void reset() {
        failures = 0;
    }

    /** The number of failures since the last success. */
    public synchronized int failures() {
        return failures;
    }

    static long jitter(long millis, RandomGenerator random) {
        double factor = 1 - SPREAD + random.nextDouble() * 2 * SPREAD;
        return Math.round(millis * factor);
    }
}
