package org.garrison.plugins.endpointprotection.internal.store;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.error.ValidationException;

/**
 * A place in the threats listing (newest first): the sort keys of a detection, as an opaque cursor for callers.
 */
public record ThreatPosition(Instant detectedAt, UUID deviceId, String detectionId) {

    public static ThreatPosition of(StoredThreat threat) {
        return new ThreatPosition(threat.detectedAt(), threat.deviceId(), threat.detectionId());
    }

    public Cursor cursor() {
        return Cursor.after(detectedAt.toString(), deviceId.toString(), detectionId);
    }

    /**
     * @throws ValidationException if the cursor is not one of this listing
     */
    public static ThreatPosition of(Cursor cursor) {
        try {
            if (cursor.keys().size() != 3) {
                throw new IllegalArgumentException("three keys expected");
            }
            return new ThreatPosition(Instant.parse(cursor.keys().get(0)), UUID.fromString(cursor.keys().get(1)),
                    cursor.keys().get(2));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "is not a cursor of this listing; start again without one");
        }
    }
}
