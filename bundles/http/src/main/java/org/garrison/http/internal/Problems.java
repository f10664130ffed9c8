package org.garrison.http.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Response.Status;

import org.garrison.api.error.ConflictException;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.GarrisonException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;

/**
 * Builds error answers, so every mapper and filter produces the same shape, status codes and headers.
 */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(problem)
                .build();
    }

    public static Response response(int status, String title, String detail) {
        return response(Problem.of(status, title, detail));
    }

    /** A refusal carrying a machine-readable {@code code} member, e.g. {@code csrf}. */
    public static Response response(int status, String title, String detail, String code) {
        return response(new Problem("about:blank", title, status, detail, null, code));
    }

    /** The answer to a domain exception: the one place that decides which status each refusal gets. */
    static Response of(GarrisonException exception) {
        if (exception instanceof ValidationException invalid) {
            return response(new Problem("about:blank", invalid.title(), 422, invalid.getMessage(), invalid.errors()));
        }
        int status = exception instanceof NotFoundException ? 404
                : exception instanceof ConflictException ? 409
                : exception instanceof ForbiddenException ? 403 : 400;
        return response(status, exception.title(), exception.getMessage());
    }

    /**
     * The answer to a refusal of the JAX-RS runtime (unknown path, wrong method, ...), keeping its status and
     * headers such as {@code Allow}.
     */
    static Response of(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response problem = response(status, title(status), detail(exception, status));
        if (original == null) {
            return problem;
        }
        Response.ResponseBuilder copy = Response.fromResponse(problem);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> copy.header(name, value));
            }
        });
        return copy.build();
    }

    private static String title(int status) {
        Status known = Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    private static String detail(WebApplicationException exception, int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation; this API produces application/json";
            case 415 -> "Unsupported content type; send application/json";
            default -> status >= 500 ? "The server failed to handle the request" : exception.getMessage();
        };
    }
}
