package org.garrison.plugins.devicecontrol.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything the plugin holds about one device.
 *
 * @param enforcement     {@code enforce} or {@code log-only} as the latest snapshot said, or {@code null} before one
 * @param policyHash      the hash of the policy the application applied then, or {@code null} (its defaults)
 * @param snapshotAt      when the application produced that snapshot, or {@code null}
 * @param externalDevices the external devices seen, blocked ones first, then the most recently seen
 * @param accessLog       the newest decisions, newest first
 */
@Schema(name = "DeviceControlDevice", description = "What Device Control reports about one device")
public record DeviceControlView(UUID deviceId, String deviceName, String enforcement, String policyHash,
        Instant snapshotAt, List<ExternalDeviceView> externalDevices, List<AccessEntryView> accessLog) {
}
