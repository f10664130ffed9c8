package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.DeviceUpdate;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceListingTest {

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

    private UUID device(String name, UUID group, String dnsName, String ip, String mac, OsType os, String version) {
        UUID id = devices.register(new DeviceRegistration(name, group, null), ADMIN).id();
        devices.applyInventory(new InventoryReport(id, true, new DeviceIdentity(null, null, null, null, dnsName, null),
                new DeviceNetwork(ip, null, null, mac == null ? List.of() : List.of(mac)),
                new OperatingSystem(os, null, null, null, null, null, null, null), null,
                new ActivityReport(null, false, null), null, null, null,
                version == null ? null : new SoftwareChanges(List.of(new SoftwareEntry("Firefox", "Mozilla", version,
                        null, null)), null, null), null, null));
        return id;
    }

    private List<String> names(DeviceQuery query) {
        return devices.list(query, new PageRequest(1000, null)).items().stream().map(Device::displayName).toList();
    }

    private static DeviceQuery text(String text) {
        return new DeviceQuery(null, true, null, null, text, null, null, null, null, null, null, null, DeviceSort.NAME,
                false);
    }

    @Test
    void textFindsTheStartOfAnyWordOfTheNamesAndTheStartOfAddresses() {
        device("WS-0042", null, "ws-0042.corp.example", "10.20.0.3", "02-00-00-00-03-01", OsType.WINDOWS, null);
        device("lab-7", null, "lab-7.example", "192.168.1.20", null, OsType.LINUX, null);
        new DeviceSearchBackfill(database, null).fill();

        assertEquals(List.of("WS-0042"), names(text("corp")));
        assertEquals(List.of("WS-0042"), names(text("0042")));
        assertEquals(List.of(), names(text("042")), "not the middle of a word");
        assertEquals(List.of("WS-0042"), names(text("ws-0042.CORP")));
        assertEquals(List.of("lab-7", "WS-0042"), names(text("example")));
        assertEquals(List.of("WS-0042"), names(text("10.20.")));
        assertEquals(List.of(), names(text("20.0")), "addresses only from their start");
        assertEquals(List.of("WS-0042"), names(text("02-00-00")), "a MAC in dash notation");
        assertEquals(List.of("WS-0042"), names(text("02:00:00:00:03")));
        assertEquals(List.of(), names(text("%")), "pattern characters are plain text");
    }

    @Test
    void textMatchesAnywhereUntilExistingDevicesHaveTheirTermsThenByWords() {
        UUID id = device("WS-0042", null, null, null, null, OsType.WINDOWS, null);
        database.runInTransaction(c -> {
            // a device stored before the search terms existed
            try (PreparedStatement statement = c.prepareStatement("DELETE FROM DEVICE_TERM WHERE DEVICE_ID = ?")) {
                statement.setString(1, id.toString());
                statement.executeUpdate();
            }
        });
        assertEquals(List.of("WS-0042"), names(text("042")), "contained text, before the terms are filled in");

        DeviceSearchBackfill backfill = new DeviceSearchBackfill(database, null);
        assertTrue(backfill.fill() > 0);
        assertEquals(List.of("WS-0042"), names(text("0042")), "the old device got its terms");
        assertEquals(List.of(), names(text("042")));
        assertEquals(0, backfill.fill(), "done once");
    }

    @Test
    void renamingADeviceMovesItsTerms() {
        UUID id = device("old-name", null, null, "10.0.0.1", null, OsType.WINDOWS, null);
        new DeviceSearchBackfill(database, null).fill();
        devices.update(id, new DeviceUpdate("new-name", null, null), ADMIN);
        assertEquals(List.of(), names(text("old")));
        assertEquals(List.of("new-name"), names(text("new")));
        assertEquals(List.of("new-name"), names(text("10.0.0.1")), "the other terms stay");
    }

    @Test
    void theManagedDevicesSubtreeIsEveryDeviceOutsideUnassignedDevices() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID sub = fake.add(group);
        device("in-root", AdministrationGroup.MANAGED_DEVICES, null, null, null, OsType.WINDOWS, null);
        device("in-group", group, null, null, null, OsType.WINDOWS, null);
        device("in-sub", sub, null, null, null, OsType.WINDOWS, null);
        device("unassigned", null, null, null, null, OsType.WINDOWS, null);
        DeviceQuery root = new DeviceQuery(AdministrationGroup.MANAGED_DEVICES, true, null, null, null, null, null,
                null, null, null, null, null, DeviceSort.NAME, false);
        assertEquals(List.of("in-group", "in-root", "in-sub"), names(root));
        assertEquals(3L, devices.list(root, PageRequest.first()).total());
        assertEquals(List.of("in-group", "in-sub"), names(root.within(Set.of(group, sub))),
                "a caller's groups still restrict it");
    }

    @Test
    void bothPlansListTheSameDevicesInTheSameOrderWithTheSameTotals() {
        UUID group = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID sub = fake.add(group);
        List<UUID> vip = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            UUID where = i % 3 == 0 ? group : i % 3 == 1 ? sub : null;
            // names repeat, so the id decides between equal sort keys
            UUID id = device("host-" + (i % 8), where, (i % 2 == 0 ? "corp-" : "lab-") + i + ".example",
                    i % 5 == 0 ? null : "10.0." + (i % 4) + "." + i, null,
                    i % 4 == 0 ? OsType.LINUX : OsType.WINDOWS, i % 3 == 0 ? null : "12" + (i % 2));
            if (i % 3 != 2) {
                vip.add(id);
            }
        }
        devices.tag(new HashSet<>(vip), Set.of("vip"), Set.of(), ADMIN);
        new DeviceSearchBackfill(database, null).fill();

        DeviceListing indexOrder = new DeviceListing(new DeviceRepository(), 0, 0);
        DeviceListing sorted = new DeviceListing(new DeviceRepository(), Long.MAX_VALUE, Long.MAX_VALUE);
        List<DeviceQuery> queries = List.of(
                query(null, null, null, null, null),
                query(null, null, "corp", null, null),
                query(Set.of(OsType.WINDOWS), null, null, "VIP", null),
                query(null, Set.of(StatusLevel.OK, StatusLevel.WARNING), "host", null, "Firefox"),
                query(null, null, null, "vip", "firefox"),
                query(null, null, "lab", null, null));
        List<DeviceListing.GroupFilter> groupFilters = new ArrayList<>();
        groupFilters.add(null);
        groupFilters.add(DeviceListing.GroupFilter.allBut(AdministrationGroup.UNASSIGNED_DEVICES));
        groupFilters.add(DeviceListing.GroupFilter.only(Set.of(group, sub)));
        int compared = 0;
        for (DeviceQuery base : queries) {
            for (DeviceListing.GroupFilter groups : groupFilters) {
                for (DeviceSort sort : DeviceSort.values()) {
                    for (boolean descending : List.of(false, true)) {
                        DeviceQuery q = new DeviceQuery(null, true, base.statuses(), base.osTypes(), base.text(),
                                base.tag(), null, null, null, null, base.softwareName(), null, sort, descending);
                        List<String> a = pages(indexOrder, q, groups);
                        List<String> b = pages(sorted, q, groups);
                        assertEquals(a, b, q + " in " + groups);
                        compared += a.size();
                    }
                }
            }
        }
        assertTrue(compared > 300, "the queries match devices: " + compared);
    }

    private static DeviceQuery query(Set<OsType> os, Set<StatusLevel> statuses, String text, String tag,
            String software) {
        return new DeviceQuery(null, true, statuses, os, text, tag, null, null, null, null, software, null,
                DeviceSort.NAME, false);
    }

    /** Every page of a listing, 4 at a time: the ids in order, after checking each page's total against them. */
    private List<String> pages(DeviceListing listing, DeviceQuery query, DeviceListing.GroupFilter groups) {
        List<String> all = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        PageRequest page = new PageRequest(4, null);
        while (true) {
            PageRequest request = page;
            Page<Device> result = database.inTransaction(c -> listing.list(c, query, groups, request));
            totals.add(result.total());
            result.items().forEach(d -> all.add(d.id().toString()));
            if (result.nextCursor() == null) {
                assertEquals(all.size(), new HashSet<>(all).size(), "no device twice");
                assertEquals(Set.of((long) all.size()), new HashSet<>(totals), query + " in " + groups);
                return all;
            }
            page = PageRequest.of(4, result.nextCursor());
        }
    }
}
