package org.garrison.accounts.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;

/**
 * The accounts area wired together over a fresh test database, for tests outside this package.
 */
public final class TestAccounts {

    public final AccountsService accounts;
    public final RolesService roles;
    public final DataCipher cipher;
    public final ConsoleSettingsService settings;
    public final LegalTermsService terms;
    public final GrantDelegation delegation;
    public final Fakes.Groups groups = new Fakes.Groups();

    public TestAccounts(Path keys) throws Exception {
        Transactions database = TestDatabase.withSchema("accounts", "db/accounts.sql",
                TestAccounts.class.getClassLoader()).transactions();
        Fakes.Revisions revisions = new Fakes.Revisions();
        Fakes.Deletions deletions = new Fakes.Deletions();
        cipher = Fakes.cipher(keys);
        roles = new RolesService(database, revisions, deletions, Clock.systemUTC());
        terms = new LegalTermsService(database, revisions, Clock.systemUTC());
        accounts = new AccountsService(database, revisions, deletions, cipher, roles, groups, terms,
                Clock.systemUTC(), new SecureRandom(), AccountsServiceTest.CHEAP, PasswordPolicy.DEFAULT, true);
        settings = new ConsoleSettingsService(database, Clock.systemUTC());
        delegation = new GrantDelegation(roles, groups);
    }

    public DataKeyRotation rotation() {
        DataKeyRotation rotation = new DataKeyRotation(cipher);
        rotation.addOwner(accounts);
        return rotation;
    }
}
