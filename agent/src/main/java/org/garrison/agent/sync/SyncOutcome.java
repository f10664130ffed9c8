package org.garrison.agent.sync;

import java.time.Duration;
import java.util.UUID;

/**
 * What a sync achieved.
 *
 * @param deviceId     the agent's device
 * @param itemsSent    the items sent
 * @param acknowledged the items the server acknowledged
 * @param nextSyncIn   when the server wants the next sync
 * @param syncAgain    whether to sync again soon (a {@code sync-now} instruction, or items left)
 */
public record SyncOutcome(UUID deviceId, int itemsSent, int acknowledged, Duration nextSyncIn,
        boolean syncAgain) {
}
