package org.garrison.sessions.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.group.AdministrationGroup;

/**
 * The Karaf roles a Garrison account gets in the shell. Karaf's own commands are guarded by these names (see
 * {@code etc/org.apache.karaf.command.acl.*.cfg}): {@code admin} may change the running system, {@code manager}
 * manage it, {@code viewer} look; {@code ssh} lets the account in at all.
 */
public final class ShellRoles {

    private ShellRoles() {
    }

    /** The roles, or an empty set when the account holds no role at all (and so may not use the shell). */
    public static Set<String> of(Account account) {
        Set<String> roles = new LinkedHashSet<>();
        for (RoleGrant grant : account.grants()) {
            boolean everywhere = AdministrationGroup.MANAGED_DEVICES.equals(grant.groupId());
            if (everywhere && BuiltInRole.MAIN_ADMINISTRATOR.id().equals(grant.roleId())) {
                roles.addAll(Set.of("admin", "manager", "viewer", "systembundles", "ssh"));
            } else if (everywhere && BuiltInRole.ADMINISTRATOR.id().equals(grant.roleId())) {
                roles.addAll(Set.of("manager", "viewer", "ssh"));
            } else {
                roles.addAll(Set.of("viewer", "ssh"));
            }
        }
        return roles;
    }
}
