package org.garrison.policies.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Ids;
import org.garrison.api.device.DeviceService;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.PolicyService;
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
 * The effective policy of one device. A root resource of its own under {@code devices/{id}}: JAX-RS picks it for
 * these paths over the devices area's {@code devices} resource because its template is the more specific one.
 */
@Component(service = DeviceEffectivePolicyResource.class)
@JaxrsResource
@JSONRequired
@Path("devices/{id}/effective-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class DeviceEffectivePolicyResource {

    private final PolicyService policies;

    @Activate
    public DeviceEffectivePolicyResource(@Reference PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Path("{application}")
    @Operation(operationId = "getDeviceEffectivePolicy", summary = "An application's settings in force on a device",
            description = "The policies of the device's group and of the groups above (out-of-office ones where the "
                    + "device is outside the organisation's network), merged with their locks, and the profiles that "
                    + "match the device; for every value, the policy or profile that set it. No policy: empty "
                    + "settings. Needs policies.read where the device is.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The effective policy",
                        content = @Content(schema = @Schema(implementation = EffectivePolicy.class))),
                @ApiResponse(responseCode = "404", description = "No such device",
                        content = @Content(mediaType = PolicyResource.PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_READ, scopeFrom = "path:id",
            objectKind = DeviceService.OBJECT_TYPE)
    public EffectivePolicy get(@Parameter(description = "Device id") @PathParam("id") String id,
            @Parameter(description = "Application (plugin) id") @PathParam("application") String application) {
        return policies.effectiveForDevice(Ids.parse("id", id), application);
    }
}
