package org.garrison.plugins.endpointprotection.internal;

import static org.garrison.plugins.endpointprotection.internal.Reports.detection;
import static org.garrison.plugins.endpointprotection.internal.Reports.report;
import static org.garrison.plugins.endpointprotection.internal.Reports.scanStatus;
import static org.garrison.plugins.endpointprotection.internal.Reports.threats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.garrison.plugins.endpointprotection.internal.store.StoredThreat;
import org.garrison.plugins.endpointprotection.internal.store.ThreatRepository;
import org.garrison.plugins.endpointprotection.internal.store.ThreatSelection;
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
class ProtectionDataHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final UUID GROUP = UUID.randomUUID();

    private Transactions transactions;
    private final InMemoryDevices devices = new InMemoryDevices();
    private final InMemoryEvents events = InMemoryEvents.forPluginOnClassPath();
    private ProtectionDataHandler handler;
    private UUID device;

    @BeforeEach
    void database() throws Exception {
        transactions = TestDatabase.withSchema("endpointprotection", "GARRISON-INF/migrations/changelog.sql",
                getClass().getClassLoader()).transactions();
        handler = new ProtectionDataHandler(transactions, devices, events, new ServerSchemaValidator(), 3);
        device = devices.add(GROUP);
    }

    @Test
    void newDetectionsAreStoredWithOneEventEachAndCountedOnTheDevice() {
        handler.handle(device, List.of(threats(T0,
                detection("d1", "quarantined", "quarantined", T0.minusSeconds(60)),
                detection("d2", "not-disinfected", "none", T0.minusSeconds(30)))));

        assertEquals(List.of("d2", "d1"), stored().stream().map(StoredThreat::detectionId).toList());
        assertEquals(2, events.ofType(EndpointProtection.EVENT_THREAT_DETECTED).size());
        List<NewEvent> notDisinfected = events.ofType(EndpointProtection.EVENT_OBJECT_NOT_DISINFECTED);
        assertEquals(1, notDisinfected.size());
        assertEquals("d2", notDisinfected.get(0).payload().get("detectionId"));
        assertEquals(device, notDisinfected.get(0).deviceId());

        InstalledApplication entry = devices.application(device, EndpointProtection.ID);
        assertEquals(2, entry.threatsDetected());
        assertEquals(1, entry.objectsNotDisinfected());
        assertEquals(ApplicationState.UNKNOWN, entry.state(), "nothing says whether the application runs yet");
        assertEquals(List.of(ApplicationStateRules.OBJECTS_NOT_DISINFECTED), codes(entry));
        assertEquals(StatusLevel.CRITICAL, entry.statusReports().get(0).level());
        assertEquals(List.of(ApplicationStateRules.TAG_NOT_DISINFECTED), tagNames());
    }

    @Test
    void theSameReportsTwiceChangeNothing() {
        List<ApplicationData> batch = List.of(
                threats(T0, detection("d1", "not-disinfected", "none", T0.minusSeconds(60))),
                scanStatus(T0, "on", T0.minus(Duration.ofDays(5))),
                report(EndpointProtection.KIND_QUARANTINE, T0, "{\"entries\": [{\"id\": \"q1\", \"storage\": "
                        + "\"backup\", \"fileName\": \"a.exe\", \"originalPath\": \"C:\\\\Users\\\\bob\\\\a.exe\", "
                        + "\"sizeBytes\": 1024, \"storedAt\": \"2026-11-26T09:00:00Z\"}]}"),
                report(EndpointProtection.KIND_LICENCE, T0, "{\"active\": {\"keyId\": \"ABCDE-12345-FGHIJ-7F3A\", "
                        + "\"type\": \"commercial\", \"expiresAt\": \"2027-06-30T00:00:00Z\", \"devicesLimit\": 500}}"));
        handler.handle(device, batch);
        int reports = devices.reportsApplied();
        List<StoredThreat> threats = stored();
        int eventCount = events.stored().size();

        handler.handle(device, batch);

        assertEquals(reports, devices.reportsApplied(), "the device's entry was not written again");
        assertEquals(threats, stored());
        assertEquals(eventCount, events.stored().size());
        assertEquals(0, events.duplicates(), "not even offered to the event store again");
        assertEquals(3, eventCount, "threat detected, object not disinfected, databases outdated");
    }

    @Test
    void aChangedOutcomeUpdatesTheDetectionAndANewerReportWins() {
        handler.handle(device, List.of(threats(T0, detection("d1", "detected", "blocked", T0.minusSeconds(60)))));
        assertTrue(events.ofType(EndpointProtection.EVENT_OBJECT_NOT_DISINFECTED).isEmpty());

        handler.handle(device, List.of(threats(T0.plusSeconds(60),
                detection("d1", "not-disinfected", "none", T0.minusSeconds(60)))));
        assertEquals("not-disinfected", stored().get(0).status().wireName());
        assertEquals(1, events.ofType(EndpointProtection.EVENT_OBJECT_NOT_DISINFECTED).size());

        // a report older than the one that changed the detection comes late (an agent's outbox): it loses
        handler.handle(device, List.of(threats(T0.plusSeconds(30),
                detection("d1", "quarantined", "quarantined", T0.minusSeconds(60)))));
        assertEquals("not-disinfected", stored().get(0).status().wireName());

        handler.handle(device, List.of(threats(T0.plusSeconds(120),
                detection("d1", "deleted", "deleted", T0.minusSeconds(60)))));
        assertEquals("deleted", stored().get(0).status().wireName());
        assertEquals(0, devices.application(device, EndpointProtection.ID).objectsNotDisinfected());
        assertEquals(List.of(), codes(devices.application(device, EndpointProtection.ID)));
        assertEquals(List.of(), tagNames(), "the tag goes when nothing is left infected");
        assertEquals(1, events.ofType(EndpointProtection.EVENT_THREAT_DETECTED).size());
    }

    @Test
    void outdatedDatabasesGiveAWarningATagAndOneEventPerRelease() {
        Instant released = T0.minus(Duration.ofDays(4));
        handler.handle(device, List.of(scanStatus(T0, "on", released)));
        handler.handle(device, List.of(scanStatus(T0.plusSeconds(600), "on", released)));

        InstalledApplication entry = devices.application(device, EndpointProtection.ID);
        assertEquals(List.of(ApplicationStateRules.DATABASES_OUTDATED), codes(entry));
        assertEquals(StatusLevel.WARNING, entry.statusReports().get(0).level());
        assertEquals(List.of(ApplicationStateRules.TAG_DATABASES_OUTDATED), tagNames());
        List<NewEvent> outdated = events.ofType(EndpointProtection.EVENT_DATABASES_OUTDATED);
        assertEquals(1, outdated.size());
        assertEquals(4L, ((Number) outdated.get(0).payload().get("ageDays")).longValue());
        assertEquals(ProtectionState.ON, entry.realTimeProtection());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), entry.lastScan());
        assertEquals(List.of("File Threat Protection", "Behavior Detection"),
                entry.components().stream().map(c -> c.name()).toList(), "a component listed twice counts once");

        handler.handle(device, List.of(scanStatus(T0.plusSeconds(1200), "off", T0.minus(Duration.ofHours(2)))));
        entry = devices.application(device, EndpointProtection.ID);
        assertEquals(List.of(ApplicationStateRules.REAL_TIME_PROTECTION_OFF), codes(entry));
        assertEquals(List.of(), tagNames());
    }

    @Test
    void anOlderSnapshotNeverOverwritesANewerOne() {
        handler.handle(device, List.of(scanStatus(T0, "paused", T0.minus(Duration.ofHours(1)))));
        handler.handle(device, List.of(scanStatus(T0.minusSeconds(60), "off", T0.minus(Duration.ofHours(3)))));

        assertEquals(ProtectionState.PAUSED, devices.application(device, EndpointProtection.ID).realTimeProtection());
        assertEquals(List.of(ApplicationStateRules.REAL_TIME_PROTECTION_PAUSED), codes(devices.application(device, EndpointProtection.ID)));
    }

    @Test
    void whatTheApplicationSaysAboutItselfIsKept() {
        InstalledApplication own = new InstalledApplication(EndpointProtection.ID, "Acme Endpoint Security",
                "12.6.0.438", ApplicationState.RUNNING, ProtectionState.ON, null, 0, 0, List.of(), null, null,
                T0.minus(Duration.ofDays(90)), "install-1",
                List.of(new ApplicationStatusReport(StatusLevel.WARNING, "RESTART_REQUIRED", "Restart to finish "
                        + "the update"), new ApplicationStatusReport(StatusLevel.CRITICAL,
                        ApplicationStateRules.OBJECTS_NOT_DISINFECTED, "stale: the plugin decides this one")),
                List.of("VIP laptop"));
        devices.applyInventory(new InventoryReport(device, false, null, null, null, null, null, null, null, null,
                null, List.of(own), List.of()));

        handler.handle(device, List.of(report(EndpointProtection.KIND_LICENCE, T0, "{\"active\": {\"keyId\": "
                + "\"ABCDE-12345-FGHIJ-7F3A\", \"type\": \"commercial\", \"expiresAt\": \"2026-11-01T00:00:00Z\"}, "
                + "\"reserve\": null}")));

        InstalledApplication entry = devices.application(device, EndpointProtection.ID);
        assertEquals("Acme Endpoint Security", entry.name());
        assertEquals("12.6.0.438", entry.version());
        assertEquals(ApplicationState.RUNNING, entry.state());
        assertEquals("install-1", entry.installId());
        assertEquals(List.of("RESTART_REQUIRED", ApplicationStateRules.LICENCE_EXPIRED), codes(entry));
        assertEquals(List.of("VIP laptop"), tagNames());
        assertEquals("****-7F3A", entry.activeKey().key(), "only the last four characters of a key are kept");
        assertNull(entry.reserveKey());
    }

    @Test
    void anInvalidReportIsSkippedAndTheOthersApplied() {
        handler.handle(device, List.of(
                report(EndpointProtection.KIND_THREATS, T0, "{\"detections\": [{\"id\": \"d1\"}]}"),
                report("firewall-rules", T0, "{}"),
                threats(T0, detection("d2", "quarantined", "quarantined", T0))));

        assertEquals(List.of("d2"), stored().stream().map(StoredThreat::detectionId).toList());
        assertEquals(1, devices.application(device, EndpointProtection.ID).threatsDetected());
    }

    @Test
    void reportsOfADeletedDeviceAreDropped() {
        devices.delete(device);

        handler.handle(device, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0))));

        assertEquals(List.of(), stored());
        assertEquals(List.of(), events.stored());
    }

    @Test
    void theCleanupRemovesTheDataOfDeletedDevicesOnly() {
        UUID other = devices.add(GROUP);
        handler.handle(device, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0)),
                scanStatus(T0, "on", T0)));
        handler.handle(other, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0))));
        devices.delete(device);

        assertEquals(1, new DeletedDeviceCleanup(transactions, devices).removeDeletedDevices());

        assertEquals(Set.of(other), transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT DEVICE_ID FROM ENDPOINT_PROTECTION_THREAT UNION SELECT DEVICE_ID FROM "
                            + "ENDPOINT_PROTECTION_SCAN_STATE UNION SELECT DEVICE_ID FROM ENDPOINT_PROTECTION_REPORT");
                    ResultSet rows = select.executeQuery()) {
                Set<UUID> ids = new java.util.HashSet<>();
                while (rows.next()) {
                    ids.add(UUID.fromString(rows.getString(1)));
                }
                return ids;
            }
        }));
        assertNotNull(devices.application(other, EndpointProtection.ID));
    }

    @Test
    void anAnnouncedRemovalDropsTheDataOfDevicesConfirmedGoneOnly() {
        UUID other = devices.add(GROUP);
        handler.handle(device, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0))));
        handler.handle(other, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0))));
        devices.delete(device);

        // "other" still exists (say, restored meanwhile): its data stays
        assertEquals(1, new DeletedDeviceCleanup(transactions, devices).removeGone(List.of(device, other)));
        assertEquals(List.of(), stored());
        assertEquals(1, transactions.inTransaction(c -> new ThreatRepository().page(c,
                new ThreatSelection(other, null), null, 100)).size());
    }

    private List<StoredThreat> stored() {
        return transactions.inTransaction(c -> new ThreatRepository().page(c, new ThreatSelection(device, null), null,
                100));
    }

    private static List<String> codes(InstalledApplication entry) {
        return entry.statusReports().stream().map(ApplicationStatusReport::code).toList();
    }

    private List<String> tagNames() {
        return devices.tags(device).stream().map(DeviceTag::name).collect(Collectors.toList());
    }

    @Test
    void eventsNameTheirSubjectAndAreKeyedByIt() {
        handler.handle(device, List.of(threats(T0, detection("d1", "quarantined", "quarantined", T0))));
        NewEvent event = events.ofType(EndpointProtection.EVENT_THREAT_DETECTED).get(0);
        assertEquals(ProtectionEvents.id(device, EndpointProtection.EVENT_THREAT_DETECTED, "d1"), event.id());
        assertEquals(EndpointProtection.ID, event.source());
        assertTrue(event.description().contains("/home/alice/Downloads/d1.exe"), event.description());
        assertFalse(ProtectionEvents.id(devices.add(GROUP), EndpointProtection.EVENT_THREAT_DETECTED, "d1")
                .equals(event.id()), "the same detection id on another device is another event");
    }
}
