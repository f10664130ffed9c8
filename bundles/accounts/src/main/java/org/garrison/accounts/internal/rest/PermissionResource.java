package org.garrison.accounts.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.account.RoleService;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The permissions roles can be built from, for the role editor.
 */
@Component(service = PermissionResource.class)
@JaxrsResource
@JSONRequired
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class PermissionResource {

    private final RoleService roles;

    @Activate
    public PermissionResource(@Reference RoleService roles) {
        this.roles = roles;
    }

    @GET
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "listPermissions", summary = "Every permission roles can hold now",
            description = "The core permissions and those of installed plugins. groupScoped ones hold within the "
                    + "group subtrees a role is granted on; the others only from a grant on \"Managed devices\".",
            responses = @ApiResponse(responseCode = "200", description = "The permissions",
                    content = @Content(schema = @Schema(implementation = AccountViews.PermissionList.class))))
    public AccountViews.PermissionList list() {
        return new AccountViews.PermissionList(roles.permissions());
    }
}
