package org.garrison.accounts.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.accounts.internal.DataKeyRotation;
import org.garrison.api.security.ShellUser;

/**
 * Rotates the key that encrypts personal data and re-encrypts what every area stored under earlier keys.
 */
@Command(scope = "garrison", name = "data-key-rotate",
        description = "Adds a new data key, makes it current and re-encrypts stored personal data with it")
@Service
public class DataKeyRotateCommand implements Action {

    @Reference
    private DataKeyRotation rotation;

    @Reference
    private ShellUser shell;

    @Override
    public Object execute() {
        shell.requireMainAdministrator("change accounts or keys");
        DataKeyRotation.Report report = rotation.rotate();
        System.out.println("Data key " + report.newKey() + " is now current.");
        for (DataKeyRotation.OwnerResult owner : report.owners()) {
            System.out.println("  " + owner.owner() + ": " + (owner.error() == null
                    ? owner.reencrypted() + " value(s) re-encrypted"
                    : "FAILED (" + owner.error() + ")"));
        }
        System.out.println(report.complete()
                ? "Every area re-encrypted its data. Earlier keys stay in the keystore; back it up now."
                : "Some areas failed: fix the cause and run garrison:data-key-rotate again.");
        return null;
    }
}
