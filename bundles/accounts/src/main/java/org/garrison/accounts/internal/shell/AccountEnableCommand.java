package org.garrison.accounts.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Enables an account.
 */
@Command(scope = "garrison", name = "account-enable", description = "Enables an account")
@Service
public class AccountEnableCommand extends AccountStatusCommand {

    @Override
    boolean enabled() {
        return true;
    }
}
