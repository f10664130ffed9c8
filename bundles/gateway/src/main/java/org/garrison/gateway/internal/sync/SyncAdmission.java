package org.garrison.gateway.internal.sync;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.gateway.internal.GatewayRefusal;

/**
 * Back-pressure in front of the sync path: at most {@code capacity} syncs are in the gateway at once (being parsed,
 * waiting or being stored), beyond which agents are answered {@code 503 overloaded}. Each agent has a bucket of
 * {@code burst} syncs that refills by one per spacing, so an agent can drain a backlog or retry at once, but one
 * that keeps syncing faster than the spacing is answered {@code 429 too-many-requests}. Both answers cost no parsing
 * and no database work. Memory stays flat: one entry per agent whose bucket is not full again yet.
 */
final class SyncAdmission {

    /** The least {@code Retry-After} of a 503; each answer adds up to as much again at random. */
    static final int OVERLOADED_RETRY_SECONDS = 5;

    private volatile int capacity;
    private volatile long spacingMillis;
    private volatile int burst;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    SyncAdmission(int capacity, int minSyncSpacingSeconds, int burst, Clock clock) {
        this.clock = clock;
        change(capacity, minSyncSpacingSeconds, burst);
    }

    /** Applies new limits; syncs already admitted keep their places. */
    void change(int newCapacity, int minSyncSpacingSeconds, int newBurst) {
        this.capacity = newCapacity;
        this.spacingMillis = minSyncSpacingSeconds * 1000L;
        this.burst = Math.max(1, newBurst);
    }

    /**
     * Lets a sync in.
     *
     * @return the ticket to {@link Ticket#release() release} once the sync is answered
     * @throws GatewayRefusal {@code 503 overloaded} or {@code 429 too-many-requests}, with Retry-After
     */
    Ticket admit(UUID agentId) {
        if (inFlight.incrementAndGet() > capacity) {
            inFlight.decrementAndGet();
            int retry = OVERLOADED_RETRY_SECONDS + ThreadLocalRandom.current().nextInt(OVERLOADED_RETRY_SECONDS + 1);
            throw new GatewayRefusal(503, "overloaded", "The server is busy; sync again later", retry, List.of());
        }
        long now = clock.millis();
        long spacing = spacingMillis;
        long[] waitMillis = {0};
        if (spacing > 0) {
            buckets.compute(agentId, (id, bucket) -> {
                double tokens = bucket == null ? burst : bucket.tokensAt(now, spacing, burst);
                if (tokens < 1) {
                    waitMillis[0] = (long) Math.ceil((1 - tokens) * spacing);
                    return new Bucket(tokens, now);
                }
                return new Bucket(tokens - 1, now);
            });
        }
        if (waitMillis[0] > 0) {
            inFlight.decrementAndGet();
            int retry = (int) Math.max(1, (waitMillis[0] + 999) / 1000);
            throw new GatewayRefusal(429, "too-many-requests", "This agent synced " + burst
                    + " times within " + burst * spacing / 1000 + " s; at most one sync per " + spacing / 1000
                    + " s follows", retry, List.of());
        }
        return new Ticket();
    }

    /** How full the gateway is, from 0 (idle) to 1 (every place taken). */
    double load() {
        return capacity == 0 ? 1 : Math.min(1, inFlight.get() / (double) capacity);
    }

    /** Forgets agents whose buckets are full again, so the map holds only the last few seconds' agents. */
    void purge() {
        long now = clock.millis();
        long spacing = spacingMillis;
        buckets.values().removeIf(bucket -> spacing == 0 || bucket.tokensAt(now, spacing, burst) >= burst);
    }

    int tracked() {
        return buckets.size();
    }

    /** What is left of an agent's burst, as of a moment. */
    private record Bucket(double tokens, long at) {

        double tokensAt(long now, long spacing, int burst) {
            return Math.min(burst, tokens + (now - at) / (double) spacing);
        }
    }

    /** A place in the gateway, held until the sync is answered. */
    final class Ticket {

        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
