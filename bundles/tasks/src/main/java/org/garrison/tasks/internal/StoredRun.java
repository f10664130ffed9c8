package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.task.RunCounts;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunState;

/**
 * A run as stored, with what it was started with.
 *
 * @param application      the task type's application
 * @param type             the task type
 * @param parameters       the task's parameters when the run started
 * @param stopAfterMinutes the task's time limit when the run started, or {@code null}
 * @param skipped          devices in scope left out because the application is not installed on them
 */
public record StoredRun(UUID id, UUID taskId, TaskRunState state, RunTrigger trigger, String application,
        String type, Map<String, Object> parameters, Integer stopAfterMinutes, Instant scheduledFor,
        Instant startedAt, Instant finishedAt, Actor startedBy, String message, int skipped) {

    public StoredRun {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The run as admins see it, with its devices' counts. */
    public TaskRun view(Map<String, Integer> countsByState) {
        int pending = countsByState.getOrDefault("PENDING", 0);
        int running = countsByState.getOrDefault("RUNNING", 0);
        int succeeded = countsByState.getOrDefault("SUCCEEDED", 0);
        int failed = countsByState.getOrDefault("FAILED", 0);
        int cancelled = countsByState.getOrDefault("CANCELLED", 0);
        return new TaskRun(id, taskId, state, trigger, scheduledFor, startedAt, finishedAt, startedBy, message,
                new RunCounts(pending + running + succeeded + failed + cancelled, pending, running, succeeded,
                        failed, cancelled, skipped));
    }
}
