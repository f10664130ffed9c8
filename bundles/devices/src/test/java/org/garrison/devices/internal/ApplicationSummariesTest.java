package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationSummary;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.KeyUsage;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.LicenceUsage;
import org.garrison.api.device.MovingRuleConditions;
import org.garrison.api.device.MovingRuleDraft;
import org.garrison.api.device.MovingRuleMode;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplicationSummariesTest {

    private static final Actor ADMIN = Actor.system("test");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final String PROTECTION = "endpoint-protection";
    private static final String CONTROL = "device-control";

    private final FakeGroups fake = new FakeGroups();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Transactions database;
    private ManagedDevices devices;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.withSchema("devices", "db/devices.sql", getClass().getClassLoader()).transactions();
        devices = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(clock), clock);
    }

    private UUID device(UUID group, InstalledApplication... applications) {
        UUID id = devices.register(new DeviceRegistration("d", group, null), ADMIN).id();
        devices.applyInventory(new InventoryReport(id, false, null, null, null, null, null, null, null, null, null,
                List.of(applications), null));
        return id;
    }

    private static InstalledApplication protection(ApplicationState state, ProtectionState rtp, long threats,
            long notDisinfected, String key, Instant expires) {
        return new InstalledApplication(PROTECTION, "Endpoint Protection", "12.6", state, rtp, null, threats,
                notDisinfected, null, key == null && expires == null ? null : new LicenceKey(key, expires),
                new LicenceKey("RESERVE-KEY-00001", null), null, null, null, null);
    }

    private static InstalledApplication protection(ProtectionState rtp, String key, Instant expires) {
        return protection(ApplicationState.RUNNING, rtp, 0, 0, key, expires);
    }

    private static InstalledApplication control() {
        return new InstalledApplication(CONTROL, "Device Control", "2.0", ApplicationState.STOPPED,
                ProtectionState.NOT_SUPPORTED, null, 0, 0, null, null, null, null, null, null, null);
    }

    private static ApplicationSummary only(List<ApplicationSummary> summaries, String applicationId) {
        return summaries.stream().filter(s -> s.applicationId().equals(applicationId)).findFirst().orElseThrow();
    }

    private List<ApplicationSummary> everywhere(Duration expiringWithin) {
        return devices.applicationSummaries(null, null, expiringWithin);
    }

    @Test
    void countsDevicesPerStateAndProtectionStateAndAddsUpThreats() {
        device(null, protection(ApplicationState.RUNNING, ProtectionState.ON, 3, 0, null, null), control());
        device(null, protection(ApplicationState.RUNNING, ProtectionState.ON, 0, 0, null, null));
        device(null, protection(ApplicationState.RUNNING, ProtectionState.PAUSED, 5, 1, null, null));
        device(null, protection(ApplicationState.STOPPED, ProtectionState.OFF, 0, 2, null, null));
        device(null);

        List<ApplicationSummary> summaries = everywhere(MONTH);

        assertEquals(List.of(CONTROL, PROTECTION), summaries.stream().map(ApplicationSummary::applicationId).toList(),
                "by name: Device Control before Endpoint Protection");
        ApplicationSummary protection = only(summaries, PROTECTION);
        assertEquals("Endpoint Protection", protection.name());
        assertEquals(4, protection.devices());
        assertEquals(Map.of(ApplicationState.RUNNING, 3L, ApplicationState.STOPPED, 1L), protection.states());
        assertEquals(Map.of(ProtectionState.ON, 2L, ProtectionState.PAUSED, 1L, ProtectionState.OFF, 1L),
                protection.realTimeProtection(), "only states some device is in");
        assertEquals(8, protection.threatsDetected());
        assertEquals(3, protection.notDisinfected());
        ApplicationSummary control = only(summaries, CONTROL);
        assertEquals(1, control.devices());
        assertEquals(Map.of(ProtectionState.NOT_SUPPORTED, 1L), control.realTimeProtection());
        assertEquals(new LicenceUsage(1, 0, 0, 0, List.of()), control.licences());
    }

    @Test
    void sortsEachDeviceIntoOneLicenceStandingByItsActiveKeysExpiry() {
        device(null, protection(ProtectionState.ON, null, null));
        device(null, protection(ProtectionState.ON, null, NOW.plus(Duration.ofDays(400))));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-OLD01", NOW.minusSeconds(1)));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-OLD01", NOW));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-SOON1", NOW.plus(Duration.ofDays(10))));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-EDGE1", NOW.plus(MONTH)));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-LATE1", NOW.plus(MONTH).plusSeconds(1)));
        device(null, protection(ProtectionState.ON, "AAAAA-BBBBB-CCCCC-NEVER", null));

        LicenceUsage month = only(everywhere(MONTH), PROTECTION).licences();
        assertEquals(2, month.withoutKey(), "no key, or only an expiry without a key");
        assertEquals(2, month.expired(), "expired before or at this moment");
        assertEquals(2, month.expiring(), "expiring within 30 days, the last moment included");
        assertEquals(2, month.valid(), "later, or never");

        LicenceUsage week = only(everywhere(Duration.ofDays(7)), PROTECTION).licences();
        assertEquals(List.of(2L, 2L, 0L, 4L), List.of(week.withoutKey(), week.expired(), week.expiring(),
                week.valid()));
    }

    @Test
    void namesTheKeysUsedByTheMostDevicesFirstOnlyByTheirLastCharacters() {
        Instant expires = NOW.plus(Duration.ofDays(90));
        for (int i = 0; i < 3; i++) {
            device(null, protection(ProtectionState.ON, "EP-1111-2222-3333-7K3QF", expires));
        }
        device(null, protection(ProtectionState.ON, "EP-1111-2222-3333-7K3QF", expires.minus(Duration.ofDays(1))));
        device(null, protection(ProtectionState.ON, "EP-9999-8888-7777-ZZZZZ", null));
        device(null, protection(ProtectionState.ON, "EP-9999-8888-7777-ZZZZZ", null));
        device(null, protection(ProtectionState.ON, "SHORT1", null));
        for (int i = 0; i < ApplicationSummaries.TOP_KEYS + 5; i++) {
            device(null, protection(ProtectionState.ON, String.format("EP-0000-0000-0000-%05d", i), null));
        }

        ApplicationSummary summary = only(everywhere(MONTH), PROTECTION);
        List<KeyUsage> keys = summary.licences().keys();
        assertEquals(ApplicationSummaries.TOP_KEYS, keys.size(), "at most twenty keys");
        assertEquals(new KeyUsage("…7K3QF", 4, expires.minus(Duration.ofDays(1))), keys.get(0),
                "most devices first, with the earliest expiry the devices report");
        assertEquals(new KeyUsage("…ZZZZZ", 2, null), keys.get(1));
        assertEquals(new KeyUsage("…00000", 1, null), keys.get(2), "ties by key");
        String everything = summary.toString();
        for (String full : List.of("EP-1111-2222-3333-7K3QF", "3333-7K3QF", "RESERVE", "SHORT1", "-00000")) {
            assertFalse(everything.contains(full), "the summary holds no full key: " + full);
        }
    }

    @Test
    void masksShortKeysToAtMostHalfOfThem() {
        assertEquals("…7K3QF", ApplicationSummaries.mask("EP-1-7K3QF"));
        assertEquals("…K3QF", ApplicationSummaries.mask("EP-7K3QF"));
        assertEquals("…QF1", ApplicationSummaries.mask("7K3QF1"));
        assertEquals("…1", ApplicationSummaries.mask("AB1"));
        assertEquals("…", ApplicationSummaries.mask("A"));
        assertEquals("…12345", ApplicationSummaries.mask("ABCDE12345 "));
    }

    @Test
    void countsOnlyTheDevicesInTheGroupsAskedFor() {
        UUID branch = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID office = fake.add(branch);
        UUID other = fake.add(AdministrationGroup.MANAGED_DEVICES);
        device(branch, protection(ProtectionState.ON, "KEY-IN-BRANCH-01", null));
        device(office, protection(ProtectionState.OFF, "KEY-IN-OFFICE-01", null), control());
        device(other, protection(ProtectionState.PAUSED, "KEY-IN-OTHER-001", null));
        device(null, protection(ProtectionState.ON, null, null));

        assertEquals(4, only(everywhere(MONTH), PROTECTION).devices());

        List<ApplicationSummary> subtree = devices.applicationSummaries(branch, null, MONTH);
        assertEquals(2, subtree.size());
        assertEquals(Map.of(ProtectionState.ON, 1L, ProtectionState.OFF, 1L),
                only(subtree, PROTECTION).realTimeProtection(), "the group and the groups below it");
        assertEquals(Set.of("…CH-01", "…CE-01"), keys(only(subtree, PROTECTION)));

        List<ApplicationSummary> scoped = devices.applicationSummaries(null, Set.of(office, other), MONTH);
        assertEquals(Map.of(ProtectionState.OFF, 1L, ProtectionState.PAUSED, 1L),
                only(scoped, PROTECTION).realTimeProtection(), "only the caller's groups");
        assertEquals(Set.of("…CE-01", "…R-001"), keys(only(scoped, PROTECTION)));

        List<ApplicationSummary> both = devices.applicationSummaries(branch, Set.of(office, other), MONTH);
        assertEquals(1, only(both, PROTECTION).devices(), "the group's subtree within the caller's groups");

        List<ApplicationSummary> managed = devices.applicationSummaries(AdministrationGroup.MANAGED_DEVICES, null,
                MONTH);
        assertEquals(3, only(managed, PROTECTION).devices(), "every group but Unassigned devices");
        assertEquals(0, only(managed, PROTECTION).licences().withoutKey());

        assertEquals(List.of(), devices.applicationSummaries(null, Set.of(), MONTH), "no group, no device");
        assertEquals(List.of(), devices.applicationSummaries(other, Set.of(office), MONTH));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> devices.applicationSummaries(UUID.randomUUID(), null, MONTH));
        assertEquals("group", unknown.errors().get(0).field());
    }

    @Test
    void followsTheDevicesIntoTheGroupsTheyAreMovedTo() {
        UUID branch = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID other = fake.add(AdministrationGroup.MANAGED_DEVICES);
        new DeviceMovingRulesService(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(clock), clock).create(new MovingRuleDraft("protected", true,
                        branch, MovingRuleMode.ONCE, true, new MovingRuleConditions(null, null, null, null, null, null,
                                null, null, PROTECTION)), ADMIN);
        UUID moved = device(null, protection(ProtectionState.ON, null, null));
        UUID stays = device(null, control());
        assertEquals(branch, devices.get(moved).groupId(), "moved by the rule as its report arrived");
        assertEquals(1, only(devices.applicationSummaries(branch, null, MONTH), PROTECTION).devices());
        assertEquals(List.of(CONTROL), ids(devices.applicationSummaries(AdministrationGroup.UNASSIGNED_DEVICES,
                null, MONTH)));

        devices.move(Set.of(moved, stays), other, ADMIN);
        assertEquals(List.of(), devices.applicationSummaries(branch, null, MONTH));
        assertEquals(List.of(CONTROL, PROTECTION), ids(devices.applicationSummaries(other, null, MONTH)));

        devices.remove(moved, ADMIN);
        assertEquals(List.of(CONTROL), ids(devices.applicationSummaries(other, null, MONTH)));
        assertEquals(List.of(PROTECTION), ids(devices.applicationSummaries(AdministrationGroup.UNASSIGNED_DEVICES,
                null, MONTH)), "removed from its group: back in Unassigned devices");

        devices.applyInventory(new InventoryReport(moved, false, null, null, null, null, null, null, null, null, null,
                List.of(protection(ProtectionState.OFF, null, null)), null));
        assertEquals(Map.of(ProtectionState.OFF, 1L), only(devices.applicationSummaries(
                AdministrationGroup.UNASSIGNED_DEVICES, null, MONTH), PROTECTION).realTimeProtection(),
                "a new report of a device in Unassigned devices is counted there (the ONCE rule moved it before)");
    }

    private static List<String> ids(List<ApplicationSummary> summaries) {
        return summaries.stream().map(ApplicationSummary::applicationId).toList();
    }

    private static Set<String> keys(ApplicationSummary summary) {
        List<String> keys = new ArrayList<>();
        summary.licences().keys().forEach(k -> keys.add(k.key()));
        return Set.copyOf(keys);
    }
}
