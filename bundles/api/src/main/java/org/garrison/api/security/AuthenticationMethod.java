package org.garrison.api.security;

/**
 * How a caller proved who they are.
 */
public enum AuthenticationMethod {
    /** A console session cookie; state-changing calls also need the session's CSRF token. */
    SESSION,
    /** A personal API token sent as {@code Authorization: Bearer}. */
    API_TOKEN,
    /** The Karaf shell (SSH or local console), through the Garrison JAAS realm. */
    SHELL
}
