package org.garrison.api.security;

import java.util.Set;
import java.util.UUID;

/**
 * Where a caller holds a permission: everywhere, nowhere, or within the subtrees of some administration groups.
 *
 * @param everywhere whether the permission holds on the whole server
 * @param roots      the groups whose subtrees it holds in (empty when {@code everywhere})
 */
public record GroupScope(boolean everywhere, Set<UUID> roots) {

    public static final GroupScope NOWHERE = new GroupScope(false, Set.of());
    public static final GroupScope EVERYWHERE = new GroupScope(true, Set.of());

    public GroupScope {
        roots = everywhere || roots == null ? Set.of() : Set.copyOf(roots);
    }

    public static GroupScope within(Set<UUID> roots) {
        return roots.isEmpty() ? NOWHERE : new GroupScope(false, roots);
    }

    /** Whether the permission holds nowhere at all. */
    public boolean nowhere() {
        return !everywhere && roots.isEmpty();
    }
}
