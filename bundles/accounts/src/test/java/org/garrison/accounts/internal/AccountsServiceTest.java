package org.garrison.accounts.internal;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.account.SecondFactorEnrolment;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.Permissions;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts against a real (in-memory Derby) database with this bundle's changelog, real encryption and cheap
 * Argon2id parameters.
 */
class AccountsServiceTest {

    static final PasswordHasher.Parameters CHEAP = new PasswordHasher.Parameters(1024, 1, 1);
    private static final Actor ADMIN = Actor.system("test");
    private static final String PASSWORD = "correct horse battery";
    private static final RoleGrant MAIN = AccountsService.mainAdministratorGrant();

    @TempDir
    Path keys;

    private final Fakes.Revisions revisions = new Fakes.Revisions();
    private final Fakes.Deletions deletions = new Fakes.Deletions();
    private final Fakes.Groups groups = new Fakes.Groups();
    private final MutableClock clock = new MutableClock();
    private DataSource dataSource;
    private Transactions database;
    private DataCipher cipher;
    private RolesService roles;
    private LegalTermsService terms;
    private AccountsService accounts;

    @BeforeEach
    void start() throws Exception {
        TestDatabase db = TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader());
        dataSource = db.dataSource();
        database = db.transactions();
        cipher = Fakes.cipher(keys);
        roles = new RolesService(database, revisions, deletions, clock);
        terms = new LegalTermsService(database, revisions, clock);
        accounts = service(CHEAP);
    }

    private AccountsService service(PasswordHasher.Parameters hashing) {
        return new AccountsService(database, revisions, deletions, cipher, roles, groups, terms, clock,
                new SecureRandom(), hashing, PasswordPolicy.DEFAULT, true);
    }

    private Account create(String login, RoleGrant... grants) {
        return accounts.create(new NewAccount(login, "Full " + login, "desc", login + "@example.com", "+49 30 1234",
                PASSWORD, false, List.of(grants)), ADMIN);
    }

    @Test
    void anAccountIsCreatedAndFoundByLoginIgnoringCase() {
        Account jane = create("Jane.Doe", MAIN);
        assertEquals("Jane.Doe", jane.login());
        assertEquals("Full Jane.Doe", jane.fullName());
        assertEquals(List.of(MAIN), jane.grants());
        assertTrue(jane.enabled());
        assertEquals(jane, accounts.get(jane.id()));
        assertEquals(jane, accounts.byLogin("  jane.doe ").orElseThrow());
        assertTrue(accounts.byLogin("john").isEmpty());
        assertThrows(ConflictException.class, () -> create("JANE.DOE"));
        assertThrows(NotFoundException.class, () -> accounts.get(UUID.randomUUID()));
    }

    @Test
    void personalFieldsAndSecretsAreNotReadableInTheDatabase() throws Exception {
        Account jane = create("jane", MAIN);
        accounts.beginSecondFactor(jane.id());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM ACCOUNTS_ACCOUNT")) {
            assertTrue(row.next());
            for (String column : List.of("LOGIN", "FULL_NAME", "DESCRIPTION", "EMAIL", "PHONE",
                    "TOTP_PENDING_SECRET")) {
                String stored = row.getString(column);
                assertTrue(stored.startsWith("g1:1:"), column + " = " + stored);
                assertFalse(stored.contains("jane") || stored.contains("desc") || stored.contains("1234"), column);
            }
            assertFalse(row.getString("LOGIN_KEY").contains("jane"));
            assertTrue(row.getString("PASSWORD_HASH").startsWith("$argon2id$"));
        }
    }

    @Test
    void revisionSnapshotsHoldNoPersonalFieldOrSecret() {
        Account jane = create("jane", MAIN);
        accounts.update(jane.id(), new AccountUpdate(null, "Jane Q. Doe", null, "q@example.com", null, null, null),
                ADMIN);
        accounts.resetPassword(jane.id(), "another fine password", true, ADMIN);
        assertEquals(List.of("created", "updated", "password-reset"),
                revisions.recorded.stream().map(r -> r.action()).toList());
        for (var revision : revisions.recorded) {
            assertEquals("account", revision.object().type());
            String snapshot = revision.snapshot();
            assertFalse(snapshot.contains("jane") || snapshot.contains("Doe") || snapshot.contains("example")
                    || snapshot.contains("argon") || snapshot.contains("password\":"), snapshot);
            assertTrue(snapshot.contains("\"grants\""), snapshot);
        }
        assertTrue(revisions.recorded.get(2).snapshot().contains("\"mustChangePassword\":true"));
    }

    @Test
    void profileFieldsAreValidatedAndEmptyStringsClearThem() {
        ValidationException refused = assertThrows(ValidationException.class, () -> accounts.create(
                new NewAccount("bad login", null, null, "not-an-address", "abc", PASSWORD, false, List.of()), ADMIN));
        assertEquals(List.of("login", "email", "phone"), refused.errors().stream().map(e -> e.field()).toList());
        Account jane = create("jane", MAIN);
        Account cleared = accounts.update(jane.id(), new AccountUpdate(null, "", null, "", null, null, null), ADMIN);
        assertEquals("", cleared.fullName());
        assertEquals("", cleared.email());
        assertEquals("+49 30 1234", cleared.phone());
    }

    @Test
    void listingIsOrderedByLoginAndPagesWithACursor() {
        for (String login : List.of("delta", "Alpha", "charlie", "bravo", "echo")) {
            create(login);
        }
        Page<Account> first = accounts.list(new PageRequest(2, null));
        assertEquals(List.of("Alpha", "bravo"), first.items().stream().map(Account::login).toList());
        assertEquals(5L, first.total());
        Page<Account> second = accounts.list(PageRequest.of(2, first.nextCursor()));
        assertEquals(List.of("charlie", "delta"), second.items().stream().map(Account::login).toList());
        Page<Account> last = accounts.list(PageRequest.of(2, second.nextCursor()));
        assertEquals(List.of("echo"), last.items().stream().map(Account::login).toList());
        assertNull(last.nextCursor());
    }

    @Test
    void grantsMustNameExistingRolesAndGroups() {
        ValidationException refused = assertThrows(ValidationException.class, () -> create("jane",
                new RoleGrant(UUID.randomUUID(), MANAGED_DEVICES), new RoleGrant(BuiltInRole.OPERATOR.id(),
                        UUID.randomUUID())));
        assertEquals(List.of("grants/0/roleId", "grants/1/groupId"),
                refused.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void theLastEnabledMainAdministratorCannotBeDeletedDisabledOrDemoted() {
        Account admin = create("admin", MAIN);
        assertThrows(ConflictException.class, () -> accounts.delete(admin.id(), ADMIN));
        assertThrows(ConflictException.class, () -> accounts.update(admin.id(),
                new AccountUpdate(null, null, null, null, null, false, null), ADMIN));
        assertThrows(ConflictException.class, () -> accounts.update(admin.id(),
                new AccountUpdate(null, null, null, null, null, null, List.of()), ADMIN));

        Account other = create("other", MAIN);
        accounts.update(other.id(), new AccountUpdate(null, null, null, null, null, false, null), ADMIN);
        assertThrows(ConflictException.class, () -> accounts.delete(admin.id(), ADMIN));

        accounts.update(other.id(), new AccountUpdate(null, null, null, null, null, true, null), ADMIN);
        accounts.delete(admin.id(), ADMIN);
        assertThrows(NotFoundException.class, () -> accounts.get(admin.id()));
        assertEquals(1, deletions.registered.size());
        assertEquals("account", deletions.registered.get(0).object().type());
        assertFalse(deletions.registered.get(0).snapshot().contains("admin"));
    }

    @Test
    void signInChecksPasswordAndEnabledState() {
        Account jane = create("jane", MAIN);
        create("other", MAIN);
        assertEquals(jane.id(), accounts.verifyPassword("JANE", PASSWORD).orElseThrow().id());
        assertTrue(accounts.verifyPassword("jane", "wrong password!").isEmpty());
        assertTrue(accounts.verifyPassword("nobody", PASSWORD).isEmpty());
        assertTrue(accounts.verifyPassword(null, null).isEmpty());
        accounts.update(jane.id(), new AccountUpdate(null, null, null, null, null, false, null), ADMIN);
        assertTrue(accounts.verifyPassword("jane", PASSWORD).isEmpty());
        assertTrue(accounts.permissions(jane.id(), null).isEmpty());
    }

    @Test
    void aSuccessfulSignInRehashesWithChangedParameters() throws Exception {
        Account jane = create("jane");
        String before = passwordHash(jane.id());
        assertTrue(before.contains("m=1024,t=1,p=1"));
        AccountsService stronger = service(new PasswordHasher.Parameters(2048, 2, 1));
        assertTrue(stronger.verifyPassword("jane", "wrong password!").isEmpty());
        assertEquals(before, passwordHash(jane.id()));
        assertTrue(stronger.verifyPassword("jane", PASSWORD).isPresent());
        assertTrue(passwordHash(jane.id()).contains("m=2048,t=2,p=1"));
        assertTrue(stronger.verifyPassword("jane", PASSWORD).isPresent());
    }

    private String passwordHash(UUID id) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT PASSWORD_HASH FROM ACCOUNTS_ACCOUNT WHERE ID = '" + id + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRefusesRecentOnes() {
        Account jane = accounts.create(new NewAccount("jane", null, null, null, null, PASSWORD, true, List.of()),
                ADMIN);
        assertEquals(Set.of(PendingStep.CHANGE_PASSWORD), accounts.pendingSteps(jane.id()));
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> accounts.changePassword(jane.id(), "not the password", "a brand new password"));
        assertEquals("currentPassword", wrong.errors().get(0).field());
        ValidationException reused = assertThrows(ValidationException.class,
                () -> accounts.changePassword(jane.id(), PASSWORD, PASSWORD));
        assertEquals("newPassword", reused.errors().get(0).field());
        assertThrows(ValidationException.class, () -> accounts.changePassword(jane.id(), PASSWORD, "short"));

        String current = PASSWORD;
        for (int i = 1; i <= 5; i++) {
            String next = "password number " + i;
            accounts.changePassword(jane.id(), current, next);
            current = next;
        }
        assertTrue(accounts.pendingSteps(jane.id()).isEmpty());
        String last = current;
        assertThrows(ValidationException.class, () -> accounts.changePassword(jane.id(), last, "password number 1"));
        accounts.changePassword(jane.id(), last, PASSWORD);
        assertTrue(accounts.verifyPassword("jane", PASSWORD).isPresent());
    }

    @Test
    void anAdministratorsResetForcesAChangeAndFollowsThePolicy() {
        Account jane = create("jane");
        assertThrows(ValidationException.class, () -> accounts.resetPassword(jane.id(), "jane-password-1", true,
                ADMIN));
        accounts.resetPassword(jane.id(), "temporary password", true, ADMIN);
        assertTrue(accounts.get(jane.id()).mustChangePassword());
        assertTrue(accounts.verifyPassword("jane", "temporary password").isPresent());
        assertTrue(accounts.verifyPassword("jane", PASSWORD).isEmpty());
    }

    @Test
    void permissionsFollowGrantsAndATokensRoleSubset() {
        UUID berlin = groups.add("Berlin");
        Account jane = create("jane", new RoleGrant(BuiltInRole.ADMINISTRATOR.id(), berlin),
                new RoleGrant(BuiltInRole.AUDITOR.id(), MANAGED_DEVICES));
        Map<String, GroupScope> all = accounts.permissions(jane.id(), null);
        assertEquals(GroupScope.within(Set.of(berlin)), all.get(Permissions.DEVICES_WRITE));
        assertEquals(GroupScope.EVERYWHERE, all.get(Permissions.DEVICES_READ));
        assertEquals(GroupScope.EVERYWHERE, all.get(Permissions.AUDIT_READ));

        Map<String, GroupScope> subset = accounts.permissions(jane.id(), Set.of(BuiltInRole.ADMINISTRATOR.id()));
        assertEquals(GroupScope.within(Set.of(berlin)), subset.get(Permissions.DEVICES_READ));
        assertFalse(subset.containsKey(Permissions.AUDIT_READ));

        groups.remove(berlin);
        assertFalse(accounts.permissions(jane.id(), null).containsKey(Permissions.DEVICES_WRITE));
    }

    @Test
    void termsArePendingOnceSomeArePublishedUntilTheCurrentVersionIsAccepted() {
        Account jane = create("jane");
        assertTrue(accounts.pendingSteps(jane.id()).isEmpty());
        terms.publish("2026-01", "Terms of use", "Be nice.", ADMIN);
        assertEquals(Set.of(PendingStep.ACCEPT_TERMS), accounts.pendingSteps(jane.id()));
        terms.accept(jane.id(), "2026-01");
        assertTrue(accounts.pendingSteps(jane.id()).isEmpty());
        terms.publish("2026-02", "Terms of use", "Be nicer.", ADMIN);
        assertEquals(Set.of(PendingStep.ACCEPT_TERMS), accounts.pendingSteps(jane.id()));
        assertTrue(new AccountsService(database, revisions, deletions, cipher, roles, groups, terms, clock,
                new SecureRandom(), CHEAP, PasswordPolicy.DEFAULT, false).pendingSteps(jane.id()).isEmpty());
    }

    @Test
    void aSecondFactorIsEnrolledConfirmedUsedOnceAndRemoved() {
        Account jane = create("jane");
        assertTrue(accounts.verifySecondFactor(jane.id(), null));
        SecondFactorEnrolment enrolment = accounts.beginSecondFactor(jane.id());
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Garrison%3Ajane?secret=" + enrolment.secret()
                + "&issuer=Garrison"));
        assertFalse(accounts.get(jane.id()).secondFactor());
        assertThrows(ValidationException.class, () -> accounts.confirmSecondFactor(jane.id(), "000000"));

        byte[] key = Totp.base32Decode(enrolment.secret());
        List<String> recovery = accounts.confirmSecondFactor(jane.id(), code(key, 0));
        assertEquals(10, recovery.size());
        assertTrue(recovery.stream().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}")));
        assertTrue(accounts.get(jane.id()).secondFactor());
        assertThrows(ConflictException.class, () -> accounts.beginSecondFactor(jane.id()));

        assertFalse(accounts.verifySecondFactor(jane.id(), code(key, 0)), "the confirming code is used up");
        assertFalse(accounts.verifySecondFactor(jane.id(), null));
        clock.advance(30);
        String next = code(key, 0);
        assertTrue(accounts.verifySecondFactor(jane.id(), next));
        assertFalse(accounts.verifySecondFactor(jane.id(), next));

        assertTrue(accounts.verifySecondFactor(jane.id(), recovery.get(3).toUpperCase()));
        assertFalse(accounts.verifySecondFactor(jane.id(), recovery.get(3)));
        assertFalse(accounts.verifySecondFactor(jane.id(), "abcde-fghjk"));

        assertThrows(ValidationException.class, () -> accounts.removeSecondFactor(jane.id(), "wrong password!",
                ADMIN));
        accounts.removeSecondFactor(jane.id(), PASSWORD, ADMIN);
        assertFalse(accounts.get(jane.id()).secondFactor());
        assertTrue(accounts.verifySecondFactor(jane.id(), "anything"));
    }

    private String code(byte[] key, long offset) {
        return Totp.code(key, Totp.step(clock.instant()) + offset, 6);
    }

    @Test
    void rotationReencryptsStaleValuesAndLoginsStillWork() throws Exception {
        Account jane = create("jane", MAIN);
        accounts.beginSecondFactor(jane.id());
        cipher.rotate();
        assertEquals(6, accounts.reencrypt(cipher), "five personal fields and the pending TOTP secret");
        assertEquals(0, accounts.reencrypt(cipher));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT LOGIN, EMAIL FROM ACCOUNTS_ACCOUNT")) {
            row.next();
            assertTrue(row.getString(1).startsWith("g1:2:"));
            assertTrue(row.getString(2).startsWith("g1:2:"));
        }
        assertEquals(jane, accounts.byLogin("jane").orElseThrow());
        assertTrue(accounts.verifyPassword("jane", PASSWORD).isPresent());
    }

    @Test
    void signingInIsRecorded() {
        Account jane = create("jane");
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        accounts.signedIn(jane.id(), at);
        assertEquals(at, accounts.get(jane.id()).lastSignIn());
        assertNotEquals(null, accounts.get(jane.id()).createdAt());
    }

    /** A clock the test moves on. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-15T12:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
