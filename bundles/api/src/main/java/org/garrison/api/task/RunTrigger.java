package org.garrison.api.task;

/**
 * Why a run started.
 */
public enum RunTrigger {
    /** An admin started it. */
    MANUAL,
    /** Its schedule was due. */
    SCHEDULE,
    /** Its schedule was due while the server was down, and the task runs if missed. */
    MISSED
}
