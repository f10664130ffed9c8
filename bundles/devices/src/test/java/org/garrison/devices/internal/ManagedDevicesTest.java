package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceRemoval;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.DeviceUpdate;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.StatusCondition;
import org.garrison.api.group.StatusConditionType;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedDevicesTest {

    private static final Actor ADMIN = Actor.system("test");

    private final FakeGroups fake = new FakeGroups();
    private Transactions database;
    private ManagedDevices devices;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.withSchema("devices", "db/devices.sql", getClass().getClassLoader()).transactions();
        devices = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()), Clock.systemUTC());
    }

    private Device register(String name, UUID group) {
        return devices.register(new DeviceRegistration(name, group, null), ADMIN);
    }

    private static InventoryReport report(UUID id, boolean full, String ip, OsType os, SoftwareChanges software,
            List<InstalledApplication> applications) {
        return new InventoryReport(id, full, new DeviceIdentity("CORP", null, null, "corp.example", null, "hw-1"),
                new DeviceNetwork(ip, null, "office", List.of("00-11-22-33-44-55")),
                new OperatingSystem(os, "x86_64", "Vendor", os + " 11", "10.0", "22631", "23H2", "C:\\Windows"),
                null, new ActivityReport(null, false, null), null, null,
                List.of(new HardwareComponent("cpu", "Core i7", "Intel", "i7-1365U", null, null)), software,
                applications, null);
    }

    private static InstalledApplication endpoint(ApplicationState state, String... tags) {
        return new InstalledApplication("endpoint", "Endpoint Protection", "12.1", state, ProtectionState.ON,
                null, 0, 0, List.of(new ApplicationComponent("File protection", "12.1", "running")), null, null,
                null, "install-1", List.of(new ApplicationStatusReport(StatusLevel.WARNING, "DB_OLD",
                        "Databases are 3 days old")), List.of(tags));
    }

    @Test
    void aNewDeviceLandsInUnassignedDevicesAndIsRecordedAsCreated() {
        Device device = register("ws-001", null);
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, device.groupId());
        assertEquals("ws-001", devices.get(device.id()).displayName());
        assertEquals("created", fake.revisions.get(0).action());
        assertEquals(DeviceService.OBJECT_TYPE, fake.revisions.get(0).object().type());
    }

    @Test
    void registeringIntoAnUnknownGroupIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> register("ws", UUID.randomUUID()));
        assertEquals("groupId", e.errors().get(0).field());
    }

    @Test
    void aFullInventoryStoresEverySectionAndAPartialOneAppliesSoftwareChanges() {
        UUID id = register("ws-002", null).id();
        devices.applyInventory(report(id, true, "10.0.0.2", OsType.WINDOWS, new SoftwareChanges(List.of(
                new SoftwareEntry("Firefox", "Mozilla", "129", null, null),
                new SoftwareEntry("7-Zip", null, "24.08", null, "C:\\Program Files\\7-Zip")), null, null),
                List.of(endpoint(ApplicationState.RUNNING, "protected"))));
        Device device = devices.get(id);
        assertEquals("10.0.0.2", device.network().ipv4());
        assertEquals(List.of("00:11:22:33:44:55"), device.network().macAddresses());
        assertEquals(OsType.WINDOWS, device.os().type());
        assertNotNull(device.activity().lastUpdate());
        assertTrue(device.tags().contains(new DeviceTag("protected", "endpoint")), device.tags().toString());
        assertEquals(2, devices.software(id).size());
        assertEquals("i7-1365U", devices.hardware(id).get(0).model());
        InstalledApplication application = devices.applications(id).get(0);
        assertEquals(1, application.components().size());
        assertEquals(List.of("protected"), application.tags());

        devices.applyInventory(new InventoryReport(id, false, null, null, null, null, null, null, null, null,
                new SoftwareChanges(List.of(new SoftwareEntry("VLC", "VideoLAN", "3.0", null, null)),
                        List.of(new SoftwareEntry("firefox", "mozilla", "130", null, null)),
                        List.of(new SoftwareKey("7-zip", null))),
                null, List.of("endpoint")));
        List<SoftwareEntry> software = devices.software(id);
        assertEquals(List.of("firefox", "VLC"), software.stream().map(SoftwareEntry::name).toList());
        assertEquals("130", software.get(0).version());
        assertTrue(devices.applications(id).isEmpty());
        assertFalse(devices.get(id).tags().stream().anyMatch(t -> t.source().equals("endpoint")));
        assertEquals("10.0.0.2", devices.get(id).network().ipv4(), "sections left out stay");
    }

    @Test
    void anInventoryForAnUnknownDeviceIsNotFoundAndABadOneChangesNothing() {
        assertThrows(NotFoundException.class, () -> devices.applyInventory(report(UUID.randomUUID(), true,
                "10.0.0.1", OsType.LINUX, null, null)));
        UUID id = register("ws-003", null).id();
        assertThrows(ValidationException.class, () -> devices.applyInventory(report(id, true, "10.0.0.999",
                OsType.LINUX, null, null)));
        assertNull(devices.get(id).network().ipv4());
        assertEquals(1, devices.applyInventory(List.of(report(id, true, "10.1.1.1", OsType.LINUX, null, null),
                report(UUID.randomUUID(), true, "10.1.1.2", OsType.LINUX, null, null))).stream()
                .filter(o -> o.applied()).count());
    }

    @Test
    void statusComesFromTheGroupsConditionsAndApplicationsAndIsAFilter() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.conditions.put(group, List.of(
                new StatusCondition(StatusConditionType.APPLICATION_NOT_RUNNING, true, null, 1),
                new StatusCondition(StatusConditionType.NO_MANAGED_APPLICATION, true, 1, null)));
        UUID stopped = register("stopped", group).id();
        UUID bare = register("bare", group).id();
        UUID fine = register("fine", group).id();
        devices.applyInventory(report(stopped, true, "10.0.0.1", OsType.WINDOWS, null,
                List.of(endpoint(ApplicationState.STOPPED))));
        devices.applyInventory(report(bare, true, "10.0.0.2", OsType.WINDOWS, null, List.of()));
        devices.applyInventory(report(fine, true, "10.0.0.3", OsType.WINDOWS, null, List.of(new InstalledApplication(
                "endpoint", "Endpoint Protection", "12", ApplicationState.RUNNING, ProtectionState.ON, null, 0, 0,
                null, null, null, null, null, null, null))));
        assertEquals(StatusLevel.CRITICAL, devices.get(stopped).status().level());
        assertEquals("Endpoint Protection is not running", devices.get(stopped).status().reasons().get(0).text());
        assertEquals("DB_OLD", devices.get(stopped).status().reasons().get(1).code());
        assertEquals(StatusLevel.WARNING, devices.get(bare).status().level());
        assertEquals(StatusLevel.OK, devices.get(fine).status().level());

        Page<Device> critical = devices.list(new DeviceQuery(group, true, Set.of(StatusLevel.CRITICAL), null, null,
                null, null, null, null, null, null, null, DeviceSort.NAME, false), PageRequest.first());
        assertEquals(List.of(stopped), critical.items().stream().map(Device::id).toList());
        assertEquals(1L, critical.total());

        devices.move(Set.of(stopped), AdministrationGroup.UNASSIGNED_DEVICES, ADMIN);
        assertEquals(StatusLevel.WARNING, devices.get(stopped).status().level(),
                "moved out of the group, only the application's own reason remains");
    }

    @Test
    void listingFiltersSortsAndPagesWithAStableCursor() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID sub = fake.add(group);
        for (int i = 0; i < 7; i++) {
            UUID id = register("host-" + i, i % 2 == 0 ? group : sub).id();
            devices.applyInventory(report(id, true, "10.0.0." + (20 - i), i < 5 ? OsType.WINDOWS : OsType.LINUX,
                    new SoftwareChanges(List.of(new SoftwareEntry("Firefox", "Mozilla", i < 3 ? "129" : "130", null,
                            null)), null, null), i == 0 ? List.of(endpoint(ApplicationState.RUNNING)) : List.of()));
        }
        register("elsewhere", null);

        Set<String> seen = new HashSet<>();
        PageRequest page = new PageRequest(3, null);
        int pages = 0;
        while (true) {
            Page<Device> result = devices.list(new DeviceQuery(group, true, null, null, null, null, null, null, null,
                    null, null, null, DeviceSort.IP, true), page);
            assertEquals(7L, result.total());
            result.items().forEach(d -> seen.add(d.displayName()));
            pages++;
            if (result.nextCursor() == null) {
                break;
            }
            page = PageRequest.of(3, result.nextCursor());
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());

        assertEquals(4L, devices.list(new DeviceQuery(group, false, null, null, null, null, null, null, null, null,
                null, null, DeviceSort.NAME, false), PageRequest.first()).total(), "without the subtree");
        assertEquals(3L, devices.list(DeviceQuery.all().within(Set.of(sub)), PageRequest.first()).total(),
                "restricted to a caller's groups");
        assertEquals(3L, devices.list(new DeviceQuery(group, true, null, null, null, null, null, null, null, null,
                null, null, DeviceSort.NAME, false).within(Set.of(sub)), PageRequest.first()).total(),
                "a group filter and the caller's groups both hold");
        assertEquals(0L, devices.list(DeviceQuery.all().within(Set.of()), PageRequest.first()).total(),
                "a caller without groups sees nothing");
        assertEquals(2L, devices.list(new DeviceQuery(null, true, null, Set.of(OsType.LINUX), null, null, null, null,
                null, null, null, null, DeviceSort.OS, false), PageRequest.first()).total());
        assertEquals(List.of("host-3"), devices.list(new DeviceQuery(null, true, null, null, "10.0.0.17", null, null,
                null, null, null, null, null, DeviceSort.NAME, false), PageRequest.first()).items().stream()
                .map(Device::displayName).toList());
        assertEquals(7L, devices.list(new DeviceQuery(null, true, null, null, "00:11:22", null, null, null, null,
                null, null, null, DeviceSort.NAME, false), PageRequest.first()).total(), "text matches MACs");
        assertEquals(1L, devices.list(new DeviceQuery(null, true, null, null, null, null, null, null, "endpoint",
                null, null, null, DeviceSort.STATUS, false), PageRequest.first()).total());
        assertEquals(6L, devices.list(new DeviceQuery(null, true, null, null, null, null,
                Instant.now().minus(Duration.ofHours(1)), null, null, "endpoint", null, null, DeviceSort.LAST_VISIBLE,
                false), PageRequest.first()).total(),
                "seen lately, without the application; never-seen devices excluded");
        assertEquals(3L, devices.list(new DeviceQuery(null, true, null, null, null, null, null, null, null, null,
                "FIREFOX", "129", DeviceSort.NAME, false), PageRequest.first()).total());

        Page<SoftwareProduct> software = devices.softwareRegistry("fire", PageRequest.first());
        assertEquals(List.of(3L, 4L), software.items().stream().map(SoftwareProduct::deviceCount).toList());
        assertEquals(7L, devices.hardwareRegistry("CPU", PageRequest.first()).items().get(0).deviceCount());
    }

    @Test
    void aCursorOfAnotherOrderIsRefused() {
        for (int i = 0; i < 3; i++) {
            register("d" + i, null);
        }
        String cursor = devices.list(DeviceQuery.all(), new PageRequest(1, null)).nextCursor();
        ValidationException e = assertThrows(ValidationException.class, () -> devices.list(new DeviceQuery(null,
                true, null, null, null, null, null, null, null, null, null, null, DeviceSort.IP, false),
                PageRequest.of(1, cursor)));
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void adminChangesAreRecordedAndApplicationTagsSurviveThem() {
        UUID id = register("ws-010", null).id();
        devices.applyInventory(report(id, true, "10.0.0.5", OsType.WINDOWS, null,
                List.of(endpoint(ApplicationState.RUNNING, "protected"))));
        Device changed = devices.update(id, new DeviceUpdate("Reception PC", "Front desk", List.of("Lobby", "lobby")),
                ADMIN);
        assertEquals("Reception PC", changed.displayName());
        assertEquals("Front desk", changed.description());
        assertEquals(Set.of(new DeviceTag("Lobby", DeviceTag.ADMIN), new DeviceTag("protected", "endpoint")),
                Set.copyOf(changed.tags()));
        assertTrue(fake.revisions.get(fake.revisions.size() - 1).snapshot().contains("\"Reception PC\""));
        assertThrows(ValidationException.class, () -> devices.update(id, new DeviceUpdate(" ", null, null), ADMIN));
        assertThrows(NotFoundException.class, () -> devices.update(UUID.randomUUID(),
                new DeviceUpdate("x", null, null), ADMIN));
    }

    @Test
    void removingMovesAManagedDeviceToUnassignedThenDeletesItForGood() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID id = register("ws-020", group).id();
        assertEquals(DeviceRemoval.MOVED_TO_UNASSIGNED, devices.remove(id, ADMIN));
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(id).groupId());
        assertEquals(DeviceRemoval.DELETED, devices.remove(id, ADMIN));
        assertThrows(NotFoundException.class, () -> devices.get(id));
        assertEquals(id, fake.deleted.get(0).object().id());
        assertTrue(fake.deleted.get(0).snapshot().contains("ws-020"));
    }

    @Test
    void devicesDeletedForGoodAreAnnouncedToRemovalListenersOnceCommitted() throws Exception {
        DeviceEvents events = fake.deviceEvents(Clock.systemUTC());
        BlockingQueue<Set<UUID>> heard = new LinkedBlockingQueue<>();
        events.addRemovalListener(ids -> {
            throw new IllegalStateException("a broken listener does not keep the others from hearing");
        });
        events.addRemovalListener(heard::add);
        ManagedDevices service = new ManagedDevices(database, fake.groups(), fake.settings(),
                fake.revisionHistory(), fake.deletedObjects(), events, Clock.systemUTC());
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID managed = service.register(new DeviceRegistration("managed", group, null), ADMIN).id();
        UUID a = service.register(new DeviceRegistration("a", null, null), ADMIN).id();
        UUID b = service.register(new DeviceRegistration("b", null, null), ADMIN).id();

        service.remove(managed, ADMIN);
        service.remove(a, ADMIN);
        assertEquals(Set.of(a), heard.poll(5, TimeUnit.SECONDS), "moving to Unassigned is no removal");
        assertThrows(ValidationException.class, () -> service.remove(Set.of(b, UUID.randomUUID()), ADMIN));
        assertNull(heard.poll(300, TimeUnit.MILLISECONDS), "a refused bulk removal is not announced");
        service.remove(Set.of(b), ADMIN);
        assertEquals(Set.of(b), heard.poll(5, TimeUnit.SECONDS));
        events.deactivate();
    }

    @Test
    void bulkActionsAreAllOrNothingAndBounded() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID a = register("a", null).id();
        UUID b = register("b", null).id();
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> devices.move(Set.of(a, UUID.randomUUID()), group, ADMIN));
        assertEquals("deviceIds", unknown.errors().get(0).field());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(a).groupId());

        Set<UUID> tooMany = new HashSet<>();
        while (tooMany.size() <= DeviceService.MAX_BULK_DEVICES) {
            tooMany.add(UUID.randomUUID());
        }
        assertThrows(ValidationException.class, () -> devices.remove(tooMany, ADMIN));

        assertEquals(2, devices.move(Set.of(a, b), group, ADMIN).affected());
        assertEquals(group, devices.groupsOf(Set.of(a)).get(a));
        assertEquals(2, devices.tag(Set.of(a, b), Set.of("vip"), Set.of(), ADMIN).affected());
        assertEquals(0, devices.tag(Set.of(a, b), Set.of("VIP"), Set.of(), ADMIN).affected(), "already tagged");
        assertEquals(1, devices.tag(Set.of(a), Set.of(), Set.of("vip"), ADMIN).affected());
        assertEquals(2, devices.remove(Set.of(a, b), ADMIN).affected());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(b).groupId());
    }

    @Test
    void periodicRecomputationCatchesDevicesThatStoppedShowingUp() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.conditions.put(group, List.of(new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 7, 30)));
        UUID id = register("quiet", group).id();
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        devices.applyInventory(new InventoryReport(id, false, null, null, null, null,
                new ActivityReport(tenDaysAgo, false, null), null, null, null, null, null, null));
        assertEquals(StatusLevel.WARNING, devices.get(id).status().level());
        ManagedDevices later = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()),
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(25)));
        assertEquals(1, later.recomputeStatuses());
        assertEquals("Not visible for 35 days (critical from 30)", devices.get(id).status().reasons().get(0).text());
        assertEquals(0, later.recomputeStatuses(), "nothing changed since");
    }

    @Test
    void devicesNotSeenForTooLongLeaveTheirGroupThenAreDeleted() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.removeAfterDays.put(group, 30);
        fake.removeAfterDays.put(AdministrationGroup.UNASSIGNED_DEVICES, 60);
        UUID quiet = register("quiet", group).id();
        UUID active = register("active", group).id();
        devices.applyInventory(new InventoryReport(quiet, false, null, null, null, null,
                new ActivityReport(Instant.now().minus(Duration.ofDays(40)), false, null), null, null, null, null,
                null, null));
        devices.applyInventory(new InventoryReport(active, false, null, null, null, null, null, null, null, null,
                null, null, null));
        assertEquals(1, devices.removeInactive(ADMIN));
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(quiet).groupId());
        assertEquals(group, devices.get(active).groupId());
        assertEquals(0, devices.removeInactive(ADMIN), "40 days is not yet 60 for Unassigned devices");

        ManagedDevices later = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()),
                Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(25)));
        assertEquals(1, later.removeInactive(ADMIN), "65 days unseen in Unassigned devices: deleted");
        assertThrows(NotFoundException.class, () -> devices.get(quiet));
        assertEquals(DeviceService.OBJECT_TYPE, fake.deleted.get(0).object().type());
        assertEquals(group, devices.get(active).groupId(), "25 days unseen is not yet 30");
    }

    @Test
    void whatHappensToDevicesIsReportedAsCoreEvents() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.conditions.put(group, List.of(new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 7, 30)));
        UUID id = register("reported", group).id();
        assertEquals(List.of("device-added"), fake.eventTypes());
        assertEquals(id, fake.events.get(0).deviceId());

        devices.applyInventory(new InventoryReport(id, false, null, null, null, null,
                new ActivityReport(Instant.now().minus(Duration.ofDays(10)), false, null), null, null, null, null,
                null, null));
        assertEquals("device-status-changed", fake.events.get(1).type());
        assertEquals("ok", fake.events.get(1).payload().get("previousStatus"));
        assertEquals("warning", fake.events.get(1).payload().get("status"));

        UUID other = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.events.clear();
        devices.move(Set.of(id), other, ADMIN);
        assertEquals("device-moved", fake.events.get(0).type());
        assertEquals(group.toString(), fake.events.get(0).payload().get("fromGroupId"));
        assertEquals(other, fake.events.get(0).groupId());
        assertEquals("device-status-changed", fake.events.get(1).type(),
                "leaving the group's not-seen condition clears the warning");

        fake.events.clear();
        devices.remove(id, ADMIN);
        devices.remove(id, ADMIN);
        assertEquals(List.of("device-moved", "device-removed"), fake.eventTypes());
    }

    @Test
    void devicesLeftInAGroupDeletedBehindTheirBackReturnToUnassigned() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID orphan = register("orphan", group).id();
        UUID placed = register("placed", AdministrationGroup.UNASSIGNED_DEVICES).id();
        fake.parents.remove(group);
        fake.events.clear();

        assertEquals(1, devices.recomputeStatuses());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(orphan).groupId());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(placed).groupId());
        assertEquals(List.of("device-moved"), fake.eventTypes());
        assertEquals(0, devices.recomputeStatuses(), "nothing left to heal");
    }

    @Test
    void devicesNotSeenForTheGroupsNoticePeriodAreReportedOncePerAbsence() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        fake.notifyAfterDays.put(group, 7);
        UUID quiet = register("quiet", group).id();
        UUID seen = register("seen", group).id();
        devices.applyInventory(new InventoryReport(quiet, false, null, null, null, null,
                new ActivityReport(Instant.now().minus(Duration.ofDays(9)), false, null), null, null, null, null,
                null, null));
        devices.applyInventory(new InventoryReport(seen, false, null, null, null, null,
                new ActivityReport(Instant.now(), false, null), null, null, null, null, null, null));
        fake.events.clear();

        assertEquals(1, devices.reportInactive());
        assertEquals(List.of("device-inactive"), fake.eventTypes());
        assertEquals(quiet, fake.events.get(0).deviceId());
        assertEquals(9L, fake.events.get(0).payload().get("inactiveDays"));
        assertEquals(0, devices.reportInactive(), "one report per absence");

        devices.applyInventory(new InventoryReport(quiet, false, null, null, null, null,
                new ActivityReport(Instant.now().minus(Duration.ofDays(8)), false, null), null, null, null, null,
                null, null));
        assertEquals(1, devices.reportInactive(), "seen again, then absent again: a new report");
    }

    @Test
    void aLargeListingReadsItsSortIndexInOrderAndStillPagesCorrectly() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID sub = fake.add(group);
        for (int i = 2_100; i > 0; i--) {
            register(String.format("n-%05d", i), i % 2 == 0 ? group : sub);
        }
        DeviceQuery subtree = new DeviceQuery(group, true, null, null, null, null, null, null, null, null, null, null,
                DeviceSort.NAME, false);
        Page<Device> first = devices.list(subtree, new PageRequest(3, null));
        assertEquals(2_100L, first.total());
        assertEquals(List.of("n-00001", "n-00002", "n-00003"), first.items().stream().map(Device::displayName)
                .toList());
        Page<Device> second = devices.list(subtree, PageRequest.of(3, first.nextCursor()));
        assertEquals(List.of("n-00004", "n-00005", "n-00006"), second.items().stream().map(Device::displayName)
                .toList());
    }
}
