package org.garrison.tasks.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.RunCounts;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.api.task.TaskRunState;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.garrison.tasks.internal.DeviceTaskRun;
import org.garrison.tasks.internal.TaskJson;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the tasks API answers with, beyond the api records themselves: pages (named, for the OpenAPI document), listed
 * tasks with their latest run, and task types with their parameter schemas as JSON objects rather than text.
 */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(name = "TaskPage")
    public record TaskPage(List<TaskListItem> items, String nextCursor, Long total) {
    }

    @Schema(name = "DeviceTaskRunPage")
    public record DeviceTaskRunPage(List<DeviceTaskRun> items, String nextCursor, Long total) {
    }

    /**
     * A task as the listing shows it: every member of the task object, and a summary of its latest run so that a
     * list does not need one request per task.
     *
     * @param lastRun the run {@code lastRunId} names, or {@code null} if it never ran (or that run was removed)
     */
    @Schema(name = "TaskListItem")
    public record TaskListItem(UUID id, String name, String application, String type, Map<String, Object> parameters,
            TaskScope scope, TaskSchedule schedule, boolean enabled, int revision, Instant createdAt, Actor createdBy,
            Instant updatedAt, Actor updatedBy, Instant nextRunAt, UUID lastRunId, LastRun lastRun) {

        static TaskListItem of(Task task, TaskRun lastRun) {
            return new TaskListItem(task.id(), task.name(), task.application(), task.type(), task.parameters(),
                    task.scope(), task.schedule(), task.enabled(), task.revision(), task.createdAt(),
                    task.createdBy(), task.updatedAt(), task.updatedBy(), task.nextRunAt(), task.lastRunId(),
                    lastRun == null ? null : LastRun.of(lastRun));
        }
    }

    /** The latest run of a listed task, in brief. */
    @Schema(name = "TaskLastRun")
    public record LastRun(UUID id, TaskRunState state, RunTrigger trigger, Instant startedAt, Instant finishedAt,
            RunCounts counts) {

        static LastRun of(TaskRun run) {
            return new LastRun(run.id(), run.state(), run.trigger(), run.startedAt(), run.finishedAt(), run.counts());
        }
    }

    @Schema(name = "TaskRunPage")
    public record TaskRunPage(List<TaskRun> items, String nextCursor, Long total) {
    }

    @Schema(name = "TaskRunDevicePage")
    public record TaskRunDevicePage(List<TaskRunDevice> items, String nextCursor, Long total) {
    }

    /**
     * A task type.
     *
     * @param parametersSchema the JSON Schema (2020-12) of a task's parameters
     * @param runsOnDevices    whether devices' agents run it (its tasks need a scope) or the server does
     */
    @Schema(name = "TaskType")
    public record TaskTypeView(String application, String type, String title, String description,
            Map<String, Object> parametersSchema, boolean runsOnDevices) {

        static TaskTypeView of(TaskTypeDefinition type, TaskJson json) {
            return new TaskTypeView(type.application(), type.type(), type.title(), type.description(),
                    json.readObject(type.parametersSchema()), type.runsOnDevices());
        }
    }
}
