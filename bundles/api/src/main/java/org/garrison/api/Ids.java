package org.garrison.api;

import java.util.UUID;

import org.garrison.api.error.ValidationException;

/**
 * Identifiers: every Garrison object is named by a random UUID, written in its canonical lower-case form.
 */
public final class Ids {

    private Ids() {
    }

    /** A new random identifier. */
    public static UUID newId() {
        return UUID.randomUUID();
    }

    /**
     * Parses an identifier a caller sent.
     *
     * @param field where the value came from, named in the error
     * @throws ValidationException if the value is not a canonical UUID
     */
    public static UUID parse(String field, String value) {
        if (value == null || value.length() != 36) {
            throw new ValidationException(field, "must be a UUID such as 3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be a UUID such as 3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50");
        }
    }
}
