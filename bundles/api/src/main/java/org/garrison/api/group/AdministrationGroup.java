package org.garrison.api.group;

import java.time.Instant;
import java.util.UUID;

/**
 * An administration group.
 *
 * @param id         the group's id
 * @param parentId   its parent, {@code null} for the two built-in top-level groups
 * @param name       its name, unique among its siblings (case-insensitively), 1–255 characters
 * @param createdAt  when it was created
 * @param modifiedAt when it was last renamed or moved
 */
public record AdministrationGroup(UUID id, UUID parentId, String name, Instant createdAt, Instant modifiedAt) {

    /** The root of the tree of managed devices. It cannot be renamed, moved or deleted. */
    public static final UUID MANAGED_DEVICES = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** Where new devices land, and where devices removed from a managed group go. It has no subgroups. */
    public static final UUID UNASSIGNED_DEVICES = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** The object type used in revision history and the deleted-objects registry. */
    public static final String OBJECT_TYPE = "administration-group";

    /** Whether this is one of the two groups the server creates itself. */
    public boolean builtIn() {
        return MANAGED_DEVICES.equals(id) || UNASSIGNED_DEVICES.equals(id);
    }
}
