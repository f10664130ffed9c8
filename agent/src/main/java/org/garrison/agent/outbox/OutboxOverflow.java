package org.garrison.agent.outbox;

/**
 * What the outbox dropped to make room since it became full.
 *
 * @param droppedEvents      the number of {@code EVENTS} items dropped
 * @param droppedInventories the number of inventory reports dropped (the next report must be a full one)
 */
public record OutboxOverflow(long droppedEvents, long droppedInventories) {
}
