package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;

/**
 * What policies ask the group tree: where a group lies, whether it exists, its name for messages. Answered from the
 * groups area's in-memory tree.
 */
final class GroupPaths {

    private final GroupService groups;

    GroupPaths(GroupService groups) {
        this.groups = groups;
    }

    /**
     * The groups from the top of the tree down to the given one.
     *
     * @throws NotFoundException if there is no such group
     */
    List<UUID> path(UUID groupId) {
        List<AdministrationGroup> ancestors = groups.ancestors(groupId);
        List<UUID> path = new ArrayList<>(ancestors.size() + 1);
        ancestors.forEach(group -> path.add(group.id()));
        path.add(groupId);
        return path;
    }

    boolean exists(UUID id) {
        try {
            groups.get(id);
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    /** The group's name, or its id when it no longer exists. */
    String name(UUID id) {
        try {
            return groups.get(id).name();
        } catch (NotFoundException gone) {
            return id.toString();
        }
    }
}
