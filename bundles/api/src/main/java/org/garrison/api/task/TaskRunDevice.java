package org.garrison.api.task;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How one device of a run stands, or the server in a run of its own.
 *
 * @param runId         the run
 * @param deviceId      the device, or {@code null} for the server's own run
 * @param deviceName    the device's display name when the run started, or {@code null} for the server
 * @param state         where it stands
 * @param message       the device's (or the server's) message, or why it was cancelled; {@code null} when none
 * @param result        type-specific results as a JSON object (empty until there are any)
 * @param instructionId the instruction sent to the device, or {@code null} before it was sent (and for the server)
 * @param updatedAt     when its state last changed
 */
public record TaskRunDevice(UUID runId, UUID deviceId, String deviceName, DeviceRunState state, String message,
        Map<String, Object> result, UUID instructionId, Instant updatedAt) {

    public TaskRunDevice {
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }
}
