package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.garrison.api.account.Account;
import org.garrison.api.security.PendingStep;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdministratorTest {

    @TempDir
    Path directory;

    private AccountsService accounts;
    private Path passwordFile;

    @BeforeEach
    void start() throws Exception {
        Transactions database = TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader())
                .transactions();
        Fakes.Revisions revisions = new Fakes.Revisions();
        Fakes.Deletions deletions = new Fakes.Deletions();
        accounts = new AccountsService(database, revisions, deletions,
                Fakes.cipher(Files.createDirectory(directory.resolve("etc"))),
                new RolesService(database, revisions, deletions, Clock.systemUTC()), new Fakes.Groups(),
                new LegalTermsService(database, revisions, Clock.systemUTC()), Clock.systemUTC(), new SecureRandom(),
                AccountsServiceTest.CHEAP, PasswordPolicy.DEFAULT, true);
        passwordFile = directory.resolve("data").resolve(InitialAdministrator.FILE_NAME);
    }

    @Test
    void aGeneratedPasswordIsWrittenOwnerOnlyAndMustBeChanged() throws Exception {
        assertEquals(InitialAdministrator.Outcome.GENERATED,
                InitialAdministrator.createIfNone(accounts, null, passwordFile, new SecureRandom()));
        String password = Files.readString(passwordFile).strip();
        assertEquals(24, password.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        Account admin = accounts.verifyPassword("admin", password).orElseThrow();
        assertEquals(List.of(AccountsService.mainAdministratorGrant()), admin.grants());
        assertEquals(java.util.Set.of(PendingStep.CHANGE_PASSWORD), accounts.pendingSteps(admin.id()));
    }

    @Test
    void aSuppliedPasswordIsUsedWithoutForcedChangeAndNoFile() {
        assertEquals(InitialAdministrator.Outcome.SUPPLIED, InitialAdministrator.createIfNone(accounts,
                "automated install secret", passwordFile, new SecureRandom()));
        Account admin = accounts.verifyPassword("admin", "automated install secret").orElseThrow();
        assertFalse(admin.mustChangePassword());
        assertFalse(Files.exists(passwordFile));
    }

    @Test
    void aSuppliedPasswordThePolicyRefusesFallsBackToAGeneratedOne() {
        assertEquals(InitialAdministrator.Outcome.GENERATED,
                InitialAdministrator.createIfNone(accounts, "short", passwordFile, new SecureRandom()));
        assertTrue(Files.exists(passwordFile));
        assertTrue(accounts.verifyPassword("admin", "short").isEmpty());
    }

    @Test
    void nothingHappensWhenAccountsExist() throws Exception {
        InitialAdministrator.createIfNone(accounts, "automated install secret", passwordFile, new SecureRandom());
        assertEquals(InitialAdministrator.Outcome.EXISTING,
                InitialAdministrator.createIfNone(accounts, null, passwordFile, new SecureRandom()));
        assertFalse(Files.exists(passwordFile));
        assertEquals(1, accounts.list(org.garrison.api.PageRequest.first()).items().size());
    }
}
