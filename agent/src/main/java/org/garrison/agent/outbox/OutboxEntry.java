package org.garrison.agent.outbox;

import org.garrison.api.agent.SyncItemKind;

/**
 * One item waiting in the outbox.
 *
 * @param seq  its sequence number
 * @param kind what it carries
 * @param json the JSON of the member its kind names ({@code inventory}, {@code events}, ...)
 */
public record OutboxEntry(long seq, SyncItemKind kind, byte[] json) {
}
