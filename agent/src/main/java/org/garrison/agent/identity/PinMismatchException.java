package org.garrison.agent.identity;

import java.security.cert.CertificateException;

/** The gateway's chain does not contain the CA the enrollment token pins: another server, or a man in the middle. */
public class PinMismatchException extends CertificateException {

    private static final long serialVersionUID = 1L;

    public PinMismatchException(String message) {
        super(message);
    }
}
