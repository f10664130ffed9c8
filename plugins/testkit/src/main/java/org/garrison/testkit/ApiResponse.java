package org.garrison.testkit;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of the server's REST API.
 *
 * @param method  the request's method
 * @param path    the request's path (with query)
 * @param status  the HTTP status
 * @param headers the answer's headers
 * @param body    the body as text (empty for none)
 */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    /** The body parsed as JSON; a missing node ({@link JsonNode#isMissingNode()}) when it is empty or not JSON. */
    public JsonNode json() {
        return Json.parse(body);
    }

    /** The problem detail of a refusal, if the body is one. */
    public Optional<Problem> problem() {
        return Problem.of(status, headers.firstValue("Content-Type").orElse(null), json());
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * @return this answer, when its status is the expected one
     * @throws AssertionError naming the call, the status and the problem detail (or body) otherwise
     */
    public ApiResponse expect(int expectedStatus) {
        if (status != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + describe() + ", expected "
                    + expectedStatus);
        }
        return this;
    }

    /**
     * @return the parsed body, when the status is the expected one
     * @throws AssertionError otherwise, as {@link #expect(int)}
     */
    public JsonNode expectJson(int expectedStatus) {
        return expect(expectedStatus).json();
    }

    /** The status and the problem detail, or the body, in one line. */
    public String describe() {
        return problem().map(Problem::describe).orElse(status + (body.isEmpty() ? "" : " " + abbreviated(body)));
    }

    private static String abbreviated(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
