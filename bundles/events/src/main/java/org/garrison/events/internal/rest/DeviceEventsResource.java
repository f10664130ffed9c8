package org.garrison.events.internal.rest;

import java.util.List;
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
import org.garrison.api.event.EventService;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The events of one device, as the device's detail page shows them.
 */
@Component(service = DeviceEventsResource.class)
@JaxrsResource
@JSONRequired
@Path("devices/{deviceId}/events")
@Tag(name = "Events")
public class DeviceEventsResource {

    private final EventService events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceService devices;

    @Activate
    public DeviceEventsResource(@Reference EventService events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDeviceEvents", summary = "List a device's events, newest first",
            description = "The same filters as GET /events, restricted to the device. Needs events.read where the "
                    + "device is.")
    @ApiResponse(responseCode = "200", description = "One page of the device's events")
    @ApiResponse(responseCode = "404", description = "No such device")
    @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor")
    @RequiresPermission(value = Permissions.EVENTS_READ, scopeFrom = "path:deviceId",
            objectKind = DeviceService.OBJECT_TYPE)
    public Page<EventView> list(
            @Parameter(description = "The device's id") @PathParam("deviceId") String deviceId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("severity") List<String> severity, @QueryParam("type") List<String> type,
            @QueryParam("source") List<String> source, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID device = Ids.parse("deviceId", deviceId);
        DeviceService known = devices;
        if (known != null && known.groupsOf(Set.of(device)).isEmpty()) {
            throw new NotFoundException("Device", device);
        }
        EventFilters.Listing listing = EventFilters.listing(from, to, null, null, severity, type, source, q, limit,
                cursor);
        return events.query(listing.query().withDevice(device), listing.page()).map(EventView::of);
    }
}
