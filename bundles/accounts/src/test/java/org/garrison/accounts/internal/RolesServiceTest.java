package org.garrison.accounts.internal;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.garrison.api.Actor;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.Permissions;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesServiceTest {

    private static final Actor ADMIN = Actor.system("test");

    @TempDir
    Path keys;

    private final Fakes.Revisions revisions = new Fakes.Revisions();
    private final Fakes.Deletions deletions = new Fakes.Deletions();
    private Transactions database;
    private RolesService roles;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader())
                .transactions();
        roles = new RolesService(database, revisions, deletions, Clock.systemUTC());
    }

    @Test
    void theBuiltInRolesComeFromTheChangelogWithTheirFixedIds() {
        List<Role> all = roles.all();
        assertEquals(List.of(BuiltInRole.MAIN_ADMINISTRATOR.id(), BuiltInRole.ADMINISTRATOR.id(),
                BuiltInRole.OPERATOR.id(), BuiltInRole.AUDITOR.id()), all.stream().map(Role::id).toList());
        assertTrue(all.stream().allMatch(Role::builtIn));
        assertEquals(Permissions.CORE.size(), all.get(0).permissions().size());
        assertEquals("Operator", roles.get(BuiltInRole.OPERATOR.id()).name());
    }

    @Test
    void pluginPermissionsJoinTheListAndTheMainAdministratorWhileThePluginIsThere() {
        PermissionDefinition scan = new PermissionDefinition("acme-av.scan", "acme-av", "Scan", true);
        org.garrison.api.security.PermissionProvider plugin = () -> List.of(scan);
        roles.addProvider(plugin);
        assertTrue(roles.permissions().contains(scan));
        assertTrue(roles.get(BuiltInRole.MAIN_ADMINISTRATOR.id()).permissions().contains("acme-av.scan"));
        assertTrue(roles.get(BuiltInRole.ADMINISTRATOR.id()).permissions().contains("acme-av.scan"));
        Role custom = roles.create("Scanners", "", Set.of("acme-av.scan"), ADMIN);
        assertEquals(Set.of("acme-av.scan"), custom.permissions());
        roles.removeProvider(plugin);
        assertEquals(Permissions.CORE, roles.permissions());
    }

    @Test
    void customRolesAreCreatedChangedAndDeletedWithRevisions() {
        Role helpdesk = roles.create("  Helpdesk ", "First line", Set.of(Permissions.DEVICES_READ), ADMIN);
        assertEquals("Helpdesk", helpdesk.name());
        assertEquals(helpdesk, roles.get(helpdesk.id()));
        assertEquals(helpdesk, roles.all().get(4));
        Role changed = roles.update(helpdesk.id(), "Helpdesk", "First line",
                Set.of(Permissions.DEVICES_READ, Permissions.TASKS_RUN), ADMIN);
        assertEquals(Set.of(Permissions.DEVICES_READ, Permissions.TASKS_RUN), changed.permissions());
        roles.delete(helpdesk.id(), ADMIN);
        assertThrows(NotFoundException.class, () -> roles.get(helpdesk.id()));
        assertEquals(List.of("created", "updated"), revisions.recorded.stream().map(r -> r.action()).toList());
        assertEquals("role", deletions.registered.get(0).object().type());
    }

    @Test
    void namesAreUniqueIgnoringCaseAndPermissionsMustBeKnown() {
        roles.create("Helpdesk", null, Set.of(), ADMIN);
        assertThrows(ConflictException.class, () -> roles.create("HELPDESK", null, Set.of(), ADMIN));
        assertThrows(ConflictException.class, () -> roles.create("operator", null, Set.of(), ADMIN));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> roles.create("Other", null, Set.of("devices.fly"), ADMIN));
        assertEquals("permissions", unknown.errors().get(0).field());
        assertThrows(ValidationException.class, () -> roles.create(" ", null, Set.of(), ADMIN));
    }

    @Test
    void customRolesAreRestoredFromRevisionsAndFromTheDeletedObjects() {
        Role helpdesk = roles.create("Helpdesk", "First line", Set.of(Permissions.DEVICES_READ), ADMIN);
        String created = revisions.recorded.get(0).snapshot();
        roles.update(helpdesk.id(), "Support", "", Set.of(Permissions.TASKS_RUN), ADMIN);
        org.garrison.api.audit.ObjectRef ref = new org.garrison.api.audit.ObjectRef("role", helpdesk.id());
        roles.restoreRevision(ref, created, ADMIN);
        assertEquals(helpdesk, roles.get(helpdesk.id()));
        roles.delete(helpdesk.id(), ADMIN);
        roles.restoreDeleted(ref, deletions.registered.get(0).snapshot(), ADMIN);
        assertEquals(helpdesk, roles.get(helpdesk.id()));
        assertThrows(ConflictException.class, () -> roles.restoreDeleted(ref, created, ADMIN));
        assertThrows(ConflictException.class, () -> roles.restoreRevision(
                new org.garrison.api.audit.ObjectRef("role", BuiltInRole.OPERATOR.id()), created, ADMIN));
    }

    @Test
    void builtInRolesCannotBeChangedOrDeleted() {
        assertThrows(ConflictException.class, () -> roles.update(BuiltInRole.OPERATOR.id(), "Operator", "",
                Set.of(), ADMIN));
        assertThrows(ConflictException.class, () -> roles.delete(BuiltInRole.AUDITOR.id(), ADMIN));
    }

    @Test
    void aGrantedRoleCannotBeDeleted() throws Exception {
        Role helpdesk = roles.create("Helpdesk", null, Set.of(Permissions.DEVICES_READ), ADMIN);
        AccountsService accounts = new AccountsService(database, revisions, deletions, Fakes.cipher(keys), roles,
                new Fakes.Groups(), new LegalTermsService(database, revisions, Clock.systemUTC()),
                Clock.systemUTC(), new SecureRandom(), AccountsServiceTest.CHEAP, PasswordPolicy.DEFAULT, true);
        Account jane = accounts.create(new NewAccount("jane", null, null, null, null, "correct horse battery", false,
                List.of(new RoleGrant(helpdesk.id(), MANAGED_DEVICES))), ADMIN);
        assertThrows(ConflictException.class, () -> roles.delete(helpdesk.id(), ADMIN));
        accounts.update(jane.id(), new AccountUpdate(null, null, null, null, null, null, List.of()), ADMIN);
        roles.delete(helpdesk.id(), ADMIN);
    }
}
