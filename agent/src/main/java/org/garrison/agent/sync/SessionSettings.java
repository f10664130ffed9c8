package org.garrison.agent.sync;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how an agent keeps its state.
 *
 * @param dataFolder        the agent's data folder (identity, outbox, journal, inventory, status)
 * @param outboxMaxBytes    the outbox's cap
 * @param fsync             whether writes are forced to disk (always for a real agent; the simulator may skip it)
 * @param inventoryInterval how often the inventory is collected
 */
public record SessionSettings(Path dataFolder, long outboxMaxBytes, boolean fsync, Duration inventoryInterval) {
}
