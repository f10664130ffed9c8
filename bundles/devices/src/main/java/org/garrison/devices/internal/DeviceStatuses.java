package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.StatusCondition;

/**
 * Computes and stores device statuses with the status conditions in force for each device's group, writing only
 * the statuses that changed.
 */
final class DeviceStatuses {

    private final GroupDeviceSettingsService settings;
    private final DeviceRepository devices;
    private final InventoryRepository inventory;
    private final Clock clock;

    DeviceStatuses(GroupDeviceSettingsService settings, DeviceRepository devices, InventoryRepository inventory,
            Clock clock) {
        this.settings = settings;
        this.devices = devices;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** The conditions in force for a group; none for a group that no longer exists. */
    List<StatusCondition> conditions(UUID groupId) {
        try {
            return settings.effective(groupId).statusConditions();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    DeviceStatus evaluate(UUID groupId, DeviceFacts facts) {
        return StatusRules.evaluate(conditions(groupId), facts, clock.instant());
    }

    /** Recomputes the given devices' statuses; returns the changes. */
    List<DeviceEvents.StatusChange> recompute(Connection connection, Collection<UUID> ids) throws SQLException {
        return recompute(connection, devices.statusRows(connection, ids), new HashMap<>());
    }

    /**
     * Recomputes the statuses of the given rows.
     *
     * @param conditions a cache of conditions by group, shared over the batches of one run
     */
    List<DeviceEvents.StatusChange> recompute(Connection connection, List<DeviceRepository.StatusRow> rows,
            Map<UUID, List<StatusCondition>> conditions) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<InstalledApplication>> applications = inventory.applications(connection,
                rows.stream().map(DeviceRepository.StatusRow::id).toList(), false);
        Instant now = clock.instant();
        Map<UUID, DeviceStatus> changed = new LinkedHashMap<>();
        List<DeviceEvents.StatusChange> changes = new ArrayList<>();
        for (DeviceRepository.StatusRow row : rows) {
            DeviceStatus status = StatusRules.evaluate(conditions.computeIfAbsent(row.groupId(), this::conditions),
                    new DeviceFacts(row.createdAt(), row.lastUpdate(), row.lastVisible(), row.restartPending(),
                            applications.getOrDefault(row.id(), List.of())), now);
            if (status.level() != row.level() || !status.reasons().equals(row.reasons())) {
                changed.put(row.id(), status);
                changes.add(new DeviceEvents.StatusChange(row.id(), row.groupId(),
                        new DeviceStatus(row.level(), row.reasons(), null), status));
            }
        }
        devices.updateStatuses(connection, changed);
        return changes;
    }
}
