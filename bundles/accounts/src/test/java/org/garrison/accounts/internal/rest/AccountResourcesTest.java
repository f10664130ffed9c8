package org.garrison.accounts.internal.rest;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.SecurityContext;

import org.garrison.accounts.internal.TestAccounts;
import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.Permissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The resources' own logic (settings parsing, who may manage whom), called as the JAX-RS runtime would.
 */
class AccountResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RoleGrant MAIN = new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), MANAGED_DEVICES);

    @TempDir
    Path keys;

    private TestAccounts area;
    private Account admin;

    @BeforeEach
    void start() throws Exception {
        area = new TestAccounts(keys);
        admin = area.accounts.create(new NewAccount("admin", null, null, null, null, "correct horse battery", true,
                List.of(MAIN)), Actor.system("test"));
    }

    private SecurityContext as(Account account, Map<String, GroupScope> permissions) {
        Caller caller = new Caller(new Actor(ActorKind.ACCOUNT, account.id().toString(), account.login()),
                account.id(), account.login(), AuthenticationMethod.SESSION, permissions, Set.of());
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
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Session";
            }
        };
    }

    private Map<String, GroupScope> everything() {
        return area.roles.permissions().stream().collect(Collectors.toMap(p -> p.id(), p -> GroupScope.EVERYWHERE));
    }

    @Test
    void meAnswersTheAccountTheCallersPermissionsAndFreshPendingSteps() {
        MeResource me = new MeResource(area.accounts, area.settings);
        AccountViews.MeView view = me.me(as(admin, everything()));
        assertEquals(admin.id(), view.account().id());
        assertEquals(GroupScope.EVERYWHERE, view.permissions().get(Permissions.ACCOUNTS_WRITE));
        assertEquals(Set.of(PendingStep.CHANGE_PASSWORD), view.pendingSteps());
    }

    @Test
    void settingsWithUnknownKeysOrWrongTypesAreRefusedWith422() throws Exception {
        MeResource me = new MeResource(area.accounts, area.settings);
        SecurityContext security = as(admin, everything());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> me.putSettings(JSON.readTree("{\"theme\":\"dark\",\"colour\":\"red\"}"), security));
        assertEquals("colour", unknown.errors().get(0).field());
        ValidationException wrongType = assertThrows(ValidationException.class,
                () -> me.putSettings(JSON.readTree("{\"theme\":5}"), security));
        assertEquals("theme", wrongType.errors().get(0).field());
        assertThrows(ValidationException.class, () -> me.putSettings(JSON.readTree("[]"), security));
        assertThrows(ValidationException.class, () -> me.putSettings(JSON.readTree(
                "{\"trainingProgress\":{\"x\":\"" + "y".repeat(70_000) + "\"}}"), security));
        assertEquals("dark", me.putSettings(JSON.readTree("{\"theme\":\"dark\"}"), security).theme());
        assertEquals("dark", me.getSettings(security).theme());
    }

    @Test
    void anAccountManagerCannotPromoteAnyoneOrTakeOverAMainAdministrator() {
        Account manager = area.accounts.create(new NewAccount("manager", null, null, null, null,
                "correct horse battery", false, List.of()), Actor.system("test"));
        SecurityContext limited = as(manager, Map.of(Permissions.ACCOUNTS_WRITE, GroupScope.EVERYWHERE,
                Permissions.ACCOUNTS_READ, GroupScope.EVERYWHERE));
        AccountResource resource = new AccountResource(area.accounts, area.delegation);
        assertThrows(ForbiddenException.class, () -> resource.create(new AccountViews.CreateRequest("mallory", null,
                null, null, null, "correct horse battery", false, List.of(MAIN)), limited, null));
        assertThrows(ForbiddenException.class, () -> resource.resetPassword(admin.id().toString(),
                new AccountViews.PasswordResetRequest("taken over password", false), limited));
        assertThrows(ForbiddenException.class, () -> resource.update(manager.id().toString(),
                new AccountViews.PatchRequest(null, null, null, null, null, null, List.of(MAIN)), limited));
        assertThrows(ForbiddenException.class, () -> resource.delete(admin.id().toString(), limited));
        assertTrue(area.accounts.byLogin("mallory").isEmpty());
        assertTrue(area.accounts.get(manager.id()).grants().isEmpty());

        assertEquals("Manager", resource.update(manager.id().toString(), new AccountViews.PatchRequest(null,
                "Manager", null, null, null, null, null), limited).fullName());
        SecurityContext main = as(admin, everything());
        assertFalse(resource.update(manager.id().toString(), new AccountViews.PatchRequest(null, null, null, null,
                null, null, List.of(MAIN)), main).grants().isEmpty());
    }
}
