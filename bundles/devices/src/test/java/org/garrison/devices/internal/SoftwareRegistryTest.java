package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoftwareRegistryTest {

    private static final Actor ADMIN = Actor.system("test");

    private final FakeGroups fake = new FakeGroups();
    private TestDatabase testDatabase;
    private Transactions database;
    private ManagedDevices devices;

    @BeforeEach
    void setUp() throws Exception {
        testDatabase = TestDatabase.withSchema("devices", "db/devices.sql", getClass().getClassLoader());
        database = testDatabase.transactions();
        devices = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()), Clock.systemUTC());
    }

    private UUID device(String name) {
        return devices.register(new DeviceRegistration(name, null, null), ADMIN).id();
    }

    private void software(UUID id, boolean full, List<SoftwareEntry> installed, List<SoftwareEntry> updated,
            List<SoftwareKey> removed) {
        devices.applyInventory(new InventoryReport(id, full, null, null, null, null, null, null, null, null,
                new SoftwareChanges(installed, updated, removed), null, null));
    }

    private static SoftwareEntry entry(String name, String vendor, String version) {
        return new SoftwareEntry(name, vendor, version, null, null);
    }

    /** The registry as grouping every device's software gives it: what the counts must always agree with. */
    private List<SoftwareProduct> grouped() {
        return database.inTransaction(c -> {
            List<SoftwareProduct> products = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT NAME_KEY, VENDOR_KEY, VERSION, MIN(NAME), "
                    + "MIN(VENDOR), COUNT(*) FROM DEVICE_SOFTWARE GROUP BY NAME_KEY, VENDOR_KEY, VERSION "
                    + "ORDER BY NAME_KEY, VENDOR_KEY, VERSION"); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    products.add(new SoftwareProduct(rs.getString(4), Normalised.emptyToNull(rs.getString(5)),
                            Normalised.emptyToNull(rs.getString(3)), rs.getLong(6)));
                }
            }
            return products;
        });
    }

    private void assertRegistryAgrees(long expectedLines) {
        Page<SoftwareProduct> registry = devices.softwareRegistry(null, new PageRequest(1000, null));
        assertEquals(grouped(), registry.items());
        assertEquals(expectedLines, registry.total());
    }

    @Test
    void theRegistryCountsFollowEveryChangeOfTheDevicesSoftware() {
        UUID a = device("a");
        UUID b = device("b");
        UUID c = device("c");
        software(a, true, List.of(entry("Firefox", "Mozilla", "129"), entry("7-Zip", null, "24.08")), null, null);
        software(b, true, List.of(entry("firefox", "mozilla", "129"), entry("VLC", "VideoLAN", "3.0")), null, null);
        software(c, true, List.of(entry("Firefox", "Mozilla", "130")), null, null);
        assertRegistryAgrees(4);
        assertEquals(2L, devices.softwareRegistry("fox", PageRequest.first()).total());

        software(a, false, List.of(entry("Notepad++", null, "8.6")), List.of(entry("Firefox", "Mozilla", "130")),
                List.of(new SoftwareKey("7-zip", null)));
        assertRegistryAgrees(4);

        software(b, true, List.of(entry("FIREFOX", "Mozilla", "130")), null, null);
        assertRegistryAgrees(2);
        assertEquals(3L, devices.softwareRegistry("firefox", PageRequest.first()).items().get(0).deviceCount());

        software(b, true, List.of(entry("FIREFOX", "Mozilla", "130")), null, null);
        assertRegistryAgrees(2);

        devices.remove(b, ADMIN);
        assertRegistryAgrees(2);
        assertEquals(2L, devices.softwareRegistry("firefox", PageRequest.first()).items().get(0).deviceCount());
        assertEquals("Firefox", devices.softwareRegistry("firefox", PageRequest.first()).items().get(0).name(),
                "the removed device's spelling no longer names it");
    }

    @Test
    void theRegistryPagesByCursorOverTheCounts() {
        for (int i = 0; i < 5; i++) {
            software(device("d" + i), true, List.of(entry("App " + i, "Vendor", "1." + i),
                    entry("Common", "Vendor", "1")), null, null);
        }
        List<String> names = new ArrayList<>();
        PageRequest page = new PageRequest(2, null);
        while (true) {
            Page<SoftwareProduct> result = devices.softwareRegistry(null, page);
            assertEquals(6L, result.total());
            result.items().forEach(p -> names.add(p.name() + " " + p.deviceCount()));
            if (result.nextCursor() == null) {
                break;
            }
            page = PageRequest.of(2, result.nextCursor());
        }
        assertEquals(List.of("App 0 1", "App 1 1", "App 2 1", "App 3 1", "App 4 1", "Common 5"), names);
    }

    @Test
    void twoWritersCountingANewLineAtTheSameTimeBothCount() throws Exception {
        SoftwareCounts counts = new SoftwareCounts();
        Map<SoftwareCounts.Line, Long> install = Map.of(SoftwareCounts.Line.of(entry("Zoom", "Zoom", "6.1")), 1L);
        try (Connection first = testDatabase.dataSource().getConnection();
                Connection second = testDatabase.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            counts.add(first, install);
            // the second writer misses the first one's uncommitted line, then waits for it (PostgreSQL: on its
            // insert, which fails and falls back to an update; Derby: on its update)
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    counts.add(second, install);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            first.commit();
            other.get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(new SoftwareProduct("Zoom", "Zoom", "6.1", 2)),
                devices.softwareRegistry(null, PageRequest.first()).items());
    }
}
