package org.garrison.api.agent;

/**
 * What a {@link SyncItem} carries.
 */
public enum SyncItemKind {
    /** An inventory report, full or partial ({@link SyncItem#inventory()}). */
    INVENTORY,
    /** Events ({@link SyncItem#events()}). */
    EVENTS,
    /** Data of a managed application ({@link SyncItem#applicationData()}). */
    APPLICATION_DATA,
    /** The outcome of an instruction ({@link SyncItem#instructionResult()}). */
    INSTRUCTION_RESULT
}
