package org.garrison.console.internal;

import javax.servlet.http.HttpServletResponse;

/**
 * Headers every console answer carries. The policy allows only what the built app loads from the server itself:
 * scripts and style sheets as files (React and PatternFly set inline styles through the CSSOM, which a policy does not
 * restrict), fonts, images including the {@code data:} URLs in PatternFly's style sheets, and API calls to the same
 * origin. Plugin pages are ES modules served below {@code /console/plugins/}, so {@code 'self'} covers them too.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    static void applyTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
