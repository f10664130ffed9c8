package org.garrison.gateway.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.gateway.internal.enrollment.AgentRegistry;
import org.garrison.gateway.internal.enrollment.DeviceSelection;
import org.garrison.gateway.internal.rest.AgentViews.AgentDetailsView;
import org.garrison.gateway.internal.rest.AgentViews.AgentPage;
import org.garrison.gateway.internal.rest.AgentViews.AgentView;
import org.garrison.gateway.internal.rest.AgentViews.RevokeBody;
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
 * Enrolled Network Agents: listing, approval of those that wait, rejection and revocation of their certificates.
 */
@Component(service = AgentResource.class)
@JaxrsResource
@JSONRequired
@Path("agents")
@Tag(name = "Agents", description = "Enrolled Network Agents and their certificates")
public class AgentResource {

    static final String OBJECT_TYPE = "agent";
    private static final String PROBLEM = "application/problem+json";

    private final AgentRegistry agents;

    @Activate
    public AgentResource(@Reference AgentRegistry agents) {
        this.agents = agents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAgents", summary = "List enrolled agents, last enrolled first",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of agents, with the total",
                        content = @Content(schema = @Schema(implementation = AgentPage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(Permissions.ENROLLMENT_READ)
    public Page<AgentView> list(
            @Parameter(description = "PENDING_APPROVAL, ACTIVE, REJECTED or REVOKED") @QueryParam("state")
            String state,
            @Parameter(description = "The start of the host name or hardware id (case-insensitive)")
            @QueryParam("q") String q,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return agents.list(DeviceSelection.state(state), q, Paging.of(limit, cursor)).map(AgentView::of);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAgent", summary = "An agent with its certificates",
            responses = {
                @ApiResponse(responseCode = "200", description = "The agent",
                        content = @Content(schema = @Schema(implementation = AgentDetailsView.class))),
                @ApiResponse(responseCode = "404", description = "No such agent",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_READ, objectKind = OBJECT_TYPE)
    public AgentDetailsView get(@PathParam("id") String id) {
        return AgentDetailsView.of(agents.get(Ids.parse("id", id)));
    }

    @POST
    @Path("{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveAgent", summary = "Let an agent awaiting approval sync",
            responses = {
                @ApiResponse(responseCode = "200", description = "The approved agent",
                        content = @Content(schema = @Schema(implementation = AgentDetailsView.class))),
                @ApiResponse(responseCode = "404", description = "No such agent",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The agent is not awaiting approval",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_WRITE, objectKind = OBJECT_TYPE)
    public AgentDetailsView approve(@PathParam("id") String id, @Context SecurityContext security) {
        return AgentDetailsView.of(agents.approve(Ids.parse("id", id), Actor.of(security.getUserPrincipal())));
    }

    @POST
    @Path("{id}/reject")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectAgent", summary = "Refuse an agent awaiting approval",
            description = "Its certificates are revoked; the machine must enroll again with a new token.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The rejected agent",
                        content = @Content(schema = @Schema(implementation = AgentDetailsView.class))),
                @ApiResponse(responseCode = "404", description = "No such agent",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The agent is not awaiting approval",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_WRITE, objectKind = OBJECT_TYPE)
    public AgentDetailsView reject(@PathParam("id") String id, @Context SecurityContext security) {
        return AgentDetailsView.of(agents.reject(Ids.parse("id", id), Actor.of(security.getUserPrincipal())));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeAgent", summary = "Revoke every certificate of an agent",
            description = "Its next request is refused (at once on this server node, within seconds on others). "
                    + "The machine must enroll again with a new token; its device stays. The body may be empty, but is sent as application/json.",
            requestBody = @RequestBody(required = false,
                    content = @Content(schema = @Schema(implementation = RevokeBody.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The revoked agent",
                        content = @Content(schema = @Schema(implementation = AgentDetailsView.class))),
                @ApiResponse(responseCode = "404", description = "No such agent",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "The agent is already revoked or rejected",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "A reason over 100 characters",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_WRITE, objectKind = OBJECT_TYPE)
    public AgentDetailsView revoke(@PathParam("id") String id, RevokeBody body, @Context SecurityContext security) {
        return AgentDetailsView.of(agents.revoke(Ids.parse("id", id), body == null ? null : body.reason(),
                Actor.of(security.getUserPrincipal())));
    }

}
