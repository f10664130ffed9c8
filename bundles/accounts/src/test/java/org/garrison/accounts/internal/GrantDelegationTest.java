package org.garrison.accounts.internal;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantDelegationTest {

    @TempDir
    Path keys;

    private final Fakes.Groups groups = new Fakes.Groups();
    private RolesService roles;
    private GrantDelegation delegation;
    private UUID berlin;
    private UUID floor;
    private UUID paris;

    @BeforeEach
    void start() throws Exception {
        roles = new RolesService(TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader())
                .transactions(), new Fakes.Revisions(), new Fakes.Deletions(), Clock.systemUTC());
        delegation = new GrantDelegation(roles, groups);
        berlin = groups.add("Berlin");
        floor = groups.add(berlin, "Floor 1");
        paris = groups.add("Paris");
    }

    private static Caller caller(Map<String, GroupScope> permissions) {
        return new Caller(Actor.system("test"), UUID.randomUUID(), "someone", AuthenticationMethod.SESSION,
                permissions, Set.of());
    }

    @Test
    void theMainAdministratorMayGrantAnything() {
        Caller main = caller(roles.permissions().stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> GroupScope.EVERYWHERE)));
        assertDoesNotThrow(() -> delegation.requireMayGrant(main, List.of(AccountsService.mainAdministratorGrant(),
                new RoleGrant(BuiltInRole.ADMINISTRATOR.id(), floor))));
    }

    @Test
    void anAccountManagerCannotHandOutWhatTheyDoNotHold() {
        Role helpdesk = roles.create("Helpdesk", null, Set.of(Permissions.DEVICES_READ), Actor.system("test"));
        Caller manager = caller(Map.of(Permissions.ACCOUNTS_WRITE, GroupScope.EVERYWHERE,
                Permissions.DEVICES_READ, GroupScope.within(Set.of(berlin))));
        assertThrows(ForbiddenException.class, () -> delegation.requireMayGrant(manager,
                List.of(AccountsService.mainAdministratorGrant())));
        assertThrows(ForbiddenException.class, () -> delegation.requireMayGrant(manager,
                List.of(new RoleGrant(helpdesk.id(), MANAGED_DEVICES))));
        assertThrows(ForbiddenException.class, () -> delegation.requireMayGrant(manager,
                List.of(new RoleGrant(helpdesk.id(), paris))));
        assertDoesNotThrow(() -> delegation.requireMayGrant(manager, List.of(new RoleGrant(helpdesk.id(), berlin),
                new RoleGrant(helpdesk.id(), floor))));
        assertDoesNotThrow(() -> delegation.requireMayGrant(manager, List.of()));
        assertThrows(ForbiddenException.class, () -> delegation.requireMayGrant(null, List.of()));
    }

    @Test
    void unknownRolesAndGroupsAreLeftToTheAccountServiceToRefuse() {
        Caller manager = caller(Map.of(Permissions.ACCOUNTS_WRITE, GroupScope.EVERYWHERE));
        assertDoesNotThrow(() -> delegation.requireMayGrant(manager,
                List.of(new RoleGrant(UUID.randomUUID(), MANAGED_DEVICES),
                        new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), UUID.randomUUID()))));
    }
}
