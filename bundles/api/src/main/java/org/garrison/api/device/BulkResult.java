package org.garrison.api.device;

/**
 * The outcome of a bulk action.
 *
 * @param requested the number of distinct devices named
 * @param affected  the number of devices actually changed
 */
public record BulkResult(int requested, int affected) {
}
