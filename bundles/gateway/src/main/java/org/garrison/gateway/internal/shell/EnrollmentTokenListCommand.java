package org.garrison.gateway.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.gateway.internal.enrollment.EnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens;

/**
 * Lists enrollment tokens, newest first. Their secrets are never shown again.
 */
@Command(scope = "garrison", name = "enrollment-token-list", description = "Lists enrollment tokens, newest first")
@Service
public class EnrollmentTokenListCommand implements Action {

    @Reference
    EnrollmentTokens tokens;

    @Option(name = "--active", description = "Only the tokens agents may still enroll with")
    boolean activeOnly;

    @Override
    public Object execute() {
        Instant now = tokens.now();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("State");
        table.column("Uses");
        table.column("Group");
        table.column("Approval");
        table.column("Expires");
        table.column("Created by");
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<EnrollmentToken> found = tokens.list(activeOnly, page);
            for (EnrollmentToken token : found.items()) {
                table.addRow().addContent(token.id(), token.name(), token.stateAt(now).wireName(),
                        token.uses() + "/" + token.maxUses(), token.groupId(), token.requireApproval() ? "yes" : "no",
                        token.expiresAt(), token.createdBy().name());
            }
            if (!found.hasMore()) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor());
        }
        table.print(System.out);
        return null;
    }
}
