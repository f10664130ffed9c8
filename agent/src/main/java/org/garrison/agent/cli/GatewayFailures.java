package org.garrison.agent.cli;

import org.garrison.agent.transport.GatewayException;
import org.garrison.agent.transport.GatewayRefusal;
import org.garrison.agent.transport.GatewayUnreachableException;
import org.garrison.agent.transport.ServerNotTrustedException;

/** Turns a failed call to the gateway into a message for the admin and an exit code. */
final class GatewayFailures {

    private GatewayFailures() {
    }

    static CliFailure explain(GatewayException failure) {
        if (failure instanceof ServerNotTrustedException untrusted) {
            String hint = untrusted.pinMismatch()
                    ? " Check --server (the Garrison gateway, port 13000) and that the token comes from that server."
                    : " The server's certificate does not chain to the CA received at enrollment.";
            return new CliFailure(ExitCodes.NOT_TRUSTED, failure.getMessage() + hint, failure);
        }
        if (failure instanceof GatewayRefusal refusal) {
            if (GatewayRefusal.TOKEN_REFUSED.equals(refusal.code())) {
                return new CliFailure(ExitCodes.REFUSED, "The server refused the enrollment token: "
                        + refusal.getMessage() + ". Ask an administrator for a new token.", failure);
            }
            if (refusal.revoked()) {
                return new CliFailure(ExitCodes.REVOKED, "The agent's certificate is revoked: " + refusal.getMessage()
                        + ". Enroll again with a new token.", failure);
            }
            return new CliFailure(ExitCodes.REFUSED, refusal.getMessage(), failure);
        }
        if (failure instanceof GatewayUnreachableException) {
            return new CliFailure(ExitCodes.UNREACHABLE, failure.getMessage()
                    + ". Check the address, the port (13000 by default) and the firewall.", failure);
        }
        return new CliFailure(ExitCodes.FAILED, failure.getMessage(), failure);
    }
}
