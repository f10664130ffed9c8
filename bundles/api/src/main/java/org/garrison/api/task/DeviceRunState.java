package org.garrison.api.task;

/**
 * Where one device of a run stands (or the server, for a run of its own).
 */
public enum DeviceRunState {
    /** Waiting: its instruction is queued (delivered at the device's next sync) or not sent yet. */
    PENDING,
    /** The device (or the server) started it. */
    RUNNING,
    /** Done. */
    SUCCEEDED,
    /** Done with an error; the message says which. */
    FAILED,
    /** Cancelled by an admin, replaced by a newer run, or stopped by the time limit; the message says which. */
    CANCELLED;

    /** Whether nothing more will happen to it. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
