package org.garrison.policies.internal;

import static org.garrison.policies.internal.Policies.active;
import static org.garrison.policies.internal.Policies.json;
import static org.garrison.policies.internal.Policies.policy;
import static org.garrison.policies.internal.Policies.profile;
import static org.garrison.policies.internal.Policies.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.policy.ProfileRuleAttribute;
import org.garrison.api.policy.SettingOrigin;
import org.junit.jupiter.api.Test;

/**
 * Inheritance, locks, out-of-office policies and profiles, merged into effective policies.
 */
class EffectivePoliciesTest {

    private static final String APP = Policies.APP;

    private final UUID root = UUID.randomUUID();
    private final UUID office = UUID.randomUUID();
    private final UUID floor = UUID.randomUUID();
    private final List<UUID> toFloor = List.of(root, office, floor);
    private final EffectivePolicies effective = new EffectivePolicies(
            new DevicePlacement(new String[] {"Outside", "home "}, Duration.ofMinutes(15), Clock.systemUTC()),
            new PolicyJson());

    private EffectivePolicy group(List<Policy> policies, boolean outOfOffice) {
        return effective.forGroup(new InForcePolicies(1, policies), toFloor, APP, outOfOffice);
    }

    private EffectivePolicy device(List<Policy> policies, DeviceFacts device) {
        return effective.forDevice(new InForcePolicies(1, policies), toFloor, device, APP);
    }

    private DeviceFacts laptop(String location, String... tags) {
        return new DeviceFacts(UUID.randomUUID(), floor, Set.of(tags), location, Instant.now(), null, null,
                List::of, List::of);
    }

    @Test
    void aChildMergesOverItsParentDeeplyAndReplacesArraysWhole() {
        Policy top = active(root, "Top", true, "{\"scan\":{\"interval\":60,\"paths\":[\"C:\",\"D:\"]},"
                + "\"realtime\":true}");
        Policy child = active(floor, "Floor", true, "{\"scan\":{\"paths\":[\"E:\"],\"depth\":3}}");
        EffectivePolicy merged = group(List.of(top, child), false);
        assertEquals("{\"scan\":{\"interval\":60,\"paths\":[\"E:\"],\"depth\":3},\"realtime\":true}",
                json(merged.settings()));
        assertEquals(List.of(top.id(), child.id()), merged.policies());
        assertEquals(List.of("realtime", "scan/depth", "scan/interval", "scan/paths"),
                List.copyOf(merged.origins().keySet()));
        assertEquals(new SettingOrigin(top.id(), "Top", root, null), merged.origins().get("scan/interval"));
        assertEquals(new SettingOrigin(child.id(), "Floor", floor, null), merged.origins().get("scan/paths"));
        assertEquals(floor, merged.groupId());
        assertNull(merged.deviceId());
    }

    @Test
    void anObjectReplacingALeafTakesItsOriginsAlong() {
        Policy top = active(root, "Top", true, "{\"scan\":\"off\"}");
        Policy child = active(floor, "Floor", true, "{\"scan\":{\"interval\":5}}");
        EffectivePolicy merged = group(List.of(top, child), false);
        assertEquals(Set.of("scan/interval"), merged.origins().keySet());
        Policy back = active(floor, "Back", true, "{\"scan\":\"on\"}");
        EffectivePolicy leaf = group(List.of(child, back), false);
        assertEquals(Set.of("scan"), leaf.origins().keySet());
    }

    @Test
    void groupsWithoutAPolicyPassOnWhatTheyGetAndNoPolicyGivesEmptySettings() {
        Policy top = active(root, "Top", true, "{\"a\":1}");
        assertEquals("{\"a\":1}", json(group(List.of(top), false).settings()));
        EffectivePolicy none = group(List.of(), false);
        assertEquals("{}", json(none.settings()));
        assertTrue(none.policies().isEmpty());
        assertTrue(none.origins().isEmpty());
    }

    @Test
    void aPolicyThatDoesNotInheritStartsAfreshUnlessAnAncestorForcesInheritance() {
        Policy top = active(root, "Top", true, "{\"a\":1,\"b\":1}");
        Policy alone = active(floor, "Alone", false, "{\"b\":2}");
        assertEquals("{\"b\":2}", json(group(List.of(top, alone), false).settings()));

        Policy forcing = policy(root, "Forcing", PolicyState.ACTIVE, true, true, "{\"a\":1,\"b\":1}", List.of(),
                List.of());
        Policy middle = active(office, "Middle", false, "{\"c\":3}");
        EffectivePolicy forced = group(List.of(forcing, middle, alone), false);
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", json(forced.settings()));
        assertEquals(List.of(forcing.id(), middle.id(), alone.id()), forced.policies());
    }

    @Test
    void anInactiveParentPolicyIsNotInherited() {
        Policy inactive = policy(root, "Old", PolicyState.INACTIVE, true, true, "{\"a\":1}", List.of("a"),
                List.of());
        Policy child = active(floor, "Floor", true, "{\"a\":2}");
        EffectivePolicy merged = group(List.of(inactive, child), false);
        assertEquals("{\"a\":2}", json(merged.settings()));
        assertEquals(List.of(), merged.lockedSettings());
    }

    @Test
    void valuesLockedByAnAncestorKeepTheAncestorsValueEverywhereBelowTheLock() {
        Policy top = active(root, "Top", true, "{\"scan\":{\"interval\":60,\"depth\":1},\"update\":{\"hourly\":true}}",
                "scan", "update/hourly");
        Policy child = active(floor, "Floor", true,
                "{\"scan\":{\"interval\":5,\"extra\":true},\"update\":\"never\",\"other\":7}");
        EffectivePolicy merged = group(List.of(top, child), false);
        assertEquals("{\"scan\":{\"interval\":60,\"depth\":1},\"update\":{\"hourly\":true},\"other\":7}",
                json(merged.settings()));
        assertEquals(List.of("scan", "update/hourly"), merged.lockedSettings());
        assertEquals(top.id(), merged.origins().get("update/hourly").policyId());
    }

    @Test
    void outOfOfficePoliciesApplyOnlyToDevicesOutsideTheOrganisationsNetwork() {
        Policy top = active(root, "Top", true, "{\"firewall\":\"normal\",\"a\":1}");
        Policy away = policy(root, "Away", PolicyState.OUT_OF_OFFICE, true, false, "{\"firewall\":\"strict\"}",
                List.of(), List.of());
        assertEquals("{\"firewall\":\"normal\",\"a\":1}", json(group(List.of(top, away), false).settings()));
        assertEquals("{\"firewall\":\"strict\"}", json(group(List.of(top, away), true).settings()));

        assertEquals("normal", device(List.of(top, away), laptop("Headquarters")).settings().get("firewall"));
        assertEquals("normal", device(List.of(top, away), laptop(null)).settings().get("firewall"));
        EffectivePolicy outside = device(List.of(top, away), laptop(" OUTSIDE "));
        assertEquals("strict", outside.settings().get("firewall"));
        assertTrue(outside.outOfOffice());
        assertEquals("strict", device(List.of(top, away), laptop("Home")).settings().get("firewall"));
    }

    @Test
    void everyMatchingProfileAppliesAndTheHigherPriorityWins() {
        Policy top = policy(floor, "Floor", PolicyState.ACTIVE, true, false, "{\"a\":0,\"b\":0,\"c\":0}", List.of(),
                List.of(profile("Laptops", "{\"a\":1,\"b\":1}", List.of(), rule(ProfileRuleAttribute.TAG, "laptop")),
                        profile("Sales", "{\"b\":2,\"c\":2}", List.of(), rule(ProfileRuleAttribute.TAG, "sales")),
                        profile("Never", "{\"c\":9}", List.of(), rule(ProfileRuleAttribute.TAG, "none"))));
        EffectivePolicy both = device(List.of(top), laptop(null, "laptop", "sales"));
        assertEquals("{\"a\":1,\"b\":1,\"c\":2}", json(both.settings()));
        assertEquals(List.of("Sales", "Laptops"), both.appliedProfiles().stream().map(SettingOrigin::profile).toList());
        assertEquals("Laptops", both.origins().get("b").profile());
        assertEquals("Laptops", both.origins().get("a").profile());
        assertEquals("Sales", both.origins().get("c").profile());
        assertEquals("{\"a\":0,\"b\":2,\"c\":2}", json(device(List.of(top), laptop(null, "SALES")).settings()));
        assertEquals("{\"a\":0,\"b\":0,\"c\":0}", json(device(List.of(top), laptop(null)).settings()));
    }

    @Test
    void profilesCannotChangeWhatAnAncestorLockedButMayChangeWhatTheirOwnPolicyLocked() {
        Policy top = active(root, "Top", true, "{\"a\":1,\"b\":1}", "a");
        Policy floorPolicy = policy(floor, "Floor", PolicyState.ACTIVE, true, false, "{\"c\":1}", List.of("c"),
                List.of(profile("Laptops", "{\"a\":2,\"b\":2,\"c\":2}", List.of("b"),
                        rule(ProfileRuleAttribute.TAG, "laptop"))));
        EffectivePolicy merged = device(List.of(top, floorPolicy), laptop(null, "laptop"));
        assertEquals("{\"a\":1,\"b\":2,\"c\":2}", json(merged.settings()));
        assertEquals(List.of("a", "b", "c"), merged.lockedSettings());
        assertEquals(List.of("a", "c"), device(List.of(top, floorPolicy), laptop(null)).lockedSettings());
    }

    @Test
    void theHashFollowsSettingsAndLocksAndNothingElse() {
        Policy one = active(floor, "One", true, "{\"a\":1,\"b\":{\"c\":true}}");
        Policy sameContent = active(floor, "Other name", true, "{\"b\":{\"c\":true},\"a\":1}");
        Policy locked = active(floor, "One", true, "{\"a\":1,\"b\":{\"c\":true}}", "a");
        Policy changed = active(floor, "One", true, "{\"a\":2,\"b\":{\"c\":true}}");
        String hash = group(List.of(one), false).hash();
        assertEquals(64, hash.length());
        assertEquals(hash, group(List.of(sameContent), false).hash());
        assertNotEquals(hash, group(List.of(locked), false).hash());
        assertNotEquals(hash, group(List.of(changed), false).hash());
    }

    @Test
    void devicesWithTheSameGroupAndProfilesShareOneMerge() {
        Policy top = policy(floor, "Floor", PolicyState.ACTIVE, true, false, "{\"a\":0}", List.of(),
                List.of(profile("Laptops", "{\"a\":1}", List.of(), rule(ProfileRuleAttribute.TAG, "laptop"))));
        InForcePolicies snapshot = new InForcePolicies(1, List.of(top));
        EffectivePolicy first = effective.forDevice(snapshot, toFloor, laptop(null, "laptop"), APP);
        EffectivePolicy second = effective.forDevice(snapshot, toFloor, laptop(null, "laptop"), APP);
        EffectivePolicy other = effective.forDevice(snapshot, toFloor, laptop(null), APP);
        assertSame(first.settings(), second.settings());
        assertNotEquals(first.deviceId(), second.deviceId());
        assertNotEquals(first.hash(), other.hash());
    }
}
