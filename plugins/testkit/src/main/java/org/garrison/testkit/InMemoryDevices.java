package org.garrison.testkit;

import java.time.Duration;
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
import org.garrison.api.device.ApplicationSummary;
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
 * The devices area for unit tests of a plugin's components, in memory: the parts a plugin calls. Devices in groups,
 * their installed applications (as partial inventory reports set them), and applications' tags kept with the
 * device's tags (not with the entry) as the real area keeps them. Every report applied is counted, so a test sees
 * whether a report changed anything. The admin-side calls (registering, listing, bulk actions) are not part of it.
 */
public final class InMemoryDevices implements DeviceService {

    private final Map<UUID, UUID> groups = new LinkedHashMap<>();
    private final Map<UUID, Map<String, InstalledApplication>> applications = new HashMap<>();
    private final Map<UUID, List<DeviceTag>> tags = new HashMap<>();
    private int reportsApplied;

    /** Adds a device to a group; returns its id. */
    public UUID add(UUID groupId) {
        UUID id = UUID.randomUUID();
        groups.put(id, groupId);
        return id;
    }

    /** Deletes a device, as an admin does. */
    public void delete(UUID deviceId) {
        groups.remove(deviceId);
    }

    /** Moves a device to another group. */
    public void move(UUID deviceId, UUID groupId) {
        groups.put(deviceId, groupId);
    }

    /** How many inventory reports were applied. */
    public int reportsApplied() {
        return reportsApplied;
    }

    /** A device's entry for an application, or {@code null}. */
    public InstalledApplication application(UUID deviceId, String applicationId) {
        return applications.getOrDefault(deviceId, Map.of()).get(applicationId);
    }

    /** A device's tags, the applications' among them. */
    public List<DeviceTag> tags(UUID deviceId) {
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
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public List<InventoryOutcome> applyInventory(List<InventoryReport> reports) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public int reportVisible(Map<UUID, Instant> lastVisible) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public Page<Device> list(DeviceQuery query, PageRequest page) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public Device update(UUID id, DeviceUpdate update, Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public DeviceRemoval remove(UUID id, Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public List<HardwareComponent> hardware(UUID id) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public List<SoftwareEntry> software(UUID id) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public DeviceUsers users(UUID id) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public BulkResult move(Set<UUID> deviceIds, UUID groupId, Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public BulkResult tag(Set<UUID> deviceIds, Set<String> add, Set<String> remove, Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public BulkResult remove(Set<UUID> deviceIds, Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public Page<SoftwareProduct> softwareRegistry(String nameContains, PageRequest page) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public List<ApplicationSummary> applicationSummaries(UUID groupId, Set<UUID> withinGroups,
            Duration expiringWithin) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public Page<HardwareModel> hardwareRegistry(String category, PageRequest page) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public int removeInactive(Actor actor) {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public int reportInactive() {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }

    @Override
    public int recomputeStatuses() {
        throw new UnsupportedOperationException("not part of the in-memory devices area");
    }
}
