package org.garrison.accounts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.account.Account;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PermissionDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Nobody hands out more than they hold. A caller with {@code accounts.write} may grant a role on a group only if they
 * hold each of the role's permissions there themselves, and may change, reset or delete an account only if they hold
 * everything that account's grants give. Without this, a custom role with {@code accounts.write} could grant itself
 * "Main administrator" or take over the main administrator's account through a password reset.
 */
@Component(service = GrantDelegation.class)
public class GrantDelegation {

    private final RolesService roles;
    private final GroupService groups;

    @Activate
    public GrantDelegation(@Reference RolesService roles, @Reference GroupService groups) {
        this.roles = roles;
        this.groups = groups;
    }

    /**
     * @throws ForbiddenException unless the caller holds every permission of every grant where it is granted
     */
    public void requireMayGrant(Caller caller, List<RoleGrant> grants) {
        if (caller == null) {
            throw new ForbiddenException("Only a signed-in caller can grant roles");
        }
        if (grants == null || grants.isEmpty()) {
            return;
        }
        Map<UUID, Set<String>> byRole = roles.permissionsByRole();
        Map<String, Boolean> scoped = new HashMap<>();
        for (PermissionDefinition definition : roles.permissions()) {
            scoped.put(definition.id(), definition.groupScoped());
        }
        Set<UUID> existingGroups = new HashSet<>();
        groups.all().forEach(group -> existingGroups.add(group.id()));
        List<String> missing = new ArrayList<>();
        for (RoleGrant grant : grants) {
            if (grant == null) {
                continue;
            }
            Set<String> permissions = byRole.get(grant.roleId());
            if (permissions == null || !existingGroups.contains(grant.groupId())) {
                continue;
            }
            Set<UUID> path = pathTo(grant.groupId());
            for (String permission : permissions) {
                if (!scoped.containsKey(permission)) {
                    continue;
                }
                GroupScope held = caller.scope(permission);
                boolean whole = AdministrationGroup.MANAGED_DEVICES.equals(grant.groupId());
                boolean holds = held.everywhere()
                        || !whole && scoped.get(permission) && held.roots().stream().anyMatch(path::contains);
                if (!holds && !missing.contains(permission)) {
                    missing.add(permission);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ForbiddenException("You cannot grant or take over permissions you do not hold yourself where "
                    + "they would apply: " + String.join(", ", missing.stream().sorted().toList()));
        }
    }

    /** Refuses unless the caller holds everything the account's current grants give. */
    public void requireMayManage(Caller caller, Account account) {
        requireMayGrant(caller, account.grants());
    }

    private Set<UUID> pathTo(UUID groupId) {
        Set<UUID> path = new HashSet<>();
        path.add(groupId);
        groups.ancestors(groupId).forEach(ancestor -> path.add(ancestor.id()));
        return path;
    }
}
