package org.garrison.plugins.devicecontrol.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.BulkResult;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceRemoval;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.DeviceUpdate;
import org.garrison.api.device.DeviceUsers;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.HardwareModel;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryOutcome;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.error.NotFoundException;

/**
 * The parts of the devices area the plugin calls, in memory: devices in groups, their installed applications, and
 * application tags kept with the device's tags (not with the entry) as the real area keeps them. Every partial report
 * applied is counted, so tests see whether a report changed anything.
 */
public final class TestDevices implements DeviceService {

    private final Map<UUID, UUID> groups = new LinkedHashMap<>();
    private final Map<UUID, Map<String, InstalledApplication>> applications = new HashMap<>();
    private final Map<UUID, List<DeviceTag>> tags = new HashMap<>();
    private int reportsApplied;

    public UUID add(UUID groupId) {
        UUID id = UUID.randomUUID();
        groups.put(id, groupId);
        return id;
    }

    public void delete(UUID deviceId) {
        groups.remove(deviceId);
    }

    public void move(UUID deviceId, UUID groupId) {
        groups.put(deviceId, groupId);
    }

    int reportsApplied() {
        return reportsApplied;
    }

    InstalledApplication application(UUID deviceId) {
        return applications.getOrDefault(deviceId, Map.of()).get(DeviceControl.ID);
    }

    List<DeviceTag> tags(UUID deviceId) {
        return tags.getOrDefault(deviceId, List.of());
    }

    @Override
    public Map<UUID, UUID> groupsOf(Set<UUID> deviceIds) {
        Map<UUID, UUID> found = new HashMap<>();
        deviceIds.forEach(id -> {
            if (groups.containsKey(id)) {
                found.put(id, groups.get(id));
            }
        });
        return found;
    }

    @Override
    public Device applyInventory(InventoryReport report) {
        UUID id = report.deviceId();
        if (!groups.containsKey(id)) {
            throw new NotFoundException("Device", id);
        }
        reportsApplied++;
        for (InstalledApplication application : report.applications()) {
            // the real area returns the entry without its tags: they become device tags of the application
            applications.computeIfAbsent(id, k -> new HashMap<>()).put(application.applicationId(),
                    new InstalledApplication(application.applicationId(), application.name(), application.version(),
                            application.state(), application.realTimeProtection(), application.lastScan(),
                            application.threatsDetected(), application.objectsNotDisinfected(),
                            application.components(), application.activeKey(), application.reserveKey(),
                            application.installedAt(), application.installId(), application.statusReports(),
                            List.of()));
            List<DeviceTag> kept = new ArrayList<>(tags(id).stream()
                    .filter(t -> !t.source().equals(application.applicationId())).toList());
            application.tags().forEach(t -> kept.add(new DeviceTag(t, application.applicationId())));
            tags.put(id, kept);
        }
        return get(id);
    }

    @Override
    public Device get(UUID id) {
        if (!groups.containsKey(id)) {
            throw new NotFoundException("Device", id);
        }
        return new Device(id, groups.get(id), "device-" + id.toString().substring(0, 8), null, null, null, null, null,
                null, null, tags(id), Instant.EPOCH, Instant.EPOCH);
    }

    @Override
    public List<InstalledApplication> applications(UUID id) {
        if (!groups.containsKey(id)) {
            throw new NotFoundException("Device", id);
        }
        return List.copyOf(applications.getOrDefault(id, Map.of()).values());
    }

    @Override
    public Device register(DeviceRegistration registration, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<InventoryOutcome> applyInventory(List<InventoryReport> reports) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int reportVisible(Map<UUID, Instant> lastVisible) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Device> list(DeviceQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Device update(UUID id, DeviceUpdate update, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeviceRemoval remove(UUID id, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<HardwareComponent> hardware(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SoftwareEntry> software(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeviceUsers users(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BulkResult move(Set<UUID> deviceIds, UUID groupId, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BulkResult tag(Set<UUID> deviceIds, Set<String> add, Set<String> remove, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BulkResult remove(Set<UUID> deviceIds, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<SoftwareProduct> softwareRegistry(String nameContains, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<HardwareModel> hardwareRegistry(String category, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int removeInactive(Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int reportInactive() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int recomputeStatuses() {
        throw new UnsupportedOperationException();
    }
}
