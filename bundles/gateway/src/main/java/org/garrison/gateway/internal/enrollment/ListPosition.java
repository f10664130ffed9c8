package org.garrison.gateway.internal.enrollment;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.error.ValidationException;

/**
 * Where a newest-first listing (tokens by creation, agents by enrollment) continues: the time and id of the last
 * item of the previous page.
 *
 * @param at the time of the last item
 * @param id its id
 */
record ListPosition(Instant at, UUID id) {

    /**
     * The position a caller's cursor names.
     *
     * @throws ValidationException if the cursor is not one such a listing issued
     */
    static ListPosition of(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.keys().size() == 2) {
                return new ListPosition(Instant.parse(cursor.keys().get(0)), UUID.fromString(cursor.keys().get(1)));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new ValidationException("cursor", "is not a cursor of this listing; start again without one");
    }

    Cursor cursor() {
        return Cursor.after(at.toString(), id.toString());
    }
}
