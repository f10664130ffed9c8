package org.garrison.policies.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Ids;
import org.garrison.api.group.AdministrationGroup;
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
 * The effective policy of a group, without profiles (they depend on each device). A root resource of its own under
 * {@code groups/{id}}, picked over the groups area's {@code groups} resource for these paths.
 */
@Component(service = GroupEffectivePolicyResource.class)
@JaxrsResource
@JSONRequired
@Path("groups/{id}/effective-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class GroupEffectivePolicyResource {

    private final PolicyService policies;

    @Activate
    public GroupEffectivePolicyResource(@Reference PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Path("{application}")
    @Operation(operationId = "getGroupEffectivePolicy", summary = "An application's settings in force in a group",
            description = "The policies of the group and of the groups above, merged with their locks, without "
                    + "profiles. With outOfOffice=true, as for devices outside the organisation's network.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The effective policy",
                        content = @Content(schema = @Schema(implementation = EffectivePolicy.class))),
                @ApiResponse(responseCode = "404", description = "No such group",
                        content = @Content(mediaType = PolicyResource.PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_READ, scopeFrom = "path:id",
            objectKind = AdministrationGroup.OBJECT_TYPE)
    public EffectivePolicy get(@Parameter(description = "Group id") @PathParam("id") String id,
            @Parameter(description = "Application (plugin) id") @PathParam("application") String application,
            @Parameter(description = "true: take the out-of-office policies where groups have one")
            @QueryParam("outOfOffice") String outOfOffice) {
        return policies.effectiveForGroup(Ids.parse("id", id), application,
                PolicyParameters.flag("outOfOffice", outOfOffice));
    }
}
