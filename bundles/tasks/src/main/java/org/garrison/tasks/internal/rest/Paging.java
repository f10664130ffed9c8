package org.garrison.tasks.internal.rest;

import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;

/**
 * The {@code limit} and {@code cursor} query parameters of a listing.
 */
final class Paging {

    private Paging() {
    }

    static PageRequest of(String limit, String cursor) {
        Integer value = null;
        if (limit != null && !limit.isBlank()) {
            try {
                value = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("limit", "must be a whole number between 1 and "
                        + PageRequest.MAX_LIMIT);
            }
        }
        return PageRequest.of(value, cursor);
    }
}
