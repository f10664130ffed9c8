package org.garrison.agent.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * How the running agent is doing, written to {@code status.json} after every sync attempt for
 * {@code garrison-agent status}.
 *
 * @param state          {@code starting}, {@code syncing}, {@code approval-pending}, {@code failing},
 *                       {@code revoked} or {@code stopped}
 * @param deviceId       the device the agent feeds, once known
 * @param outboxItems    items waiting in the outbox
 * @param outboxBytes    their size on disk
 * @param lastSyncAt     the last successful sync
 * @param lastError      the last failure's message, or {@code null} after a success
 * @param lastErrorCode  its code (the protocol's problem code, {@code unreachable}, ...)
 * @param lastErrorAt    when it happened
 * @param nextSyncAt     when the next sync is planned
 * @param updatedAt      when this was written
 */
public record AgentStatus(String state, UUID deviceId, int outboxItems, long outboxBytes, Instant lastSyncAt,
        String lastError, String lastErrorCode, Instant lastErrorAt, Instant nextSyncAt, Instant updatedAt) {

    public static final String STATUS_FILE = "status.json";
}
