package org.garrison.audit.internal;

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
import org.garrison.api.PageRequest;
import org.garrison.api.audit.ObjectRef;
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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The revision history over REST: list, read, restore.
 */
@Component(service = RevisionResource.class)
@JaxrsResource
@JSONRequired
@Path("revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "Revision history of management objects")
public class RevisionResource {

    private final RevisionHistoryService history;
    private final AuditViews views = new AuditViews();

    @Activate
    public RevisionResource(@Reference RevisionHistoryService history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "List revisions, newest first",
            description = "With objectType and objectId: the revisions of one object, by number. With objectType "
                    + "only: recent revisions of every object of that type. Without either: recent revisions of "
                    + "everything.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of revisions",
                        content = @Content(schema = @Schema(implementation = AuditViews.RevisionPage.class))),
                @ApiResponse(responseCode = "422", description = "objectId without objectType, a bad id or cursor")})
    @RequiresPermission(Permissions.AUDIT_READ)
    public Page<AuditViews.RevisionView> list(
            @Parameter(description = "Object type, e.g. administration-group") @QueryParam("objectType")
            String objectType,
            @Parameter(description = "Object id (needs objectType)") @QueryParam("objectId") String objectId,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String type = objectType == null || objectType.isBlank() ? null : objectType;
        if (objectId != null) {
            if (type == null) {
                throw new ValidationException("objectType", "is required together with objectId");
            }
            return history.revisions(new ObjectRef(type, Ids.parse("objectId", objectId)), page).map(views::of);
        }
        return history.recent(type, page).map(views::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRevision", summary = "Read one revision",
            responses = {
                @ApiResponse(responseCode = "200", description = "The revision",
                        content = @Content(schema = @Schema(implementation = AuditViews.RevisionView.class))),
                @ApiResponse(responseCode = "404", description = "No such revision")})
    @RequiresPermission(Permissions.AUDIT_READ)
    public AuditViews.RevisionView get(@Parameter(description = "Revision id") @PathParam("id") String id) {
        return views.of(history.revision(Ids.parse("id", id)));
    }

    @POST
    @Path("{id}/restore")
    @Operation(operationId = "restoreRevision", summary = "Put the object back into the state of this revision",
            description = "Records the result as a new revision (action \"restored\") and returns it.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The new revision",
                        content = @Content(schema = @Schema(implementation = AuditViews.RevisionView.class))),
                @ApiResponse(responseCode = "404", description = "No such revision"),
                @ApiResponse(responseCode = "409", description = "The object cannot be put back into that state "
                        + "(deleted since, name taken, no restorer installed)")})
    @RequiresPermission(value = Permissions.HISTORY_RESTORE, objectKind = "revision")
    public AuditViews.RevisionView restore(@Parameter(description = "Revision id") @PathParam("id") String id,
            @Context SecurityContext security) {
        return views.of(history.restore(Ids.parse("id", id), Actor.of(security.getUserPrincipal())));
    }
}
