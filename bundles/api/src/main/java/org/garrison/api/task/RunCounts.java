package org.garrison.api.task;

/**
 * How many devices of a run stand where.
 *
 * @param total     devices in the run (1 for a run of the server's own)
 * @param pending   waiting for their instruction or its delivery
 * @param running   started
 * @param succeeded done
 * @param failed    done with an error
 * @param cancelled cancelled or stopped
 * @param skipped   devices in the scope that were left out because the task's application is not installed on
 *                  them (not counted in {@code total})
 */
public record RunCounts(int total, int pending, int running, int succeeded, int failed, int cancelled,
        int skipped) {

    /** How many have not finished yet. */
    public int open() {
        return pending + running;
    }
}
