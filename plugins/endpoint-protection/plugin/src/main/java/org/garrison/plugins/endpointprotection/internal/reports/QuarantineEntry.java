package org.garrison.plugins.endpointprotection.internal.reports;

import java.time.Instant;

/**
 * A file in the application's quarantine or backup storage.
 *
 * @param id           the application's id of the entry
 * @param storage      {@code quarantine} or {@code backup}
 * @param fileName     the stored file's name
 * @param originalPath where it was found (may contain a user name)
 * @param sizeBytes    its size
 * @param storedAt     when it was stored
 * @param threatName   the threat it carries, or {@code null}
 */
public record QuarantineEntry(String id, String storage, String fileName, String originalPath, long sizeBytes,
        Instant storedAt, String threatName) {

    public QuarantineEntry {
        storedAt = Times.stored(storedAt);
    }
}
