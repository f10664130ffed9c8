package org.garrison.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something the server asks one device to do, delivered with the answer to a sync until the device reports a final
 * result (so a lost answer only delivers it again: agents act on each instruction id once).
 *
 * @param id          the instruction's id
 * @param type        {@link #SYNC_NOW}, {@link #REFRESH_INVENTORY}, or a task type of the application
 * @param application {@code null} for the agent's own types, else the application (plugin) id that handles it
 * @param parameters  type-specific parameters as a JSON object
 * @param createdAt   when it was queued
 * @param expiresAt   after this the device must not start it (it reports it failed), or {@code null}
 */
public record Instruction(UUID id, String type, String application, Map<String, Object> parameters,
        Instant createdAt, Instant expiresAt) {

    /** Sync at once (and report success). */
    public static final String SYNC_NOW = "sync-now";

    /** Collect the whole inventory again and send it as a full report. */
    public static final String REFRESH_INVENTORY = "refresh-inventory";

    public Instruction {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
