package org.garrison.gateway.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Actor;
import org.garrison.gateway.internal.enrollment.AgentDetails;

/**
 * Revokes every certificate of an agent; the machine must enroll again with a new token.
 */
@Command(scope = "garrison", name = "agent-revoke", description = "Revokes every certificate of an agent")
@Service
public class AgentRevokeCommand extends AgentDecisionCommand {

    @Option(name = "--reason", description = "Why, at most 100 characters (default: revoked)")
    String reason;

    @Override
    String name() {
        return "agent-revoke";
    }

    @Override
    AgentDetails decide(UUID agentId, Actor actor) {
        return agents.revoke(agentId, reason, actor);
    }
}
