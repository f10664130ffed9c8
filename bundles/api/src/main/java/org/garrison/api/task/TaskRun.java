package org.garrison.api.task;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * One start of a task.
 *
 * @param id           its id (also the reference of the instructions it sent to devices)
 * @param taskId       its task
 * @param state        where it stands as a whole
 * @param trigger      why it started
 * @param scheduledFor the schedule's time it stands for (before any random delay); for a manual start, when it was
 *                     started
 * @param startedAt    when it started
 * @param finishedAt   when it completed or was cancelled, or {@code null}
 * @param startedBy    who started it (the scheduler is {@code system("task-scheduler")})
 * @param message      why it was cancelled, or a note about the run; {@code null} when there is none
 * @param counts       how its devices stand
 */
public record TaskRun(UUID id, UUID taskId, TaskRunState state, RunTrigger trigger, Instant scheduledFor,
        Instant startedAt, Instant finishedAt, Actor startedBy, String message, RunCounts counts) {
}
