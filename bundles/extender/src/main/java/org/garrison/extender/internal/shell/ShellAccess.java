package org.garrison.extender.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import java.time.Instant;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.error.ForbiddenException;

/**
 * Who acts from the Karaf shell, and whether they may change plugins. Installing a plugin runs its code in the
 * server, so it needs the Karaf role {@code manager} or {@code admin}, which the Garrison realm gives to
 * administrators of the whole server. The shell bypasses REST, so the commands record their changes in the audit log
 * themselves.
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
                + "change plugins from the shell");
    }

    /** The shell as the actor, named after the signed-in shell user when there is one. */
    @SuppressWarnings("removal")
    static Actor actor() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse(null);
        return new Actor(ActorKind.SYSTEM, "karaf-shell", user == null ? "karaf-shell" : "karaf-shell (" + user + ")");
    }

    /**
     * @param log     the audit log, or {@code null} while it is not running (nothing is recorded then)
     * @param command the command's name, e.g. {@code plugin-install}
     */
    static void audit(AuditLog log, String command, String pluginId) {
        if (log != null) {
            log.record(new AuditEntry(null, Instant.now(), actor(), "shell garrison:" + command, "plugin", pluginId,
                    "", 200, null));
        }
    }
}
