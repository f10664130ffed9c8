package org.garrison.api.store;

import java.time.Instant;

/**
 * The migration state of one bundle's schema.
 *
 * @param name      the schema name
 * @param bundle    the symbolic name of the bundle that owns it
 * @param state     where it stands
 * @param message   why it failed, or {@code null}
 * @param changedAt when the state last changed
 */
public record SchemaStatus(String name, String bundle, SchemaState state, String message, Instant changedAt) {
}
