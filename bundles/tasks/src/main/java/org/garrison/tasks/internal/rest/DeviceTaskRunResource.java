package org.garrison.tasks.internal.rest;

import java.util.Set;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.tasks.internal.DeviceTaskRun;
import org.garrison.tasks.internal.TasksService;
import org.garrison.tasks.internal.rest.TaskViews.DeviceTaskRunPage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The task runs one device took part in, as the device's detail page shows them. Access follows the device: a caller
 * with tasks.read where the device is sees its runs, also of tasks whose scope reaches beyond their groups.
 */
@Component(service = DeviceTaskRunResource.class)
@JaxrsResource
@JSONRequired
@Path("devices/{id}/task-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class DeviceTaskRunResource {

    private static final String PROBLEM = "application/problem+json";

    private final TasksService tasks;
    private final DeviceService devices;

    @Activate
    public DeviceTaskRunResource(@Reference TasksService tasks, @Reference DeviceService devices) {
        this.tasks = tasks;
        this.devices = devices;
    }

    @GET
    @Operation(operationId = "listDeviceTaskRuns", summary = "The device's entries in task runs, newest first",
            description = "One entry per run the device took part in, with the run's task, type and times and the "
                    + "device's own state, message and result. Needs tasks.read where the device is.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of the device's run entries",
                        content = @Content(schema = @Schema(implementation = DeviceTaskRunPage.class))),
                @ApiResponse(responseCode = "404", description = "No such device",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "A malformed state, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.TASKS_READ, scopeFrom = "path:id", objectKind = DeviceService.OBJECT_TYPE)
    public Page<DeviceTaskRun> list(@Parameter(description = "The device's id") @PathParam("id") String id,
            @Parameter(description = "Only entries in this state",
                    schema = @Schema(allowableValues = {"PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}))
            @QueryParam("state") String state,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID device = Ids.parse("id", id);
        if (devices.groupsOf(Set.of(device)).isEmpty()) {
            throw new NotFoundException("Device", device);
        }
        return tasks.deviceRuns(device, TaskResource.state(state), Paging.of(limit, cursor));
    }
}
