package org.garrison.api.policy;

import java.util.Set;
import java.util.UUID;

/**
 * Which policies to list; {@code null} criteria do not filter.
 *
 * @param groupId      policies attached to this group
 * @param application  policies of this application
 * @param state        policies in this state
 * @param invalid      {@code true}: only policies that no longer match their application's settings schema;
 *                     {@code false}: only the others
 * @param withinGroups only policies attached to one of these groups, e.g. the groups within a caller's scope
 *                     ({@code null}: no such restriction; empty: no policy at all)
 */
public record PolicyQuery(UUID groupId, String application, PolicyState state, Boolean invalid,
        Set<UUID> withinGroups) {

    public PolicyQuery {
        withinGroups = withinGroups == null ? null : Set.copyOf(withinGroups);
    }

    /** Every policy. */
    public static PolicyQuery all() {
        return new PolicyQuery(null, null, null, null, null);
    }

    /** This query restricted to policies in the given groups ({@code null}: not restricted). */
    public PolicyQuery within(Set<UUID> groups) {
        return new PolicyQuery(groupId, application, state, invalid, groups);
    }
}
