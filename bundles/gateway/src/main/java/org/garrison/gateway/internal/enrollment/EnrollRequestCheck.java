package org.garrison.gateway.internal.enrollment;

import java.util.ArrayList;
import java.util.List;

import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.ca.AgentCsr;

/**
 * Checks a whole enrollment request before the token is even looked up, and names every field at fault.
 */
final class EnrollRequestCheck {

    static final int MAX_HARDWARE_ID_LENGTH = 200;
    static final int MAX_HOSTNAME_LENGTH = 255;
    static final int MAX_AGENT_VERSION_LENGTH = 50;
    static final int MAX_DNS_DOMAIN_LENGTH = 255;
    static final int MAX_OS_NAME_LENGTH = 255;
    static final int MAX_ARCHITECTURE_LENGTH = 50;

    /** A request that passed: its token and signing request, parsed. */
    record Checked(EnrollRequest request, TokenText token, AgentCsr csr) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    private EnrollRequestCheck() {
    }

    /**
     * @throws GatewayRefusal {@code 400 invalid} with every field at fault
     */
    static Checked check(EnrollRequest request) {
        if (request == null) {
            throw invalid(List.of(new FieldError("", "an enrollment request is required")));
        }
        EnrollRequestCheck check = new EnrollRequestCheck();
        TokenText token = null;
        if (request.token() == null || request.token().isEmpty()) {
            check.errors.add(new FieldError("token", "is required"));
        } else {
            token = TokenText.parse(request.token()).orElse(null);
            if (token == null) {
                check.errors.add(new FieldError("token", "is not an enrollment token (ge1.<secret>.<ca-pin>)"));
            }
        }
        AgentCsr csr = null;
        try {
            csr = AgentCsr.parse(request.csr());
        } catch (ValidationException e) {
            check.errors.addAll(e.errors());
        }
        check.text("hardwareId", request.hardwareId(), MAX_HARDWARE_ID_LENGTH, true);
        HostFacts host = request.host();
        if (host == null) {
            check.errors.add(new FieldError("host", "is required"));
        } else {
            check.text("host.hostname", host.hostname(), MAX_HOSTNAME_LENGTH, true);
            check.text("host.agentVersion", host.agentVersion(), MAX_AGENT_VERSION_LENGTH, true);
            check.text("host.dnsDomain", host.dnsDomain(), MAX_DNS_DOMAIN_LENGTH, false);
            check.text("host.osName", host.osName(), MAX_OS_NAME_LENGTH, false);
            check.text("host.architecture", host.architecture(), MAX_ARCHITECTURE_LENGTH, false);
        }
        if (!check.errors.isEmpty()) {
            throw invalid(check.errors);
        }
        return new Checked(request, token, csr);
    }

    /** The fields of a renewal: only its signing request. */
    static AgentCsr checkCsr(String pem) {
        try {
            return AgentCsr.parse(pem);
        } catch (ValidationException e) {
            throw invalid(e.errors());
        }
    }

    private void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    private static GatewayRefusal invalid(List<FieldError> errors) {
        String message = errors.stream().map(e -> e.field().isEmpty() ? e.message() : e.field() + " " + e.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return new GatewayRefusal(400, "invalid", message, 0, errors);
    }
}
