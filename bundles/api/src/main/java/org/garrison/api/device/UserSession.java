package org.garrison.api.device;

import java.time.Instant;

/**
 * A work session of a user on a device.
 *
 * @param accountName the account's name
 * @param domain      the account's domain, or {@code null}
 * @param kind        e.g. "console", "remote"
 * @param startedAt   when it started
 * @param endedAt     when it ended, {@code null} while it is active
 */
public record UserSession(String accountName, String domain, String kind, Instant startedAt, Instant endedAt) {
}
