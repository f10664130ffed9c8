package org.garrison.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem detail, as the server answers every refusal ({@code application/problem+json}).
 *
 * @param status the HTTP status
 * @param title  the status's title, e.g. "Unprocessable Entity"
 * @param detail what went wrong, for a person
 * @param code   the server's stable code, e.g. {@code invalid} or {@code csrf}, or {@code null}
 * @param errors for refused input: each offending field with its message
 */
public record Problem(int status, String title, String detail, String code, List<FieldProblem> errors) {

    /**
     * One refused field.
     *
     * @param field   the path of the field, e.g. {@code settings/greeting}
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {
    }

    public Problem {
        errors = List.copyOf(errors);
    }

    /** The problem an answer carries, if its body is one. */
    static Optional<Problem> of(int status, String contentType, JsonNode body) {
        boolean declared = contentType != null && contentType.startsWith("application/problem+json");
        if (!body.isObject() || !declared && !(body.has("title") && body.has("status"))) {
            return Optional.empty();
        }
        List<FieldProblem> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(new FieldProblem(e.path("field").asText(),
                e.path("message").asText())));
        return Optional.of(new Problem(body.path("status").asInt(status), text(body, "title"), text(body, "detail"),
                text(body, "code"), errors));
    }

    /** One line for a failure message: status, title, detail, code and every field error. */
    public String describe() {
        StringBuilder text = new StringBuilder().append(status);
        if (title != null) {
            text.append(' ').append(title);
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        if (code != null) {
            text.append(" [").append(code).append(']');
        }
        errors.forEach(e -> text.append("; ").append(e.field()).append(' ').append(e.message()));
        return text.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
