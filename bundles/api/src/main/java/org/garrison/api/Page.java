package org.garrison.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items      the items of this page, in the listing's order
 * @param nextCursor the cursor for the next page, or {@code null} when this is the last page
 * @param total      the number of items matching the listing's filters over all pages, or {@code null} when the
 *                   listing does not count them
 */
public record Page<T>(List<T> items, String nextCursor, Long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return nextCursor != null;
    }

    /** The same page with every item converted, e.g. from a domain record to its wire form. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor, total);
    }
}
