package org.garrison.api.account;

import java.util.Set;
import java.util.UUID;

/**
 * A named set of permissions.
 *
 * @param id          stable id (the built-in roles have fixed ids, see {@link BuiltInRole})
 * @param name        unique name
 * @param description what the role is for
 * @param builtIn     whether it is one of the built-in roles, which cannot be changed or deleted
 * @param permissions the permission ids (see {@link org.garrison.api.security.Permissions})
 */
public record Role(UUID id, String name, String description, boolean builtIn, Set<String> permissions) {

    public Role {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
