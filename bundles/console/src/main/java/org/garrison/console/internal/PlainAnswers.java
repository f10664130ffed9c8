package org.garrison.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/** The console's short non-file answers: redirects and plain-text errors, which must never be cached. */
final class PlainAnswers {

    private PlainAnswers() {
    }

    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", CachePolicy.NO_STORE);
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + '\n').getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", CachePolicy.NO_STORE);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
