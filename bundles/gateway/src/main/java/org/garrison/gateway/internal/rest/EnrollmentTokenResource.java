package org.garrison.gateway.internal.rest;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.IssuedEnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.NewEnrollmentToken;
import org.garrison.gateway.internal.enrollment.GatewayAddress;
import org.garrison.gateway.internal.rest.AgentViews.IssuedTokenView;
import org.garrison.gateway.internal.rest.AgentViews.TokenPage;
import org.garrison.gateway.internal.rest.AgentViews.TokenView;
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
 * Enrollment tokens: what an admin hands to new machines so that their agents may enroll.
 */
@Component(service = EnrollmentTokenResource.class)
@JaxrsResource
@JSONRequired
@Path("enrollment-tokens")
@Tag(name = "Enrollment tokens", description = "Tokens Network Agents enroll with")
public class EnrollmentTokenResource {

    static final String OBJECT_TYPE = "enrollment-token";
    private static final String PROBLEM = "application/problem+json";

    private final EnrollmentTokens tokens;
    private final GatewayAddress gateway;
    private final ScopeCheck scopes;

    /**
     * A new token; only the name is required.
     *
     * @param name            what it is for, 1–100 characters
     * @param groupId         the group new devices go to; default "Unassigned devices"
     * @param requireApproval whether each enrolled agent waits for an admin's approval; default false
     * @param maxUses         how many machines may enroll with it, 1–100,000; default 1
     * @param expiresAt       when it stops working; default 7 days ahead, at most 365 days (configurable)
     */
    @Schema(name = "NewEnrollmentToken")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, UUID groupId,
            Boolean requireApproval, Integer maxUses, Instant expiresAt) {
    }

    @Activate
    public EnrollmentTokenResource(@Reference EnrollmentTokens tokens, @Reference GatewayAddress gateway,
            @Reference ScopeCheck scopes) {
        this.tokens = tokens;
        this.gateway = gateway;
        this.scopes = scopes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEnrollmentTokens", summary = "List enrollment tokens, newest first",
            description = "Secrets are never listed.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of tokens",
                        content = @Content(schema = @Schema(implementation = TokenPage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(Permissions.ENROLLMENT_READ)
    public Page<TokenView> list(
            @Parameter(description = "all (default) or active (usable now)") @QueryParam("state") String state,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        boolean activeOnly = activeOnly(state);
        Instant now = tokens.now();
        return tokens.list(activeOnly, Paging.of(limit, cursor)).map(token -> TokenView.of(token, now));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEnrollmentToken", summary = "Create an enrollment token",
            description = "The answer carries the token and the command that enrolls a machine with it; the token "
                    + "cannot be shown again. A token that puts devices into a group also needs devices.write on "
                    + "that group (\"Unassigned devices\" by default).",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = CreateRequest.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = IssuedTokenView.class))),
                @ApiResponse(responseCode = "403", description = "No devices.write on the token's group",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "A bad name, group, number of uses or expiry",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_WRITE, objectKind = OBJECT_TYPE)
    public Response create(CreateRequest body, @Context SecurityContext security, @Context UriInfo uri) {
        IssuedTokenView issued = issue(body, security, uri.getRequestUri().getHost());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    /**
     * Creates the token.
     *
     * @param host the server's host as the caller reached it, for the enroll command
     */
    IssuedTokenView issue(CreateRequest body, SecurityContext security, String host) {
        if (body == null) {
            throw new ValidationException("", "a JSON object with at least a name is required");
        }
        scopes.require(Caller.of(security.getUserPrincipal()), Permissions.DEVICES_WRITE,
                Set.of(body.groupId() == null ? AdministrationGroup.UNASSIGNED_DEVICES : body.groupId()));
        IssuedEnrollmentToken issued = tokens.create(new NewEnrollmentToken(body.name(), body.groupId(),
                body.requireApproval(), body.maxUses(), body.expiresAt()), Actor.of(security.getUserPrincipal()));
        return IssuedTokenView.of(TokenView.of(issued.token(), tokens.now()), issued.text(),
                gateway.enrollCommand(host, issued.text()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEnrollmentToken", summary = "An enrollment token",
            responses = {
                @ApiResponse(responseCode = "200", description = "The token",
                        content = @Content(schema = @Schema(implementation = TokenView.class))),
                @ApiResponse(responseCode = "404", description = "No such token",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_READ, objectKind = OBJECT_TYPE)
    public TokenView get(@PathParam("id") String id) {
        return TokenView.of(tokens.get(Ids.parse("id", id)), tokens.now());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeEnrollmentToken", summary = "Revoke an enrollment token for good",
            description = "No agent can enroll with it any more; agents that enrolled with it stay enrolled. "
                    + "Revoking a revoked token changes nothing.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Revoked"),
                @ApiResponse(responseCode = "404", description = "No such token",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.ENROLLMENT_WRITE, objectKind = OBJECT_TYPE)
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(Ids.parse("id", id));
        return Response.noContent().build();
    }

    private static boolean activeOnly(String state) {
        if (state == null || state.isBlank()) {
            return false;
        }
        return switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> false;
            case "active" -> true;
            default -> throw new ValidationException("state", "must be active or all");
        };
    }
}
