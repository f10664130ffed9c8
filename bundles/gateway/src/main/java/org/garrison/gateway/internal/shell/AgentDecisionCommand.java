package org.garrison.gateway.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.security.ShellUser;
import org.garrison.gateway.internal.enrollment.AgentDetails;
import org.garrison.gateway.internal.enrollment.AgentRegistry;

/**
 * What approving, rejecting and revoking an agent from the shell share: the access check, the agent argument, the
 * audit record and the answer.
 */
abstract class AgentDecisionCommand implements Action {

    @Reference
    AgentRegistry agents;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "id", required = true, description = "The agent's id")
    String id;

    @Override
    public Object execute() {
        shell.requireAdministrator("issue enrollment tokens, decide about agents or wake them");
        AgentDetails decided = decide(Ids.parse("id", id.strip()), shell.actor());
        shell.audit(name(), "agent", decided.agent().id().toString());
        System.out.println("Agent " + decided.agent().id() + " (" + decided.agent().hostname() + ") is now "
                + decided.agent().state());
        return null;
    }

    /** The command's name, for the audit log. */
    abstract String name();

    abstract AgentDetails decide(UUID agentId, Actor actor);
}
