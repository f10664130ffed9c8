package org.garrison.devices.internal.rest;

import java.util.List;
import java.util.UUID;

import org.garrison.api.device.ApplicationSummary;
import org.garrison.api.device.BulkResult;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceRemoval;
import org.garrison.api.device.HardwareModel;
import org.garrison.api.device.SoftwareProduct;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request and response bodies of the device resources that are not API records themselves.
 */
final class DeviceBodies {

    private DeviceBodies() {
    }

    @Schema(name = "NewDevice", description = "A device an admin registers before its Network Agent reports")
    record NewDevice(
            @Schema(description = "Display name, 1-255 characters", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(description = "Group to put it in; default: Unassigned devices") UUID groupId) {
    }

    @Schema(name = "DeviceRemovalResult")
    record RemovalResult(
            @Schema(description = "MOVED_TO_UNASSIGNED (it was in a managed group) or DELETED (it was in "
                    + "Unassigned devices; restorable from the deleted objects)") DeviceRemoval result) {
    }

    @Schema(name = "BulkMove")
    record BulkMove(
            @Schema(description = "Devices to move, at most 10000", requiredMode = Schema.RequiredMode.REQUIRED)
            List<UUID> deviceIds,
            @Schema(description = "Target group", requiredMode = Schema.RequiredMode.REQUIRED) UUID groupId) {
    }

    @Schema(name = "BulkTags")
    record BulkTags(
            @Schema(description = "Devices to tag, at most 10000", requiredMode = Schema.RequiredMode.REQUIRED)
            List<UUID> deviceIds,
            @Schema(description = "Admin tags to add") List<String> add,
            @Schema(description = "Admin tags to remove") List<String> remove) {
    }

    @Schema(name = "BulkDelete")
    record BulkDelete(
            @Schema(description = "Devices to remove, at most 10000", requiredMode = Schema.RequiredMode.REQUIRED)
            List<UUID> deviceIds) {
    }

    @Schema(name = "BulkResult")
    record BulkAnswer(int requested, int affected) {

        static BulkAnswer of(BulkResult result) {
            return new BulkAnswer(result.requested(), result.affected());
        }
    }

    @Schema(name = "DevicePage", description = "A page of devices")
    record DevicePage(List<Device> items, String nextCursor, Long total) {
    }

    @Schema(name = "SoftwareProductPage", description = "A page of the software registry")
    record SoftwarePage(List<SoftwareProduct> items, String nextCursor, Long total) {
    }

    @Schema(name = "HardwareModelPage", description = "A page of the hardware registry")
    record HardwarePage(List<HardwareModel> items, String nextCursor, Long total) {
    }

    @Schema(name = "ApplicationSummaries", description = "One summary per managed application installed on at least "
            + "one of the devices, by name")
    record ApplicationSummaries(List<ApplicationSummary> items,
            @Schema(description = "How many days ahead an active key counts as expiring") int expiringWithinDays) {
    }
}
