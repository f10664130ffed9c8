package org.garrison.gateway.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.AgentState;
import org.garrison.gateway.internal.enrollment.Agent;
import org.garrison.gateway.internal.enrollment.AgentRegistry;
import org.garrison.gateway.internal.enrollment.DeviceSelection;

/**
 * Lists enrolled agents, last enrolled first.
 */
@Command(scope = "garrison", name = "agent-list", description = "Lists enrolled Network Agents, last enrolled first")
@Service
public class AgentListCommand implements Action {

    @Reference
    AgentRegistry agents;

    @Option(name = "--state", description = "PENDING_APPROVAL, ACTIVE, REJECTED or REVOKED")
    String state;

    @Option(name = "-q", aliases = "--query", description = "The start of the host name or hardware id")
    String query;

    @Override
    public Object execute() {
        AgentState filter = DeviceSelection.state(state);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Host name");
        table.column("State");
        table.column("Version");
        table.column("Device");
        table.column("Enrolled");
        table.column("Last sync");
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Agent> found = agents.list(filter, query, page);
            for (Agent agent : found.items()) {
                table.addRow().addContent(agent.id(), agent.hostname(), agent.state(), agent.agentVersion(),
                        agent.deviceId() == null ? "-" : agent.deviceId(), agent.enrolledAt(),
                        agent.lastSyncAt() == null ? "never" : agent.lastSyncAt());
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
