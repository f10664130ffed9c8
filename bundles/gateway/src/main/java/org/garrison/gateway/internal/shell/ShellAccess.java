package org.garrison.gateway.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.error.ForbiddenException;

/**
 * Who acts from the Karaf shell, and whether they may change what agents do. Shell users are not Garrison accounts:
 * their changes are attributed to the shell as a part of the server, with the shell user's name. Issuing tokens and
 * deciding about agents lets machines in or out, so it needs the Karaf role {@code manager} or {@code admin}, which the
 * Garrison realm gives to administrators of the whole server (the holders of enrollment.write); waking agents needs
 * the same, as the shell cannot tell which groups a user's devices.write covers.
 */
final class ShellAccess {

    private static final Set<String> ADMINISTRATOR_ROLES = Set.of("admin", "manager");

    private ShellAccess() {
    }

    @SuppressWarnings("removal")
    static void requireAdministrator() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal && ADMINISTRATOR_ROLES.contains(principal.getName())) {
                    return;
                }
            }
        }
        throw new ForbiddenException("Only administrators of the whole server (Karaf role manager or admin) may "
                + "issue enrollment tokens, decide about agents or wake them from the shell");
    }

    /** The shell as the actor, named after the signed-in shell user when there is one. */
    @SuppressWarnings("removal")
    static Actor actor() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse(null);
        return new Actor(ActorKind.SYSTEM, "karaf-shell", user == null ? "karaf-shell" : "karaf-shell (" + user + ")");
    }
}
