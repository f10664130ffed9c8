package org.garrison.agent.transport;

/** A call to the gateway failed: refused by it, or it could not be reached or trusted. */
public abstract sealed class GatewayException extends Exception
        permits GatewayRefusal, GatewayUnreachableException, ServerNotTrustedException {

    private static final long serialVersionUID = 1L;

    protected GatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The code to count this failure under (the protocol's problem code, or a name for the kind of failure). */
    public abstract String code();
}
