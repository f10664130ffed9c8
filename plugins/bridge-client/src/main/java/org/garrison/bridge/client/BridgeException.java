package org.garrison.bridge.client;

/**
 * The agent's local bridge refused a call (status 4xx/5xx) or could not be reached (status 0).
 */
public final class BridgeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    BridgeException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Whether sending the same call again later may work (agent down or restarting, not a bad call). */
    public boolean retryable() {
        return status == 0 || status == 401 || status >= 500;
    }
}
