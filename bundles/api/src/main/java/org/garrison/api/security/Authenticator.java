package org.garrison.api.security;

import java.util.Optional;
import java.util.UUID;

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
     * Ends the account's sessions on every node, e.g. after its password was changed or reset, so whoever knew the
     * old password is signed out. API tokens are separate credentials and stay valid.
     *
     * @param keepSessionCookie a session to keep (the one that changed its own password), or {@code null}
     * @return how many sessions were ended
     */
    int endSessions(UUID accountId, String keepSessionCookie);

    /**
     * A session's caller together with the CSRF token state-changing calls of that session must carry.
     */
    record SessionCaller(Caller caller, String csrfToken) {
    }
}
