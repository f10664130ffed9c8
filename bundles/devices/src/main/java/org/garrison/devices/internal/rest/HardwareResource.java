package org.garrison.devices.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Page;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.HardwareModel;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
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
 * The fleet-wide hardware registry.
 */
@Component(service = HardwareResource.class)
@JaxrsResource
@JSONRequired
@Path("hardware")
@Tag(name = "Hardware", description = "Hardware registry over all devices")
public class HardwareResource {

    private static final String PROBLEM = "application/problem+json";

    private final DeviceService devices;

    @Activate
    public HardwareResource(@Reference DeviceService devices) {
        this.devices = devices;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listHardware", summary = "The hardware registry: models with their device counts",
            description = "Counts over the whole fleet, so it needs devices.read on the whole server.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One line per category, vendor and model",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.HardwarePage.class))),
                @ApiResponse(responseCode = "422", description = "Invalid limit or cursor",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_READ, everywhere = true)
    public Page<HardwareModel> hardware(
            @Parameter(description = "Only this category, e.g. cpu, memory, disk") @QueryParam("category")
            String category,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (category != null && category.length() > 64) {
            throw new ValidationException("category", "must be at most 64 characters");
        }
        return devices.hardwareRegistry(category, QueryParameters.page(limit, cursor));
    }
}
