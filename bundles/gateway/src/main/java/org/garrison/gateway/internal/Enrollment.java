package org.garrison.gateway.internal;

import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.RenewRequest;

/**
 * Enrollment and certificate renewal, behind {@code /agent/v1/enroll} and {@code /agent/v1/renew}.
 */
public interface Enrollment {

    /**
     * Checks the token and the request, creates or finds the agent (by hardware id), signs the CSR and uses up the
     * token once, all in one transaction.
     *
     * @param remoteAddress the caller's address, for the audit log
     * @throws GatewayRefusal {@code 400 invalid} for a bad request or CSR, {@code 403 token-refused} for a token that
     *         is unknown, expired, revoked or used up
     */
    CertificateGrant enroll(EnrollRequest request, String remoteAddress);

    /**
     * Signs a new certificate for an enrolled agent.
     *
     * @throws GatewayRefusal {@code 400 invalid} for a bad CSR
     */
    CertificateGrant renew(AgentIdentity agent, RenewRequest request);
}
