package org.garrison.api.device;

import java.time.Instant;

/**
 * A licence key in use by a managed application.
 *
 * @param key       the key's identifier
 * @param expiresAt when it expires, or {@code null} if it does not
 */
public record LicenceKey(String key, Instant expiresAt) {
}
