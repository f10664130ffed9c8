package org.garrison.agent.transport;

import java.security.cert.CertificateException;

import org.garrison.agent.identity.PinMismatchException;

/** The TLS handshake failed because the server's certificate chain is not the one the agent trusts. */
public final class ServerNotTrustedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public ServerNotTrustedException(CertificateException reason) {
        super("The server is not trusted: " + reason.getMessage(), reason);
    }

    /** Whether the chain lacks the CA pinned by the enrollment token. */
    public boolean pinMismatch() {
        return getCause() instanceof PinMismatchException;
    }

    @Override
    public String code() {
        return pinMismatch() ? "pin-mismatch" : "server-not-trusted";
    }
}
