package org.garrison.bench.gateway;

/** Percentiles of sorted latencies in nanoseconds, as milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    static double millis(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
