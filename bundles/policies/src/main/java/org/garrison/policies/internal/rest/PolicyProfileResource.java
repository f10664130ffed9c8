package org.garrison.policies.internal.rest;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The profiles of one policy, one at a time. (A policy's PUT replaces all of them at once, and is the way to
 * reorder them.) Every change answers the whole policy, whose revision it raises.
 */
@Component(service = PolicyProfileResource.class)
@JaxrsResource
@JSONRequired
@Path("policies/{id}/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class PolicyProfileResource {

    private static final String PROBLEM = PolicyResource.PROBLEM;
    private static final String PATH_ID = PolicyResource.PATH_ID;
    private static final String POLICY = PolicyResource.POLICY;
    private static final String ID = PolicyResource.ID;
    private static final String PROFILE_ID = "Profile id";
    private static final String EXPECTED = "The policy revision the change was made from; 409 when the policy "
            + "is at another one";

    private final PolicyService policies;

    @Activate
    public PolicyProfileResource(@Reference PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Operation(operationId = "listPolicyProfiles", summary = "A policy's profiles, highest priority first",
            responses = {
                @ApiResponse(responseCode = "200", description = "The profiles",
                        content = @Content(array = @ArraySchema(schema = @Schema(
                                implementation = PolicyProfile.class)))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_READ, scopeFrom = PATH_ID, objectKind = POLICY)
    public List<PolicyProfile> list(@Parameter(description = ID) @PathParam("id") String id) {
        return policies.get(Ids.parse("id", id)).profiles();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addPolicyProfile", summary = "Add a profile to a policy",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PolicyProfile.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "The policy with the new profile (its location is "
                        + "the profile's)", content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The policy is at another revision",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Every problem, named as in the policy "
                        + "(profiles/<index>/...)", content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Response add(@Parameter(description = ID) @PathParam("id") String id, PolicyProfile profile,
            @Parameter(description = "Its place in the priority order, 0 for the highest (default: the end)")
            @QueryParam("position") String position,
            @Parameter(description = EXPECTED) @QueryParam("expectedRevision") String expectedRevision,
            @Context SecurityContext security, @Context UriInfo uri) {
        UUID policyId = Ids.parse("id", id);
        if (profile == null) {
            throw new ValidationException("", "a profile is required");
        }
        if (profile.id() != null) {
            throw new ValidationException("id", "is assigned by the server; leave it out");
        }
        Integer at = PolicyParameters.number("position", position);
        Policy policy = policies.addProfile(policyId, profile, at,
                PolicyParameters.number("expectedRevision", expectedRevision), Actor.of(security.getUserPrincipal()));
        PolicyProfile added = policy.profiles().get(at == null ? policy.profiles().size() - 1 : at);
        return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build()).entity(policy)
                .build();
    }

    @GET
    @Path("{profileId}")
    @Operation(operationId = "getPolicyProfile", summary = "One profile of a policy",
            responses = {
                @ApiResponse(responseCode = "200", description = "The profile",
                        content = @Content(schema = @Schema(implementation = PolicyProfile.class))),
                @ApiResponse(responseCode = "404", description = "No such policy or profile",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_READ, scopeFrom = PATH_ID, objectKind = POLICY)
    public PolicyProfile get(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = PROFILE_ID) @PathParam("profileId") String profileId) {
        UUID policyId = Ids.parse("id", id);
        UUID wanted = Ids.parse("profileId", profileId);
        return policies.get(policyId).profiles().stream().filter(p -> p.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundException("Policy profile", wanted));
    }

    @PUT
    @Path("{profileId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePolicyProfile", summary = "Replace one profile of a policy",
            description = "The profile keeps its id and its place in the priority order.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PolicyProfile.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy after the change",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy or profile",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The policy is at another revision",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Every problem, named as in the policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy update(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = PROFILE_ID) @PathParam("profileId") String profileId, PolicyProfile profile,
            @Parameter(description = EXPECTED) @QueryParam("expectedRevision") String expectedRevision,
            @Context SecurityContext security) {
        UUID policyId = Ids.parse("id", id);
        UUID wanted = Ids.parse("profileId", profileId);
        if (profile == null) {
            throw new ValidationException("", "a profile is required");
        }
        if (profile.id() != null && !profile.id().equals(wanted)) {
            throw new ValidationException("id", "must be the profile's id of the path, or be left out");
        }
        return policies.updateProfile(policyId, wanted, profile,
                PolicyParameters.number("expectedRevision", expectedRevision), Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{profileId}")
    @Operation(operationId = "deletePolicyProfile", summary = "Remove one profile of a policy",
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy after the change",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy or profile",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The policy is at another revision",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy delete(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = PROFILE_ID) @PathParam("profileId") String profileId,
            @Parameter(description = EXPECTED) @QueryParam("expectedRevision") String expectedRevision,
            @Context SecurityContext security) {
        return policies.deleteProfile(Ids.parse("id", id), Ids.parse("profileId", profileId),
                PolicyParameters.number("expectedRevision", expectedRevision), Actor.of(security.getUserPrincipal()));
    }
}
