package org.garrison.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a device reports about an instruction it received.
 *
 * @param instructionId the instruction
 * @param state         {@link InstructionState#RUNNING}, {@link InstructionState#SUCCEEDED} or
 *                      {@link InstructionState#FAILED}
 * @param at            when the device reached that state
 * @param message       a human-readable message (required for a failure), at most 2,000 characters, or {@code null}
 * @param result        type-specific results as a JSON object, or {@code null}
 */
public record InstructionResult(UUID instructionId, InstructionState state, Instant at, String message,
        Map<String, Object> result) {

    public InstructionResult {
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }
}
