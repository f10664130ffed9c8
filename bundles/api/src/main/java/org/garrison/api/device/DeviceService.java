package org.garrison.api.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The managed devices: registration, inventory from Network Agents, queries, admin changes and bulk actions, and
 * the fleet-wide hardware and software registries and summaries of the managed applications.
 *
 * <p>Admin changes (display name, description, admin tags) are recorded in the revision history under
 * {@value #OBJECT_TYPE}; devices deleted for good are registered in the deleted-objects registry.
 */
@ProviderType
public interface DeviceService {

    /** The object type used in revision history and the deleted-objects registry. */
    String OBJECT_TYPE = "device";

    /** The largest number of devices one bulk action may name. */
    int MAX_BULK_DEVICES = 10_000;

    /**
     * The administration group each of the given devices is in. Unknown ids are left out of the answer.
     */
    Map<UUID, UUID> groupsOf(Set<UUID> deviceIds);

    /**
     * Registers a new device, in the given group or in "Unassigned devices".
     *
     * @throws org.garrison.api.error.ValidationException if the name is empty or too long, or the group does not
     *         exist
     */
    Device register(DeviceRegistration registration, Actor actor);

    /**
     * Stores an inventory report in one transaction, recomputes the device's status and applies the moving rules.
     *
     * @throws org.garrison.api.error.NotFoundException if the device does not exist
     * @throws org.garrison.api.error.ValidationException if the report is inconsistent (e.g. changes in a full
     *         report, duplicate entries)
     */
    Device applyInventory(InventoryReport report);

    /**
     * Stores many inventory reports, each in its own transaction: one refused report does not stop the others.
     *
     * @return one outcome per report, in order
     */
    List<InventoryOutcome> applyInventory(List<InventoryReport> reports);

    /**
     * Records that devices were seen (their agents synced) at the given times, in one transaction: each device's
     * last visible time moves forward (never back), and its status is recomputed when a visibility condition changes
     * (e.g. "not seen for N days" ends). For the agent gateway, which collects heartbeats and writes them in bulk.
     * Unknown devices are skipped.
     *
     * @return the number of devices updated
     */
    int reportVisible(Map<UUID, Instant> lastVisible);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    Device get(UUID id);

    /**
     * A page of devices matching the query, with the total count of matches.
     *
     * @throws org.garrison.api.error.ValidationException if the query names a group that does not exist (field
     *         "group"), or the cursor does not belong to this query's order
     */
    Page<Device> list(DeviceQuery query, PageRequest page);

    /**
     * Changes the admin fields and records a revision.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     * @throws org.garrison.api.error.ValidationException for an empty or too long name, description or tag
     */
    Device update(UUID id, DeviceUpdate update, Actor actor);

    /**
     * Removes a device from its managed group (it goes to "Unassigned devices"), or deletes a device that is in
     * "Unassigned devices" for good (it is registered in the deleted-objects registry).
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    DeviceRemoval remove(UUID id, Actor actor);

    /**
     * The device's hardware registry.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    List<HardwareComponent> hardware(UUID id);

    /**
     * The device's software registry, by name.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    List<SoftwareEntry> software(UUID id);

    /**
     * The managed applications installed on the device.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    List<InstalledApplication> applications(UUID id);

    /**
     * The device's user accounts and their sessions.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    DeviceUsers users(UUID id);

    /**
     * Moves devices into a group, all or none.
     *
     * @throws org.garrison.api.error.ValidationException if no or more than {@link #MAX_BULK_DEVICES} devices are
     *         named, one of them does not exist, or the group does not exist (nothing is moved)
     */
    BulkResult move(Set<UUID> deviceIds, UUID groupId, Actor actor);

    /**
     * Adds and removes admin tags on devices, all or none.
     *
     * @throws org.garrison.api.error.ValidationException if no or more than {@link #MAX_BULK_DEVICES} devices are
     *         named, one of them does not exist, or a tag is empty or too long (nothing is changed)
     */
    BulkResult tag(Set<UUID> deviceIds, Set<String> add, Set<String> remove, Actor actor);

    /**
     * {@link #remove(UUID, Actor) Removes} devices, all or none.
     *
     * @throws org.garrison.api.error.ValidationException if no or more than {@link #MAX_BULK_DEVICES} devices are
     *         named, or one of them does not exist (nothing is changed)
     */
    BulkResult remove(Set<UUID> deviceIds, Actor actor);

    /**
     * The fleet-wide software registry: one line per name, vendor and version with the number of devices, by name.
     *
     * @param nameContains only products whose name contains this text (case-insensitive), or {@code null}
     */
    Page<SoftwareProduct> softwareRegistry(String nameContains, PageRequest page);

    /**
     * The fleet-wide hardware registry: one line per category, vendor and model with the number of devices.
     *
     * @param category only this category, or {@code null}
     */
    Page<HardwareModel> hardwareRegistry(String category, PageRequest page);

    /**
     * A summary of each managed application over the devices in the given groups, by name: how many devices have it,
     * per application state and real-time protection state, the threats found, and the use of the active licence
     * keys (the keys masked). Computed by the database, however many devices there are.
     *
     * @param groupId        only devices in this group and the groups below it, or {@code null}
     * @param withinGroups   only devices in one of these groups, e.g. the groups within a caller's scope
     *                       ({@code null}: no such restriction; empty: no device at all)
     * @param expiringWithin how far ahead an active key's expiry counts as expiring rather than valid
     * @throws org.garrison.api.error.ValidationException if {@code groupId} names no group (field "group")
     */
    List<ApplicationSummary> applicationSummaries(UUID groupId, Set<UUID> withinGroups, Duration expiringWithin);

    /**
     * Applies the inactivity handling of every group: devices not visible (or, if never seen, registered) for
     * longer than their group's "remove after" days are {@link #remove(UUID, Actor) removed} — moved to
     * "Unassigned devices", or deleted from there.
     *
     * @return the number of devices removed
     */
    int removeInactive(Actor actor);

    /**
     * Applies the "notify after" days of every group's inactivity handling: reports each device not visible (or, if
     * never seen, registered) for longer with one event of type {@code device-inactive}, once per absence.
     *
     * @return the number of devices reported
     */
    int reportInactive();

    /**
     * Recomputes the status of every device (time-based conditions change without any inventory). Devices whose
     * administration group no longer exists (it was deleted while the devices area was not running) are moved to
     * "Unassigned devices" on the way.
     *
     * @return the number of devices whose status or group changed
     */
    int recomputeStatuses();
}
