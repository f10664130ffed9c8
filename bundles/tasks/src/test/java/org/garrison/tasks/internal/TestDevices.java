package org.garrison.tasks.internal;

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
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.ApplicationSummary;
import org.garrison.api.device.BulkResult;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceRemoval;
import org.garrison.api.device.DeviceService;
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
 * The parts of the devices area tasks use, in memory: devices in groups (a subtree is what {@link TestGroups} says),
 * with the applications installed on them. Listings come in pages of the size asked for, with their total.
 */
final class TestDevices implements DeviceService {

    private record Entry(Device device, List<String> applications) {
    }

    private final TestGroups groups;
    private final Map<UUID, Entry> devices = new LinkedHashMap<>();

    TestDevices(TestGroups groups) {
        this.groups = groups;
    }

    synchronized UUID add(UUID groupId, String name, String... applications) {
        UUID id = Ids.newId();
        devices.put(id, new Entry(new Device(id, groupId, name, null, null, null, null, null, null, null, List.of(),
                Instant.now(), Instant.now()), List.of(applications)));
        return id;
    }

    synchronized void delete(UUID id) {
        devices.remove(id);
    }

    @Override
    public synchronized Map<UUID, UUID> groupsOf(Set<UUID> deviceIds) {
        Map<UUID, UUID> found = new HashMap<>();
        for (UUID id : deviceIds) {
            Entry entry = devices.get(id);
            if (entry != null) {
                found.put(id, entry.device().groupId());
            }
        }
        return found;
    }

    @Override
    public synchronized Device get(UUID id) {
        Entry entry = devices.get(id);
        if (entry == null) {
            throw new NotFoundException("Device", id);
        }
        return entry.device();
    }

    @Override
    public synchronized Page<Device> list(DeviceQuery query, PageRequest page) {
        Set<UUID> groupIds = query.groupId() == null ? null
                : query.subtree() ? groups.subtree(query.groupId()) : Set.of(query.groupId());
        List<Device> matching = new ArrayList<>();
        for (Entry entry : devices.values()) {
            if ((groupIds == null || groupIds.contains(entry.device().groupId()))
                    && (query.application() == null || entry.applications().contains(query.application()))) {
                matching.add(entry.device());
            }
        }
        int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor().keys().get(0));
        int to = Math.min(matching.size(), from + page.limit());
        String next = to < matching.size() ? org.garrison.api.Cursor.after(Integer.toString(to)).encode() : null;
        return new Page<>(matching.subList(from, to), next, (long) matching.size());
    }

    @Override
    public synchronized List<InstalledApplication> applications(UUID id) {
        return get(id) == null ? List.of() : devices.get(id).applications().stream()
                .map(app -> new InstalledApplication(app, app, "1.0", null, null, null, 0, 0, null, null, null, null,
                        null, null, null))
                .toList();
    }

    @Override
    public Device register(DeviceRegistration registration, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Device applyInventory(InventoryReport report) {
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
    public List<ApplicationSummary> applicationSummaries(UUID groupId, Set<UUID> withinGroups,
            Duration expiringWithin) {
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
