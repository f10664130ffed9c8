package org.garrison.gateway.internal.enrollment;

import java.util.Locale;

/**
 * Where an enrollment token stands, derived from its uses, expiry and revocation.
 */
public enum TokenState {
    /** Agents may enroll with it. */
    ACTIVE,
    /** Past its expiry. */
    EXPIRED,
    /** Used as often as it allows. */
    USED_UP,
    /** Revoked by an admin, for good. */
    REVOKED;

    /** The name on the wire and in messages: {@code active}, {@code expired}, {@code used-up}, {@code revoked}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
