package org.garrison.sessions.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.sessions.internal.SignInService;

/**
 * Ends an account's sign-in back-off at once, e.g. after an attacker's guesses slowed the real person down.
 */
@Command(scope = "garrison", name = "signin-unlock", description = "Forgets an account's failed sign-ins, ending "
        + "its back-off")
@Service
public class SignInUnlockCommand implements Action {

    @Reference
    private SignInService signIn;

    @Argument(index = 0, name = "login", required = true, description = "The account's login (any case)")
    private String login;

    @Override
    public Object execute() {
        boolean hadFailures = signIn.unlock(login);
        System.out.println(hadFailures ? "Forgot the failed sign-ins of " + login
                : "No failed sign-ins recorded for " + login);
        return null;
    }
}
