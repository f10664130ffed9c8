package org.garrison.tasks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Ids;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.error.NotFoundException;

/**
 * The agent gateway's instruction queue, in memory: what tasks queued, what devices reported (through
 * {@link #report}, which returns the status the gateway would announce), and which agents were woken.
 */
final class TestInstructions implements AgentInstructions {

    private final TestDevices devices;
    private final Clock clock;
    private final Map<UUID, InstructionStatus> instructions = new LinkedHashMap<>();
    private final Map<UUID, NewInstruction> queued = new LinkedHashMap<>();
    final List<UUID> woken = new ArrayList<>();

    TestInstructions(TestDevices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public synchronized List<UUID> enqueue(Collection<UUID> deviceIds, NewInstruction instruction) {
        Set<UUID> known = devices.groupsOf(Set.copyOf(deviceIds)).keySet();
        List<UUID> ids = new ArrayList<>();
        for (UUID deviceId : deviceIds) {
            if (!known.contains(deviceId)) {
                throw new NotFoundException("Device", deviceId);
            }
            UUID id = Ids.newId();
            instructions.put(id, new InstructionStatus(id, deviceId, instruction.type(), instruction.application(),
                    instruction.reference(), InstructionState.PENDING, null, Map.of(), clock.instant(),
                    clock.instant()));
            queued.put(id, instruction);
            ids.add(id);
        }
        return ids;
    }

    @Override
    public synchronized int cancel(Collection<UUID> instructionIds) {
        int cancelled = 0;
        for (UUID id : instructionIds) {
            InstructionStatus status = instructions.get(id);
            if (status != null && !status.state().isFinal()) {
                move(id, InstructionState.CANCELLED, null, Map.of());
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public synchronized InstructionStatus get(UUID instructionId) {
        InstructionStatus status = instructions.get(instructionId);
        if (status == null) {
            throw new NotFoundException("Instruction", instructionId);
        }
        return status;
    }

    @Override
    public synchronized List<InstructionStatus> byReference(String reference) {
        return instructions.values().stream().filter(s -> reference.equals(s.reference())).toList();
    }

    @Override
    public synchronized int syncNow(Collection<UUID> deviceIds) {
        woken.addAll(deviceIds);
        return deviceIds.size();
    }

    /** A device reports a state; a final state is kept, as the gateway keeps it. */
    synchronized InstructionStatus report(UUID instructionId, InstructionState state, String message,
            Map<String, Object> result) {
        if (instructions.get(instructionId).state().isFinal()) {
            return instructions.get(instructionId);
        }
        return move(instructionId, state, message, result);
    }

    /** What was queued for an instruction. */
    synchronized NewInstruction queued(UUID instructionId) {
        return queued.get(instructionId);
    }

    synchronized List<InstructionStatus> all() {
        return List.copyOf(instructions.values());
    }

    private InstructionStatus move(UUID id, InstructionState state, String message, Map<String, Object> result) {
        InstructionStatus old = instructions.get(id);
        InstructionStatus moved = new InstructionStatus(id, old.deviceId(), old.type(), old.application(),
                old.reference(), state, message, result, old.createdAt(), clock.instant());
        instructions.put(id, moved);
        return moved;
    }
}
