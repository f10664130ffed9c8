package org.garrison.devices.internal.rest;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceUpdate;
import org.garrison.api.device.DeviceUsers;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Managed devices: listing with filters, details and registries of one device, admin changes, removal and bulk
 * actions.
 */
@Component(service = DeviceResource.class)
@JaxrsResource
@JSONRequired
@Path("devices")
@Tag(name = "Devices", description = "Managed devices")
public class DeviceResource {

    private static final String PROBLEM = "application/problem+json";

    private static final String PATH_ID = "path:id";

    private final DeviceService devices;
    private final ScopeCheck scopes;

    @Activate
    public DeviceResource(@Reference DeviceService devices, @Reference ScopeCheck scopes) {
        this.devices = devices;
        this.scopes = scopes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDevices", summary = "List devices",
            description = "Filters combine with AND; list filters (status, os) accept several values, comma-separated "
                    + "or repeated. Sorted by name unless told otherwise; keyset-paged with a total count. A caller "
                    + "whose devices.read is scoped sees only the devices in their groups (a group filter outside "
                    + "them is refused with 403).",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of devices",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.DevicePage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, named in the problem",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(Permissions.DEVICES_READ)
    public Page<Device> list(
            @Parameter(description = "Only devices in this group") @QueryParam("group") String group,
            @Parameter(description = "With group: include the groups below it (default true)")
            @QueryParam("subtree") String subtree,
            @Parameter(description = "OK, WARNING, CRITICAL") @QueryParam("status") List<String> status,
            @Parameter(description = "WINDOWS, LINUX, MACOS, ANDROID, IOS, OTHER") @QueryParam("os") List<String> os,
            @Parameter(description = "Start of a word of the name or DNS name, or of an IP or MAC address")
            @QueryParam("q") String q,
            @Parameter(description = "Only devices with this tag") @QueryParam("tag") String tag,
            @Parameter(description = "Last visible at or after (ISO-8601 UTC)")
            @QueryParam("lastVisibleFrom") String lastVisibleFrom,
            @Parameter(description = "Last visible before (ISO-8601 UTC)")
            @QueryParam("lastVisibleTo") String lastVisibleTo,
            @Parameter(description = "Only devices with this managed application (id) installed")
            @QueryParam("app") String app,
            @Parameter(description = "Only devices without this managed application (id)")
            @QueryParam("noApp") String noApp,
            @Parameter(description = "name (default), lastVisible, status, os, ip") @QueryParam("sort") String sort,
            @Parameter(description = "asc (default) or desc") @QueryParam("order") String order,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return devices.list(ScopedListing.restrict(QueryParameters.deviceQuery(new QueryParameters.Raw(group,
                subtree, status, os, q, tag, lastVisibleFrom, lastVisibleTo, app, noApp, null, null, sort, order)),
                Caller.of(security.getUserPrincipal()), scopes), QueryParameters.page(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDevice", summary = "Register a device before its Network Agent reports",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DeviceBodies.NewDevice.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Registered",
                        content = @Content(schema = @Schema(implementation = Device.class))),
                @ApiResponse(responseCode = "422", description = "Missing name or unknown group",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, objectKind = DeviceService.OBJECT_TYPE)
    public Response create(DeviceBodies.NewDevice body, @Context SecurityContext security) {
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw new ValidationException("name", "is required");
        }
        scopes.require(Caller.of(security.getUserPrincipal()), Permissions.DEVICES_WRITE,
                Set.of(body.groupId() == null ? AdministrationGroup.UNASSIGNED_DEVICES : body.groupId()));
        Device device = devices.register(new DeviceRegistration(body.name(), body.groupId(), null),
                Actor.of(security.getUserPrincipal()));
        return Response.created(URI.create("devices/" + device.id())).entity(device).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDevice", summary = "A device",
            responses = {
                @ApiResponse(responseCode = "200", description = "The device",
                        content = @Content(schema = @Schema(implementation = Device.class))),
                @ApiResponse(responseCode = "404", description = "No such device",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_READ, scopeFrom = PATH_ID, objectKind = DeviceService.OBJECT_TYPE)
    public Device get(@PathParam("id") String id) {
        return devices.get(Ids.parse("id", id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDevice", summary = "Change a device's display name, description or admin tags",
            description = "Fields left out stay unchanged; tags replace the admin's tags (applications' tags stay). "
                    + "Recorded in the revision history.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DeviceUpdate.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The changed device",
                        content = @Content(schema = @Schema(implementation = Device.class))),
                @ApiResponse(responseCode = "404", description = "No such device",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Invalid field",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, scopeFrom = PATH_ID,
            objectKind = DeviceService.OBJECT_TYPE)
    public Device update(@PathParam("id") String id, DeviceUpdate body, @Context SecurityContext security) {
        UUID deviceId = Ids.parse("id", id);
        if (body == null) {
            throw new ValidationException("", "a JSON object with displayName, description or tags is required");
        }
        return devices.update(deviceId, body, Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "removeDevice", summary = "Remove a device from its group, or delete it",
            description = "A device in a managed group goes back to Unassigned devices; a device in Unassigned "
                    + "devices is deleted and registered in the deleted objects, from where it can be restored.",
            responses = {
                @ApiResponse(responseCode = "200", description = "What was done",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.RemovalResult.class))),
                @ApiResponse(responseCode = "404", description = "No such device",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, scopeFrom = PATH_ID,
            objectKind = DeviceService.OBJECT_TYPE)
    public DeviceBodies.RemovalResult remove(@PathParam("id") String id, @Context SecurityContext security) {
        return new DeviceBodies.RemovalResult(devices.remove(Ids.parse("id", id),
                Actor.of(security.getUserPrincipal())));
    }

    @GET
    @Path("{id}/hardware")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceHardware", summary = "A device's hardware registry",
            responses = @ApiResponse(responseCode = "200", description = "The components",
                    content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = HardwareComponent.class)))))
    @RequiresPermission(value = Permissions.DEVICES_READ, scopeFrom = PATH_ID, objectKind = DeviceService.OBJECT_TYPE)
    public List<HardwareComponent> hardware(@PathParam("id") String id) {
        return devices.hardware(Ids.parse("id", id));
    }

    @GET
    @Path("{id}/software")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceSoftware", summary = "A device's software registry",
            responses = @ApiResponse(responseCode = "200", description = "The installed software, by name",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = SoftwareEntry.class)))))
    @RequiresPermission(value = Permissions.DEVICES_READ, scopeFrom = PATH_ID, objectKind = DeviceService.OBJECT_TYPE)
    public List<SoftwareEntry> software(@PathParam("id") String id) {
        return devices.software(Ids.parse("id", id));
    }

    @GET
    @Path("{id}/applications")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceApplications", summary = "The managed applications installed on a device",
            responses = @ApiResponse(responseCode = "200", description = "The applications",
                    content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = InstalledApplication.class)))))
    @RequiresPermission(value = Permissions.DEVICES_READ, scopeFrom = PATH_ID, objectKind = DeviceService.OBJECT_TYPE)
    public List<InstalledApplication> applications(@PathParam("id") String id) {
        return devices.applications(Ids.parse("id", id));
    }

    @GET
    @Path("{id}/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceSessions", summary = "A device's user accounts and their sessions",
            responses = @ApiResponse(responseCode = "200", description = "Accounts and sessions",
                    content = @Content(schema = @Schema(implementation = DeviceUsers.class))))
    @RequiresPermission(value = Permissions.DEVICES_READ, scopeFrom = PATH_ID, objectKind = DeviceService.OBJECT_TYPE)
    public DeviceUsers sessions(@PathParam("id") String id) {
        return devices.users(Ids.parse("id", id));
    }

    @POST
    @Path("bulk/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveDevices", summary = "Move devices into a group (all or none)",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DeviceBodies.BulkMove.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Moved",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.BulkAnswer.class))),
                @ApiResponse(responseCode = "422", description = "Too many, unknown devices or unknown group",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, objectKind = DeviceService.OBJECT_TYPE)
    public DeviceBodies.BulkAnswer move(DeviceBodies.BulkMove body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("deviceIds", "is required");
        }
        Set<UUID> deviceIds = requireWithin(ids(body.deviceIds()), body.groupId(), security);
        return DeviceBodies.BulkAnswer.of(devices.move(deviceIds, body.groupId(),
                Actor.of(security.getUserPrincipal())));
    }

    @POST
    @Path("bulk/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tagDevices", summary = "Add and remove admin tags on devices (all or none)",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DeviceBodies.BulkTags.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Tagged",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.BulkAnswer.class))),
                @ApiResponse(responseCode = "422", description = "Too many or unknown devices, invalid tags",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, objectKind = DeviceService.OBJECT_TYPE)
    public DeviceBodies.BulkAnswer tag(DeviceBodies.BulkTags body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("deviceIds", "is required");
        }
        Set<UUID> deviceIds = requireWithin(ids(body.deviceIds()), null, security);
        return DeviceBodies.BulkAnswer.of(devices.tag(deviceIds,
                body.add() == null ? Set.of() : new LinkedHashSet<>(body.add()),
                body.remove() == null ? Set.of() : new LinkedHashSet<>(body.remove()),
                Actor.of(security.getUserPrincipal())));
    }

    @POST
    @Path("bulk/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "removeDevices", summary = "Remove devices (all or none), as DELETE /devices/{id} does",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DeviceBodies.BulkDelete.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Removed",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.BulkAnswer.class))),
                @ApiResponse(responseCode = "422", description = "Too many or unknown devices",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_WRITE, objectKind = DeviceService.OBJECT_TYPE)
    public DeviceBodies.BulkAnswer delete(DeviceBodies.BulkDelete body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("deviceIds", "is required");
        }
        Set<UUID> deviceIds = requireWithin(ids(body.deviceIds()), null, security);
        return DeviceBodies.BulkAnswer.of(devices.remove(deviceIds, Actor.of(security.getUserPrincipal())));
    }

    /**
     * Refuses unless every named device, and the target group if there is one, lies within the caller's groups for
     * devices.write.
     */
    private Set<UUID> requireWithin(Set<UUID> deviceIds, UUID targetGroup, SecurityContext security) {
        Set<UUID> groups = new LinkedHashSet<>(devices.groupsOf(deviceIds).values());
        if (targetGroup != null) {
            groups.add(targetGroup);
        }
        scopes.require(Caller.of(security.getUserPrincipal()), Permissions.DEVICES_WRITE, groups);
        return deviceIds;
    }

    private static Set<UUID> ids(List<UUID> ids) {
        if (ids == null) {
            throw new ValidationException("deviceIds", "is required");
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("deviceIds", "must not contain null");
        }
        return new LinkedHashSet<>(ids);
    }
}
