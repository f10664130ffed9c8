package org.garrison.sessions.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.garrison.sessions.internal.SignInService.Refused;

/**
 * Refused sign-ins as RFC 9457 problem reports, with the {@code code} member the console acts on and
 * {@code Retry-After} for the back-off.
 */
final class ProblemAnswers {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemAnswers() {
    }

    static Response of(Refused refused) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refused.status() == 429 ? "Too many requests" : "Unauthorized");
        problem.put("status", refused.status());
        problem.put("detail", refused.detail());
        problem.put("code", refused.code());
        Response.ResponseBuilder answer = Response.status(refused.status()).type(MEDIA_TYPE)
                .header("Cache-Control", "no-store").entity(problem);
        if (refused.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer realm=\"garrison\"");
        }
        if (refused.retryAfter() != null) {
            answer.header("Retry-After", Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
        }
        return answer.build();
    }
}
