package org.garrison.accounts.internal.shell;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.garrison.api.error.ForbiddenException;

/**
 * Who may change accounts and keys from the Karaf shell: only shell users with the Karaf role {@code admin}, which
 * the Garrison realm gives to main administrators of the whole server (and Karaf gives to the local console). Any
 * account with a role may open the shell, so without this check an operator could create themselves a main
 * administrator.
 */
final class ShellAccess {

    static final String ADMIN_ROLE = "admin";

    private ShellAccess() {
    }

    @SuppressWarnings("removal")
    static void requireAdmin() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal && ADMIN_ROLE.equals(principal.getName())) {
                    return;
                }
            }
        }
        throw new ForbiddenException("Only main administrators (Karaf role admin) may change accounts or keys from "
                + "the shell");
    }
}
