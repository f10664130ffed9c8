package org.garrison.gateway.internal;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.agent.AgentState;

/**
 * An enrolled agent as the gateway sees it when a request arrives with its certificate.
 *
 * @param agentId          the agent (its certificate's common name)
 * @param state            whether it may sync
 * @param deviceId         its device, or {@code null} before its first sync created one
 * @param groupId          the group its device is created in (from its enrollment token)
 * @param hardwareId       the stable id of its machine
 * @param hostname         its host name as enrolled
 * @param certificateSerial the serial (hex) of the certificate it presented
 * @param renewAfter       when that certificate should be renewed
 */
public record AgentIdentity(UUID agentId, AgentState state, UUID deviceId, UUID groupId, String hardwareId,
        String hostname, String certificateSerial, Instant renewAfter) {
}
