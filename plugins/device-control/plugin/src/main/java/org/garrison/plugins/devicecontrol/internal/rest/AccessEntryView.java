package org.garrison.plugins.devicecontrol.internal.rest;

import java.time.Instant;

import org.garrison.plugins.devicecontrol.internal.reports.AccessEntry;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An access decision as the REST API shows it.
 */
@Schema(name = "DeviceControlAccessEntry", description = "A decision the application took on an external device")
public record AccessEntryView(
        @Schema(description = "The application's id of the entry") String id,
        Instant at,
        String instanceId,
        String deviceClass,
        String bus,
        String name,
        String vendorId,
        String productId,
        String serialNumber,
        @Schema(description = "allowed, blocked or read-only") String decision,
        @Schema(description = "false when the policy only logs") boolean enforced,
        @Schema(description = "trusted-device, rule, bus or class-default") String decidedBy,
        String rule,
        @Schema(description = "attached, policy-changed or rescan") String trigger,
        @Schema(description = "The account signed in on the device (personal data)") String userAccount) {

    static AccessEntryView of(AccessEntry e) {
        return new AccessEntryView(e.id(), e.at(), e.instanceId(), e.deviceClass(), e.bus(), e.name(), e.vendorId(),
                e.productId(), e.serialNumber(), e.decision().wireName(), e.enforced(), e.decidedBy(), e.rule(),
                e.trigger(), e.userAccount());
    }
}
