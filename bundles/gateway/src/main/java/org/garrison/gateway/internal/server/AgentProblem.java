package org.garrison.gateway.internal.server;

import java.util.List;

import org.garrison.api.error.FieldError;

/**
 * An RFC 9457 problem report of the agent protocol, with its stable {@code code} (docs/agent-protocol.md, "Errors").
 *
 * @param type   {@code about:blank}: the code names the kind of problem
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param code   the protocol's stable code
 * @param errors for {@code invalid}, every field refused and why
 */
record AgentProblem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    static final String MEDIA_TYPE = "application/problem+json";

    static AgentProblem of(int status, String code, String detail, List<FieldError> errors) {
        return new AgentProblem("about:blank", title(code, status), status, detail, code,
                errors == null || errors.isEmpty() ? null : errors);
    }

    private static String title(String code, int status) {
        return switch (code) {
            case "malformed" -> "Malformed request";
            case "invalid" -> "Invalid input";
            case "certificate-required" -> "Client certificate required";
            case "token-refused" -> "Enrollment token refused";
            case "approval-pending" -> "Approval pending";
            case "certificate-revoked" -> "Certificate revoked";
            case "foreign-device" -> "Foreign device";
            case "not-found" -> "Not found";
            case "method-not-allowed" -> "Method not allowed";
            case "too-large" -> "Request too large";
            case "unsupported-media-type" -> "Unsupported media type";
            case "too-many-requests" -> "Too many requests";
            case "overloaded" -> "Server busy";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }
}
