package org.garrison.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Ids;
import org.garrison.api.audit.AuditLog;
import org.garrison.gateway.internal.enrollment.EnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens;

/**
 * Revokes an enrollment token for good. Agents that enrolled with it stay enrolled.
 */
@Command(scope = "garrison", name = "enrollment-token-revoke", description = "Revokes an enrollment token for good")
@Service
public class EnrollmentTokenRevokeCommand implements Action {

    static final String NAME = "enrollment-token-revoke";

    @Reference
    EnrollmentTokens tokens;

    @Reference(optional = true)
    AuditLog audit;

    @Argument(index = 0, name = "id", required = true, description = "The token's id")
    String id;

    @Override
    public Object execute() {
        ShellAccess.requireAdministrator();
        EnrollmentToken token = tokens.revoke(Ids.parse("id", id.strip()));
        ShellAudit.record(audit, NAME, "enrollment-token", token.id().toString());
        System.out.println("Revoked enrollment token " + token.id() + " (" + token.name() + ")");
        return null;
    }
}
