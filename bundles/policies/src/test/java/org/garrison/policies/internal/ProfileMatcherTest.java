package org.garrison.policies.internal;

import static org.garrison.policies.internal.Policies.profile;
import static org.garrison.policies.internal.Policies.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.OsType;
import org.garrison.api.device.UserAccount;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.ProfileRule;
import org.garrison.api.policy.ProfileRuleAttribute;
import org.junit.jupiter.api.Test;

class ProfileMatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final UUID top = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();
    private final List<UUID> path = List.of(top, group);
    private final AtomicInteger accountReads = new AtomicInteger();
    private final AtomicInteger hardwareReads = new AtomicInteger();
    private final ProfileMatcher matcher = new ProfileMatcher(new DevicePlacement(new String[] {"outside, VPN"},
            Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC)));

    private DeviceFacts device(String location, Instant lastVisible) {
        return new DeviceFacts(UUID.randomUUID(), group, Set.of("laptop", "sales"), location, lastVisible,
                OsType.WINDOWS, "Windows 11 Enterprise", () -> {
                    accountReads.incrementAndGet();
                    return List.of(new UserAccount("jdoe", "CORP", "Jane Doe", null));
                }, () -> {
                    hardwareReads.incrementAndGet();
                    return List.of(new HardwareComponent("cpu", "Core i7", "Intel", "i7-1365U", null, null),
                            new HardwareComponent("system", "Latitude", "Dell Inc.", "Latitude 7440", null, null));
                });
    }

    private boolean applies(DeviceFacts device, ProfileRule... rules) {
        return matcher.applies(profile("p", "{}", List.of(), rules), device, path);
    }

    @Test
    void eachAttributeComparesAsDocumented() {
        DeviceFacts inside = device("Headquarters", NOW.minusSeconds(60));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.TAG, "desktop", "LAPTOP")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.TAG, "desktop")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.NETWORK, "INSIDE")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.NETWORK, "OUTSIDE")));
        assertTrue(applies(device("vpn", NOW), rule(ProfileRuleAttribute.NETWORK, "OUTSIDE")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.OFFLINE, "false")));
        assertTrue(applies(device(null, NOW.minus(Duration.ofMinutes(16))), rule(ProfileRuleAttribute.OFFLINE, "true")));
        assertTrue(applies(device(null, null), rule(ProfileRuleAttribute.OFFLINE, "true")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.OWNER, "JDOE")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.OWNER, "corp\\jdoe")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.OWNER, "other\\jdoe", "jd")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.HARDWARE, "latitude 74")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.HARDWARE, "dell")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.HARDWARE, "Lenovo")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.OS_TYPE, "LINUX", "WINDOWS")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.OS_TYPE, "MACOS")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.OS_NAME, "windows 11")));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.OS_NAME, "Windows 10")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.GROUP, top.toString())));
        assertFalse(applies(inside, rule(ProfileRuleAttribute.GROUP, UUID.randomUUID().toString())));
    }

    @Test
    void everyRuleMustMatchAndAProfileWithoutRulesOrDisabledNeverApplies() {
        DeviceFacts inside = device(null, NOW);
        assertFalse(applies(inside, rule(ProfileRuleAttribute.TAG, "laptop"),
                rule(ProfileRuleAttribute.OS_TYPE, "LINUX")));
        assertTrue(applies(inside, rule(ProfileRuleAttribute.TAG, "laptop"),
                rule(ProfileRuleAttribute.OS_TYPE, "WINDOWS")));
        assertFalse(applies(inside));
        PolicyProfile disabled = new PolicyProfile(UUID.randomUUID(), "off", false, null, null,
                List.of(rule(ProfileRuleAttribute.TAG, "laptop")));
        assertFalse(matcher.applies(disabled, inside, path));
    }

    @Test
    void accountsAndHardwareAreReadOnlyWhenARuleNeedsThemAndThenOnce() {
        DeviceFacts inside = device(null, NOW);
        assertFalse(applies(inside, rule(ProfileRuleAttribute.TAG, "none"), rule(ProfileRuleAttribute.OWNER, "x")));
        assertEquals(0, accountReads.get());
        applies(inside, rule(ProfileRuleAttribute.OWNER, "x"));
        applies(inside, rule(ProfileRuleAttribute.OWNER, "y"));
        applies(inside, rule(ProfileRuleAttribute.HARDWARE, "x"));
        assertEquals(1, accountReads.get());
        assertEquals(1, hardwareReads.get());
    }
}
