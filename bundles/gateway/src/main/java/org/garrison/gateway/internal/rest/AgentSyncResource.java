package org.garrison.gateway.internal.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.gateway.internal.enrollment.DeviceSelection;
import org.garrison.gateway.internal.rest.AgentViews.SyncNowAnswer;
import org.garrison.gateway.internal.rest.AgentViews.SyncNowBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * "Sync now" for devices or a whole group. Kept apart from {@link AgentResource} because it needs the gateway's
 * instructions service, so that the agents listing stays available while that service restarts.
 */
@Component(service = AgentSyncResource.class)
@JaxrsResource
@JSONRequired
@Path("agents/sync-now")
@Tag(name = "Agents")
public class AgentSyncResource {

    private static final String PROBLEM = "application/problem+json";

    private final AgentInstructions instructions;
    private final DeviceService devices;
    private final GroupService groups;
    private final ScopeCheck scopes;

    @Activate
    public AgentSyncResource(@Reference AgentInstructions instructions, @Reference DeviceService devices,
            @Reference GroupService groups, @Reference ScopeCheck scopes) {
        this.instructions = instructions;
        this.devices = devices;
        this.groups = groups;
        this.scopes = scopes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "syncAgentsNow", summary = "Ask agents to sync now",
            description = "Name either devices (up to 10,000) or a group (with every group below it). Agents "
                    + "holding their wake channel open to this server node are woken at once, spread over a few "
                    + "seconds when there are many; the others sync at their next interval. Needs devices.write "
                    + "on every device's group.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = SyncNowBody.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "How many were asked and how many woken",
                        content = @Content(schema = @Schema(implementation = SyncNowAnswer.class))),
                @ApiResponse(responseCode = "403", description = "A device or the group lies outside the caller's "
                        + "groups", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Neither or both of deviceIds and groupId, too "
                        + "many or unknown devices, an unknown group", content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.DEVICES_WRITE, objectKind = DeviceService.OBJECT_TYPE)
    public SyncNowAnswer syncNow(SyncNowBody body, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        Set<UUID> deviceIds = body != null && body.groupId() != null && body.deviceIds() == null
                ? devicesInGroup(body.groupId(), caller) : namedDevices(body, caller);
        int woken = deviceIds.isEmpty() ? 0 : instructions.syncNow(deviceIds);
        return new SyncNowAnswer(deviceIds.size(), woken);
    }

    private Set<UUID> namedDevices(SyncNowBody body, Caller caller) {
        if (body == null || body.deviceIds() == null && body.groupId() == null) {
            throw new ValidationException("", "name either deviceIds or groupId");
        }
        if (body.groupId() != null) {
            throw new ValidationException("groupId", "cannot be combined with deviceIds");
        }
        List<UUID> named = body.deviceIds();
        if (named.isEmpty()) {
            throw new ValidationException("deviceIds", "must name at least one device");
        }
        if (named.size() > DeviceService.MAX_BULK_DEVICES) {
            throw new ValidationException("deviceIds", "must name at most " + DeviceService.MAX_BULK_DEVICES
                    + " devices");
        }
        if (named.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("deviceIds", "must not contain null");
        }
        Set<UUID> deviceIds = new LinkedHashSet<>(named);
        Map<UUID, UUID> groupOf = devices.groupsOf(deviceIds);
        if (groupOf.size() < deviceIds.size()) {
            List<String> unknown = deviceIds.stream().filter(id -> !groupOf.containsKey(id)).limit(5)
                    .map(UUID::toString).toList();
            throw new ValidationException("deviceIds", "names devices that do not exist: "
                    + String.join(", ", unknown) + (deviceIds.size() - groupOf.size() > 5 ? ", ..." : ""));
        }
        scopes.require(caller, Permissions.DEVICES_WRITE, new LinkedHashSet<>(groupOf.values()));
        return deviceIds;
    }

    /** Every device in the group and the groups below it. */
    private Set<UUID> devicesInGroup(UUID groupId, Caller caller) {
        try {
            groups.get(groupId);
        } catch (NotFoundException e) {
            throw new ValidationException("groupId", "names no administration group");
        }
        scopes.require(caller, Permissions.DEVICES_WRITE, Set.of(groupId));
        return DeviceSelection.inSubtree(devices, groupId);
    }
}
