package org.garrison.api.security;

import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers whether groups lie within a caller's scope, for the checks a filter cannot make from the request line
 * alone (bulk actions naming several objects in their body, listings).
 */
@ProviderType
public interface ScopeCheck {

    /** Whether the group lies within one of the scope's subtrees. */
    boolean contains(GroupScope scope, UUID groupId);

    /**
     * Every group within the scope, for a listing to filter on; {@code null} when the scope is everywhere (no filter
     * needed).
     */
    Set<UUID> groupsWithin(GroupScope scope);

    /**
     * Refuses with {@link org.garrison.api.error.ForbiddenException} unless every group lies within the caller's
     * scope for the permission.
     */
    void require(Caller caller, String permission, Set<UUID> groupIds);
}
