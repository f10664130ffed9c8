package org.garrison.gateway.internal.sync;

import java.util.List;
import java.util.UUID;

import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.ItemNotice;

/**
 * What storing one sync did, for its answer and for what happens after the transaction commits.
 *
 * @param sync            the sync
 * @param deviceId        the agent's device
 * @param storedThrough   the highest sequence number now stored for the agent
 * @param notices         items acknowledged without being applied
 * @param instructions    the device's open instructions
 * @param fullInventory   whether a full inventory report is wanted
 * @param changed         instructions whose state changed (results, expiry), for the result listeners
 * @param deviceCreated   whether the sync created the agent's device
 * @param applicationData whether application data went into the inbox
 */
record SyncOutcome(PendingSync sync, UUID deviceId, long storedThrough, List<ItemNotice> notices,
        List<Instruction> instructions, boolean fullInventory, List<InstructionStatus> changed,
        boolean deviceCreated, boolean applicationData) {
}
