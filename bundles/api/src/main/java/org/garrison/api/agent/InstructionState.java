package org.garrison.api.agent;

/**
 * Where an instruction stands on its device.
 */
public enum InstructionState {
    /** Queued on the server; the device has not received it yet. */
    PENDING,
    /** Delivered to the device, no result yet. */
    DELIVERED,
    /** The device started it. */
    RUNNING,
    /** Done. */
    SUCCEEDED,
    /** Done with an error; the message says which. */
    FAILED,
    /** Cancelled on the server before the device finished it. */
    CANCELLED;

    /** Whether nothing more will happen to it. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
