package org.garrison.audit.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.garrison.api.Page;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.audit.AuditQuery;
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
 * The audit log over REST: the listing with filters, and the same filters as a CSV download.
 */
@Component(service = AuditLogResource.class)
@JaxrsResource
@JSONRequired
@Path("audit-log")
@Tag(name = "Audit log", description = "Every state-changing call and sign-in attempt: who, what, when, from where, "
        + "with what result")
public class AuditLogResource {

    static final String CSV = "text/csv";

    private final AuditLog log;

    @Schema(name = "AuditLogPage", description = "A page of audit-log entries, newest first")
    record AuditLogPage(List<AuditEntry> items,
            @Schema(description = "The cursor of the next page; absent on the last page") String nextCursor) {
    }

    @Activate
    public AuditLogResource(@Reference AuditLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.AUDIT_READ)
    @Operation(operationId = "listAuditLog", summary = "List audit-log entries, newest first",
            description = "Filters combine with AND. A malformed filter, limit or cursor is a 422 naming it. The "
                    + "answer carries no total: the log holds up to a million entries by default.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of entries",
                        content = @Content(schema = @Schema(implementation = AuditLogPage.class))),
                @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor")})
    public Page<AuditEntry> list(
            @Parameter(description = "Entries at or after this instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Entries before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Entries of this actor (account id, token id, ...)") @QueryParam("actor")
            String actor,
            @Parameter(description = "Entries about this kind of object, e.g. device") @QueryParam("objectType")
            String objectType,
            @Parameter(description = "Entries about this object (its id)") @QueryParam("objectId") String objectId,
            @Parameter(description = "Entries with this outcome",
                    schema = @Schema(allowableValues = {"success", "denied", "refused", "failed"}))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        AuditLogFilters.Listing listing = AuditLogFilters.listing(from, to, actor, objectType, objectId, outcome,
                limit, cursor);
        return log.query(listing.query(), listing.page());
    }

    @GET
    @Path("export")
    @Produces(CSV)
    @RequiresPermission(Permissions.AUDIT_READ)
    @Operation(operationId = "exportAuditLog", summary = "Export audit-log entries as CSV",
            description = "The same filters as the listing; every matching entry, newest first, streamed as RFC 4180 "
                    + "CSV (UTF-8, CRLF) with a header row. Fields a spreadsheet would take for a formula start with "
                    + "an apostrophe.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The CSV file",
                        content = @Content(mediaType = CSV, schema = @Schema(type = "string"))),
                @ApiResponse(responseCode = "422", description = "A malformed filter")})
    public Response export(
            @Parameter(description = "Entries at or after this instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Entries before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Entries of this actor (account id, token id, ...)") @QueryParam("actor")
            String actor,
            @Parameter(description = "Entries about this kind of object, e.g. device") @QueryParam("objectType")
            String objectType,
            @Parameter(description = "Entries about this object (its id)") @QueryParam("objectId") String objectId,
            @Parameter(description = "Entries with this outcome",
                    schema = @Schema(allowableValues = {"success", "denied", "refused", "failed"}))
            @QueryParam("outcome") String outcome) {
        AuditQuery query = AuditLogFilters.query(from, to, actor, objectType, objectId, outcome);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            AuditLogCsv csv = new AuditLogCsv(writer);
            csv.header();
            log.export(query, csv::entry);
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"")
                .build();
    }
}
