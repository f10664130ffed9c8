package org.garrison.agent.bridge;

/** A bridge request refused with a 4xx status and a problem report. */
final class BridgeRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    BridgeRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static BridgeRefusal invalid(String message) {
        return new BridgeRefusal(400, "invalid", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
