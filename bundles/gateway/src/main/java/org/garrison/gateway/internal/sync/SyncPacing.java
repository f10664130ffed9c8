package org.garrison.gateway.internal.sync;

/**
 * When an agent should sync next: the configured interval, stretched when the gateway is busy (so a herd of agents
 * thins out on its own), spread at random by the jitter so agents that started together drift apart.
 */
final class SyncPacing {

    /** A full gateway asks agents to wait up to this many intervals. */
    static final double MAX_STRETCH = 3;

    /** No answer asks for a sooner sync than this. */
    static final int MIN_SECONDS = 10;

    private SyncPacing() {
    }

    /**
     * @param intervalSeconds the configured interval
     * @param jitterPercent   how much to spread either way
     * @param load            how full the gateway is, 0 to 1
     * @param random          a random number from -1 to 1
     */
    static int nextSyncIn(int intervalSeconds, int jitterPercent, double load, double random) {
        double stretched = intervalSeconds * (1 + (MAX_STRETCH - 1) * Math.max(0, Math.min(1, load)));
        double spread = stretched * (1 + Math.max(-1, Math.min(1, random)) * jitterPercent / 100.0);
        return (int) Math.max(MIN_SECONDS, Math.round(spread));
    }
}
