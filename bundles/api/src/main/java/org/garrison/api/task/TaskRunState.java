package org.garrison.api.task;

/**
 * Where a run stands as a whole.
 */
public enum TaskRunState {
    /** Some devices (or the server) have not finished yet. */
    RUNNING,
    /** Every device (or the server) has finished: succeeded, failed or was stopped by the time limit. */
    COMPLETED,
    /** An admin cancelled it, or a newer run of the same task replaced it; see the run's message. */
    CANCELLED
}
