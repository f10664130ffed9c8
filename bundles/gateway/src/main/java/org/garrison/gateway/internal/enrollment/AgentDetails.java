package org.garrison.gateway.internal.enrollment;

import java.util.List;

/**
 * An agent with every certificate it was issued, newest first.
 */
public record AgentDetails(Agent agent, List<AgentCertificate> certificates) {

    public AgentDetails {
        certificates = List.copyOf(certificates);
    }
}
