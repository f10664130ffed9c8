package org.garrison.gateway.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

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
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.SqlTime;
import org.garrison.api.store.Transactions;

/**
 * The parts of the devices area the gateway calls, over a table of the test database ({@code TEST_DEVICE}) written
 * in the caller's transaction, so tests see what commits and what rolls back. A partial report that removes
 * software named {@value #CONFLICT} is refused after it wrote, as the real area refuses a report its copy does not
 * match.
 */
public final class TestDevices implements DeviceService {

    public static final String CONFLICT = "not-installed";

    /** Groups that exist; registering into another one is refused as the real area does. */
    public final Set<UUID> groups = new CopyOnWriteArraySet<>();

    private final Transactions transactions;

    public TestDevices(Transactions transactions) {
        this.transactions = transactions;
        transactions.runInTransaction(c -> {
            try (PreparedStatement create = c.prepareStatement("CREATE TABLE TEST_DEVICE (ID CHAR(36) PRIMARY KEY, "
                    + "GROUP_ID CHAR(36), NAME VARCHAR(255), HARDWARE_ID VARCHAR(255), FULL_REPORTS INT, "
                    + "PARTIAL_REPORTS INT, LAST_VISIBLE TIMESTAMP)")) {
                create.execute();
            }
        });
    }

    public int count() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM TEST_DEVICE");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** Full and partial reports applied to a device. */
    public int[] reports(UUID deviceId) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT FULL_REPORTS, PARTIAL_REPORTS FROM TEST_DEVICE WHERE ID = ?")) {
                select.setString(1, deviceId.toString());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return new int[] {rows.getInt(1), rows.getInt(2)};
                }
            }
        });
    }

    public Instant lastVisible(UUID deviceId) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT LAST_VISIBLE FROM TEST_DEVICE WHERE ID = ?")) {
                select.setString(1, deviceId.toString());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return SqlTime.get(rows, "LAST_VISIBLE");
                }
            }
        });
    }

    public void delete(UUID deviceId) {
        transactions.runInTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM TEST_DEVICE WHERE ID = ?")) {
                delete.setString(1, deviceId.toString());
                delete.executeUpdate();
            }
        });
    }

    @Override
    public Map<UUID, UUID> groupsOf(Set<UUID> deviceIds) {
        return transactions.inTransaction(c -> {
            Map<UUID, UUID> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT GROUP_ID FROM TEST_DEVICE WHERE ID = ?")) {
                for (UUID id : deviceIds) {
                    select.setString(1, id.toString());
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            found.put(id, UUID.fromString(rows.getString(1)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Device register(DeviceRegistration registration, Actor actor) {
        UUID group = registration.groupId() == null ? UUID.fromString("00000000-0000-0000-0000-000000000001")
                : registration.groupId();
        if (registration.groupId() != null && !groups.contains(group)) {
            throw new ValidationException("groupId", "does not exist");
        }
        UUID id = UUID.randomUUID();
        transactions.runInTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO TEST_DEVICE VALUES (?, ?, ?, ?, 0, 0, "
                    + "NULL)")) {
                insert.setString(1, id.toString());
                insert.setString(2, group.toString());
                insert.setString(3, registration.displayName());
                insert.setString(4, registration.identity().hardwareId());
                insert.executeUpdate();
            }
        });
        return new Device(id, group, registration.displayName(), null, registration.identity(), null, null, null,
                null, null, List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Override
    public Device applyInventory(InventoryReport report) {
        transactions.runInTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE TEST_DEVICE SET "
                    + (report.full() ? "FULL_REPORTS = FULL_REPORTS + 1" : "PARTIAL_REPORTS = PARTIAL_REPORTS + 1")
                    + " WHERE ID = ?")) {
                update.setString(1, report.deviceId().toString());
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException("Device", report.deviceId());
                }
            }
        });
        if (report.software() != null
                && report.software().removed().stream().anyMatch(key -> CONFLICT.equals(key.name()))) {
            throw new ValidationException("software/removed[0]", "is not installed");
        }
        return null;
    }

    @Override
    public int reportVisible(Map<UUID, Instant> lastVisible) {
        return transactions.inTransaction(c -> {
            int updated = 0;
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE TEST_DEVICE SET LAST_VISIBLE = ? WHERE ID = ?")) {
                for (Map.Entry<UUID, Instant> entry : lastVisible.entrySet()) {
                    SqlTime.set(update, 1, entry.getValue());
                    update.setString(2, entry.getKey().toString());
                    updated += update.executeUpdate();
                }
            }
            return updated;
        });
    }

    @Override
    public List<InventoryOutcome> applyInventory(List<InventoryReport> reports) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Device get(UUID id) {
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
    public List<InstalledApplication> applications(UUID id) {
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
