package org.garrison.plugins.endpointprotection.internal.store;

import java.util.Collections;

/**
 * Small pieces of SQL text the repositories share; never values, which always go in as parameters.
 */
final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?} for an {@code IN} list of the given size. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
