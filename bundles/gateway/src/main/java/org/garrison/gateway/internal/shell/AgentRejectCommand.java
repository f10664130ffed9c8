package org.garrison.gateway.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Actor;
import org.garrison.gateway.internal.enrollment.AgentDetails;

/**
 * Refuses an agent awaiting approval; its certificates are revoked.
 */
@Command(scope = "garrison", name = "agent-reject", description = "Rejects an agent awaiting approval")
@Service
public class AgentRejectCommand extends AgentDecisionCommand {

    @Override
    String name() {
        return "agent-reject";
    }

    @Override
    AgentDetails decide(UUID agentId, Actor actor) {
        return agents.reject(agentId, actor);
    }
}
