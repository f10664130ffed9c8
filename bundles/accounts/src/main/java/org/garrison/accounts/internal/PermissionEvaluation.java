package org.garrison.accounts.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.Permissions;

/**
 * How grants turn into permissions, and what the built-in roles hold. Built-in roles are derived from the permission
 * definitions known now, so they include the permissions plugins bring.
 */
final class PermissionEvaluation {

    private static final Set<String> ADMINISTRATOR_GLOBALS = Set.of(Permissions.ACCOUNTS_READ,
            Permissions.PLUGINS_READ, Permissions.ENROLLMENT_READ, Permissions.ENROLLMENT_WRITE,
            Permissions.AUDIT_READ, Permissions.SERVER_READ);

    private PermissionEvaluation() {
    }

    /** The permissions a built-in role holds, given every permission known now. */
    static Set<String> builtIn(BuiltInRole role, List<PermissionDefinition> known) {
        Set<String> held = new LinkedHashSet<>();
        for (PermissionDefinition definition : known) {
            String id = definition.id();
            boolean read = id.endsWith(".read");
            boolean holds = switch (role) {
                case MAIN_ADMINISTRATOR -> true;
                case ADMINISTRATOR -> definition.groupScoped() || ADMINISTRATOR_GLOBALS.contains(id);
                case OPERATOR -> definition.groupScoped() && read || Permissions.TASKS_RUN.equals(id)
                        || Permissions.SERVER_READ.equals(id);
                case AUDITOR -> read;
            };
            if (holds) {
                held.add(id);
            }
        }
        return held;
    }

    /**
     * Where each permission holds for the grants.
     *
     * @param grants          the account's grants (already limited to a token's roles, if any)
     * @param rolePermissions the permissions of a role; null for a role that no longer exists
     * @param groupExists     whether a group still exists (grants on deleted groups count for nothing)
     * @param known           every permission known now; others (a removed plugin's) count for nothing
     */
    static Map<String, GroupScope> evaluate(Collection<RoleGrant> grants, Function<UUID, Set<String>> rolePermissions,
            Predicate<UUID> groupExists, List<PermissionDefinition> known) {
        Map<String, PermissionDefinition> definitions = new HashMap<>();
        known.forEach(definition -> definitions.put(definition.id(), definition));
        Set<String> everywhere = new HashSet<>();
        Map<String, Set<UUID>> roots = new HashMap<>();
        for (RoleGrant grant : grants) {
            if (!groupExists.test(grant.groupId())) {
                continue;
            }
            Set<String> permissions = rolePermissions.apply(grant.roleId());
            if (permissions == null) {
                continue;
            }
            boolean whole = AdministrationGroup.MANAGED_DEVICES.equals(grant.groupId());
            for (String permission : permissions) {
                PermissionDefinition definition = definitions.get(permission);
                if (definition == null || !whole && !definition.groupScoped()) {
                    continue;
                }
                if (whole) {
                    everywhere.add(permission);
                } else {
                    roots.computeIfAbsent(permission, p -> new HashSet<>()).add(grant.groupId());
                }
            }
        }
        Map<String, GroupScope> result = new HashMap<>();
        roots.forEach((permission, groups) -> result.put(permission, GroupScope.within(groups)));
        everywhere.forEach(permission -> result.put(permission, GroupScope.EVERYWHERE));
        return result;
    }
}
