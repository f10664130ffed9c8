package org.garrison.api.group;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Objects of one kind that belong to administration groups (devices, policies, tasks...). Registered as an OSGi
 * service by the area owning them; the groups area calls it, inside its own transaction, to count members and to
 * release them when groups are deleted.
 */
@ConsumerType
public interface GroupMembers {

    /** What the members are, in the admin's words and plural, e.g. "devices". */
    String kind();

    /** The number of members directly in each of the given groups (groups without members may be left out). */
    Map<UUID, Long> countByGroup(Set<UUID> groupIds);

    /**
     * The groups are being deleted: detach the members (devices move to "Unassigned devices"; policies and tasks
     * attached to the groups are deleted with them).
     */
    void release(Set<UUID> groupIds, Actor actor);
}
