package org.garrison.sessions.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.garrison.sessions.internal.TokenRepository.StoredToken;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An API token as listed: never its secret.
 *
 * @param prefix     the first characters of the secret, to tell tokens apart
 * @param lastUsedAt when it was last used (to the minute), or {@code null}
 * @param expired    whether it has expired (it is kept until revoked, so its owner sees what stopped working)
 */
@Schema(name = "ApiToken")
public record TokenView(UUID id, UUID accountId, String name, String prefix, Set<UUID> roleIds, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, boolean expired) {

    public static TokenView of(StoredToken token, Instant now) {
        return new TokenView(token.id(), token.accountId(), token.name(), token.prefix(), token.roleIds(),
                token.createdAt(), token.expiresAt(), token.lastUsedAt(), !now.isBefore(token.expiresAt()));
    }
}
