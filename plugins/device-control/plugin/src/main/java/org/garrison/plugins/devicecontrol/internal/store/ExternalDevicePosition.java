package org.garrison.plugins.devicecontrol.internal.store;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.error.ValidationException;

/**
 * A place in the external-devices listing (blocked first, then most recently seen): the sort keys of a row, as an
 * opaque cursor for callers.
 */
public record ExternalDevicePosition(int rank, Instant lastSeen, UUID deviceId, String instanceId) {

    public static ExternalDevicePosition of(StoredExternalDevice row) {
        return new ExternalDevicePosition(row.device().access().rank(), row.device().lastSeen(), row.deviceId(),
                row.device().instanceId());
    }

    public Cursor cursor() {
        return Cursor.after(Integer.toString(rank), lastSeen.toString(), deviceId.toString(), instanceId);
    }

    /**
     * @throws ValidationException if the cursor is not one of this listing
     */
    public static ExternalDevicePosition of(Cursor cursor) {
        try {
            if (cursor.keys().size() != 4) {
                throw new IllegalArgumentException("four keys expected");
            }
            return new ExternalDevicePosition(Integer.parseInt(cursor.keys().get(0)),
                    Instant.parse(cursor.keys().get(1)), UUID.fromString(cursor.keys().get(2)), cursor.keys().get(3));
        } catch (RuntimeException e) {
            throw new ValidationException("cursor", "is not a cursor of this listing; start again without one");
        }
    }
}
