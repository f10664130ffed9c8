package org.garrison.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Ids;
import org.garrison.api.security.ShellUser;
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

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "id", required = true, description = "The token's id")
    String id;

    @Override
    public Object execute() {
        shell.requireAdministrator("issue enrollment tokens, decide about agents or wake them");
        EnrollmentToken token = tokens.revoke(Ids.parse("id", id.strip()));
        shell.audit(NAME, "enrollment-token", token.id().toString());
        System.out.println("Revoked enrollment token " + token.id() + " (" + token.name() + ")");
        return null;
    }
}
