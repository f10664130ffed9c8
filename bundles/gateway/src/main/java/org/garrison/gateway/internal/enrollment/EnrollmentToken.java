package org.garrison.gateway.internal.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * An enrollment token as stored: never its secret.
 *
 * @param id              its id
 * @param name            what it is for, 1–100 characters
 * @param groupId         the group the devices of agents enrolling with it are created in
 * @param requireApproval whether agents enrolling with it wait for an admin's approval
 * @param maxUses         how many enrollments it allows
 * @param uses            how many it has had
 * @param expiresAt       when it stops working
 * @param createdAt       when it was created
 * @param createdBy       who created it
 * @param revokedAt       when an admin revoked it, or {@code null}
 */
public record EnrollmentToken(UUID id, String name, UUID groupId, boolean requireApproval, int maxUses, int uses,
        Instant expiresAt, Instant createdAt, Actor createdBy, Instant revokedAt) {

    /** The token's state at the given time. */
    public TokenState stateAt(Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        if (uses >= maxUses) {
            return TokenState.USED_UP;
        }
        return now.isBefore(expiresAt) ? TokenState.ACTIVE : TokenState.EXPIRED;
    }
}
