package org.garrison.agent.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fleet did, counted by all driving threads and printed every ten seconds: rates over the last period,
 * totals since the start, and the sync latency percentiles of the period.
 */
final class SimulationStats {

    private final LongAdder enrolled = new LongAdder();
    private final LongAdder syncs = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private long[] latencies = new long[1024];
    private int latencyCount;

    private long lastSyncs;
    private long lastEvents;
    private long lastAcknowledged;

    void enrolled() {
        enrolled.increment();
    }

    void eventsQueued(int count) {
        events.add(count);
    }

    synchronized void synced(long latencyNanos, int acknowledgedItems) {
        syncs.increment();
        acknowledged.add(acknowledgedItems);
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = latencyNanos;
    }

    void failed(String code) {
        errors.computeIfAbsent(code, key -> new LongAdder()).increment();
    }

    long enrolledCount() {
        return enrolled.sum();
    }

    /** One line for the period just ended, and resets the period's latencies. */
    synchronized String line(Duration period, int agents) {
        double seconds = Math.max(0.001, period.toMillis() / 1000.0);
        long syncTotal = syncs.sum();
        long eventTotal = events.sum();
        long ackTotal = acknowledged.sum();
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        latencyCount = 0;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, count) -> errorCounts.put(code, count.sum()));
        String line = String.format("enrolled %d/%d | syncs/s %.1f | events/s %.1f | acknowledged %d (+%d) | "
                + "sync p50 %s p99 %s | errors %s", enrolled.sum(), agents, (syncTotal - lastSyncs) / seconds,
                (eventTotal - lastEvents) / seconds, ackTotal, ackTotal - lastAcknowledged,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                errorCounts.isEmpty() ? "none" : errorCounts);
        lastSyncs = syncTotal;
        lastEvents = eventTotal;
        lastAcknowledged = ackTotal;
        return line;
    }

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "-" : String.format("%.1fms", nanos / 1_000_000.0);
    }
}
