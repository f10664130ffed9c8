package org.garrison.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.group.AdministrationGroup;
import org.junit.jupiter.api.Test;

class ShellRolesTest {

    private static final UUID SUBGROUP = UUID.randomUUID();

    @Test
    void theMainAdministratorOnTheWholeServerGetsEveryKarafRole() {
        assertEquals(Set.of("admin", "manager", "viewer", "systembundles", "ssh"),
                ShellRoles.of(account(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(),
                        AdministrationGroup.MANAGED_DEVICES))));
    }

    @Test
    void anAdministratorOnTheWholeServerManagesButDoesNotAdminister() {
        assertEquals(Set.of("manager", "viewer", "ssh"), ShellRoles.of(account(
                new RoleGrant(BuiltInRole.ADMINISTRATOR.id(), AdministrationGroup.MANAGED_DEVICES))));
    }

    @Test
    void aScopedMainAdministratorOnlyViews() {
        assertEquals(Set.of("viewer", "ssh"), ShellRoles.of(account(
                new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), SUBGROUP))));
        assertEquals(Set.of("viewer", "ssh"), ShellRoles.of(account(
                new RoleGrant(BuiltInRole.AUDITOR.id(), AdministrationGroup.MANAGED_DEVICES))));
    }

    @Test
    void anAccountWithoutRolesGetsNone() {
        assertEquals(Set.of(), ShellRoles.of(account()));
    }

    private static Account account(RoleGrant... grants) {
        return new Account(UUID.randomUUID(), "someone", "", "", "", "", true, false, false, null, Instant.EPOCH,
                List.of(grants));
    }
}
