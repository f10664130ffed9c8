package org.garrison.devices.internal.rest;

import java.time.Duration;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Ids;
import org.garrison.api.device.DeviceService;
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
 * The managed applications over the devices a caller sees: protection and licence figures for the monitoring
 * dashboard, counted by the database.
 */
@Component(service = DeviceApplicationResource.class)
@JaxrsResource
@JSONRequired
@Path("device-applications")
@Tag(name = "Devices", description = "Managed devices")
public class DeviceApplicationResource {

    private static final String PROBLEM = "application/problem+json";

    static final int DEFAULT_EXPIRING_DAYS = 30;
    static final int MAX_EXPIRING_DAYS = 365;

    private final DeviceService devices;
    private final ScopeCheck scopes;

    @Activate
    public DeviceApplicationResource(@Reference DeviceService devices, @Reference ScopeCheck scopes) {
        this.devices = devices;
        this.scopes = scopes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "summariseDeviceApplications",
            summary = "Each managed application over the devices: states, real-time protection, threats, licences",
            description = "One summary per application installed on at least one device, by name. A caller whose "
                    + "devices.read is scoped counts only the devices in their groups (a group outside them is "
                    + "refused with 403). Licence keys are masked: only their last characters are shown.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The summaries",
                        content = @Content(schema = @Schema(
                                implementation = DeviceBodies.ApplicationSummaries.class))),
                @ApiResponse(responseCode = "403", description = "The group lies outside the caller's groups",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "A malformed or unknown group, or "
                        + "expiringWithinDays outside 1-365, named in the problem",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(Permissions.DEVICES_READ)
    public DeviceBodies.ApplicationSummaries summarise(
            @Parameter(description = "Only devices in this group and the groups below it")
            @QueryParam("group") String group,
            @Parameter(description = "How many days ahead an active licence key counts as expiring, 1-365 "
                    + "(default 30)") @QueryParam("expiringWithinDays") String expiringWithinDays,
            @Context SecurityContext security) {
        UUID groupId = group == null || group.isBlank() ? null : Ids.parse("group", group.trim());
        int days = days(expiringWithinDays);
        return new DeviceBodies.ApplicationSummaries(devices.applicationSummaries(groupId,
                ScopedListing.groupsWithin(groupId, Caller.of(security.getUserPrincipal()), scopes),
                Duration.ofDays(days)), days);
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_EXPIRING_DAYS;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= MAX_EXPIRING_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of range is
        }
        throw new ValidationException("expiringWithinDays", "must be a whole number of days between 1 and "
                + MAX_EXPIRING_DAYS);
    }
}
