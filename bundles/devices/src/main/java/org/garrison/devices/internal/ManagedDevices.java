package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.device.ApplicationSummary;
import org.garrison.api.device.BulkResult;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceActivity;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceRemoval;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.DeviceUpdate;
import org.garrison.api.device.DeviceUsers;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.HardwareModel;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryOutcome;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.GarrisonException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices area's implementation of {@link DeviceService} over the DEVICE tables.
 */
@Component(service = DeviceService.class)
public class ManagedDevices implements DeviceService {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedDevices.class);
    private static final int STATUS_BATCH = 500;

    private final Transactions transactions;
    private final GroupService groups;
    private final GroupDeviceSettingsService settings;
    private final RevisionHistory revisions;
    private final DeletedObjects deletedObjects;
    private final DeviceRepository devices = new DeviceRepository();
    private final DeviceListing listing;
    private final InventoryRepository inventory = new InventoryRepository();
    private final DeviceStatuses statuses;
    private final MovingRuleRepository rules = new MovingRuleRepository();
    private final MovingRuleEngine movingRules = new MovingRuleEngine(rules);
    private final DeviceEvents events;
    private final DeviceMoves moves;
    private final Clock clock;

    @Activate
    public ManagedDevices(@Reference Transactions transactions, @Reference GroupService groups,
            @Reference GroupDeviceSettingsService settings, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deletedObjects, @Reference DeviceEvents events,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=devices)") MigratedSchema schema) {
        this(transactions, groups, settings, revisions, deletedObjects, events, Clock.systemUTC());
    }

    ManagedDevices(Transactions transactions, GroupService groups, GroupDeviceSettingsService settings,
            RevisionHistory revisions, DeletedObjects deletedObjects, DeviceEvents events, Clock clock) {
        this.transactions = transactions;
        this.groups = groups;
        this.settings = settings;
        this.revisions = revisions;
        this.deletedObjects = deletedObjects;
        this.events = events;
        this.clock = clock;
        this.statuses = new DeviceStatuses(settings, devices, inventory, clock);
        this.moves = new DeviceMoves(devices, events);
        this.listing = new DeviceListing(devices);
    }

    @Override
    public Map<UUID, UUID> groupsOf(Set<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return transactions.inTransaction(c -> devices.groupsOf(c, deviceIds));
    }

    @Override
    public Device register(DeviceRegistration registration, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        DeviceIdentity identity = registration.identity() == null ? DeviceIdentity.unknown()
                : InventoryMerge.trim(registration.identity());
        InventoryCheck.checkIdentity(identity, errors);
        String name = Normalised.trimmed(registration.displayName());
        boolean named = name != null;
        if (name == null) {
            name = InventoryMerge.reportedName(identity, null);
        }
        if (name == null) {
            errors.add(new FieldError("name", "is required when no NetBIOS name, DNS name or hardware id is known"));
        } else if (name.length() > 255) {
            errors.add(new FieldError("name", "must be at most 255 characters"));
        }
        UUID groupId = registration.groupId() == null ? AdministrationGroup.UNASSIGNED_DEVICES
                : registration.groupId();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        requireGroup("groupId", groupId);
        Instant now = clock.instant();
        UUID id = org.garrison.api.Ids.newId();
        DeviceStatus status = statuses.evaluate(groupId, new DeviceFacts(now, null, null, false, List.of()));
        Device device = new Device(id, groupId, name, null, identity, DeviceNetwork.unknown(),
                OperatingSystem.unknown(), Virtualisation.physical(), new DeviceActivity(null, null, false, null),
                status, List.of(), now, now);
        return transactions.inTransaction(c -> {
            devices.insert(c, new StoredDevice(device, named));
            revisions.record(ref(id), "created", DeviceJson.write(DeviceJson.AdminFields.of(device)), actor);
            events.added(device);
            return device;
        });
    }

    @Override
    public Device applyInventory(InventoryReport report) {
        InventoryCheck.check(report);
        UUID id = report.deviceId();
        return transactions.inTransaction(c -> {
            StoredDevice stored = devices.find(c, id).orElseThrow(() -> new NotFoundException("Device", id));
            StoredDevice merged = InventoryMerge.merge(stored, report, clock.instant());
            if (report.network() != null) {
                devices.replaceMacs(c, id, merged.device().network().macAddresses());
            }
            if (report.users() != null) {
                inventory.replaceUsers(c, id, report.users());
            }
            if (report.sessions() != null) {
                inventory.replaceSessions(c, id, report.sessions());
            }
            if (report.hardware() != null) {
                inventory.replaceHardware(c, id, report.hardware());
            }
            if (report.software() != null) {
                applySoftware(c, id, report.full(), report.software());
            }
            applyApplications(c, id, stored.device().groupId(), report);
            List<InstalledApplication> applications = inventory.applications(c, List.of(id), false)
                    .getOrDefault(id, List.of());
            Device device = withTags(merged.device(), devices.tags(c, List.of(id)).getOrDefault(id, List.of()));
            Set<String> applicationIds = new HashSet<>();
            applications.forEach(a -> applicationIds.add(a.applicationId()));
            Optional<UUID> target = movingRules.apply(c, rules.all(c), device, applicationIds,
                    device.modifiedAt());
            if (target.isPresent() && !target.get().equals(device.groupId())) {
                events.moved(Map.of(id, device.groupId()), target.get());
                device = withGroup(device, target.get());
            }
            DeviceStatus status = statuses.evaluate(device.groupId(), new DeviceFacts(device.createdAt(),
                    device.activity().lastUpdate(), device.activity().lastVisible(),
                    device.activity().restartPending(), applications));
            devices.update(c, new StoredDevice(withStatus(device, status), merged.nameSetByAdmin()));
            events.statusChanged(List.of(new DeviceEvents.StatusChange(id, device.groupId(),
                    stored.device().status(), status)));
            return devices.find(c, id).orElseThrow().device();
        });
    }

    private void applySoftware(Connection c, UUID id, boolean full, SoftwareChanges software) throws SQLException {
        if (full) {
            inventory.changeSoftware(c, id, null, software.installed());
            return;
        }
        List<SoftwareEntry> upserts = new ArrayList<>(software.installed());
        upserts.addAll(software.updated());
        List<SoftwareKey> deletions = new ArrayList<>(software.removed());
        upserts.forEach(entry -> deletions.add(new SoftwareKey(entry.name(), entry.vendor())));
        inventory.changeSoftware(c, id, deletions, upserts);
    }

    /** Deletes devices; their software leaves the registry's counts first (the rest cascades). */
    private void delete(Connection c, List<UUID> ids) throws SQLException {
        for (UUID id : ids) {
            inventory.changeSoftware(c, id, null, List.of());
        }
        devices.delete(c, ids);
    }

    private void applyApplications(Connection c, UUID id, UUID groupId, InventoryReport report)
            throws SQLException {
        List<InstalledApplication> applications = report.applications();
        if (report.full() && applications != null) {
            inventory.deleteAllApplications(c, id);
            devices.deleteApplicationTags(c, id);
        } else {
            Set<String> replaced = new LinkedHashSet<>(report.removedApplications());
            if (applications != null) {
                applications.forEach(a -> replaced.add(a.applicationId()));
            }
            inventory.deleteApplications(c, id, replaced);
            for (String applicationId : report.removedApplications()) {
                devices.replaceTags(c, id, applicationId, List.of());
            }
        }
        if (applications != null) {
            inventory.insertApplications(c, id, groupId, applications);
            for (InstalledApplication application : applications) {
                Map<String, String> tags = new java.util.LinkedHashMap<>();
                application.tags().forEach(t -> tags.putIfAbsent(Normalised.key(t), t.trim()));
                devices.replaceTags(c, id, application.applicationId(), tags.values());
            }
        }
    }

    private static Device withTags(Device d, List<DeviceTag> tags) {
        return new Device(d.id(), d.groupId(), d.displayName(), d.description(), d.identity(), d.network(), d.os(),
                d.virtualisation(), d.activity(), d.status(), tags, d.createdAt(), d.modifiedAt());
    }

    private static Device withGroup(Device d, UUID groupId) {
        return new Device(d.id(), groupId, d.displayName(), d.description(), d.identity(), d.network(), d.os(),
                d.virtualisation(), d.activity(), d.status(), d.tags(), d.createdAt(), d.modifiedAt());
    }

    private static Device withStatus(Device d, DeviceStatus status) {
        return new Device(d.id(), d.groupId(), d.displayName(), d.description(), d.identity(), d.network(), d.os(),
                d.virtualisation(), d.activity(), status, d.tags(), d.createdAt(), d.modifiedAt());
    }

    @Override
    public List<InventoryOutcome> applyInventory(List<InventoryReport> reports) {
        List<InventoryOutcome> outcomes = new ArrayList<>(reports.size());
        for (InventoryReport report : reports) {
            try {
                applyInventory(report);
                outcomes.add(new InventoryOutcome(report.deviceId(), true, null));
            } catch (GarrisonException e) {
                outcomes.add(new InventoryOutcome(report.deviceId(), false, e.getMessage()));
            } catch (StoreException e) {
                LOG.warn("Inventory of device {} not stored: {}", report.deviceId(), e.getMessage());
                outcomes.add(new InventoryOutcome(report.deviceId(), false,
                        "The database refused the report; it can be sent again"));
            }
        }
        return outcomes;
    }

    @Override
    public Device get(UUID id) {
        return transactions.inTransaction(c -> devices.find(c, id)
                .orElseThrow(() -> new NotFoundException("Device", id)).device());
    }

    @Override
    public Page<Device> list(DeviceQuery query, PageRequest page) {
        DeviceListing.GroupFilter filter = groupFilter(query.groupId(), query.subtree(), query.withinGroups());
        if (filter != null && filter.matchesNothing()) {
            return new Page<>(List.of(), null, 0L);
        }
        return transactions.inTransaction(c -> listing.list(c, query, filter, page));
    }

    @Override
    public List<ApplicationSummary> applicationSummaries(UUID groupId, Set<UUID> withinGroups,
            Duration expiringWithin) {
        DeviceListing.GroupFilter filter = groupFilter(groupId, true, withinGroups);
        if (filter != null && filter.matchesNothing()) {
            return List.of();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(c -> ApplicationSummaries.summarise(c, filter, now,
                now.plus(expiringWithin)));
    }

    /**
     * The groups a query covers, or {@code null} for every group.
     *
     * @throws ValidationException if the group does not exist (field "group")
     */
    private DeviceListing.GroupFilter groupFilter(UUID groupId, boolean subtree, Set<UUID> withinGroups) {
        if (AdministrationGroup.MANAGED_DEVICES.equals(groupId) && subtree && withinGroups == null) {
            // Every group but "Unassigned devices" lies below "Managed devices": one inequality instead of an IN list
            // of every group, which would make the database collect and sort all matches
            return DeviceListing.GroupFilter.allBut(AdministrationGroup.UNASSIGNED_DEVICES);
        }
        Set<UUID> groupFilter = null;
        if (groupId != null) {
            try {
                groupFilter = subtree ? groups.subtree(groupId) : Set.of(groups.get(groupId).id());
            } catch (NotFoundException e) {
                throw new ValidationException("group", "names no administration group");
            }
        }
        if (withinGroups != null) {
            groupFilter = groupFilter == null ? withinGroups
                    : groupFilter.stream().filter(withinGroups::contains).collect(Collectors.toSet());
        }
        return groupFilter == null ? null : DeviceListing.GroupFilter.only(groupFilter);
    }

    @Override
    public Device update(UUID id, DeviceUpdate update, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String name = update.displayName() == null ? null : update.displayName().trim();
        if (name != null && (name.isEmpty() || name.length() > 255)) {
            errors.add(new FieldError("displayName", "must be 1 to 255 characters"));
        }
        if (update.description() != null && update.description().length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        List<String> tags = update.tags() == null ? null : tags("tags", update.tags(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return transactions.inTransaction(c -> {
            StoredDevice stored = devices.find(c, id).orElseThrow(() -> new NotFoundException("Device", id));
            Device d = stored.device();
            String description = update.description() == null ? d.description()
                    : Normalised.trimmed(update.description());
            Device changed = new Device(d.id(), d.groupId(), name == null ? d.displayName() : name, description,
                    d.identity(), d.network(), d.os(), d.virtualisation(), d.activity(), d.status(), d.tags(),
                    d.createdAt(), clock.instant());
            devices.update(c, new StoredDevice(changed, stored.nameSetByAdmin() || name != null));
            if (tags != null) {
                devices.replaceTags(c, id, DeviceTag.ADMIN, tags);
            }
            Device result = devices.find(c, id).orElseThrow().device();
            revisions.record(ref(id), "updated", DeviceJson.write(DeviceJson.AdminFields.of(result)), actor);
            return result;
        });
    }

    /** Checks and de-duplicates tags (case-insensitively, keeping the first spelling). */
    static List<String> tags(String field, java.util.Collection<String> tags, List<FieldError> errors) {
        Map<String, String> unique = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.trim();
            if (trimmed.isEmpty() || trimmed.length() > InventoryCheck.MAX_TAG) {
                errors.add(new FieldError(field + "/" + i, "must be 1 to " + InventoryCheck.MAX_TAG + " characters"));
            }
            unique.putIfAbsent(Normalised.key(trimmed), trimmed);
            i++;
        }
        return List.copyOf(unique.values());
    }

    @Override
    public DeviceRemoval remove(UUID id, Actor actor) {
        DeviceRemoval removal = transactions.inTransaction(c -> {
            StoredDevice stored = devices.find(c, id).orElseThrow(() -> new NotFoundException("Device", id));
            return remove(c, stored.device(), actor);
        });
        if (removal == DeviceRemoval.DELETED) {
            events.removedForGood(List.of(id));
        }
        return removal;
    }

    private DeviceRemoval remove(Connection c, Device device, Actor actor) throws SQLException {
        if (AdministrationGroup.UNASSIGNED_DEVICES.equals(device.groupId())) {
            deletedObjects.register(ref(device.id()), device.displayName(), DeviceJson.write(device), actor);
            delete(c, List.of(device.id()));
            events.removed(List.of(device));
            return DeviceRemoval.DELETED;
        }
        moves.move(c, List.of(device.id()), AdministrationGroup.UNASSIGNED_DEVICES, statuses, clock.instant());
        return DeviceRemoval.MOVED_TO_UNASSIGNED;
    }

    @Override
    public List<HardwareComponent> hardware(UUID id) {
        return transactions.inTransaction(c -> {
            requireDevice(c, id);
            return inventory.hardware(c, id);
        });
    }

    @Override
    public List<SoftwareEntry> software(UUID id) {
        return transactions.inTransaction(c -> {
            requireDevice(c, id);
            return inventory.software(c, id);
        });
    }

    @Override
    public List<InstalledApplication> applications(UUID id) {
        return transactions.inTransaction(c -> {
            StoredDevice stored = devices.find(c, id).orElseThrow(() -> new NotFoundException("Device", id));
            List<InstalledApplication> applications = inventory.applications(c, List.of(id), true)
                    .getOrDefault(id, List.of());
            List<DeviceTag> tags = stored.device().tags();
            return applications.stream().map(a -> withTags(a, tags)).toList();
        });
    }

    private static InstalledApplication withTags(InstalledApplication a, List<DeviceTag> tags) {
        List<String> own = tags.stream().filter(t -> t.source().equals(a.applicationId())).map(DeviceTag::name)
                .toList();
        return new InstalledApplication(a.applicationId(), a.name(), a.version(), a.state(), a.realTimeProtection(),
                a.lastScan(), a.threatsDetected(), a.objectsNotDisinfected(), a.components(), a.activeKey(),
                a.reserveKey(), a.installedAt(), a.installId(), a.statusReports(), own);
    }

    @Override
    public DeviceUsers users(UUID id) {
        return transactions.inTransaction(c -> {
            requireDevice(c, id);
            return new DeviceUsers(inventory.users(c, id), inventory.sessions(c, id));
        });
    }

    @Override
    public BulkResult move(Set<UUID> deviceIds, UUID groupId, Actor actor) {
        checkBulk(deviceIds);
        if (groupId == null) {
            throw new ValidationException("groupId", "is required");
        }
        requireGroup("groupId", groupId);
        return transactions.inTransaction(c -> {
            requireDevices(c, deviceIds);
            int moved = moves.move(c, deviceIds, groupId, statuses, clock.instant());
            return new BulkResult(deviceIds.size(), moved);
        });
    }

    @Override
    public BulkResult tag(Set<UUID> deviceIds, Set<String> add, Set<String> remove, Actor actor) {
        checkBulk(deviceIds);
        List<FieldError> errors = new ArrayList<>();
        List<String> added = tags("add", add == null ? Set.of() : add, errors);
        List<String> removed = tags("remove", remove == null ? Set.of() : remove, errors);
        if (added.isEmpty() && removed.isEmpty()) {
            errors.add(new FieldError("add", "or remove must name at least one tag"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Set<String> removedKeys = new HashSet<>();
        removed.forEach(t -> removedKeys.add(Normalised.key(t)));
        return transactions.inTransaction(c -> {
            requireDevices(c, deviceIds);
            Map<UUID, List<DeviceTag>> current = devices.tags(c, deviceIds);
            int affected = 0;
            for (UUID id : deviceIds) {
                Map<String, String> admin = new java.util.LinkedHashMap<>();
                current.getOrDefault(id, List.of()).stream().filter(t -> DeviceTag.ADMIN.equals(t.source()))
                        .forEach(t -> admin.put(Normalised.key(t.name()), t.name()));
                Map<String, String> next = new java.util.LinkedHashMap<>(admin);
                next.keySet().removeAll(removedKeys);
                added.forEach(t -> next.putIfAbsent(Normalised.key(t), t));
                if (!next.keySet().equals(admin.keySet())) {
                    devices.replaceTags(c, id, DeviceTag.ADMIN, next.values());
                    Device device = devices.find(c, id).orElseThrow().device();
                    revisions.record(ref(id), "tagged", DeviceJson.write(DeviceJson.AdminFields.of(device)), actor);
                    affected++;
                }
            }
            return new BulkResult(deviceIds.size(), affected);
        });
    }

    @Override
    public BulkResult remove(Set<UUID> deviceIds, Actor actor) {
        checkBulk(deviceIds);
        List<Device> deleted = new ArrayList<>();
        BulkResult result = transactions.inTransaction(c -> {
            deleted.clear();
            requireDevices(c, deviceIds);
            Map<UUID, UUID> groupOf = devices.groupsOf(c, deviceIds);
            List<UUID> managed = new ArrayList<>();
            for (UUID id : deviceIds) {
                if (AdministrationGroup.UNASSIGNED_DEVICES.equals(groupOf.get(id))) {
                    Device device = devices.find(c, id).orElseThrow().device();
                    deletedObjects.register(ref(id), device.displayName(), DeviceJson.write(device), actor);
                    deleted.add(device);
                } else {
                    managed.add(id);
                }
            }
            delete(c, deleted.stream().map(Device::id).toList());
            events.removed(deleted);
            moves.move(c, managed, AdministrationGroup.UNASSIGNED_DEVICES, statuses, clock.instant());
            return new BulkResult(deviceIds.size(), deviceIds.size());
        });
        events.removedForGood(deleted.stream().map(Device::id).toList());
        return result;
    }

    @Override
    public int removeInactive(Actor actor) {
        int removed = 0;
        for (AdministrationGroup group : groups.all()) {
            Integer days;
            try {
                days = settings.effective(group.id()).inactivity().removeAfterDays();
            } catch (NotFoundException deletedMeanwhile) {
                continue;
            }
            if (days == null) {
                continue;
            }
            Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(days));
            List<UUID> inactive;
            do {
                inactive = transactions.inTransaction(c -> devices.inactive(c, group.id(), cutoff, STATUS_BATCH));
                if (!inactive.isEmpty()) {
                    remove(new LinkedHashSet<>(inactive), actor);
                    removed += inactive.size();
                }
            } while (inactive.size() == STATUS_BATCH);
        }
        return removed;
    }

    @Override
    public int reportInactive() {
        int reported = 0;
        for (AdministrationGroup group : groups.all()) {
            Integer days;
            try {
                days = settings.effective(group.id()).inactivity().notifyAfterDays();
            } catch (NotFoundException deletedMeanwhile) {
                continue;
            }
            if (days == null) {
                continue;
            }
            Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(days));
            int batch;
            do {
                batch = transactions.inTransaction(c -> {
                    List<DeviceRepository.InactiveDevice> inactive = devices.inactiveUnreported(c, group.id(),
                            cutoff, STATUS_BATCH);
                    events.inactive(group.id(), inactive);
                    devices.markInactiveReported(c, inactive.stream().map(DeviceRepository.InactiveDevice::id)
                            .toList());
                    return inactive.size();
                });
                reported += batch;
            } while (batch == STATUS_BATCH);
        }
        return reported;
    }

    @Override
    public Page<SoftwareProduct> softwareRegistry(String nameContains, PageRequest page) {
        return transactions.inTransaction(c -> inventory.softwareRegistry(c, nameContains, page));
    }

    @Override
    public Page<HardwareModel> hardwareRegistry(String category, PageRequest page) {
        return transactions.inTransaction(c -> inventory.hardwareRegistry(c, category, page));
    }

    @Override
    public int reportVisible(Map<UUID, Instant> lastVisible) {
        if (lastVisible.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(c -> {
            List<UUID> moved = devices.markVisible(c, lastVisible);
            List<DeviceRepository.StatusRow> notOk = devices.statusRows(c, moved).stream()
                    .filter(row -> row.level() != StatusLevel.OK).toList();
            events.statusChanged(statuses.recompute(c, notOk, new HashMap<>()));
            return moved.size();
        });
    }

    @Override
    public int recomputeStatuses() {
        Map<UUID, List<org.garrison.api.group.StatusCondition>> conditions = new HashMap<>();
        Set<UUID> existingGroups = groups.all().stream().map(AdministrationGroup::id).collect(Collectors.toSet());
        String after = "";
        int changed = 0;
        int rehomed = 0;
        while (true) {
            String from = after;
            List<DeviceRepository.StatusRow> rows = transactions.inTransaction(
                    c -> devices.statusRows(c, from, STATUS_BATCH));
            if (rows.isEmpty()) {
                break;
            }
            List<UUID> orphans = rows.stream().filter(row -> !existingGroups.contains(row.groupId()))
                    .map(DeviceRepository.StatusRow::id).toList();
            List<DeviceRepository.StatusRow> placed = rows.stream()
                    .filter(row -> existingGroups.contains(row.groupId())).toList();
            changed += transactions.inTransaction(c -> {
                List<DeviceEvents.StatusChange> changes = statuses.recompute(c, placed, conditions);
                events.statusChanged(changes);
                return changes.size();
            });
            if (!orphans.isEmpty()) {
                rehomed += transactions.inTransaction(c -> moves.move(c, orphans,
                        AdministrationGroup.UNASSIGNED_DEVICES, statuses, clock.instant()));
            }
            after = rows.get(rows.size() - 1).id().toString();
        }
        if (rehomed > 0) {
            LOG.info("{} devices whose administration group no longer exists were moved to Unassigned devices",
                    rehomed);
        }
        return changed + rehomed;
    }

    private void checkBulk(Set<UUID> deviceIds) {
        if (deviceIds == null || deviceIds.isEmpty()) {
            throw new ValidationException("deviceIds", "must name at least one device");
        }
        if (deviceIds.size() > MAX_BULK_DEVICES) {
            throw new ValidationException("deviceIds", "must name at most " + MAX_BULK_DEVICES + " devices, not "
                    + deviceIds.size());
        }
    }

    private void requireGroup(String field, UUID groupId) {
        try {
            groups.get(groupId);
        } catch (NotFoundException e) {
            throw new ValidationException(field, "names no administration group");
        }
    }

    private void requireDevice(Connection c, UUID id) throws SQLException {
        if (devices.existing(c, List.of(id)).isEmpty()) {
            throw new NotFoundException("Device", id);
        }
    }

    private void requireDevices(Connection c, Set<UUID> ids) throws SQLException {
        Set<UUID> existing = devices.existing(c, ids);
        if (existing.size() != ids.size()) {
            List<String> unknown = ids.stream().filter(id -> !existing.contains(id)).limit(10).map(UUID::toString)
                    .toList();
            throw new ValidationException("deviceIds", "names devices that do not exist: "
                    + String.join(", ", unknown) + (ids.size() - existing.size() > 10 ? ", ..." : ""));
        }
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(OBJECT_TYPE, id);
    }
}
