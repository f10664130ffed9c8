package org.garrison.agent.outbox;

/**
 * How an outbox keeps its items.
 *
 * @param maxBytes the most the outbox holds on disk; when an append would pass it, the oldest events are dropped
 * @param fsync    whether an append returns only once its item is on the disk. Only the simulator switches it off
 *                 (thousands of simulated agents on one disk); a real agent always forces, so that nothing it queued
 *                 is lost by a power cut
 * @param lockFolder whether the outbox locks its folder against a second agent process. Only the simulator
 *                 switches it off: its thousands of agents live in one process, in folders of its own, and a lock
 *                 file each would cost an open file each
 */
public record OutboxOptions(long maxBytes, boolean fsync, boolean lockFolder) {

    /** The default cap of a real agent's outbox: 200 MB. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    public OutboxOptions {
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("An outbox needs at least 64 KiB, not " + maxBytes + " bytes");
        }
    }

    /** A real agent's outbox. */
    public static OutboxOptions durable(long maxBytes) {
        return new OutboxOptions(maxBytes, true, true);
    }

    /** A simulated agent's outbox: no forced writes, no folder lock. */
    public static OutboxOptions simulated(long maxBytes) {
        return new OutboxOptions(maxBytes, false, false);
    }
}
