package org.garrison.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An instruction for one device and where it stands.
 *
 * @param id          the instruction
 * @param deviceId    its device
 * @param type        its type
 * @param application the application that handles it, or {@code null}
 * @param reference   what it belongs to (e.g. a task id), or {@code null}
 * @param state       where it stands
 * @param message     the device's message, or {@code null}
 * @param result      the device's results
 * @param createdAt   when it was queued
 * @param updatedAt   when its state last changed
 */
public record InstructionStatus(UUID id, UUID deviceId, String type, String application, String reference,
        InstructionState state, String message, Map<String, Object> result, Instant createdAt, Instant updatedAt) {

    public InstructionStatus {
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }
}
