package org.garrison.tasks.internal.rest;

import java.util.List;
import java.util.Map;

import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.tasks.internal.TaskJson;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the tasks API answers with, beyond the api records themselves: pages (named, for the OpenAPI document) and
 * task types with their parameter schemas as JSON objects rather than text.
 */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(name = "TaskPage")
    public record TaskPage(List<Task> items, String nextCursor, Long total) {
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
