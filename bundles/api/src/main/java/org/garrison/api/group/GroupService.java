package org.garrison.api.group;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The administration-group tree. Changes are recorded in the revision history; deletions in the deleted-objects
 * registry.
 */
@ProviderType
public interface GroupService {

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    AdministrationGroup get(UUID id);

    /** Every group, parents before their children, siblings by name. */
    List<AdministrationGroup> all();

    /**
     * The group's direct subgroups, by name.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    List<AdministrationGroup> children(UUID id);

    /**
     * The group and all groups below it: what a "group subtree" filter means.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    Set<UUID> subtree(UUID id);

    /**
     * The group's ancestors, from the top-level group down to its parent.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    List<AdministrationGroup> ancestors(UUID id);

    /**
     * @throws org.garrison.api.error.NotFoundException if the parent does not exist
     * @throws org.garrison.api.error.ValidationException if the name is empty, too long or the parent is
     *         "Unassigned devices"
     * @throws org.garrison.api.error.ConflictException if a sibling has the same name
     */
    AdministrationGroup create(UUID parentId, String name, Actor actor);

    /**
     * @throws org.garrison.api.error.ConflictException for a built-in group or a name a sibling has
     */
    AdministrationGroup rename(UUID id, String name, Actor actor);

    /**
     * Moves the group with its whole subtree, and so with everything attached to it, under a new parent.
     *
     * @throws org.garrison.api.error.ConflictException for a built-in group, a move under itself or one of its
     *         descendants, or a name taken under the new parent
     */
    AdministrationGroup move(UUID id, UUID newParentId, Actor actor);

    /**
     * @throws org.garrison.api.error.ConflictException for a built-in group, or when the group has subgroups or
     *         members that the mode does not allow to delete
     */
    void delete(UUID id, GroupDeletion mode, Actor actor);
}
