package org.garrison.gateway.internal.rest;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.ScopeCheck;
import org.garrison.gateway.internal.enrollment.FakeGroups;

/** Callers, their security context and scope checks over a group tree in memory. */
final class RestTesting {

    private RestTesting() {
    }

    /** A caller holding the enrollment permissions on the whole server and devices.write where given. */
    static Caller caller(String login, GroupScope devicesWrite) {
        Map<String, GroupScope> permissions = new HashMap<>();
        permissions.put(Permissions.ENROLLMENT_READ, GroupScope.EVERYWHERE);
        permissions.put(Permissions.ENROLLMENT_WRITE, GroupScope.EVERYWHERE);
        permissions.put(Permissions.DEVICES_WRITE, devicesWrite);
        return new Caller(new Actor(ActorKind.ACCOUNT, UUID.randomUUID().toString(), login), UUID.randomUUID(),
                login, AuthenticationMethod.SESSION, permissions, Set.of());
    }

    static SecurityContext as(Principal principal) {
        return (SecurityContext) Proxy.newProxyInstance(RestTesting.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> principal;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Scope checks as the groups area makes them: a scope holds in the subtrees of its roots. */
    static ScopeCheck scopes(FakeGroups groups) {
        return new ScopeCheck() {
            @Override
            public boolean contains(GroupScope scope, UUID groupId) {
                return scope.everywhere() || scope.roots().stream().anyMatch(root -> groups.subtree(root)
                        .contains(groupId));
            }

            @Override
            public Set<UUID> groupsWithin(GroupScope scope) {
                if (scope.everywhere()) {
                    return null;
                }
                Set<UUID> within = new LinkedHashSet<>();
                scope.roots().forEach(root -> within.addAll(groups.subtree(root)));
                return within;
            }

            @Override
            public void require(Caller caller, String permission, Set<UUID> groupIds) {
                GroupScope scope = caller.scope(permission);
                for (UUID groupId : groupIds) {
                    if (!contains(scope, groupId)) {
                        throw new ForbiddenException("outside the caller's groups: " + groupId);
                    }
                }
            }
        };
    }
}
