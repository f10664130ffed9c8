package org.garrison.accounts.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Disables an account.
 */
@Command(scope = "garrison", name = "account-disable", description = "Disables an account")
@Service
public class AccountDisableCommand extends AccountStatusCommand {

    @Override
    boolean enabled() {
        return false;
    }
}
