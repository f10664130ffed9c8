package org.garrison.agent.transport;

/** The gateway could not be reached, or the connection broke before its answer arrived. */
public final class GatewayUnreachableException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public GatewayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "unreachable";
    }
}
