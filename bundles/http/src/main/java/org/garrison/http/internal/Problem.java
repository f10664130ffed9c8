package org.garrison.http.internal;

import java.util.List;

import org.garrison.api.error.FieldError;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem report, the body of every error answer.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong this time, for a person to read
 * @param errors for invalid input, every field that was refused and why
 * @param code   for refusals a client acts on in a particular way, a stable machine-readable reason, e.g.
 *               {@code csrf}, {@code change-password} or {@code accept-terms}
 */
@Schema(name = "Problem", description = "RFC 9457 problem report")
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        @Schema(description = "A stable reason a client can act on: csrf, change-password, accept-terms, ...")
        String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
