package org.garrison.accounts.internal.shell;

import java.security.SecureRandom;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.accounts.internal.GeneratedPassword;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.security.ShellUser;

/**
 * Gives an account a generated password, printed once, that must be changed at the next sign-in.
 */
@Command(scope = "garrison", name = "account-password-reset",
        description = "Sets a generated password (printed once) that must be changed at the next sign-in")
@Service
public class AccountPasswordResetCommand implements Action {

    @Reference
    private AccountService accounts;

    @Reference
    private ShellUser shell;

    @Argument(index = 0, name = "account", required = true, description = "The account's login or id")
    private String account;

    @Override
    public Object execute() {
        shell.requireMainAdministrator("change accounts or keys");
        Account target = AccountArgument.resolve(accounts, account);
        String password = GeneratedPassword.create(new SecureRandom(), target.login());
        accounts.resetPassword(target.id(), password, true, ShellActor.current());
        System.out.println("New password for " + target.login() + " (shown only now, must be changed at the next "
                + "sign-in): " + password);
        return null;
    }
}
