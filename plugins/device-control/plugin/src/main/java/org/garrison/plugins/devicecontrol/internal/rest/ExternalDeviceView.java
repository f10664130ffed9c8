package org.garrison.plugins.devicecontrol.internal.rest;

import java.time.Instant;
import java.util.UUID;

import org.garrison.plugins.devicecontrol.internal.store.StoredExternalDevice;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An external device seen on a managed device, as the REST API shows it.
 */
@Schema(name = "DeviceControlExternalDevice", description = "An external device the application saw on a device")
public record ExternalDeviceView(
        UUID deviceId,
        @Schema(description = "The managed device's display name now; absent when it was deleted meanwhile")
        String deviceName,
        @Schema(description = "The application's stable id of the physical device") String instanceId,
        @Schema(description = "removable-storage, cd-dvd, portable-device, printer, imaging, bluetooth, wifi-adapter,"
                + " modem, serial-port or usb-other") String deviceClass,
        @Schema(description = "usb, bluetooth, pci, thunderbolt, firewire or serial") String bus,
        @Schema(description = "Its name; may carry its owner's name") String name,
        String vendorId,
        String productId,
        String serialNumber,
        @Schema(description = "allowed, blocked or read-only") String access,
        @Schema(description = "false when the policy only logs: the device works whatever the access says")
        boolean enforced,
        @Schema(description = "trusted-device, rule, bus or class-default") String decidedBy,
        @Schema(description = "The rule that decided, when a rule did") String rule,
        @Schema(description = "Whether it is attached now, as the latest snapshot says") boolean connected,
        Instant firstSeen,
        Instant lastSeen) {

    static ExternalDeviceView of(StoredExternalDevice row, String deviceName) {
        var d = row.device();
        return new ExternalDeviceView(row.deviceId(), deviceName, d.instanceId(), d.deviceClass(), d.bus(), d.name(),
                d.vendorId(), d.productId(), d.serialNumber(), d.access().wireName(), row.enforced(),
                d.decidedBy(), d.rule(), row.connected(), d.firstSeen(), d.lastSeen());
    }
}
