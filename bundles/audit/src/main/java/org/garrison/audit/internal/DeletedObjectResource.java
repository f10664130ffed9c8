package org.garrison.audit.internal;

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

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The registry of deleted objects over REST: list, read, restore, purge.
 */
@Component(service = DeletedObjectResource.class)
@JaxrsResource
@JSONRequired
@Path("deleted-objects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deleted objects", description = "Registry of deleted management objects")
public class DeletedObjectResource {

    private final DeletedObjects deleted;
    private final RevisionHistoryService history;
    private final Transactions transactions;
    private final AuditViews views = new AuditViews();

    @Activate
    public DeletedObjectResource(@Reference DeletedObjects deleted, @Reference RevisionHistoryService history,
            @Reference Transactions transactions) {
        this.deleted = deleted;
        this.history = history;
        this.transactions = transactions;
    }

    @GET
    @Operation(operationId = "listDeletedObjects", summary = "List deleted objects, newest first",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of entries",
                        content = @Content(schema = @Schema(implementation = AuditViews.DeletedObjectPage.class))),
                @ApiResponse(responseCode = "422", description = "A bad limit or cursor")})
    @RequiresPermission(Permissions.AUDIT_READ)
    public Page<AuditViews.DeletedObjectView> list(
            @Parameter(description = "Only objects of this type, e.g. administration-group")
            @QueryParam("objectType") String objectType,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return deleted.list(objectType == null || objectType.isBlank() ? null : objectType, page).map(views::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDeletedObject", summary = "Read one entry",
            responses = {
                @ApiResponse(responseCode = "200", description = "The entry",
                        content = @Content(schema = @Schema(implementation = AuditViews.DeletedObjectView.class))),
                @ApiResponse(responseCode = "404", description = "No such entry")})
    @RequiresPermission(Permissions.AUDIT_READ)
    public AuditViews.DeletedObjectView get(@Parameter(description = "Entry id") @PathParam("id") String id) {
        return views.of(deleted.get(Ids.parse("id", id)));
    }

    @POST
    @Path("{id}/restore")
    @Operation(operationId = "restoreDeletedObject", summary = "Recreate the deleted object",
            description = "Removes the entry and returns the revision that records the restore.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The revision recording the restore",
                        content = @Content(schema = @Schema(implementation = AuditViews.RevisionView.class))),
                @ApiResponse(responseCode = "404", description = "No such entry"),
                @ApiResponse(responseCode = "409", description = "The object cannot be recreated (e.g. its parent "
                        + "group no longer exists, or its name is taken)")})
    @RequiresPermission(value = Permissions.HISTORY_RESTORE, objectKind = "deleted-object")
    public AuditViews.RevisionView restore(@Parameter(description = "Entry id") @PathParam("id") String id,
            @Context SecurityContext security) {
        Actor actor = Actor.of(security.getUserPrincipal());
        return transactions.inTransaction(connection -> {
            DeletedObject entry = deleted.get(Ids.parse("id", id));
            deleted.restore(entry.id(), actor);
            return views.of(history.revisions(entry.object(), new PageRequest(1, null)).items().get(0));
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "purgeDeletedObject", summary = "Remove the entry for good",
            responses = {
                @ApiResponse(responseCode = "204", description = "Purged"),
                @ApiResponse(responseCode = "404", description = "No such entry")})
    @RequiresPermission(value = Permissions.HISTORY_RESTORE, objectKind = "deleted-object")
    public Response purge(@Parameter(description = "Entry id") @PathParam("id") String id,
            @Context SecurityContext security) {
        deleted.purge(Ids.parse("id", id), Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }
}
