package org.garrison.api.agent;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends instructions to devices through their agents, and wakes agents to sync now. Instructions for a device that
 * is offline wait for its next sync.
 */
@ProviderType
public interface AgentInstructions {

    /** The longest instruction type or application id. */
    int MAX_NAME_LENGTH = 100;

    /**
     * Queues an instruction for each device, in one transaction (joining the caller's).
     *
     * @return the id of each device's instruction, in the order of the devices
     * @throws org.garrison.api.error.ValidationException if the type or application is malformed, or the
     *         parameters are too large
     * @throws org.garrison.api.error.NotFoundException if a device does not exist
     */
    List<UUID> enqueue(Collection<UUID> deviceIds, NewInstruction instruction);

    /**
     * Cancels the instructions that have no final state yet; finished ones are left as they are.
     *
     * @return how many were cancelled
     */
    int cancel(Collection<UUID> instructionIds);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such instruction
     */
    InstructionStatus get(UUID instructionId);

    /** The instructions queued with the given reference (e.g. a task's), newest first. */
    List<InstructionStatus> byReference(String reference);

    /**
     * Asks the agents of these devices to sync now: those holding a wake channel open hear it at once, spread over
     * a few seconds when there are many; the others sync at their next interval.
     *
     * @return how many of them were listening and were woken
     */
    int syncNow(Collection<UUID> deviceIds);
}
