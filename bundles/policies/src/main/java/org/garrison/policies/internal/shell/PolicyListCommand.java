package org.garrison.policies.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;

/**
 * Lists policies with the filters of {@code GET /api/v1/policies}.
 */
@Command(scope = "garrison", name = "policy-list", description = "Lists policies by name")
@Service
public class PolicyListCommand implements Action {

    @Reference
    private PolicyService policies;

    @Reference
    private GroupService groups;

    @Reference
    private Session session;

    @Option(name = "-a", aliases = "--application", description = "Only policies of this application (plugin id)")
    private String application;

    @Option(name = "-g", aliases = "--group", description = "Only policies attached to this group (id)")
    private String group;

    @Option(name = "-s", aliases = "--state", description = "ACTIVE, INACTIVE or OUT_OF_OFFICE")
    private String state;

    @Option(name = "--invalid", description = "Only policies that no longer match their settings schema")
    private boolean invalid;

    @Option(name = "-n", aliases = "--limit", description = "How many policies, at most 1000")
    private int limit = 50;

    @Option(name = "-c", aliases = "--cursor", description = "Continue after a previous listing's cursor")
    private String cursor;

    @Override
    public Object execute() {
        PolicyQuery query = new PolicyQuery(group == null ? null : Ids.parse("group", group), application,
                state == null ? null : PolicyState.valueOf(state.toUpperCase(java.util.Locale.ROOT)),
                invalid ? Boolean.TRUE : null, null);
        Page<Policy> page = policies.list(query, new PageRequest(limit, cursor == null ? null
                : Cursor.decode(cursor)));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name").maxSize(40);
        table.column("Application");
        table.column("Group").maxSize(30);
        table.column("State");
        table.column("Rev");
        table.column("Profiles");
        table.column("Problems");
        for (Policy policy : page.items()) {
            table.addRow().addContent(policy.id(), policy.name(), policy.application(),
                    PolicyText.groupName(groups, policy.groupId()), policy.state(), policy.revision(),
                    policy.profiles().size(), policy.problems().size());
        }
        PrintStream out = session.getConsole();
        table.print(out);
        out.println(page.total() + (page.total() == 1 ? " policy" : " policies"));
        if (page.hasMore()) {
            out.println("More: --cursor " + page.nextCursor());
        }
        return null;
    }
}
