package org.garrison.accounts.internal.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.security.Caller;

/**
 * The signed-in caller of a self-service request.
 */
final class Callers {

    private Callers() {
    }

    /** The caller; the authentication filter lets only signed-in callers reach these methods. */
    static Caller require(SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        if (caller == null) {
            throw new NotAuthorizedException("Sign in first", "Bearer realm=\"garrison\"");
        }
        return caller;
    }
}
