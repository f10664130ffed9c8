package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceMovingRule;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.MovingRuleConditions;
import org.garrison.api.device.MovingRuleDraft;
import org.garrison.api.device.MovingRuleMode;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MovingRulesTest {

    private static final Actor ADMIN = Actor.system("test");

    private final FakeGroups fake = new FakeGroups();
    private ManagedDevices devices;
    private DeviceMovingRulesService rules;

    @BeforeEach
    void setUp() throws Exception {
        Transactions database = TestDatabase.withSchema("devices", "db/devices.sql", getClass().getClassLoader())
                .transactions();
        devices = new ManagedDevices(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()), Clock.systemUTC());
        rules = new DeviceMovingRulesService(database, fake.groups(), fake.settings(), fake.revisionHistory(),
                fake.deletedObjects(), fake.deviceEvents(Clock.systemUTC()), Clock.systemUTC());
    }

    private static MovingRuleConditions ips(String... ranges) {
        return new MovingRuleConditions(null, null, null, List.of(ranges), null, null, null, null, null);
    }

    private UUID reporting(String ip, String dnsName) {
        UUID id = devices.register(new DeviceRegistration("d-" + ip, null, null), ADMIN).id();
        devices.applyInventory(new InventoryReport(id, false, new DeviceIdentity(null, null, null, "corp.example",
                dnsName, null), new DeviceNetwork(ip, null, null, List.of()), new OperatingSystem(OsType.WINDOWS,
                "x86_64", null, null, "10.0", null, null, null), new Virtualisation(true, "KVM", null, false, null),
                new ActivityReport(null, false, null), null, null, null, null, null, null));
        return id;
    }

    @Test
    void ipv4RangesAreCidrOrFromTo() {
        Ipv4Range cidr = Ipv4Range.parse("10.1.0.0/16");
        assertTrue(cidr.contains(Normalised.ipv4("10.1.255.255")));
        assertFalse(cidr.contains(Normalised.ipv4("10.2.0.0")));
        assertTrue(Ipv4Range.parse("0.0.0.0/0").contains(Normalised.ipv4("255.255.255.255")));
        Ipv4Range span = Ipv4Range.parse("192.168.1.10-192.168.1.20");
        assertTrue(span.contains(Normalised.ipv4("192.168.1.20")));
        assertFalse(span.contains(Normalised.ipv4("192.168.1.21")));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Range.parse("10.0.0.9-10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Range.parse("10.0.0.0/33"));
    }

    @Test
    void everyConditionMustHold() {
        Device device = devices.get(reporting("10.5.0.7", "ws-7.corp.example"));
        assertTrue(MovingRuleMatcher.matches(new MovingRuleConditions(null, "WS-*.corp.example", "corp.*",
                List.of("10.5.0.0/24"), Set.of(OsType.WINDOWS), "10.?", "X86_64", true, null), device, Set.of()));
        assertFalse(MovingRuleMatcher.matches(new MovingRuleConditions(null, "ws-*", null, List.of("10.5.0.0/24"),
                Set.of(OsType.LINUX), null, null, null, null), device, Set.of()));
        assertFalse(MovingRuleMatcher.matches(new MovingRuleConditions(List.of("vip"), null, null, null, null, null,
                null, null, null), device, Set.of()));
        assertFalse(MovingRuleMatcher.matches(new MovingRuleConditions(null, null, null, null, null, null, null, null,
                "endpoint"), device, Set.of()));
        assertFalse(MovingRuleMatcher.matches(new MovingRuleConditions(null, null, null, null, null, null, null,
                false, null), device, Set.of()));
    }

    @Test
    void theFirstMatchingRuleWinsWhenInventoryArrives() {
        UUID office = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID lab = fake.add(AdministrationGroup.MANAGED_DEVICES);
        rules.create(new MovingRuleDraft("office", true, office, MovingRuleMode.CONTINUOUS, false,
                ips("10.1.0.0/16")), ADMIN);
        rules.create(new MovingRuleDraft("lab", true, lab, MovingRuleMode.CONTINUOUS, false,
                ips("10.1.2.0/24")), ADMIN);
        assertEquals(office, devices.get(reporting("10.1.2.3", null)).groupId());
        rules.reorder(List.of(rules.list().get(1).id(), rules.list().get(0).id()), ADMIN);
        assertEquals(lab, devices.get(reporting("10.1.2.4", null)).groupId());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(reporting("10.9.0.1", null)).groupId());
    }

    @Test
    void aOnceRuleMovesADeviceOnlyOnceAndContinuousRulesMoveItBack() {
        UUID office = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID elsewhere = fake.add(AdministrationGroup.MANAGED_DEVICES);
        DeviceMovingRule once = rules.create(new MovingRuleDraft("once", true, office, MovingRuleMode.ONCE, false,
                ips("10.1.0.0/16")), ADMIN);
        UUID id = reporting("10.1.0.5", null);
        assertEquals(office, devices.get(id).groupId());
        devices.move(Set.of(id), elsewhere, ADMIN);
        assertEquals(0, rules.run(ADMIN));
        assertEquals(elsewhere, devices.get(id).groupId());

        rules.update(once.id(), new MovingRuleDraft("always", true, office, MovingRuleMode.CONTINUOUS, false,
                ips("10.1.0.0/16")), ADMIN);
        assertEquals(1, rules.run(ADMIN));
        assertEquals(office, devices.get(id).groupId());
    }

    @Test
    void unassignedOnlyRulesLeaveManagedDevicesAlone() {
        UUID office = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID other = fake.add(AdministrationGroup.MANAGED_DEVICES);
        UUID id = reporting("10.3.0.1", null);
        devices.move(Set.of(id), other, ADMIN);
        rules.create(new MovingRuleDraft("new ones", true, office, MovingRuleMode.CONTINUOUS, true,
                ips("10.3.0.0/16")), ADMIN);
        assertEquals(0, rules.run(ADMIN));
        assertEquals(other, devices.get(id).groupId());
    }

    @Test
    void invalidRulesAreRefusedWithEveryProblemNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> rules.create(new MovingRuleDraft("",
                true, AdministrationGroup.UNASSIGNED_DEVICES, null, false, ips("10.0.0.0/40", "nonsense")), ADMIN));
        assertEquals(List.of("name", "mode", "targetGroupId", "conditions/ipv4Ranges/0", "conditions/ipv4Ranges/1"),
                e.errors().stream().map(FieldError::field).toList());
        ValidationException none = assertThrows(ValidationException.class, () -> rules.create(new MovingRuleDraft(
                "x", true, AdministrationGroup.MANAGED_DEVICES, MovingRuleMode.ONCE, false,
                new MovingRuleConditions(null, null, null, null, null, null, null, null, null)), ADMIN));
        assertEquals("conditions", none.errors().get(0).field());
        rules.create(new MovingRuleDraft("a", true, AdministrationGroup.MANAGED_DEVICES, MovingRuleMode.ONCE, false,
                ips("10.0.0.1")), ADMIN);
        assertThrows(ValidationException.class, () -> rules.reorder(List.of(UUID.randomUUID()), ADMIN));
    }

    @Test
    void changesAreRecordedAndADeletedRuleCanBeRestoredUnlessItsGroupIsGone() {
        UUID office = fake.add(AdministrationGroup.MANAGED_DEVICES);
        DeviceMovingRule rule = rules.create(new MovingRuleDraft("office", true, office, MovingRuleMode.ONCE, false,
                ips("10.1.0.0/16")), ADMIN);
        rules.update(rule.id(), new MovingRuleDraft("office LAN", false, office, MovingRuleMode.ONCE, false,
                ips("10.1.0.0/16")), ADMIN);
        assertEquals(List.of("created", "updated"), fake.revisions.stream().map(r -> r.action()).toList());
        rules.restoreRevision(fake.revisions.get(0).object(), fake.revisions.get(0).snapshot(), ADMIN);
        assertEquals("office", rules.get(rule.id()).name());

        rules.delete(rule.id(), ADMIN);
        assertTrue(rules.list().isEmpty());
        String snapshot = fake.deleted.get(0).snapshot();
        rules.restoreDeleted(fake.deleted.get(0).object(), snapshot, ADMIN);
        assertEquals(List.of("office"), rules.list().stream().map(DeviceMovingRule::name).toList());
        rules.delete(rule.id(), ADMIN);
        fake.parents.remove(office);
        assertThrows(org.garrison.api.error.ConflictException.class,
                () -> rules.restoreDeleted(fake.deleted.get(1).object(), snapshot, ADMIN));
    }
}
