package org.garrison.api;

import org.garrison.api.error.ValidationException;

/**
 * One page of a listing: how many items to return and where to continue.
 *
 * @param limit  the maximum number of items, between 1 and {@link #MAX_LIMIT}
 * @param cursor the opaque cursor a previous {@link Page} returned, or {@code null} for the first page
 */
public record PageRequest(int limit, Cursor cursor) {

    /** The page size when the caller names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /**
     * Builds a request from raw query parameters, either of which may be absent.
     *
     * @throws ValidationException if the limit is out of range or the cursor is not one this server issued
     */
    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit,
                cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }
}
