package org.garrison.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns the credentials of a request into a {@link Caller}: used by the server's authentication filter, implemented
 * by the sign-in area.
 */
@ProviderType
public interface Authenticator {

    /** The name of the session cookie. */
    String SESSION_COOKIE = "GARRISON_SESSION";

    /** The header that carries the session's CSRF token on state-changing calls. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * The caller of a live session, extending its idle timeout; empty when the session is unknown, signed out or
     * expired.
     */
    Optional<SessionCaller> session(String sessionCookie);

    /** The caller of a valid, unexpired, unrevoked API token; empty otherwise. */
    Optional<Caller> bearer(String token);

    /**
     * A session's caller together with the CSRF token state-changing calls of that session must carry.
     */
    record SessionCaller(Caller caller, String csrfToken) {
    }
}
