package org.garrison.gateway.internal.instructions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;

/**
 * A row of {@code GATEWAY_INSTRUCTION}: an instruction for one device and where it stands.
 */
public record StoredInstruction(UUID id, UUID deviceId, String type, String application,
        Map<String, Object> parameters, String reference, InstructionState state, String message,
        Map<String, Object> result, Instant createdAt, Instant updatedAt, Instant expiresAt) {

    /** As the device receives it. */
    public Instruction instruction() {
        return new Instruction(id, type, application, parameters, createdAt, expiresAt);
    }

    /** As the server's areas see it. */
    public InstructionStatus status() {
        return new InstructionStatus(id, deviceId, type, application, reference, state, message, result, createdAt,
                updatedAt);
    }

    /** The same instruction in another state. */
    public StoredInstruction moved(InstructionState newState, String newMessage, Map<String, Object> newResult,
            Instant at) {
        return new StoredInstruction(id, deviceId, type, application, parameters, reference, newState, newMessage,
                newResult, createdAt, at, expiresAt);
    }
}
