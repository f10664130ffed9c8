package org.garrison.policies.internal.rest;

import java.util.Set;
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
import org.garrison.api.Page;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Policies over REST: listing, reading, creating, replacing, deleting, activating and deactivating.
 */
@Component(service = PolicyResource.class)
@JaxrsResource
@JSONRequired
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Applications' settings for administration groups, with profiles")
public class PolicyResource {

    static final String PROBLEM = "application/problem+json";
    static final String PATH_ID = "path:id";
    static final String POLICY = PolicyService.OBJECT_TYPE;
    static final String ID = "Policy id";

    private final PolicyService policies;
    private final ScopeCheck scopes;
    private final GroupService groups;

    @Activate
    public PolicyResource(@Reference PolicyService policies, @Reference ScopeCheck scopes,
            @Reference GroupService groups) {
        this.policies = policies;
        this.scopes = scopes;
        this.groups = groups;
    }

    @GET
    @Operation(operationId = "listPolicies", summary = "List policies by name",
            description = "Filters combine with AND. A caller whose policies.read is scoped sees only the policies "
                    + "of the groups within their subtrees (a group filter outside them is refused with 403).",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of policies",
                        content = @Content(schema = @Schema(implementation = PolicyPage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(Permissions.POLICIES_READ)
    public Page<Policy> list(
            @Parameter(description = "Only policies attached to this group (id)") @QueryParam("group") String group,
            @Parameter(description = "true: the policies of the group and of every group below it")
            @QueryParam("subtree") String subtree,
            @Parameter(description = "Only policies of this application (plugin id)")
            @QueryParam("application") String application,
            @Parameter(description = "ACTIVE, INACTIVE or OUT_OF_OFFICE") @QueryParam("state") String state,
            @Parameter(description = "true: only policies that no longer match their application's settings "
                    + "schema; false: only the others") @QueryParam("invalid") String invalid,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return policies.list(PolicyParameters.query(group, subtree, application, state, invalid, caller(security),
                scopes, groups),
                PolicyParameters.page(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPolicy", summary = "Create a policy",
            description = "Creating it ACTIVE (or OUT_OF_OFFICE) makes the group's policy of the application in that "
                    + "state INACTIVE, in the same transaction.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PolicyDraft.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "400", description = "A body that is not a policy draft",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "403", description = "The group lies outside the caller's groups",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Every problem with its path: missing fields, an "
                        + "application without an active plugin, settings not matching its schema, values locked "
                        + "above, too many profiles", content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, objectKind = POLICY)
    public Response create(PolicyDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        if (draft == null) {
            throw new ValidationException("", "a policy is required");
        }
        if (draft.groupId() != null) {
            scopes.require(caller(security), Permissions.POLICIES_WRITE, Set.of(draft.groupId()));
        }
        Policy policy = policies.create(draft, Actor.of(security.getUserPrincipal()));
        return Response.created(uri.getAbsolutePathBuilder().path(policy.id().toString()).build()).entity(policy)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPolicy", summary = "A policy",
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_READ, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy get(@Parameter(description = ID) @PathParam("id") String id) {
        return policies.get(Ids.parse("id", id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePolicy", summary = "Replace a policy's content",
            description = "Name, description, state, inheritance, settings, locked paths and profiles are replaced "
                    + "by the body's. Send expectedRevision (the revision you edited) to be refused with 409 instead "
                    + "of overwriting someone else's change.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PolicyDraft.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy as stored",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The policy is at another revision than "
                        + "expectedRevision", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "As for creating, and a different application or "
                        + "group", content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy update(@Parameter(description = ID) @PathParam("id") String id, PolicyDraft draft,
            @Context SecurityContext security) {
        UUID policyId = Ids.parse("id", id);
        if (draft == null) {
            throw new ValidationException("", "a policy is required");
        }
        return policies.update(policyId, draft, Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deletePolicy", summary = "Delete a policy",
            description = "It goes to the registry of deleted objects (type policy), from where it can be restored.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        policies.delete(Ids.parse("id", id), Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/activate")
    @Operation(operationId = "activatePolicy", summary = "Make a policy the group's active one",
            description = "The group's active policy of the same application, if any, becomes INACTIVE in the same "
                    + "transaction.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy, active",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy activate(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        return policies.changeState(Ids.parse("id", id), PolicyState.ACTIVE, Actor.of(security.getUserPrincipal()));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(operationId = "deactivatePolicy", summary = "Make a policy inactive",
            responses = {
                @ApiResponse(responseCode = "200", description = "The policy, inactive",
                        content = @Content(schema = @Schema(implementation = Policy.class))),
                @ApiResponse(responseCode = "404", description = "No such policy",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.POLICIES_WRITE, scopeFrom = PATH_ID, objectKind = POLICY)
    public Policy deactivate(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        return policies.changeState(Ids.parse("id", id), PolicyState.INACTIVE,
                Actor.of(security.getUserPrincipal()));
    }

    static Caller caller(SecurityContext security) {
        return Caller.of(security.getUserPrincipal());
    }
}
