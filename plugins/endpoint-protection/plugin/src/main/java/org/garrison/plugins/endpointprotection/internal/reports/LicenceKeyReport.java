package org.garrison.plugins.endpointprotection.internal.reports;

import java.time.Instant;

/**
 * A licence key as the application reports it.
 *
 * @param keyId        the key's id, masked to its last four characters when stored
 * @param type         {@code commercial}, {@code subscription}, {@code trial} or {@code beta}
 * @param expiresAt    when it expires, or {@code null}
 * @param devicesLimit how many devices it covers, or {@code null}
 */
public record LicenceKeyReport(String keyId, String type, Instant expiresAt, Integer devicesLimit) {

    public LicenceKeyReport {
        keyId = keyId == null ? null : LicenceKeyIds.masked(keyId);
        expiresAt = Times.stored(expiresAt);
    }
}
