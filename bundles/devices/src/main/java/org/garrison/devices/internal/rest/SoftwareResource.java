package org.garrison.devices.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Page;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.error.ValidationException;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The fleet-wide software registry.
 */
@Component(service = SoftwareResource.class)
@JaxrsResource
@JSONRequired
@Path("software")
@Tag(name = "Software", description = "Software registry over all devices")
public class SoftwareResource {

    private static final String PROBLEM = "application/problem+json";

    private final DeviceService devices;
    private final ScopeCheck scopes;

    @Activate
    public SoftwareResource(@Reference DeviceService devices, @Reference ScopeCheck scopes) {
        this.devices = devices;
        this.scopes = scopes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSoftware", summary = "The software registry: products with their device counts",
            description = "Counts over the whole fleet, so it needs devices.read on the whole server.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One line per name, vendor and version, by name",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.SoftwarePage.class))),
                @ApiResponse(responseCode = "422", description = "Invalid limit or cursor",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.DEVICES_READ, everywhere = true)
    public Page<SoftwareProduct> software(
            @Parameter(description = "Only names containing this text") @QueryParam("name") String name,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (name != null && name.length() > 255) {
            throw new ValidationException("name", "must be at most 255 characters");
        }
        return devices.softwareRegistry(name, QueryParameters.page(limit, cursor));
    }

    @GET
    @Path("devices")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSoftwareDevices", summary = "The devices that have a software product",
            description = "Only the devices in the caller's groups.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of devices, by name",
                        content = @Content(schema = @Schema(implementation = DeviceBodies.DevicePage.class))),
                @ApiResponse(responseCode = "422", description = "Missing name, invalid limit or cursor",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(Permissions.DEVICES_READ)
    public Page<Device> softwareDevices(
            @Parameter(description = "The product name (exact, case-insensitive)", required = true)
            @QueryParam("name") String name,
            @Parameter(description = "Only this version") @QueryParam("version") String version,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "is required");
        }
        return devices.list(ScopedListing.restrict(QueryParameters.deviceQuery(new QueryParameters.Raw(null, null,
                null, null, null, null, null, null, null, null, name, version, null, null)),
                Caller.of(security.getUserPrincipal()), scopes), QueryParameters.page(limit, cursor));
    }
}
