package org.garrison.api.store;

/**
 * The state of the server's database as last checked.
 *
 * @param kind    which product it is, or {@code null} when it could not be reached at all
 * @param product the product name and version the driver reports, or {@code null} when unreachable
 * @param up      whether a connection could be taken from the pool and answered a validity check
 */
public record DatabaseStatus(DatabaseKind kind, String product, boolean up) {
}
