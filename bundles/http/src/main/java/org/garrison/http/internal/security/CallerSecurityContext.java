package org.garrison.http.internal.security;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;

/**
 * The security context of an authenticated call: its principal is the {@link Caller}, so resources get it with
 * {@code Caller.of(security.getUserPrincipal())}.
 */
final class CallerSecurityContext implements SecurityContext {

    /** {@link #getAuthenticationScheme()} of a call made with a session cookie. */
    static final String SESSION_SCHEME = "Session";
    /** {@link #getAuthenticationScheme()} of a call made with an API token. */
    static final String BEARER_SCHEME = "Bearer";

    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    /** A role here is a permission the caller holds somewhere. */
    @Override
    public boolean isUserInRole(String role) {
        return role != null && caller.has(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.method() == AuthenticationMethod.API_TOKEN ? BEARER_SCHEME : SESSION_SCHEME;
    }
}
