package org.garrison.accounts.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.AccountUpdate;

/**
 * Disables an account.
 */
@Command(scope = "garrison", name = "account-disable", description = "Disables an account")
@Service
public class AccountDisableCommand implements Action {

    @Reference
    private AccountService accounts;

    @Argument(index = 0, name = "account", required = true, description = "The account's login or id")
    private String account;

    @Override
    public Object execute() {
        ShellAccess.requireAdmin();
        Account target = AccountArgument.resolve(accounts, account);
        accounts.update(target.id(), new AccountUpdate(null, null, null, null, null, false, null),
                ShellActor.current());
        System.out.println("Disabled " + target.login());
        return null;
    }
}
