package org.garrison.api.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's answer to a sync. Everything with a sequence number up to {@code storedThrough} is durably stored:
 * the agent may drop it from its outbox.
 *
 * @param deviceId             the agent's device
 * @param storedThrough        the highest sequence number stored for the agent (0 before the first item)
 * @param notices              items acknowledged without being applied, and why
 * @param instructions         instructions for the device that have no final result yet
 * @param fullInventory        whether the server asks for a full inventory report (its copy is missing or a partial
 *                             report did not apply)
 * @param nextSyncIn           seconds until the agent should sync again (already spread by the server)
 * @param renewCertificate     whether the agent should renew its certificate now
 * @param serverTime           the server's clock, so the agent can warn about a skewed clock
 * @param policies             the device's policies when the server looked at them again, else {@code null}: the
 *                             agent keeps what it holds
 */
public record SyncResponse(UUID deviceId, long storedThrough, List<ItemNotice> notices,
        List<Instruction> instructions, boolean fullInventory, int nextSyncIn, boolean renewCertificate,
        Instant serverTime, PolicyUpdate policies) {

    public SyncResponse {
        notices = List.copyOf(notices);
        instructions = List.copyOf(instructions);
    }

    /** An answer without policies. */
    public SyncResponse(UUID deviceId, long storedThrough, List<ItemNotice> notices, List<Instruction> instructions,
            boolean fullInventory, int nextSyncIn, boolean renewCertificate, Instant serverTime) {
        this(deviceId, storedThrough, notices, instructions, fullInventory, nextSyncIn, renewCertificate, serverTime,
                null);
    }

    /** The same answer with the device's policies. */
    public SyncResponse withPolicies(PolicyUpdate update) {
        return new SyncResponse(deviceId, storedThrough, notices, instructions, fullInventory, nextSyncIn,
                renewCertificate, serverTime, update);
    }
}
