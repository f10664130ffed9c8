package org.garrison.tasks.internal.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.tasks.internal.TaskStatusFilter;
import org.garrison.tasks.internal.TasksService;
import org.garrison.tasks.internal.ValidatorUnavailableException;
import org.garrison.tasks.internal.rest.TaskBodies.TaskBody;
import org.garrison.tasks.internal.rest.TaskViews.TaskListItem;
import org.garrison.tasks.internal.rest.TaskViews.TaskPage;
import org.garrison.tasks.internal.rest.TaskViews.TaskRunDevicePage;
import org.garrison.tasks.internal.rest.TaskViews.TaskRunPage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Tasks over REST: the tasks, their runs and how each device of a run stands.
 */
@Component(service = TaskResource.class)
@JaxrsResource
@JSONRequired
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Work done on devices by their agents, or by the server itself, on a schedule or "
        + "on demand")
public class TaskResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String TASK = Task.OBJECT_TYPE;
    private static final String PATH_ID = "path:id";
    private static final String ID = "Task id";
    private static final String RUN_ID = "Run id";

    private final TasksService tasks;
    private final ScopeCheck scopes;
    private final TaskAccess access;

    @Activate
    public TaskResource(@Reference TasksService tasks, @Reference ScopeCheck scopes, @Reference DeviceService devices) {
        this.tasks = tasks;
        this.scopes = scopes;
        this.access = new TaskAccess(scopes, devices);
    }

    @GET
    @Operation(operationId = "listTasks", summary = "List tasks by name",
            description = "A caller whose tasks.read is scoped sees the tasks whose scope lies within their groups "
                    + "(the server's own tasks only with tasks.read on the whole server). Each task carries a "
                    + "summary of its latest run (lastRun).",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of tasks",
                        content = @Content(schema = @Schema(implementation = TaskPage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, objectKind = TASK)
    public Page<TaskListItem> list(
            @Parameter(description = "Only tasks of this application (plugin id, agent or server)")
            @QueryParam("application") String application,
            @Parameter(description = "Only tasks of this task type") @QueryParam("type") String type,
            @Parameter(description = "Only tasks whose scope is this group's subtree") @QueryParam("group")
            String group,
            @Parameter(description = "Only enabled (true) or disabled (false) tasks",
                    schema = @Schema(type = "boolean")) @QueryParam("enabled") String enabled,
            @Parameter(description = "Only tasks that will start on their own (true: they have a nextRunAt) or "
                    + "will not (false)", schema = @Schema(type = "boolean")) @QueryParam("scheduled")
            String scheduled,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        PageRequest page = Paging.of(limit, cursor);
        UUID groupId = group == null || group.isBlank() ? null : Ids.parse("group", group.strip());
        TaskStatusFilter status = new TaskStatusFilter(flag("enabled", enabled), flag("scheduled", scheduled));
        Set<UUID> within = scopes.groupsWithin(scope(security, Permissions.TASKS_READ));
        Page<Task> found = tasks.list(new TaskQuery(blankToNull(application), blankToNull(type), groupId, within),
                status, page);
        Map<UUID, TaskRun> lastRuns = tasks.runsById(found.items().stream().map(Task::lastRunId)
                .filter(Objects::nonNull).toList());
        return found.map(task -> TaskListItem.of(task, task.lastRunId() == null ? null
                : lastRuns.get(task.lastRunId())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTask", summary = "Create a task",
            description = "The parameters are checked against the task type's parametersSchema (GET /task-types); "
                    + "each problem is reported with its path (parameters/...). The scope must lie within the "
                    + "caller's groups; the server's own task types need tasks.write on the whole server.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = TaskBody.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = Task.class))),
                @ApiResponse(responseCode = "403", description = "The scope lies outside the caller's groups",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Invalid name, type, parameters, scope or "
                        + "schedule", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "503", description = "The parameters cannot be checked right now (the "
                        + "plugin platform is not running)", content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_WRITE, objectKind = TASK)
    public Response create(TaskBody body, @Context SecurityContext security, @Context UriInfo uri) {
        TaskDraft draft = TaskBodies.draft(body);
        access.requireScope(Caller.of(security.getUserPrincipal()), Permissions.TASKS_WRITE, draft,
                tasks.taskType(draft.application(), draft.type()).orElse(null));
        try {
            Task task = tasks.create(draft, actor(security));
            return Response.created(uri.getAbsolutePathBuilder().path(task.id().toString()).build()).entity(task)
                    .build();
        } catch (ValidatorUnavailableException e) {
            return unavailable(e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTask", summary = "A task",
            responses = {
                @ApiResponse(responseCode = "200", description = "The task",
                        content = @Content(schema = @Schema(implementation = Task.class))),
                @ApiResponse(responseCode = "404", description = "No such task",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, scopeFrom = PATH_ID, objectKind = TASK)
    public Task get(@Parameter(description = ID) @PathParam("id") String id) {
        return tasks.get(Ids.parse("id", id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTask", summary = "Change a task",
            description = "Replaces the name, parameters, scope, schedule and enabled state; the application and "
                    + "type stay. expectedRevision is the revision the caller read: if the task changed since, the "
                    + "answer is 409 and nothing changes.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = TaskBody.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The changed task",
                        content = @Content(schema = @Schema(implementation = Task.class))),
                @ApiResponse(responseCode = "403", description = "The task or its new scope lies outside the "
                        + "caller's groups", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "No such task",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The task changed since expectedRevision",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Invalid input, or no expectedRevision",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "503", description = "The parameters cannot be checked right now",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_WRITE, scopeFrom = PATH_ID, objectKind = TASK)
    public Response update(@Parameter(description = ID) @PathParam("id") String id, TaskBody body,
            @Context SecurityContext security) {
        UUID taskId = Ids.parse("id", id);
        TaskDraft draft = TaskBodies.draft(body);
        if (body.expectedRevision() == null) {
            throw new ValidationException("expectedRevision", "is required: the revision of the task you read");
        }
        access.requireScope(Caller.of(security.getUserPrincipal()), Permissions.TASKS_WRITE, draft,
                tasks.taskType(draft.application(), draft.type()).orElse(null));
        try {
            return Response.ok(tasks.update(taskId, draft, body.expectedRevision(), actor(security))).build();
        } catch (ValidatorUnavailableException e) {
            return unavailable(e);
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTask", summary = "Delete a task",
            description = "Its running runs are cancelled and its runs removed; the task goes to the "
                    + "deleted-objects registry, from where it can be restored (without its runs).",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such task",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_WRITE, scopeFrom = PATH_ID, objectKind = TASK)
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        tasks.delete(Ids.parse("id", id), actor(security));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/run")
    @Operation(operationId = "runTask", summary = "Start a run now",
            description = "Whatever the schedule, and also when the task is disabled. Devices get their "
                    + "instructions at once (offline ones at their next sync); an earlier run of the same task that "
                    + "is still running is replaced. A run of the server's own task starts on the server.",
            responses = {
                @ApiResponse(responseCode = "201", description = "The run started",
                        content = @Content(schema = @Schema(implementation = TaskRun.class))),
                @ApiResponse(responseCode = "404", description = "No such task",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The task type is not available (its plugin is "
                        + "not active), or a run of the server's own task is still going",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_RUN, scopeFrom = PATH_ID, objectKind = TASK)
    public Response run(@Parameter(description = ID) @PathParam("id") String id, @Context SecurityContext security,
            @Context UriInfo uri) {
        UUID taskId = Ids.parse("id", id);
        TaskRun run = tasks.start(taskId, actor(security));
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(taskId.toString()).path("runs")
                .path(run.id().toString()).build()).entity(run).build();
    }

    @GET
    @Path("{id}/runs")
    @Operation(operationId = "listTaskRuns", summary = "The task's runs, newest first",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of runs",
                        content = @Content(schema = @Schema(implementation = TaskRunPage.class))),
                @ApiResponse(responseCode = "404", description = "No such task",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, scopeFrom = PATH_ID, objectKind = TASK)
    public Page<TaskRun> runs(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return tasks.runs(Ids.parse("id", id), Paging.of(limit, cursor));
    }

    @GET
    @Path("{id}/runs/{runId}")
    @Operation(operationId = "getTaskRun", summary = "One run of the task",
            responses = {
                @ApiResponse(responseCode = "200", description = "The run",
                        content = @Content(schema = @Schema(implementation = TaskRun.class))),
                @ApiResponse(responseCode = "404", description = "No such task or run",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, scopeFrom = PATH_ID, objectKind = TASK)
    public TaskRun getRun(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = RUN_ID) @PathParam("runId") String runId) {
        return tasks.run(Ids.parse("id", id), Ids.parse("runId", runId));
    }

    @GET
    @Path("{id}/runs/{runId}/devices")
    @Operation(operationId = "listTaskRunDevices", summary = "How each device of a run stands",
            description = "In the order the devices joined the run. A run of the server's own has one entry "
                    + "without a device.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of devices",
                        content = @Content(schema = @Schema(implementation = TaskRunDevicePage.class))),
                @ApiResponse(responseCode = "404", description = "No such task or run",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "A malformed state, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, scopeFrom = PATH_ID, objectKind = TASK)
    public Page<TaskRunDevice> devices(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = RUN_ID) @PathParam("runId") String runId,
            @Parameter(description = "Only devices in this state",
                    schema = @Schema(allowableValues = {"PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}))
            @QueryParam("state") String state,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return tasks.devices(Ids.parse("id", id), Ids.parse("runId", runId), state(state),
                Paging.of(limit, cursor));
    }

    @POST
    @Path("{id}/runs/{runId}/cancel")
    @Operation(operationId = "cancelTaskRun", summary = "Cancel a run",
            description = "Instructions the devices have not finished are cancelled (devices that finished keep "
                    + "their results); a run of the server's own is interrupted. A run that has ended stays as it "
                    + "is.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The run after cancelling",
                        content = @Content(schema = @Schema(implementation = TaskRun.class))),
                @ApiResponse(responseCode = "404", description = "No such task or run",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_RUN, scopeFrom = PATH_ID, objectKind = TASK)
    public TaskRun cancel(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = RUN_ID) @PathParam("runId") String runId, @Context SecurityContext security) {
        return tasks.cancel(Ids.parse("id", id), Ids.parse("runId", runId), actor(security));
    }

    private static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }

    static DeviceRunState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DeviceRunState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("state", "must be one of PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED");
        }
    }

    private static Response unavailable(ValidatorUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(PROBLEM).header("Retry-After", "5")
                .entity(Map.of("type", "about:blank", "title", "Service Unavailable", "status", 503, "detail",
                        e.getMessage())).build();
    }

    private static GroupScope scope(SecurityContext security, String permission) {
        Caller caller = Caller.of(security.getUserPrincipal());
        return caller == null ? GroupScope.NOWHERE : caller.scope(permission);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Actor actor(SecurityContext security) {
        return Actor.of(security.getUserPrincipal());
    }
}
