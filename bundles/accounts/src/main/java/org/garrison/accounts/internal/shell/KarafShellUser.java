package org.garrison.accounts.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import java.time.Clock;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.security.ShellUser;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The shell user as the Garrison realm (this bundle's JAAS module) signed them in: the Karaf shell runs each command
 * with the user's JAAS subject in the calling thread's access-control context. Shell users are not treated as
 * accounts here: their changes are attributed to the shell, a part of the server, with the shell user's name.
 */
@Component(service = ShellUser.class)
public class KarafShellUser implements ShellUser {

    private static final String MAIN_ADMINISTRATOR_ROLE = "admin";
    private static final Set<String> ADMINISTRATOR_ROLES = Set.of(MAIN_ADMINISTRATOR_ROLE, "manager");

    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog auditLog;

    public KarafShellUser() {
    }

    /** For the shell commands' tests in other areas, with an audit log of their own. */
    public KarafShellUser(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public Actor actor() {
        Subject subject = subject();
        String user = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(Principal::getName).findFirst().orElse(null);
        return new Actor(ActorKind.SYSTEM, "karaf-shell", user == null ? "karaf-shell" : "karaf-shell (" + user + ")");
    }

    @Override
    public void requireAdministrator(String action) {
        if (!holdsAnyOf(ADMINISTRATOR_ROLES)) {
            throw new ForbiddenException("Only administrators of the whole server (Karaf role manager or admin) may "
                    + action + " from the shell");
        }
    }

    @Override
    public void requireMainAdministrator(String action) {
        if (!holdsAnyOf(Set.of(MAIN_ADMINISTRATOR_ROLE))) {
            throw new ForbiddenException("Only main administrators (Karaf role admin) may " + action
                    + " from the shell");
        }
    }

    @Override
    public void audit(String command, String objectType, String objectId) {
        AuditLog log = auditLog;
        if (log != null) {
            log.record(new AuditEntry(null, clock.instant(), actor(), "shell garrison:" + command, objectType,
                    objectId, "", 200, null));
        }
    }

    private static boolean holdsAnyOf(Set<String> roles) {
        Subject subject = subject();
        return subject != null && subject.getPrincipals(RolePrincipal.class).stream()
                .anyMatch(role -> roles.contains(role.getName()));
    }

    @SuppressWarnings("removal") // the Karaf shell hands the user over through the access-control context
    private static Subject subject() {
        return Subject.getSubject(AccessController.getContext());
    }
}
