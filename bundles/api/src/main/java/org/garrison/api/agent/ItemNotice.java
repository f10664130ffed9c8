package org.garrison.api.agent;

/**
 * A sync item the server acknowledged without applying, and why. The agent does not send it again.
 *
 * @param seq     the item's sequence number
 * @param code    a stable code, e.g. {@code inventory-conflict}, {@code unknown-instruction}
 * @param message a human-readable explanation
 */
public record ItemNotice(long seq, String code, String message) {
}
