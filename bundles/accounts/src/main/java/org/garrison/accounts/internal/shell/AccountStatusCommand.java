package org.garrison.accounts.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.security.ShellUser;

/**
 * Enables or disables an account; the two commands differ only in the status they set.
 */
abstract class AccountStatusCommand implements Action {

    @Reference
    private AccountService accounts;

    @Reference
    private ShellUser shell;

    @Argument(index = 0, name = "account", required = true, description = "The account's login or id")
    private String account;

    /** The status the command sets. */
    abstract boolean enabled();

    @Override
    public Object execute() {
        shell.requireMainAdministrator("change accounts or keys");
        Account target = AccountArgument.resolve(accounts, account);
        accounts.update(target.id(), new AccountUpdate(null, null, null, null, null, enabled(), null),
                ShellActor.current());
        System.out.println((enabled() ? "Enabled " : "Disabled ") + target.login());
        return null;
    }
}
