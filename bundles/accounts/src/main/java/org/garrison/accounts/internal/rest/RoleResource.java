package org.garrison.accounts.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import java.util.List;

import org.garrison.accounts.internal.RevisionTypes;
import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleService;
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
 * Roles over REST: the built-in ones (read only) and custom ones.
 */
@Component(service = RoleResource.class)
@JaxrsResource
@JSONRequired
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Named sets of permissions, granted to accounts on group subtrees")
public class RoleResource {

    private static final String ID = "Role id";

    private final RoleService roles;

    @Activate
    public RoleResource(@Reference RoleService roles) {
        this.roles = roles;
    }

    @GET
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "listRoles", summary = "List every role, built-in ones first",
            responses = @ApiResponse(responseCode = "200", description = "Every role, on one page",
                    content = @Content(schema = @Schema(implementation = AccountViews.RoleList.class))))
    public Page<Role> list() {
        List<Role> all = roles.all();
        return new Page<>(all, null, (long) all.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ROLE)
    @Operation(operationId = "createRole", summary = "Create a custom role",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = Role.class))),
                @ApiResponse(responseCode = "409", description = "The name is taken"),
                @ApiResponse(responseCode = "422", description = "No name, or an unknown permission")})
    public Response create(AccountViews.RoleRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        if (request == null) {
            throw new ValidationException("", "a body with name and permissions is required");
        }
        Role role = roles.create(request.name(), request.description(), request.permissions(),
                Actor.of(security.getUserPrincipal()));
        return Response.created(uri.getAbsolutePathBuilder().path(role.id().toString()).build()).entity(role).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "getRole", summary = "Read one role",
            responses = {
                @ApiResponse(responseCode = "200", description = "The role",
                        content = @Content(schema = @Schema(implementation = Role.class))),
                @ApiResponse(responseCode = "404", description = "No such role")})
    public Role get(@Parameter(description = ID) @PathParam("id") String id) {
        return roles.get(Ids.parse("id", id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ROLE)
    @Operation(operationId = "updateRole", summary = "Replace a custom role's name, description and permissions",
            responses = {
                @ApiResponse(responseCode = "200", description = "The changed role",
                        content = @Content(schema = @Schema(implementation = Role.class))),
                @ApiResponse(responseCode = "404", description = "No such role"),
                @ApiResponse(responseCode = "409", description = "A built-in role, or the name is taken"),
                @ApiResponse(responseCode = "422", description = "No name, or an unknown permission")})
    public Role update(@Parameter(description = ID) @PathParam("id") String id, AccountViews.RoleRequest request,
            @Context SecurityContext security) {
        if (request == null) {
            throw new ValidationException("", "a body with name and permissions is required");
        }
        return roles.update(Ids.parse("id", id), request.name(), request.description(), request.permissions(),
                Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ROLE)
    @Operation(operationId = "deleteRole", summary = "Delete a custom role",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such role"),
                @ApiResponse(responseCode = "409", description = "A built-in role, or still granted")})
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        roles.delete(Ids.parse("id", id), Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }
}
