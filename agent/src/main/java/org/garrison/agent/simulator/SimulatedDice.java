package org.garrison.agent.simulator;

import java.util.List;

/**
 * Stateless randomness for the simulator: every decision is a hash of the seed, the machine's index and what is
 * decided (a product, a day, an event slot), so a machine's state at any time is a pure function of those and needs
 * no memory, and the same seed gives the same fleet in every run.
 */
final class SimulatedDice {

    private SimulatedDice() {
    }

    /** A well-mixed 64-bit hash of the parts (SplitMix64's finaliser applied after each part). */
    static long hash(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A number in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** An index in [0, size) from a hash. */
    static int below(long hash, int size) {
        return (int) Math.floorMod(hash, (long) size);
    }

    /** One of the items, chosen by a hash. */
    static <T> T pick(long hash, List<T> items) {
        return items.get(below(hash, items.size()));
    }

    /** A number in [from, to) from a hash. */
    static double between(long hash, double from, double to) {
        return from + unit(hash) * (to - from);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
