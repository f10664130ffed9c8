package org.garrison.accounts.internal.shell;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.garrison.accounts.internal.GeneratedPassword;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.account.RoleService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.ShellUser;

/**
 * Creates an account. The password is asked for (twice, not echoed), or generated and printed once.
 */
@Command(scope = "garrison", name = "account-create", description = "Creates an account")
@Service
public class AccountCreateCommand implements Action {

    @Reference
    private AccountService accounts;

    @Reference
    private RoleService roles;

    @Reference
    private Session session;

    @Reference
    private ShellUser shell;

    @Argument(index = 0, name = "login", required = true, description = "The new account's login")
    private String login;

    @Option(name = "--role", multiValued = true,
            description = "A role (name or id) granted on the whole server; repeat for several")
    private List<String> roleNames;

    @Option(name = "--full-name", description = "The person's name")
    private String fullName;

    @Option(name = "--email", description = "The e-mail address")
    private String email;

    @Option(name = "--generate-password", description = "Generate a password and print it once instead of asking")
    private boolean generate;

    @Option(name = "--no-forced-change",
            description = "Do not make the holder change the password at the first sign-in")
    private boolean noForcedChange;

    @Override
    public Object execute() throws IOException {
        shell.requireMainAdministrator("change accounts or keys");
        List<RoleGrant> grants = new ArrayList<>();
        if (roleNames != null) {
            for (String name : roleNames) {
                grants.add(new RoleGrant(role(name).id(), AdministrationGroup.MANAGED_DEVICES));
            }
        }
        String password;
        if (generate) {
            password = GeneratedPassword.create(new SecureRandom(), login);
        } else {
            password = session.readLine("Password: ", '*');
            String again = session.readLine("Password again: ", '*');
            if (password == null || !password.equals(again)) {
                throw new ValidationException("password", "was not typed the same twice");
            }
        }
        Account created = accounts.create(new NewAccount(login, fullName, null, email, null, password,
                !noForcedChange, grants), ShellActor.current());
        System.out.println("Created account " + created.login() + " (" + created.id() + ")");
        if (generate) {
            System.out.println("Password (shown only now): " + password);
        }
        return null;
    }

    private Role role(String name) {
        return roles.all().stream()
                .filter(role -> role.name().equalsIgnoreCase(name) || role.id().toString().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Role", name));
    }
}
