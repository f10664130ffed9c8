package org.garrison.agent.transport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway answered with an error: a problem report with its stable {@code code} (docs/agent-protocol.md,
 * "Errors").
 */
public final class GatewayRefusal extends GatewayException {

    private static final long serialVersionUID = 1L;

    public static final String APPROVAL_PENDING = "approval-pending";
    public static final String CERTIFICATE_REVOKED = "certificate-revoked";
    public static final String CERTIFICATE_REQUIRED = "certificate-required";
    public static final String TOKEN_REFUSED = "token-refused";
    public static final String TOO_LARGE = "too-large";
    public static final String MALFORMED = "malformed";
    public static final String INVALID = "invalid";

    private final int status;
    private final String code;
    private final transient Duration retryAfter;
    private final transient List<FieldProblem> errors;

    public GatewayRefusal(int status, String code, String detail, Duration retryAfter, List<FieldProblem> errors) {
        super("The gateway answered " + status + " " + code + (detail == null ? "" : ": " + detail), null);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    /** The wait the gateway asks for ({@code Retry-After}), if it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** For {@code invalid}: each refused field and why. */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** Whether the agent's certificate is revoked (or it was rejected): it must enroll again. */
    public boolean revoked() {
        return CERTIFICATE_REVOKED.equals(code);
    }

    /**
     * One refused field of an {@code invalid} request.
     *
     * @param field   the path of the field, e.g. {@code items[3].events[12].severity}
     * @param message why
     */
    public record FieldProblem(String field, String message) {
    }
}
