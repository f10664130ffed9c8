package org.garrison.api.account;

import java.util.Objects;
import java.util.UUID;

/**
 * A role granted on an administration-group subtree.
 *
 * @param roleId  the role
 * @param groupId the root of the subtree the role holds in; the root group "Managed devices" means the whole server
 */
public record RoleGrant(UUID roleId, UUID groupId) {

    public RoleGrant {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
