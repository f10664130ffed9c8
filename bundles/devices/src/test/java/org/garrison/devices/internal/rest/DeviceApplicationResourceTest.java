package org.garrison.devices.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Actor;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.ScopeCheck;
import org.junit.jupiter.api.Test;

class DeviceApplicationResourceTest {

    private static final UUID INSIDE = UUID.randomUUID();
    private static final UUID OUTSIDE = UUID.randomUUID();

    /** The arguments of each call of {@code applicationSummaries}. */
    private final List<List<Object>> asked = new ArrayList<>();

    private final DeviceApplicationResource resource = new DeviceApplicationResource(
            (DeviceService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DeviceService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("applicationSummaries")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        asked.add(Arrays.asList(args));
                        return List.of();
                    }),
            new ScopeCheck() {
                @Override
                public boolean contains(GroupScope scope, UUID groupId) {
                    return scope.everywhere() || scope.roots().contains(groupId);
                }

                @Override
                public Set<UUID> groupsWithin(GroupScope scope) {
                    return scope.everywhere() ? null : scope.roots();
                }

                @Override
                public void require(Caller caller, String permission, Set<UUID> groupIds) {
                    if (!groupIds.stream().allMatch(g -> contains(caller.scope(permission), g))) {
                        throw new ForbiddenException("outside");
                    }
                }
            });

    private static SecurityContext holding(GroupScope devicesRead) {
        Caller caller = new Caller(Actor.system("test"), UUID.randomUUID(), "someone", AuthenticationMethod.SESSION,
                Map.of(Permissions.DEVICES_READ, devicesRead), Set.of());
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Session";
            }
        };
    }

    @Test
    void countsEveryDeviceForACallerWhoSeesAllWithThirtyDaysByDefault() {
        DeviceBodies.ApplicationSummaries answer = resource.summarise(null, null, holding(GroupScope.EVERYWHERE));
        assertEquals(30, answer.expiringWithinDays());
        assertEquals(List.of(Arrays.asList(null, null, Duration.ofDays(30))), asked);

        assertEquals(365, resource.summarise(OUTSIDE.toString(), " 365 ", holding(GroupScope.EVERYWHERE))
                .expiringWithinDays());
        assertEquals(Arrays.asList(OUTSIDE, null, Duration.ofDays(365)), asked.get(1));
    }

    @Test
    void aScopedCallerCountsOnlyTheDevicesInItsGroupsAndMayNotAskForAnotherGroup() {
        SecurityContext scoped = holding(GroupScope.within(Set.of(INSIDE)));
        resource.summarise(null, "1", scoped);
        assertEquals(Arrays.asList(null, Set.of(INSIDE), Duration.ofDays(1)), asked.get(0));
        resource.summarise(INSIDE.toString(), null, scoped);
        assertEquals(Arrays.asList(INSIDE, Set.of(INSIDE), Duration.ofDays(30)), asked.get(1));

        assertThrows(ForbiddenException.class, () -> resource.summarise(OUTSIDE.toString(), null, scoped));
        assertEquals(2, asked.size());
    }

    @Test
    void malformedParametersAreRefusedNamingThem() {
        SecurityContext admin = holding(GroupScope.EVERYWHERE);
        for (String days : List.of("0", "366", "-1", "abc", "7.5", "99999999999")) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> resource.summarise(null, days, admin), days);
            assertEquals("expiringWithinDays", refused.errors().get(0).field(), days);
        }
        ValidationException group = assertThrows(ValidationException.class,
                () -> resource.summarise("not-a-group", null, admin));
        assertEquals("group", group.errors().get(0).field());
        assertEquals(List.of(), asked);
    }
}
