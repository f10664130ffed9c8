package org.garrison.api.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.security.PermissionDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Built-in and custom roles.
 */
@ProviderType
public interface RoleService {

    /** Every role, built-in ones first, then by name. */
    List<Role> all();

    /** @throws org.garrison.api.error.NotFoundException if there is no such role */
    Role get(UUID id);

    /** Every permission roles can hold now: the core ones and those of present plugins. */
    List<PermissionDefinition> permissions();

    /**
     * @throws org.garrison.api.error.ValidationException if a permission is unknown or the name empty
     * @throws org.garrison.api.error.ConflictException   if the name is taken
     */
    Role create(String name, String description, Set<String> permissions, Actor actor);

    /** @throws org.garrison.api.error.ConflictException if the role is built in */
    Role update(UUID id, String name, String description, Set<String> permissions, Actor actor);

    /** @throws org.garrison.api.error.ConflictException if the role is built in or still granted */
    void delete(UUID id, Actor actor);
}
