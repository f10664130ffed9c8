package org.garrison.audit.internal.datainventory;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

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
 * The data inventory over REST: what the server holds, from the core and from each installed plugin.
 */
@Component(service = DataInventoryResource.class)
@JaxrsResource
@JSONRequired
@Path("data-inventory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data inventory", description = "Every kind of data the server holds, from the core and from each "
        + "installed plugin: where it comes from, where it is stored, whether it is personal or encrypted, and how "
        + "long it is kept")
public class DataInventoryResource {

    private final DataInventory inventory;

    @Activate
    public DataInventoryResource(@Reference DataInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @RequiresPermission(Permissions.AUDIT_READ)
    @Operation(operationId = "listDataInventory", summary = "List every kind of data the server holds",
            description = "Sorted by owner, then id. Filters combine with AND. Plugins' items appear while the "
                    + "plugin is active and disappear when it stops. A malformed filter is a 422 naming it.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The matching items",
                        content = @Content(schema = @Schema(implementation = DataInventoryView.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter")})
    public DataInventoryView list(
            @Parameter(description = "Only items of this owner: core or a plugin id") @QueryParam("owner")
            String owner,
            @Parameter(description = "Only personal (true) or only non-personal (false) items",
                    schema = @Schema(type = "boolean")) @QueryParam("personal") String personal,
            @Parameter(description = "Only items from this source",
                    schema = @Schema(allowableValues = {"ADMIN", "AGENT", "APPLICATION", "SERVER"}))
            @QueryParam("origin") String origin) {
        DataInventoryFilter filter = DataInventoryFilter.of(owner, personal, origin);
        return new DataInventoryView(inventory.items(filter).stream().map(DataItemView::of).toList());
    }
}
