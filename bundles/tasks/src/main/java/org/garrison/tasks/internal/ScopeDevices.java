package org.garrison.tasks.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.task.TaskScope;

/**
 * The devices a run reaches: those in the scope at the moment it starts. A task type of a plugin's application
 * reaches only the devices that have the application installed (it is the application that does the work); the
 * others are counted as skipped, as are selected devices that no longer exist.
 */
final class ScopeDevices {

    /**
     * The devices of a run.
     *
     * @param devices the devices reached, ids and names
     * @param skipped devices of the scope left out
     */
    record Resolved(List<Device> devices, int skipped) {
    }

    private final DeviceService devices;

    ScopeDevices(DeviceService devices) {
        this.devices = devices;
    }

    /**
     * @param application the plugin whose application must be installed, or {@code null} for the agent's own types
     */
    Resolved resolve(TaskScope scope, String application) {
        return scope.groupSubtree() ? inGroup(scope.groupId(), application) : selected(scope.deviceIds(), application);
    }

    private Resolved inGroup(UUID groupId, String application) {
        List<Device> reached = new ArrayList<>();
        DeviceQuery query = new DeviceQuery(groupId, true, Set.of(), Set.of(), null, null, null, null, application,
                null, null, null, DeviceSort.NAME, false);
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        long total;
        while (true) {
            Page<Device> found = devices.list(query, page);
            reached.addAll(found.items());
            total = found.total() == null ? reached.size() : found.total();
            if (!found.hasMore()) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor());
        }
        int skipped = 0;
        if (application != null) {
            DeviceQuery everyDevice = new DeviceQuery(groupId, true, Set.of(), Set.of(), null, null, null, null, null,
                    null, null, null, DeviceSort.NAME, false);
            Long all = devices.list(everyDevice, new PageRequest(1, null)).total();
            skipped = all == null ? 0 : (int) Math.max(0, all - Math.max(total, reached.size()));
        }
        return new Resolved(reached, skipped);
    }

    private Resolved selected(List<UUID> deviceIds, String application) {
        Set<UUID> existing = devices.groupsOf(new LinkedHashSet<>(deviceIds)).keySet();
        List<Device> reached = new ArrayList<>();
        int skipped = 0;
        for (UUID deviceId : deviceIds) {
            if (!existing.contains(deviceId) || application != null && !installed(deviceId, application)) {
                skipped++;
                continue;
            }
            reached.add(devices.get(deviceId));
        }
        return new Resolved(reached, skipped);
    }

    private boolean installed(UUID deviceId, String application) {
        return devices.applications(deviceId).stream().map(InstalledApplication::applicationId)
                .anyMatch(application::equals);
    }
}
