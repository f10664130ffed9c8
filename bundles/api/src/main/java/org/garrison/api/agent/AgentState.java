package org.garrison.api.agent;

/**
 * Where an enrolled agent stands with the server.
 */
public enum AgentState {
    /** Enrolled with a token that requires approval; it may not sync until an admin approves it. */
    PENDING_APPROVAL,
    /** Approved (or enrolled without approval): it syncs. */
    ACTIVE,
    /** An admin refused it; its certificate is revoked. */
    REJECTED,
    /** An admin revoked its certificate; it must enroll again with a new token. */
    REVOKED
}
