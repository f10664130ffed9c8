package org.garrison.tasks.internal;

/**
 * Filters of the task listing beyond {@link org.garrison.api.task.TaskQuery}; {@code null} criteria do not filter.
 *
 * @param enabled   only tasks whose schedule is (or is not) in force
 * @param scheduled only tasks that will (or will not) start again on their own, i.e. that have a next run
 */
public record TaskStatusFilter(Boolean enabled, Boolean scheduled) {

    /** No filter. */
    public static final TaskStatusFilter ANY = new TaskStatusFilter(null, null);
}
