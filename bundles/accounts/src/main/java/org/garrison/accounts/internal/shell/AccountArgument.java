package org.garrison.accounts.internal.shell;

import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.error.NotFoundException;

/**
 * Resolves an account named on the command line by its login or id.
 */
final class AccountArgument {

    private AccountArgument() {
    }

    static Account resolve(AccountService accounts, String loginOrId) {
        if (loginOrId.length() == 36) {
            try {
                return accounts.get(java.util.UUID.fromString(loginOrId));
            } catch (IllegalArgumentException | NotFoundException e) {
                // not an id: try it as a login
            }
        }
        return accounts.byLogin(loginOrId).orElseThrow(() -> new NotFoundException("Account", loginOrId));
    }
}
