package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.task.Task;

/**
 * A task with what only the server needs to know about it.
 *
 * @param task         the task as admins see it ({@link Task#nextRunAt()} is when its next start is due)
 * @param scopeGroupId the group that decides who may see, change and run it
 * @param nextFireAt   the schedule's next time (before any random delay), or {@code null}
 * @param serverRunId  the run of a server task that is going on, or {@code null}
 */
public record StoredTask(Task task, UUID scopeGroupId, Instant nextFireAt, UUID serverRunId) {

    public UUID id() {
        return task.id();
    }
}
