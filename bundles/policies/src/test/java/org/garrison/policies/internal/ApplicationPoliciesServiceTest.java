package org.garrison.policies.internal;

import static org.garrison.policies.internal.Policies.ADMIN;
import static org.garrison.policies.internal.Policies.APP;
import static org.garrison.policies.internal.Policies.json;
import static org.garrison.policies.internal.Policies.rule;
import static org.garrison.policies.internal.Policies.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.policy.ProfileRuleAttribute;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy service against a real database (in-memory Derby, or PostgreSQL when the store's test database is
 * switched to it) with this bundle's changelog, real JSON Schema validation, and an in-memory group tree.
 */
class ApplicationPoliciesServiceTest {

    static final String SCHEMA = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"realtime":{"type":"boolean"},
                           "firewall":{"enum":["normal","strict"]},
                           "note":{"type":["string","null"]},
                           "scan":{"type":"object","additionalProperties":false,
                                   "properties":{"interval":{"type":"integer","minimum":1,"maximum":1440},
                                                 "paths":{"type":"array","items":{"type":["string","null"]}}}}},
             "additionalProperties":false}""";

    static final String STRICTER = SCHEMA.replace("\"maximum\":1440", "\"maximum\":60");

    private final TestGroups groups = new TestGroups();
    private final AuditTrail audit = new AuditTrail();
    private final TestPlugins plugins = new TestPlugins();
    private final UUID root = AdministrationGroup.MANAGED_DEVICES;
    private UUID office;
    private UUID floor;
    private Transactions database;
    private ApplicationPoliciesService policies;

    @BeforeEach
    void start() throws SQLException {
        database = TestDatabase.withSchema("policies", "db/policies.sql", getClass().getClassLoader())
                .transactions();
        plugins.install(APP, "1.0.0", SCHEMA);
        office = groups.add(root, "Office");
        floor = groups.add(office, "Floor");
        policies = service(TestConfig.defaults());
    }

    private ApplicationPoliciesService service(PoliciesConfig config) {
        ApplicationPoliciesService service = ApplicationPoliciesService.withClock(database, audit.history(),
                audit.deleted(), groups, null, config, Clock.systemUTC());
        service.setPluginRegistry(plugins);
        service.setSchemaValidator(new TestSchemas());
        return service;
    }

    private static PolicyDraft draft(UUID group, String name, PolicyState state, String settings, String... locks) {
        return new PolicyDraft(APP, group, name, null, state, null, null, settings(settings), List.of(locks),
                List.of(), null);
    }

    private Policy create(UUID group, String name, PolicyState state, String settings, String... locks) {
        return policies.create(draft(group, name, state, settings, locks), ADMIN);
    }

    private static Map<String, String> errors(Runnable call) {
        ValidationException refused = assertThrows(ValidationException.class, call::run);
        return refused.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                (a, b) -> a + "; " + b));
    }

    private DeviceFacts device(UUID group, String location, String... tags) {
        return new DeviceFacts(UUID.randomUUID(), group, Set.of(tags), location, Instant.now(), null, null,
                List::of, List::of);
    }

    @Test
    void aPolicyIsStoredAsSubmittedWithItsFirstRevision() {
        Policy created = policies.create(new PolicyDraft(APP, office, " Office AV ", "For the office",
                PolicyState.ACTIVE, true, false, settings("{\"scan\":{\"interval\":30,\"paths\":[\"C:\"]},"
                        + "\"realtime\":true}"), List.of("/scan/interval"), List.of(new PolicyProfile(null,
                                "Laptops", null, settings("{\"realtime\":false}"), List.of(),
                                List.of(rule(ProfileRuleAttribute.TAG, "laptop")))), null), ADMIN);
        Policy read = policies.get(created.id());
        assertEquals(created, read);
        assertEquals("Office AV", read.name());
        assertEquals(1, read.revision());
        assertEquals("{\"scan\":{\"interval\":30,\"paths\":[\"C:\"]},\"realtime\":true}", json(read.settings()));
        assertEquals(List.of("scan/interval"), read.lockedSettings());
        assertEquals("1.0.0", read.checkedAgainst());
        assertEquals(List.of(), read.problems());
        assertEquals(ADMIN, read.createdBy());
        assertEquals(List.of(ApplicationPoliciesService.CREATED), audit.actions(created.id()));
        assertEquals(PolicyService.OBJECT_TYPE, audit.revisions.get(0).object().type());
        assertThrows(NotFoundException.class, () -> policies.get(UUID.randomUUID()));
    }

    @Test
    void settingsThatDoNotMatchTheSchemaAreRefusedWithTheirPaths() {
        Map<String, String> errors = errors(() -> policies.create(new PolicyDraft(APP, office, "Bad", null, null,
                null, null, settings("{\"scan\":{\"interval\":0,\"depth\":2},\"colour\":\"red\"}"), List.of(),
                List.of(new PolicyProfile(null, "Strict", null, settings("{\"firewall\":\"paranoid\"}"), List.of(),
                        List.of(rule(ProfileRuleAttribute.TAG, "x")))), null), ADMIN));
        assertTrue(errors.containsKey("settings/scan/interval"), errors.toString());
        assertTrue(errors.containsKey("profiles/0/settings/firewall"), errors.toString());
        assertFalse(errors.keySet().stream().anyMatch(f -> f.startsWith("profiles/0/settings/scan")),
                "the policy's own problems are not repeated for each profile: " + errors);
        assertEquals(0, policies.list(PolicyQuery.all(), PageRequest.first()).total());
        assertTrue(audit.revisions.isEmpty());
    }

    @Test
    void anApplicationWithoutAnActivePluginIsRefused() {
        assertEquals(Set.of("application"), errors(() -> policies.create(new PolicyDraft("unknown-app", office, "X",
                null, null, null, null, null, null, null, null), ADMIN)).keySet());
        ApplicationPoliciesService withoutExtender = ApplicationPoliciesService.withClock(database, audit.history(),
                audit.deleted(), groups, null, TestConfig.defaults(), Clock.systemUTC());
        assertEquals(Set.of("application"), errors(() -> withoutExtender.create(draft(office, "X", null, "{}"), ADMIN))
                .keySet());
    }

    @Test
    void activatingAPolicyDeactivatesTheGroupsActiveOneInTheSameChange() {
        Policy first = create(office, "First", PolicyState.ACTIVE, "{}");
        Policy away = create(office, "Away", PolicyState.OUT_OF_OFFICE, "{}");
        Policy second = create(office, "Second", PolicyState.INACTIVE, "{}");
        Policy elsewhere = create(floor, "Elsewhere", PolicyState.ACTIVE, "{}");

        Policy activated = policies.changeState(second.id(), PolicyState.ACTIVE, ADMIN);
        assertEquals(PolicyState.ACTIVE, activated.state());
        assertEquals(2, activated.revision());
        assertEquals(PolicyState.INACTIVE, policies.get(first.id()).state());
        assertEquals(2, policies.get(first.id()).revision());
        assertEquals(PolicyState.OUT_OF_OFFICE, policies.get(away.id()).state());
        assertEquals(PolicyState.ACTIVE, policies.get(elsewhere.id()).state());
        assertEquals(List.of("created", "deactivated"), audit.actions(first.id()));
        assertEquals(List.of("created", "activated"), audit.actions(second.id()));

        Policy third = create(office, "Third", PolicyState.ACTIVE, "{}");
        assertEquals(PolicyState.INACTIVE, policies.get(second.id()).state());
        assertEquals(1, policies.list(new PolicyQuery(office, APP, PolicyState.ACTIVE, null, null),
                PageRequest.first()).items().size());
        assertEquals(third.id(), policies.list(new PolicyQuery(office, APP, PolicyState.ACTIVE, null, null),
                PageRequest.first()).items().get(0).id());
        assertEquals(3, policies.changeState(second.id(), PolicyState.INACTIVE, ADMIN).revision(),
                "deactivating an inactive policy changes nothing");
    }

    @Test
    void theDatabaseItselfHoldsOnlyOneActivePolicyPerGroupAndApplication() {
        Policy one = Policies.active(office, "One", true, "{}");
        Policy two = Policies.active(office, "Two", true, "{}");
        Policy inactive = Policies.policy(office, "Off", PolicyState.INACTIVE, true, false, "{}", List.of(),
                List.of());
        Policy alsoInactive = Policies.policy(office, "Off too", PolicyState.INACTIVE, true, false, "{}", List.of(),
                List.of());
        PolicyRepository repository = new PolicyRepository(new PolicyJson());
        database.runInTransaction(c -> {
            repository.insert(c, one);
            repository.insert(c, inactive);
            repository.insert(c, alsoInactive);
        });
        assertThrows(StoreException.class, () -> database.runInTransaction(c -> repository.insert(c, two)));
    }

    @Test
    void anUpdateMadeFromAnOlderRevisionIsRefused() {
        Policy policy = create(office, "Base", PolicyState.INACTIVE, "{\"realtime\":true}");
        Policy updated = policies.update(policy.id(), draft(null, "Base", PolicyState.INACTIVE,
                "{\"realtime\":false}").withExpectedRevision(1), ADMIN);
        assertEquals(2, updated.revision());
        assertEquals(Boolean.FALSE, updated.settings().get("realtime"));
        ConflictException stale = assertThrows(ConflictException.class, () -> policies.update(policy.id(),
                draft(null, "Base", null, "{}").withExpectedRevision(1), ADMIN));
        assertTrue(stale.getMessage().contains("revision 2"), stale.getMessage());
        assertEquals(updated, policies.get(policy.id()));
        assertEquals(3, policies.update(policy.id(), draft(null, "Renamed", null, "{}"), ADMIN).revision());
    }

    @Test
    void theApplicationAndGroupOfAPolicyCannotChange() {
        Policy policy = create(office, "Base", PolicyState.INACTIVE, "{}");
        Map<String, String> errors = errors(() -> policies.update(policy.id(), new PolicyDraft("other-app", floor,
                "Base", null, null, null, null, null, null, null, null), ADMIN));
        assertEquals(Set.of("application", "groupId"), errors.keySet());
        assertThrows(NotFoundException.class, () -> policies.update(UUID.randomUUID(), draft(null, "x", null, "{}"),
                ADMIN));
    }

    @Test
    void valuesLockedByAnAncestorCannotBeChangedBelowButMayBeRepeated() {
        create(root, "Company", PolicyState.ACTIVE, "{\"scan\":{\"interval\":60},\"realtime\":true}",
                "scan/interval", "realtime");
        Map<String, String> errors = errors(() -> create(floor, "Floor", PolicyState.ACTIVE,
                "{\"scan\":{\"interval\":5},\"realtime\":true,\"firewall\":\"strict\"}"));
        assertEquals(Set.of("settings/scan/interval"), errors.keySet());
        assertTrue(errors.get("settings/scan/interval").contains("\"Company\" of the group \"Managed devices\""),
                errors.toString());

        Map<String, String> profileErrors = errors(() -> policies.create(new PolicyDraft(APP, floor, "Floor", null,
                PolicyState.ACTIVE, null, null, settings("{}"), List.of(), List.of(new PolicyProfile(null, "Fast",
                        null, settings("{\"realtime\":false}"), List.of(), List.of(rule(ProfileRuleAttribute.TAG,
                                "x")))), null), ADMIN));
        assertEquals(Set.of("profiles/0/settings/realtime"), profileErrors.keySet());

        Policy same = create(floor, "Floor", PolicyState.ACTIVE, "{\"scan\":{\"interval\":60},\"firewall\":\"strict\"}");
        Policy alone = policies.create(new PolicyDraft(APP, office, "Alone", null, PolicyState.ACTIVE, false, null,
                settings("{\"scan\":{\"interval\":5}}"), List.of(), List.of(), null), ADMIN);
        assertNotEquals(same.id(), alone.id(), "locks of a policy that is not inherited do not bind");
        assertEquals(Map.of("interval", 60), policies.effectiveForGroup(floor, APP, false).settings().get("scan"));
    }

    @Test
    void inheritanceForcedByAnAncestorCannotBeSwitchedOff() {
        policies.create(new PolicyDraft(APP, root, "Company", null, PolicyState.ACTIVE, true, true,
                settings("{\"realtime\":true}"), List.of(), List.of(), null), ADMIN);
        Map<String, String> errors = errors(() -> policies.create(new PolicyDraft(APP, floor, "Rebel", null,
                PolicyState.ACTIVE, false, null, settings("{}"), List.of(), List.of(), null), ADMIN));
        assertEquals(Set.of("inheritFromParent"), errors.keySet());
        assertTrue(errors.get("inheritFromParent").contains("Company"));
    }

    @Test
    void theEffectivePolicyFollowsEveryChange() {
        Policy company = create(root, "Company", PolicyState.ACTIVE, "{\"realtime\":true,\"firewall\":\"normal\"}",
                "realtime");
        EffectivePolicy before = policies.effectiveForGroup(floor, APP, false);
        assertEquals("{\"realtime\":true,\"firewall\":\"normal\"}", json(before.settings()));
        Policy floorPolicy = policies.create(new PolicyDraft(APP, floor, "Floor", null, PolicyState.ACTIVE, null,
                null, settings("{\"firewall\":\"strict\"}"), List.of(), List.of(new PolicyProfile(null, "Laptops",
                        null, settings("{\"scan\":{\"interval\":15}}"), List.of("scan"),
                        List.of(rule(ProfileRuleAttribute.TAG, "laptop")))), null), ADMIN);
        EffectivePolicy after = policies.effectiveForGroup(floor, APP, false);
        assertEquals("{\"realtime\":true,\"firewall\":\"strict\"}", json(after.settings()));
        assertNotEquals(before.hash(), after.hash());
        assertEquals(List.of(company.id(), floorPolicy.id()), after.policies());

        EffectivePolicy laptop = policies.effectiveForDevice(device(floor, null, "Laptop"), APP);
        assertEquals("{\"realtime\":true,\"firewall\":\"strict\",\"scan\":{\"interval\":15}}",
                json(laptop.settings()));
        assertEquals("Laptops", laptop.origins().get("scan/interval").profile());
        assertEquals(List.of("realtime", "scan"), laptop.lockedSettings());

        policies.changeState(floorPolicy.id(), PolicyState.INACTIVE, ADMIN);
        assertEquals(before.settings(), policies.effectiveForDevice(device(floor, null, "laptop"), APP).settings());
        policies.delete(company.id(), ADMIN);
        assertEquals(Map.of(), policies.effectiveForGroup(floor, APP, false).settings());
        assertThrows(NotFoundException.class, () -> policies.effectiveForGroup(UUID.randomUUID(), APP, false));
    }

    @Test
    void aDeviceGetsThePolicyOfEveryManagedApplicationAndTheTagFollowsChanges() {
        String untouched = policies.changeTag();
        assertEquals(untouched, policies.changeTag());
        create(office, "Office", PolicyState.ACTIVE, "{\"realtime\":false}", "realtime");
        String afterCreate = policies.changeTag();
        assertNotEquals(untouched, afterCreate, "a policy change on this node shows at once");
        plugins.install("device-control", "1.0.0", "{\"type\":\"object\"}");
        String afterInstall = policies.changeTag();
        assertNotEquals(afterCreate, afterInstall);

        List<EffectivePolicy> effective = policies.effectiveForDevice(device(floor, null));
        assertEquals(List.of("device-control", APP), effective.stream().map(EffectivePolicy::application).toList());
        assertEquals(Map.of(), effective.get(0).settings());
        assertEquals("{\"realtime\":false}", json(effective.get(1).settings()));
        assertEquals(List.of("realtime"), effective.get(1).lockedSettings());

        plugins.remove("device-control");
        assertNotEquals(afterInstall, policies.changeTag());
        assertEquals(List.of(APP), policies.effectiveForDevice(device(floor, null)).stream()
                .map(EffectivePolicy::application).toList());
    }

    @Test
    void profilesAreAddedReplacedAndRemovedOneByOne() {
        Policy policy = create(office, "Base", PolicyState.INACTIVE, "{}");
        PolicyProfile laptops = new PolicyProfile(null, "Laptops", null, settings("{\"realtime\":true}"), List.of(),
                List.of(rule(ProfileRuleAttribute.TAG, "laptop")));
        Policy withOne = policies.addProfile(policy.id(), laptops, null, 1, ADMIN);
        UUID laptopsId = withOne.profiles().get(0).id();
        Policy withTwo = policies.addProfile(policy.id(), new PolicyProfile(null, "VIP", null, settings("{}"),
                List.of(), List.of(rule(ProfileRuleAttribute.TAG, "vip"))), 0, null, ADMIN);
        assertEquals(List.of("VIP", "Laptops"), withTwo.profiles().stream().map(PolicyProfile::name).toList());
        assertEquals(3, withTwo.revision());

        Policy replaced = policies.updateProfile(policy.id(), laptopsId, new PolicyProfile(null, "Notebooks", false,
                settings("{\"realtime\":false}"), List.of(), List.of(rule(ProfileRuleAttribute.TAG, "laptop"))), 3,
                ADMIN);
        assertEquals("Notebooks", replaced.profiles().get(1).name());
        assertEquals(laptopsId, replaced.profiles().get(1).id());
        assertThrows(ConflictException.class, () -> policies.deleteProfile(policy.id(), laptopsId, 3, ADMIN));
        assertThrows(NotFoundException.class, () -> policies.deleteProfile(policy.id(), UUID.randomUUID(), null,
                ADMIN));
        assertEquals(Set.of("position"), errors(() -> policies.addProfile(policy.id(), laptops, 7, null, ADMIN))
                .keySet());
        Map<String, String> duplicate = errors(() -> policies.addProfile(policy.id(), new PolicyProfile(null, "vip",
                null, null, null, null), null, null, ADMIN));
        assertEquals(Set.of("profiles/2/name"), duplicate.keySet());
        Policy withoutLaptops = policies.deleteProfile(policy.id(), laptopsId, 4, ADMIN);
        assertEquals(List.of("VIP"), withoutLaptops.profiles().stream().map(PolicyProfile::name).toList());
    }

    @Test
    void theNumberOfProfilesIsLimitedByConfiguration() {
        ApplicationPoliciesService limited = service(new TestConfig(2, new String[] {"outside"}, 15));
        List<PolicyProfile> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(new PolicyProfile(null, "P" + i, null, null, null, List.of(rule(ProfileRuleAttribute.TAG,
                    "t"))));
        }
        assertEquals(Set.of("profiles"), errors(() -> limited.create(new PolicyDraft(APP, office, "Many", null, null,
                null, null, null, null, three, null), ADMIN)).keySet());
        assertEquals(2, limited.create(new PolicyDraft(APP, office, "Two", null, null, null, null, null, null,
                three.subList(0, 2), null), ADMIN).profiles().size());
    }

    @Test
    void aDeletedPolicyComesBackFromItsSnapshotWithoutDisplacingTheGroupsActiveOne() {
        Policy policy = create(office, "Base", PolicyState.ACTIVE, "{\"realtime\":true}", "realtime");
        policies.delete(policy.id(), ADMIN);
        assertThrows(NotFoundException.class, () -> policies.get(policy.id()));
        assertEquals(1, audit.deletions.size());
        String snapshot = audit.deletions.get(0).snapshot();
        ObjectRef ref = audit.deletions.get(0).object();
        assertEquals(new ObjectRef(PolicyService.OBJECT_TYPE, policy.id()), ref);

        Policy replacement = create(office, "Replacement", PolicyState.ACTIVE, "{}");
        policies.restoreDeleted(ref, snapshot, ADMIN);
        Policy restored = policies.get(policy.id());
        assertEquals(PolicyState.INACTIVE, restored.state());
        assertEquals(PolicyState.ACTIVE, policies.get(replacement.id()).state());
        assertEquals(policy.settings(), restored.settings());
        assertEquals(policy.lockedSettings(), restored.lockedSettings());
        assertEquals(2, restored.revision());
        assertEquals(policy.createdAt(), restored.createdAt());
        assertThrows(ConflictException.class, () -> policies.restoreDeleted(ref, snapshot, ADMIN));

        policies.delete(policy.id(), ADMIN);
        plugins.remove(APP);
        ConflictException noPlugin = assertThrows(ConflictException.class,
                () -> policies.restoreDeleted(ref, audit.deletions.get(1).snapshot(), ADMIN));
        assertTrue(noPlugin.getMessage().contains("application"), noPlugin.getMessage());
    }

    @Test
    void aRevisionPutsTheContentBack() {
        Policy policy = create(office, "Base", PolicyState.INACTIVE, "{\"realtime\":true}");
        String first = audit.revisions.get(0).snapshot();
        policies.update(policy.id(), draft(null, "Changed", PolicyState.INACTIVE, "{\"realtime\":false}"), ADMIN);
        String back = policies.restoreRevision(new ObjectRef(PolicyService.OBJECT_TYPE, policy.id()), first, ADMIN);
        Policy restored = policies.get(policy.id());
        assertEquals("Base", restored.name());
        assertEquals(Boolean.TRUE, restored.settings().get("realtime"));
        assertEquals(3, restored.revision());
        assertTrue(back.contains("\"revision\":3"), back);
        assertThrows(ConflictException.class, () -> policies.restoreRevision(
                new ObjectRef(PolicyService.OBJECT_TYPE, UUID.randomUUID()), first, ADMIN));
        assertThrows(ConflictException.class, () -> policies.restoreRevision(
                new ObjectRef(PolicyService.OBJECT_TYPE, policy.id()), "{\"not\":\"a policy\"}", ADMIN));
    }

    @Test
    void anUpgradedSchemaMarksPoliciesInvalidWithoutChangingThem() {
        Policy slow = create(office, "Slow", PolicyState.ACTIVE, "{\"scan\":{\"interval\":120}}");
        Policy fast = create(floor, "Fast", PolicyState.ACTIVE, "{\"scan\":{\"interval\":30}}");
        assertEquals(List.of(), policies.recheck(APP), "nothing changed with the same schema");

        plugins.install(APP, "2.0.0", STRICTER);
        List<Policy> invalid = policies.recheck(APP);
        assertEquals(List.of(slow.id()), invalid.stream().map(Policy::id).toList());
        Policy stored = policies.get(slow.id());
        assertEquals("2.0.0", stored.checkedAgainst());
        assertEquals(List.of("settings/scan/interval"), stored.problems().stream().map(FieldError::field).toList());
        assertEquals(slow.settings(), stored.settings());
        assertEquals(slow.revision(), stored.revision());
        assertEquals(List.of(), policies.get(fast.id()).problems());
        assertEquals("2.0.0", policies.get(fast.id()).checkedAgainst());
        assertEquals(List.of(slow.id()), policies.list(new PolicyQuery(null, null, null, true, null),
                PageRequest.first()).items().stream().map(Policy::id).toList());
        assertEquals(List.of(fast.id()), policies.list(new PolicyQuery(null, null, null, false, null),
                PageRequest.first()).items().stream().map(Policy::id).toList());
        assertEquals(List.of(), policies.recheck(APP), "reported once");

        plugins.install(APP, "2.0.1", SCHEMA);
        assertEquals(List.of(), policies.recheck(APP));
        assertEquals(List.of(), policies.get(slow.id()).problems());
    }

    @Test
    void theListingFiltersPagesCountsAndKeepsToTheGivenGroups() {
        for (int i = 0; i < 5; i++) {
            create(office, "Office " + i, PolicyState.INACTIVE, "{}");
        }
        for (int i = 0; i < 3; i++) {
            create(floor, "floor " + i, PolicyState.INACTIVE, "{}");
        }
        Page<Policy> first = policies.list(PolicyQuery.all(), new PageRequest(3, null));
        assertEquals(List.of("floor 0", "floor 1", "floor 2"), first.items().stream().map(Policy::name).toList());
        assertEquals(8L, first.total());
        Page<Policy> second = policies.list(PolicyQuery.all(), new PageRequest(3,
                org.garrison.api.Cursor.decode(first.nextCursor())));
        assertEquals(List.of("Office 0", "Office 1", "Office 2"), second.items().stream().map(Policy::name).toList());

        Page<Policy> scoped = policies.list(PolicyQuery.all().within(Set.of(office)), new PageRequest(4, null));
        assertEquals(List.of("Office 0", "Office 1", "Office 2", "Office 3"),
                scoped.items().stream().map(Policy::name).toList());
        assertEquals(5L, scoped.total());
        Page<Policy> rest = policies.list(PolicyQuery.all().within(Set.of(office)), new PageRequest(4,
                org.garrison.api.Cursor.decode(scoped.nextCursor())));
        assertEquals(List.of("Office 4"), rest.items().stream().map(Policy::name).toList());
        assertNull(rest.nextCursor());
        assertEquals(0L, policies.list(PolicyQuery.all().within(Set.of()), PageRequest.first()).total());
        assertEquals(3L, policies.list(new PolicyQuery(floor, null, null, null, null), PageRequest.first()).total());
        assertThrows(ValidationException.class, () -> policies.list(PolicyQuery.all(),
                new PageRequest(3, org.garrison.api.Cursor.after("x"))));
    }

    @Test
    void deletingGroupsWithTheirMembersDeletesTheirPolicies() {
        Policy a = create(floor, "A", PolicyState.ACTIVE, "{}");
        create(office, "B", PolicyState.INACTIVE, "{}");
        PolicyGroupMembers members = new PolicyGroupMembers(policies);
        assertEquals("policies", members.kind());
        assertEquals(Map.of(floor, 1L, office, 1L), members.countByGroup(Set.of(floor, office, root)));
        members.release(Set.of(floor), ADMIN);
        assertThrows(NotFoundException.class, () -> policies.get(a.id()));
        assertEquals(List.of(a.id()), audit.deletions.stream().map(d -> d.object().id()).toList());
        assertEquals(Map.of(office, 1L), members.countByGroup(Set.of(floor, office)));
        assertEquals(java.util.Optional.of(office), new PolicyScopeResolver(policies).groupOf(
                policies.list(PolicyQuery.all(), PageRequest.first()).items().get(0).id().toString()));
        assertEquals(java.util.Optional.empty(), new PolicyScopeResolver(policies).groupOf("not-an-id"));
    }

    @Test
    void storedSettingsKeepNumbersAndKeyOrderAndNullMeansNotSet() {
        String text = "{\"scan\":{\"paths\":[\"a\",\"b\"],\"interval\":1440},\"realtime\":false}";
        Policy policy = create(office, "Exact", PolicyState.INACTIVE, text);
        assertEquals(text, json(policies.get(policy.id()).settings()));
        Policy withNull = policies.update(policy.id(), draft(null, "Exact", null,
                "{\"scan\":{\"paths\":[]},\"note\":null}"), ADMIN);
        assertEquals("{\"scan\":{\"paths\":[]}}", json(policies.get(withNull.id()).settings()));
        create(root, "Top", PolicyState.ACTIVE, "{\"note\":\"from the top\"}");
        Policy child = create(office, "Child", PolicyState.ACTIVE, "{\"note\":null,\"scan\":{\"paths\":[null]}}");
        assertEquals("{\"scan\":{\"paths\":[null]}}", json(child.settings()));
        assertEquals("from the top", policies.effectiveForGroup(office, APP, false).settings().get("note"));
    }
}
