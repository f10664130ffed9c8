package org.garrison.tasks.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.task.TaskService;
import org.garrison.tasks.internal.TaskJson;
import org.garrison.tasks.internal.rest.TaskViews.TaskTypeView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The task types admins can create tasks of, with the schemas of their parameters (the console renders its forms
 * from them).
 */
@Component(service = TaskTypeResource.class)
@JaxrsResource
@JSONRequired
@Path("task-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskTypeResource {

    private final TaskService tasks;
    private final TaskJson json = new TaskJson();

    @Activate
    public TaskTypeResource(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @GET
    @Operation(operationId = "listTaskTypes", summary = "Every task type available now",
            description = "The Network Agent's own (application \"agent\"), the server's own (\"server\") and those "
                    + "of the active plugins, by application and type.",
            responses = @ApiResponse(responseCode = "200", description = "The task types",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = TaskTypeView.class)))))
    @RequiresPermission(Permissions.TASKS_READ)
    public List<TaskTypeView> list() {
        return tasks.taskTypes().stream().map(type -> TaskTypeView.of(type, json)).toList();
    }
}
