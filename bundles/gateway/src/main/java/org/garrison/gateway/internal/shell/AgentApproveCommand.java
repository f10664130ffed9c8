package org.garrison.gateway.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Actor;
import org.garrison.gateway.internal.enrollment.AgentDetails;

/**
 * Lets an agent awaiting approval sync.
 */
@Command(scope = "garrison", name = "agent-approve", description = "Approves an agent awaiting approval")
@Service
public class AgentApproveCommand extends AgentDecisionCommand {

    @Override
    String name() {
        return "agent-approve";
    }

    @Override
    AgentDetails decide(UUID agentId, Actor actor) {
        return agents.approve(agentId, actor);
    }
}
