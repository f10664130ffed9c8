package org.garrison.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instruction to queue for a device through {@link AgentInstructions#enqueue}.
 *
 * @param type        the instruction type (see {@link Instruction})
 * @param application {@code null} for the agent's own types, else the application (plugin) id
 * @param parameters  type-specific parameters as a JSON object, at most 64 KiB as JSON
 * @param expiresAt   after this it is not delivered any more and fails, or {@code null}
 * @param reference   what the instruction belongs to (e.g. a task id), handed back with its results, or {@code null}
 */
public record NewInstruction(String type, String application, Map<String, Object> parameters, Instant expiresAt,
        String reference) {

    public NewInstruction {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
