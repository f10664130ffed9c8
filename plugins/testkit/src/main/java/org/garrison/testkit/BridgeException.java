package org.garrison.testkit;

/**
 * The agent's local bridge did not accept a call: bad input ({@code 400}), the wrong secret ({@code 401}), an
 * unknown path or instruction ({@code 404}), a body too large ({@code 413}).
 */
public final class BridgeException extends TestKitException {

    private static final long serialVersionUID = 1L;

    private final transient BridgeClient.BridgeAnswer answer;

    BridgeException(BridgeClient.BridgeAnswer answer) {
        super(answer.method() + " " + answer.path() + " was refused by the agent's bridge with " + answer.status()
                + ": " + answer.body());
        this.answer = answer;
    }

    /** The bridge's answer. */
    public BridgeClient.BridgeAnswer answer() {
        return answer;
    }
}
