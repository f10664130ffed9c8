package org.garrison.policies.internal;

import static org.garrison.policies.internal.Policies.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.error.FieldError;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.policy.ProfileRuleAttribute;
import org.junit.jupiter.api.Test;

class PolicyDraftCheckTest {

    private final UUID group = UUID.randomUUID();
    private final Set<UUID> groups = Set.of(group);

    private static PolicyDraft draft(String application, UUID group, String name, List<String> locks,
            List<PolicyProfile> profiles) {
        return new PolicyDraft(application, group, name, null, null, null, null, Map.of(), locks, profiles, null);
    }

    private Map<String, String> errors(PolicyDraft draft, int maxProfiles) {
        List<FieldError> errors = new ArrayList<>();
        PolicyDraftCheck.check(draft, maxProfiles, groups::contains, errors);
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
    }

    @Test
    void defaultsMakeANewPolicyInactiveAndInheriting() {
        List<FieldError> errors = new ArrayList<>();
        PolicyDraftCheck.Checked checked = PolicyDraftCheck.check(draft("endpoint-protection", group, "  Base ",
                null, null), 10, groups::contains, errors);
        assertEquals(List.of(), errors);
        assertEquals("Base", checked.name());
        assertEquals(PolicyState.INACTIVE, checked.state());
        assertTrue(checked.inheritFromParent());
        assertEquals(Map.of(), checked.settings());
    }

    @Test
    void everyBadFieldIsNamed() {
        Map<String, String> errors = errors(new PolicyDraft("Not An Id", UUID.randomUUID(), "a\tb", "x".repeat(2001),
                null, null, null, null, List.of("ok/path", "bad//path", "/also/ok"), null, null), 10);
        assertEquals(Set.of("application", "groupId", "name", "description", "lockedSettings/1"), errors.keySet());
        assertTrue(errors.get("groupId").contains("does not exist"));
        assertEquals("is required", errors(draft(null, null, " ", null, null), 10).get("name"));
        assertEquals(Set.of("application", "groupId", "name"), errors(draft(null, null, null, null, null), 10)
                .keySet());
    }

    @Test
    void lockedPathsAreWrittenOneWayAndKeptOnce() {
        List<FieldError> errors = new ArrayList<>();
        PolicyDraftCheck.Checked checked = PolicyDraftCheck.check(draft("app", group, "n",
                List.of("/scan/interval", "scan/interval", "a~1b"), null), 10, groups::contains, errors);
        assertEquals(List.of("scan/interval", "a~1b"), checked.lockedSettings());
    }

    @Test
    void profilesAreLimitedNamedUniquelyAndGetIds() {
        PolicyProfile unnamed = new PolicyProfile(null, " ", null, null, null, null);
        PolicyProfile a = new PolicyProfile(null, "Laptops", null, null, null, null);
        PolicyProfile b = new PolicyProfile(null, "laptops", null, null, null, null);
        Map<String, String> errors = errors(draft("app", group, "n", null, List.of(unnamed, a, b)), 10);
        assertEquals(Set.of("profiles/0/name", "profiles/2/name"), errors.keySet());
        assertEquals(Set.of("profiles"), errors(draft("app", group, "n", null,
                Collections.nCopies(3, a)), 2).keySet());

        UUID kept = UUID.randomUUID();
        List<FieldError> none = new ArrayList<>();
        PolicyDraftCheck.Checked checked = PolicyDraftCheck.check(draft("app", group, "n", null,
                List.of(a, new PolicyProfile(kept, "Other", false, null, null, null))), 10, groups::contains, none);
        assertEquals(List.of(), none);
        assertNotNull(checked.profiles().get(0).id());
        assertEquals(kept, checked.profiles().get(1).id());
        assertEquals(Boolean.TRUE, checked.profiles().get(0).enabled());
        assertEquals(Boolean.FALSE, checked.profiles().get(1).enabled());
        PolicyProfile twin = new PolicyProfile(kept, "Twin", null, null, null, null);
        assertEquals(Set.of("profiles/1/id"), errors(draft("app", group, "n", null,
                List.of(checked.profiles().get(1), twin)), 10).keySet());
    }

    @Test
    void ruleValuesAreCheckedPerAttributeAndStoredInOneForm() {
        PolicyProfile profile = new PolicyProfile(null, "p", null, null, null, List.of(
                rule(ProfileRuleAttribute.NETWORK, "outside"),
                rule(ProfileRuleAttribute.OFFLINE, "TRUE"),
                rule(ProfileRuleAttribute.OS_TYPE, "windows", "linux"),
                rule(ProfileRuleAttribute.GROUP, group.toString().toUpperCase()),
                rule(ProfileRuleAttribute.TAG, " vip ")));
        List<FieldError> errors = new ArrayList<>();
        PolicyProfile stored = PolicyDraftCheck.check(draft("app", group, "n", null, List.of(profile)), 10,
                groups::contains, errors).profiles().get(0);
        assertEquals(List.of(), errors);
        assertEquals(List.of(List.of("OUTSIDE"), List.of("true"), List.of("WINDOWS", "LINUX"),
                List.of(group.toString()), List.of("vip")),
                stored.rules().stream().map(r -> r.values()).toList());

        PolicyProfile bad = new PolicyProfile(null, "p", null, null, null, List.of(
                rule(ProfileRuleAttribute.NETWORK, "somewhere"),
                rule(ProfileRuleAttribute.OFFLINE, "true", "false"),
                rule(ProfileRuleAttribute.OS_TYPE, "BeOS"),
                rule(ProfileRuleAttribute.GROUP, UUID.randomUUID().toString()),
                rule(ProfileRuleAttribute.TAG),
                new org.garrison.api.policy.ProfileRule(null, List.of("x")),
                rule(ProfileRuleAttribute.OWNER, "x".repeat(256))));
        assertEquals(Set.of("profiles/0/rules/0/values/0", "profiles/0/rules/1/values",
                "profiles/0/rules/2/values/0", "profiles/0/rules/3/values/0", "profiles/0/rules/4/values",
                "profiles/0/rules/5/attribute", "profiles/0/rules/6/values/0"),
                errors(draft("app", group, "n", null, List.of(bad)), 10).keySet());
    }
}
