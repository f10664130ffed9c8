package org.garrison.accounts.internal;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.Permissions;
import org.junit.jupiter.api.Test;

class PermissionEvaluationTest {

    private static final PermissionDefinition PLUGIN_SCAN = new PermissionDefinition("acme-av.scan", "acme-av",
            "Start scans", true);
    private static final PermissionDefinition PLUGIN_READ = new PermissionDefinition("acme-av.read", "acme-av",
            "See scan results", true);
    private static final UUID BERLIN = UUID.randomUUID();
    private static final UUID PARIS = UUID.randomUUID();
    private static final UUID GONE = UUID.randomUUID();
    private static final UUID CUSTOM = UUID.randomUUID();

    private final List<PermissionDefinition> known = known();

    private static List<PermissionDefinition> known() {
        List<PermissionDefinition> all = new ArrayList<>(Permissions.CORE);
        all.add(PLUGIN_SCAN);
        all.add(PLUGIN_READ);
        return all;
    }

    private Map<String, GroupScope> evaluate(RoleGrant... grants) {
        return PermissionEvaluation.evaluate(List.of(grants), role -> {
            for (BuiltInRole builtIn : BuiltInRole.values()) {
                if (builtIn.id().equals(role)) {
                    return PermissionEvaluation.builtIn(builtIn, known);
                }
            }
            return CUSTOM.equals(role) ? Set.of(Permissions.DEVICES_READ, Permissions.ACCOUNTS_WRITE) : null;
        }, group -> !GONE.equals(group), known);
    }

    @Test
    void theMainAdministratorHoldsEveryPermissionIncludingPluginsOnes() {
        Map<String, GroupScope> held = evaluate(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), MANAGED_DEVICES));
        assertEquals(known.size(), held.size());
        assertTrue(held.values().stream().allMatch(GroupScope::everywhere));
        assertTrue(held.containsKey("acme-av.scan"));
    }

    @Test
    void builtInRolesHoldWhatTheirDescriptionsSay() {
        Set<String> administrator = PermissionEvaluation.builtIn(BuiltInRole.ADMINISTRATOR, known);
        assertTrue(administrator.containsAll(Set.of(Permissions.DEVICES_WRITE, Permissions.TASKS_RUN,
                Permissions.ACCOUNTS_READ, Permissions.ENROLLMENT_WRITE, Permissions.AUDIT_READ, "acme-av.scan")));
        assertFalse(administrator.contains(Permissions.ACCOUNTS_WRITE));
        assertFalse(administrator.contains(Permissions.SERVER_WRITE));
        assertFalse(administrator.contains(Permissions.PLUGINS_WRITE));

        Set<String> operator = PermissionEvaluation.builtIn(BuiltInRole.OPERATOR, known);
        assertEquals(Set.of(Permissions.DEVICES_READ, Permissions.GROUPS_READ, Permissions.EVENTS_READ,
                Permissions.POLICIES_READ, Permissions.TASKS_READ, Permissions.TASKS_RUN, Permissions.SERVER_READ,
                "acme-av.read"), operator);

        Set<String> auditor = PermissionEvaluation.builtIn(BuiltInRole.AUDITOR, known);
        assertTrue(auditor.containsAll(Set.of(Permissions.AUDIT_READ, Permissions.ACCOUNTS_READ,
                Permissions.PLUGINS_READ, Permissions.ENROLLMENT_READ, Permissions.SERVER_READ, "acme-av.read")));
        assertTrue(auditor.stream().allMatch(p -> p.endsWith(".read")));
    }

    @Test
    void aGrantOnASubtreeHoldsThereOnlyAndNeverForServerWidePermissions() {
        Map<String, GroupScope> held = evaluate(new RoleGrant(BuiltInRole.ADMINISTRATOR.id(), BERLIN));
        assertEquals(GroupScope.within(Set.of(BERLIN)), held.get(Permissions.DEVICES_WRITE));
        assertFalse(held.containsKey(Permissions.ACCOUNTS_READ));
        assertFalse(held.containsKey(Permissions.AUDIT_READ));
    }

    @Test
    void grantsOnSeveralSubtreesAddUpAndAWholeServerGrantWins() {
        Map<String, GroupScope> held = evaluate(new RoleGrant(BuiltInRole.OPERATOR.id(), BERLIN),
                new RoleGrant(BuiltInRole.ADMINISTRATOR.id(), PARIS));
        assertEquals(GroupScope.within(Set.of(BERLIN, PARIS)), held.get(Permissions.DEVICES_READ));
        assertEquals(GroupScope.within(Set.of(PARIS)), held.get(Permissions.DEVICES_WRITE));

        held = evaluate(new RoleGrant(BuiltInRole.OPERATOR.id(), BERLIN),
                new RoleGrant(BuiltInRole.AUDITOR.id(), MANAGED_DEVICES));
        assertEquals(GroupScope.EVERYWHERE, held.get(Permissions.DEVICES_READ));
        assertEquals(GroupScope.within(Set.of(BERLIN)), held.get(Permissions.TASKS_RUN));
    }

    @Test
    void grantsOnDeletedGroupsAndUnknownRolesOrPermissionsCountForNothing() {
        assertTrue(evaluate(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), GONE)).isEmpty());
        assertTrue(evaluate(new RoleGrant(UUID.randomUUID(), MANAGED_DEVICES)).isEmpty());
        Map<String, GroupScope> custom = evaluate(new RoleGrant(CUSTOM, BERLIN));
        assertEquals(Set.of(Permissions.DEVICES_READ), custom.keySet());
        Map<String, GroupScope> withoutPlugin = PermissionEvaluation.evaluate(
                List.of(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), MANAGED_DEVICES)),
                role -> Set.of("acme-av.scan", Permissions.DEVICES_READ), group -> true, Permissions.CORE);
        assertEquals(Set.of(Permissions.DEVICES_READ), withoutPlugin.keySet());
    }
}
