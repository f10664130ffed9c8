package org.garrison.sessions.internal.rest;

import javax.servlet.http.HttpServletRequest;

import org.garrison.api.security.Authenticator;

/**
 * The session cookie's {@code Set-Cookie} values. Written by hand because {@code NewCookie} of JAX-RS 2.1 knows no
 * {@code SameSite}.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    /** A cookie for the browser's session only (no Max-Age): the server ends it after its timeouts anyway. */
    static String open(String sessionId, boolean secure) {
        return Authenticator.SESSION_COOKIE + "=" + sessionId + attributes(secure);
    }

    static String cleared(boolean secure) {
        return Authenticator.SESSION_COOKIE + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + attributes(secure);
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Whether the browser reached us over HTTPS, directly or through a proxy that says so. */
    static boolean secure(HttpServletRequest request) {
        if (request == null) {
            return false;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return request.isSecure() || "https".equalsIgnoreCase(request.getScheme())
                || forwarded != null && "https".equalsIgnoreCase(forwarded.strip());
    }
}
