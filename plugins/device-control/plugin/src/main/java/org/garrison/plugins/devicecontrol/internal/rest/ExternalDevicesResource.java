package org.garrison.plugins.devicecontrol.internal.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.devicecontrol.internal.DeviceControl;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceSelection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The external devices seen across the fleet: {@code GET /api/v1/plugins/device-control/resources/external-devices}.
 */
@Component(service = ExternalDevicesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(garrison.plugin=" + DeviceControl.ID + ")")
@JSONRequired
@Path("external-devices")
@Tag(name = "Device Control", description = "External devices and access decisions the Device Control application "
        + "reports")
public class ExternalDevicesResource {

    private final ExternalDeviceListing listing;
    private final ScopeCheck scopes;
    private final GroupService groups;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public ExternalDevicesResource(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference GroupService groups, @Reference ScopeCheck scopes,
            @Reference(target = DeviceControl.SCHEMA_FILTER) MigratedSchema schema) {
        this.listing = new ExternalDeviceListing(transactions, devices);
        this.scopes = scopes;
        this.groups = groups;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDeviceControlExternalDevices", summary = "List the external devices seen on devices,"
            + " blocked first, then the most recently seen",
            description = "Filters combine with AND. A caller whose device-control.read is limited to some groups sees"
                    + " the external devices of their devices only (a group filter outside them is refused with 403)."
                    + " A page may hold fewer items than the limit and still have a nextCursor when many rows of"
                    + " other groups lie in between. The page carries no total.")
    @ApiResponse(responseCode = "200", description = "One page of external devices")
    @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor, or an unknown group")
    @RequiresPermission(DeviceControl.READ)
    public Page<ExternalDeviceView> list(
            @Parameter(description = "Device classes, e.g. removable-storage; repeatable or comma-separated")
            @QueryParam("class") List<String> deviceClass,
            @Parameter(description = "allowed, blocked or read-only; repeatable or comma-separated")
            @QueryParam("access") List<String> access,
            @Parameter(description = "true: attached now; false: seen before, not attached now")
            @QueryParam("connected") String connected,
            @Parameter(description = "External devices of this managed device (id)") @QueryParam("device")
            String device,
            @Parameter(description = "External devices of managed devices in this administration group or below it"
                    + " (id)") @QueryParam("group") String group,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        ExternalDeviceSelection selection = new ExternalDeviceSelection(device == null || device.isEmpty() ? null
                : Ids.parse("device", device), QueryParameters.deviceClasses(deviceClass),
                QueryParameters.accesses(access), QueryParameters.connected(connected));
        PageRequest page = PageRequest.of(QueryParameters.limit(limit), cursor);
        Caller caller = Caller.of(security.getUserPrincipal());
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(DeviceControl.READ);
        Set<UUID> within = scopes.groupsWithin(scope);
        if (group != null && !group.isEmpty()) {
            UUID groupId = Ids.parse("group", group);
            Set<UUID> subtree;
            try {
                subtree = groups.subtree(groupId);
            } catch (NotFoundException e) {
                throw new ValidationException("group", "there is no administration group " + groupId);
            }
            if (within != null) {
                scopes.require(caller, DeviceControl.READ, Set.of(groupId));
            }
            within = subtree;
        }
        return listing.list(selection, within, page);
    }
}
