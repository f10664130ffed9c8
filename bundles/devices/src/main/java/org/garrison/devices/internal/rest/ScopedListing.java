package org.garrison.devices.internal.rest;

import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceQuery;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.ScopeCheck;

/**
 * Restricts a device listing to the groups where the caller may see devices.
 */
final class ScopedListing {

    private ScopedListing() {
    }

    /**
     * The query limited to the caller's groups for {@code devices.read}.
     *
     * @throws org.garrison.api.error.ForbiddenException if the query's group filter lies outside them
     */
    static DeviceQuery restrict(DeviceQuery query, Caller caller, ScopeCheck scopes) {
        return query.within(groupsWithin(query.groupId(), caller, scopes));
    }

    /**
     * The groups where the caller may see devices, or {@code null} when that is everywhere.
     *
     * @param groupId the group a listing is asked for, or {@code null}
     * @throws org.garrison.api.error.ForbiddenException if that group lies outside them
     */
    static Set<UUID> groupsWithin(UUID groupId, Caller caller, ScopeCheck scopes) {
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(Permissions.DEVICES_READ);
        Set<UUID> within = scopes.groupsWithin(scope);
        if (within != null && groupId != null) {
            scopes.require(caller, Permissions.DEVICES_READ, Set.of(groupId));
        }
        return within;
    }
}
