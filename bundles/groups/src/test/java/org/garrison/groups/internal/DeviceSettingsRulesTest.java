package org.garrison.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.group.InactivityHandling;
import org.garrison.api.group.StatusCondition;
import org.garrison.api.group.StatusConditionType;
import org.junit.jupiter.api.Test;

class DeviceSettingsRulesTest {

    private static final UUID ROOT = AdministrationGroup.MANAGED_DEVICES;
    private final UUID office = UUID.randomUUID();
    private final UUID floor = UUID.randomUUID();

    @Test
    void builtInDefaultsAreTheDocumentedOnes() {
        GroupDeviceSettings managed = DeviceSettingsRules.defaults(ROOT);
        assertEquals(new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 7, 30),
                managed.statusConditions().get(0));
        assertEquals(StatusConditionType.RESTART_PENDING, managed.statusConditions().get(1).type());
        assertEquals(new InactivityHandling(null, null), managed.inactivity());
        assertEquals(30, DeviceSettingsRules.defaults(AdministrationGroup.UNASSIGNED_DEVICES).inactivity()
                .removeAfterDays());
        assertTrue(DeviceSettingsRules.defaults(office).inheritFromParent());
    }

    @Test
    void newGroupsInheritTheTopLevelGroupsSettings() {
        EffectiveDeviceSettings effective = DeviceSettingsRules.effective(List.of(entry(ROOT, null),
                entry(office, null), entry(floor, null)));
        assertEquals(ROOT, effective.sourceGroupId());
        assertFalse(effective.forced());
        assertEquals(DeviceSettingsRules.defaults(ROOT).statusConditions(), effective.statusConditions());
    }

    @Test
    void aGroupWithItsOwnSettingsPassesThemToInheritingChildren() {
        GroupDeviceSettings own = settings(false, false, 3);
        EffectiveDeviceSettings effective = DeviceSettingsRules.effective(List.of(entry(ROOT, null),
                entry(office, own), entry(floor, null)));
        assertEquals(office, effective.sourceGroupId());
        assertEquals(own.inactivity(), effective.inactivity());
        assertEquals(floor, effective.groupId());
    }

    @Test
    void forcingOverridesTheChildrensOwnSettings() {
        GroupDeviceSettings forcing = settings(false, true, 5);
        EffectiveDeviceSettings effective = DeviceSettingsRules.effective(List.of(entry(ROOT, null),
                entry(office, forcing), entry(floor, settings(false, false, 9))));
        assertTrue(effective.forced());
        assertEquals(office, effective.sourceGroupId());
        assertEquals(5, effective.inactivity().notifyAfterDays());
        EffectiveDeviceSettings atForcer = DeviceSettingsRules.effective(List.of(entry(ROOT, null),
                entry(office, forcing)));
        assertFalse(atForcer.forced());
    }

    @Test
    void aForcingGroupThatInheritsForcesWhatItInherits() {
        GroupDeviceSettings rootOwn = settings(false, false, 11);
        EffectiveDeviceSettings effective = DeviceSettingsRules.effective(List.of(entry(ROOT, rootOwn),
                entry(office, settings(true, true, 5)), entry(floor, settings(false, false, 9))));
        assertTrue(effective.forced());
        assertEquals(ROOT, effective.sourceGroupId());
        assertEquals(11, effective.inactivity().notifyAfterDays());
    }

    @Test
    void theTopLevelGroupIgnoresInheritFromParent() {
        EffectiveDeviceSettings effective = DeviceSettingsRules.effective(List.of(entry(ROOT,
                settings(true, false, 4))));
        assertEquals(4, effective.inactivity().notifyAfterDays());
    }

    @Test
    void validationListsEveryProblem() {
        GroupDeviceSettings bad = new GroupDeviceSettings(false, false, List.of(
                new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 40, 30),
                new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, -1, null),
                new StatusCondition(StatusConditionType.LICENCE_EXPIRING_DAYS, true, 7, 30),
                new StatusCondition(null, true, null, null)), new InactivityHandling(0, null));
        ValidationException e = assertThrows(ValidationException.class, () -> DeviceSettingsRules.validate(bad));
        assertEquals(List.of("statusConditions/0/warningThreshold", "statusConditions/1/type",
                "statusConditions/1/warningThreshold", "statusConditions/2/warningThreshold",
                "statusConditions/3/type", "inactivity/notifyAfterDays"),
                e.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> DeviceSettingsRules.validate(
                new GroupDeviceSettings(false, false, List.of(), null)));
        DeviceSettingsRules.validate(DeviceSettingsRules.defaults(ROOT));
    }

    private static GroupDeviceSettings settings(boolean inherit, boolean force, int notifyAfterDays) {
        return new GroupDeviceSettings(inherit, force,
                List.of(new StatusCondition(StatusConditionType.THREATS_DETECTED, true, 1, 10)),
                new InactivityHandling(notifyAfterDays, null));
    }

    private static GroupTree.Entry entry(UUID id, GroupDeviceSettings settings) {
        return new GroupTree.Entry(new AdministrationGroup(id, null, id.toString(), Instant.EPOCH, Instant.EPOCH),
                settings);
    }
}
