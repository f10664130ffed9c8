package org.garrison.gateway.internal.instructions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;

/**
 * The sync path's side of instructions, inside the sync's transaction: what a device gets with its answer, and what
 * its reported results change.
 */
public final class InstructionDesk {

    /** The message of an instruction that expired before its device started it. */
    public static final String EXPIRED = "expired";

    private final InstructionRepository repository;

    public InstructionDesk(InstructionRepository repository) {
        this.repository = repository;
    }

    /**
     * The instructions to hand to a device: every open one, pending ones marked delivered. Those past their expiry
     * that the device has not started fail instead.
     *
     * @param changed receives the status of every instruction that failed for expiry, for the result listeners
     */
    public List<Instruction> deliver(Connection connection, UUID deviceId, Instant now,
            List<InstructionStatus> changed) throws SQLException {
        List<Instruction> deliver = new ArrayList<>();
        List<UUID> delivered = new ArrayList<>();
        for (StoredInstruction instruction : repository.open(connection, deviceId)) {
            boolean started = instruction.state() == InstructionState.RUNNING;
            if (!started && instruction.expiresAt() != null && !instruction.expiresAt().isAfter(now)) {
                if (repository.move(connection, instruction.id(), InstructionState.FAILED, EXPIRED, null, now)) {
                    changed.add(instruction.moved(InstructionState.FAILED, EXPIRED, Map.of(), now)
                            .status());
                }
                continue;
            }
            if (instruction.state() == InstructionState.PENDING) {
                delivered.add(instruction.id());
            }
            deliver.add(instruction.instruction());
        }
        if (!delivered.isEmpty()) {
            repository.markDelivered(connection, delivered, now);
        }
        return deliver;
    }

    /**
     * Applies a result a device reported. A result for an instruction that already has a final state (e.g.
     * cancelled meanwhile) changes nothing; one for an instruction of another device, or none, is unknown.
     *
     * @return whether the instruction is the device's, and its new status if it moved
     */
    public Reported report(Connection connection, UUID deviceId, InstructionResult result,
            Instant now) throws SQLException {
        Optional<StoredInstruction> found = repository.find(connection, result.instructionId())
                .filter(instruction -> instruction.deviceId().equals(deviceId));
        if (found.isEmpty()) {
            return new Reported(false, Optional.empty());
        }
        StoredInstruction instruction = found.get();
        if (instruction.state().isFinal() || instruction.state() == result.state()
                || !repository.move(connection, instruction.id(), result.state(), result.message(), result.result(),
                        now)) {
            return new Reported(true, Optional.empty());
        }
        return new Reported(true,
                Optional.of(instruction.moved(result.state(), result.message(), result.result(), now).status()));
    }

    /**
     * What a reported result did.
     *
     * @param known   whether the instruction exists and is the reporting device's
     * @param changed its new status, if it moved
     */
    public record Reported(boolean known, Optional<InstructionStatus> changed) {
    }
}
