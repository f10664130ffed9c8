package org.garrison.gateway.internal;

import java.util.List;

import org.garrison.api.error.FieldError;

/**
 * A request the gateway refuses: answered as problem+json with the HTTP status, the protocol's stable code
 * (docs/agent-protocol.md, "Errors") and, for 429 and 503 and {@code approval-pending}, a {@code Retry-After}.
 */
public class GatewayRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final int retryAfterSeconds;
    private final transient List<FieldError> errors;

    public GatewayRefusal(int status, String code, String message) {
        this(status, code, message, 0, List.of());
    }

    public GatewayRefusal(int status, String code, String message, int retryAfterSeconds, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds for {@code Retry-After}, or 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The fields at fault, for {@code invalid}. */
    public List<FieldError> errors() {
        return errors;
    }
}
