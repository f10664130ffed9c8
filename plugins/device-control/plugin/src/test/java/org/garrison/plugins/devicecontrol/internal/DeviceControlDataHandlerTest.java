package org.garrison.plugins.devicecontrol.internal;

import static org.garrison.plugins.devicecontrol.internal.Reports.accessLog;
import static org.garrison.plugins.devicecontrol.internal.Reports.entry;
import static org.garrison.plugins.devicecontrol.internal.Reports.printer;
import static org.garrison.plugins.devicecontrol.internal.Reports.report;
import static org.garrison.plugins.devicecontrol.internal.Reports.snapshot;
import static org.garrison.plugins.devicecontrol.internal.Reports.stick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.event.NewEvent;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.devicecontrol.internal.reports.AccessEntry;
import org.garrison.plugins.devicecontrol.internal.store.AccessLogRepository;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceSelection;
import org.garrison.plugins.devicecontrol.internal.store.StoredExternalDevice;
import org.garrison.store.internal.TestDatabase;
import org.garrison.testkit.InMemoryDevices;
import org.garrison.testkit.InMemoryEvents;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler on the plugin's real tables (its own changelog, migrated by the store's migrator), with the server's
 * JSON Schema validator and in-memory devices and events areas.
 */
class DeviceControlDataHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final UUID GROUP = UUID.randomUUID();

    private Transactions transactions;
    private final InMemoryDevices devices = new InMemoryDevices();
    private final InMemoryEvents events = InMemoryEvents.forPluginOnClassPath();
    private DeviceControlDataHandler handler;
    private UUID device;

    @BeforeEach
    void database() throws Exception {
        transactions = TestDatabase.withSchema("devicecontrol", "GARRISON-INF/migrations/changelog.sql",
                getClass().getClassLoader()).transactions();
        handler = new DeviceControlDataHandler(transactions, devices, events, new ServerSchemaValidator());
        device = devices.add(GROUP);
    }

    @Test
    void aSnapshotStoresTheDevicesAndABlockedUsbStickTagsTheDevice() {
        handler.handle(device, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0),
                printer("printer-1", "allowed", T0))));

        List<StoredExternalDevice> stored = stored();
        assertEquals(List.of("stick-1", "printer-1"), stored.stream().map(d -> d.device().instanceId()).toList(),
                "blocked first");
        assertTrue(stored.stream().allMatch(d -> d.connected() && d.enforced()));
        InstalledApplication entry = devices.application(device, DeviceControl.ID);
        assertNotNull(entry, "the application's entry appears with the plugin's first report");
        assertEquals(ProtectionState.NOT_SUPPORTED, entry.realTimeProtection());
        assertEquals(List.of(), entry.statusReports(), "a blocked device is the policy working, no warning");
        assertEquals(List.of(ApplicationStateRules.TAG_USB_STORAGE_BLOCKED), tagNames());
    }

    @Test
    void theSameReportsTwiceChangeNothing() {
        List<ApplicationData> batch = List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0)),
                accessLog(T0, entry("e1", "blocked", "class-default", T0),
                        entry("e2", "allowed", "trusted-device", T0.plusSeconds(1))));
        handler.handle(device, batch);
        int reports = devices.reportsApplied();
        List<StoredExternalDevice> devicesBefore = stored();
        List<AccessEntry> logBefore = log();

        handler.handle(device, batch);

        assertEquals(reports, devices.reportsApplied(), "the device's entry was not written again");
        assertEquals(devicesBefore, stored());
        assertEquals(logBefore, log());
        assertEquals(2, logBefore.size());
        assertEquals(1, events.stored().size(), "one event for the trusted device, none for the block: the "
                + "application sends device-blocked itself");
        assertEquals(0, events.duplicates(), "not even offered to the event store again");
    }

    @Test
    void aTrustedDeviceAllowedGivesOneInfoEventNamingTheUser() {
        handler.handle(device, List.of(accessLog(T0, entry("e1", "allowed", "trusted-device", T0),
                entry("e1", "allowed", "trusted-device", T0), entry("e2", "allowed", "class-default", T0))));

        List<NewEvent> raised = events.ofType(DeviceControl.EVENT_ALLOWED_BY_EXCEPTION);
        assertEquals(1, raised.size());
        NewEvent event = raised.get(0);
        assertEquals(DeviceControlEvents.id(device, DeviceControl.EVENT_ALLOWED_BY_EXCEPTION, "e1"), event.id());
        assertEquals("CORP\\alice", event.payload().get("userAccount"));
        assertEquals(DeviceControl.ID, event.source());
        assertEquals(T0, event.occurredAt());
        assertEquals(List.of("e1", "e2"), log().stream().map(AccessEntry::id).sorted().toList(),
                "an entry listed twice is stored once");
    }

    @Test
    void aNewerSnapshotDisconnectsWhatIsGoneAndAnOlderOneLoses() {
        handler.handle(device, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0),
                printer("printer-1", "allowed", T0))));
        handler.handle(device, List.of(snapshot(T0.plusSeconds(60), "enforce",
                printer("printer-1", "allowed", T0.plusSeconds(60)))));

        Map<String, Boolean> connected = stored().stream().collect(Collectors.toMap(d -> d.device().instanceId(),
                StoredExternalDevice::connected));
        assertEquals(Map.of("stick-1", false, "printer-1", true), connected);
        assertEquals(List.of(), tagNames(), "the tag goes with the stick");
        StoredExternalDevice printer = stored().stream().filter(StoredExternalDevice::connected).findFirst()
                .orElseThrow();
        assertEquals(T0, printer.device().firstSeen(), "the first time seen stays");
        assertEquals(T0.plusSeconds(60), printer.device().lastSeen());

        // a snapshot older than the one applied comes late (an agent's outbox): it loses
        handler.handle(device, List.of(snapshot(T0.plusSeconds(30), "enforce", stick("stick-1", "blocked", T0))));
        assertEquals(connected, stored().stream().collect(Collectors.toMap(d -> d.device().instanceId(),
                StoredExternalDevice::connected)));
    }

    @Test
    void aPolicyThatOnlyLogsGivesAWarningAndNoTag() {
        handler.handle(device, List.of(snapshot(T0, "log-only", stick("stick-1", "blocked", T0))));

        InstalledApplication entry = devices.application(device, DeviceControl.ID);
        assertEquals(List.of(ApplicationStateRules.LOG_ONLY), codes(entry));
        assertEquals(StatusLevel.WARNING, entry.statusReports().get(0).level());
        assertEquals(List.of(), tagNames(), "the stick is not blocked, only logged");
        assertTrue(stored().stream().noneMatch(StoredExternalDevice::enforced));

        handler.handle(device, List.of(snapshot(T0.plusSeconds(10), "enforce", stick("stick-1", "read-only", T0))));
        assertEquals(List.of(), codes(devices.application(device, DeviceControl.ID)));
        assertEquals("read-only", stored().get(0).device().access().wireName());
    }

    @Test
    void whatTheApplicationSaysAboutItselfIsKept() {
        InstalledApplication own = new InstalledApplication(DeviceControl.ID, "Acme Device Control", "3.2.0",
                ApplicationState.RUNNING, ProtectionState.NOT_SUPPORTED, null, 0, 0, List.of(), null, null,
                T0.minus(Duration.ofDays(90)), "install-1", List.of(new ApplicationStatusReport(StatusLevel.WARNING,
                        "DRIVER_OUTDATED", "Update the filter driver")), List.of("Kiosk"));
        devices.applyInventory(new InventoryReport(device, false, null, null, null, null, null, null, null, null,
                null, List.of(own), List.of()));

        handler.handle(device, List.of(snapshot(T0, "log-only", stick("stick-1", "blocked", T0))));

        InstalledApplication entry = devices.application(device, DeviceControl.ID);
        assertEquals("Acme Device Control", entry.name());
        assertEquals("3.2.0", entry.version());
        assertEquals(ApplicationState.RUNNING, entry.state());
        assertEquals(List.of("DRIVER_OUTDATED", ApplicationStateRules.LOG_ONLY), codes(entry));
        assertEquals(List.of("Kiosk"), tagNames());
    }

    @Test
    void anInvalidReportIsSkippedAndTheOthersApplied() {
        handler.handle(device, List.of(
                report(DeviceControl.KIND_CONNECTED_DEVICES, T0, "{\"mode\": \"enforce\", \"devices\": "
                        + "[{\"instanceId\": \"x\"}]}"),
                report(DeviceControl.KIND_ACCESS_LOG, T0, "{\"entries\": [" + entry("bad", "forbidden",
                        "class-default", T0) + "]}"),
                report("keyloggers", T0, "{}"),
                accessLog(T0, entry("good", "blocked", "class-default", T0))));

        assertEquals(List.of(), stored());
        assertEquals(List.of("good"), log().stream().map(AccessEntry::id).toList());
    }

    @Test
    void reportsOfADeletedDeviceAreDropped() {
        devices.delete(device);

        handler.handle(device, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0))));

        assertEquals(List.of(), stored());
    }

    @Test
    void housekeepingRemovesDeletedDevicesAndExpiredRowsOnly() {
        UUID other = devices.add(GROUP);
        Instant now = T0.plus(Duration.ofDays(100));
        handler.handle(device, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0)),
                accessLog(T0, entry("e1", "blocked", "class-default", T0))));
        handler.handle(other, List.of(snapshot(T0, "enforce", stick("old", "blocked", T0)),
                accessLog(T0, entry("old", "blocked", "class-default", T0))));
        handler.handle(other, List.of(snapshot(now.minusSeconds(60), "enforce",
                printer("printer-1", "allowed", now.minusSeconds(60))),
                accessLog(now, entry("new", "allowed", "class-default", now.minusSeconds(60)))));
        devices.delete(device);
        Housekeeping housekeeping = new Housekeeping(transactions, devices, Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofDays(90));

        assertEquals(1, housekeeping.removeDeletedDevices());
        assertEquals(2, housekeeping.removeExpired(), "the old entry, and the stick disconnected for 100 days");

        assertEquals(Set.of(other), deviceIdsInEveryTable());
        assertEquals(List.of("new"), transactions.inTransaction(c -> new AccessLogRepository().recent(c, other, 10))
                .stream().map(AccessEntry::id).toList());
        assertEquals(List.of("printer-1"), transactions.inTransaction(c -> new ExternalDeviceRepository().page(c,
                ExternalDeviceSelection.ofDevice(other), null, 10)).stream().map(d -> d.device().instanceId())
                .toList());
    }

    @Test
    void anAnnouncedRemovalDropsTheDataOfDevicesConfirmedGoneOnly() {
        UUID other = devices.add(GROUP);
        handler.handle(device, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0))));
        handler.handle(other, List.of(snapshot(T0, "enforce", stick("stick-1", "blocked", T0))));
        devices.delete(device);
        Housekeeping housekeeping = new Housekeeping(transactions, devices, Clock.systemUTC(), Duration.ofDays(90));

        // "other" still exists (say, restored meanwhile): its data stays
        assertEquals(1, housekeeping.removeGone(List.of(device, other)));
        assertEquals(Set.of(other), deviceIdsInEveryTable());
    }

    private Set<UUID> deviceIdsInEveryTable() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT DEVICE_ID FROM DEVICE_CONTROL_DEVICE UNION "
                    + "SELECT DEVICE_ID FROM DEVICE_CONTROL_ACCESS_LOG UNION SELECT DEVICE_ID FROM "
                    + "DEVICE_CONTROL_STATE"); ResultSet rows = select.executeQuery()) {
                Set<UUID> ids = new HashSet<>();
                while (rows.next()) {
                    ids.add(UUID.fromString(rows.getString(1)));
                }
                return ids;
            }
        });
    }

    private List<StoredExternalDevice> stored() {
        return transactions.inTransaction(c -> new ExternalDeviceRepository().page(c,
                ExternalDeviceSelection.ofDevice(device), null, 100));
    }

    private List<AccessEntry> log() {
        return transactions.inTransaction(c -> new AccessLogRepository().recent(c, device, 100));
    }

    private static List<String> codes(InstalledApplication entry) {
        return entry.statusReports().stream().map(ApplicationStatusReport::code).toList();
    }

    private List<String> tagNames() {
        return devices.tags(device).stream().map(DeviceTag::name).collect(Collectors.toList());
    }
}
