package org.garrison.events.internal;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.error.ValidationException;

/**
 * A place in the listing order of events (occurrence time, then id): where a page ends and the next one starts.
 */
public record EventPosition(Instant occurredAt, UUID id) {

    public Cursor toCursor() {
        return Cursor.after(occurredAt.toString(), id.toString());
    }

    /**
     * @throws ValidationException if the cursor was not issued by an event listing
     */
    public static EventPosition of(Cursor cursor) {
        if (cursor.keys().size() != 2) {
            throw invalid();
        }
        try {
            return new EventPosition(Instant.parse(cursor.keys().get(0)), UUID.fromString(cursor.keys().get(1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor", "is not a cursor of this listing; start again without one");
    }
}
