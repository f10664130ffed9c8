package org.garrison.events.internal.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.events.internal.EventScopeResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Events over REST: listing with filters, one event, bulk submission by integrations and CSV export.
 */
@Component(service = EventResource.class)
@JaxrsResource
@JSONRequired
@Path("events")
@Tag(name = "Events", description = "What happened on the devices and in the server")
public class EventResource {

    /** The most events one POST may carry. */
    public static final int MAX_BATCH = 10_000;

    static final String CSV = "text/csv";
    private static final List<String> CSV_HEADER = List.of("id", "occurredAt", "receivedAt", "severity", "source",
            "type", "deviceId", "groupId", "description", "payload");

    private final EventService events;
    private final ScopeCheck scopes;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public EventResource(@Reference EventService events, @Reference ScopeCheck scopes) {
        this.events = events;
        this.scopes = scopes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEvents", summary = "List events, newest first",
            description = "Filters combine with AND; repeatable filters (severity, type, source) match any of their"
                    + " values and also accept comma-separated lists. A malformed filter is a 422 naming it. A caller"
                    + " whose events.read is scoped sees only the events of their groups (a group filter outside"
                    + " them is refused with 403).")
    @ApiResponse(responseCode = "200", description = "One page of events")
    @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor")
    @RequiresPermission(Permissions.EVENTS_READ)
    public Page<EventView> list(
            @Parameter(description = "Events that occurred at or after this instant (ISO-8601)")
            @QueryParam("from") String from,
            @Parameter(description = "Events that occurred before this instant (ISO-8601)")
            @QueryParam("to") String to,
            @Parameter(description = "Events of this device (id)") @QueryParam("device") String device,
            @Parameter(description = "Events of devices in this administration group or any group below it (id)")
            @QueryParam("group") String group,
            @Parameter(description = "critical, functional-failure, warning or info; repeatable")
            @QueryParam("severity") List<String> severity,
            @Parameter(description = "Event type; repeatable") @QueryParam("type") List<String> type,
            @Parameter(description = "\"core\" or an application id; repeatable")
            @QueryParam("source") List<String> source,
            @Parameter(description = "Text contained in the description or type, ignoring case")
            @QueryParam("q") String q,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        EventFilters.Listing listing = EventFilters.listing(from, to, device, group, severity, type, source, q, limit,
                cursor);
        return events.query(restrict(listing.query(), security), listing.page()).map(EventView::of);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEvent", summary = "One event")
    @ApiResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @ApiResponse(responseCode = "404", description = "No such event")
    @RequiresPermission(value = Permissions.EVENTS_READ, scopeFrom = "path:id", objectKind = EventScopeResolver.KIND)
    public EventView get(@Parameter(description = "The event's id") @PathParam("id") String id) {
        return EventView.of(events.get(Ids.parse("id", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitEvents", summary = "Submit events in bulk",
            description = "Needs events.write on the whole server. At most " + MAX_BATCH + " events per call."
                    + " All or nothing: if any event is invalid,"
                    + " none is stored and the 422 lists every problem with the event's index ([3].severity)."
                    + " Events whose id is already stored are counted as duplicates, not stored again.",
            requestBody = @RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = NewEventBody.class)))))
    @ApiResponse(responseCode = "200", description = "What was stored",
            content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @ApiResponse(responseCode = "413", description = "More than " + MAX_BATCH + " events, or a body over the"
            + " request size limit")
    @ApiResponse(responseCode = "422", description = "Invalid events; nothing was stored")
    @RequiresPermission(value = Permissions.EVENTS_WRITE, everywhere = true, objectKind = EventScopeResolver.KIND)
    public IngestResult submit(List<NewEventBody> body) {
        if (body == null) {
            throw new ValidationException("", "the body must be a JSON array of events");
        }
        if (body.size() > MAX_BATCH) {
            throw new WebApplicationException("At most " + MAX_BATCH + " events per call, not " + body.size()
                    + "; split them into several calls", 413);
        }
        List<FieldError> errors = new ArrayList<>();
        List<NewEvent> submitted = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            NewEventBody item = body.get(i);
            if (item == null) {
                submitted.add(null);
                continue;
            }
            EventSeverity severity = null;
            if (item.severity() != null) {
                severity = EventSeverity.fromWireName(item.severity()).orElse(null);
                if (severity == null) {
                    errors.add(new FieldError("[" + i + "].severity",
                            "must be one of critical, functional-failure, warning, info"));
                }
            }
            submitted.add(new NewEvent(item.id(), item.occurredAt(), item.deviceId(), item.groupId(), item.source(),
                    item.type(), severity, item.description(), item.payload()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return events.ingest(submitted);
    }

    @GET
    @Path("export.csv")
    @Produces(CSV)
    @Operation(operationId = "exportEvents", summary = "Export events as CSV",
            description = "The same filters as the listing, every matching event newest first, streamed as RFC 4180"
                    + " CSV (UTF-8, CRLF). Fields a spreadsheet would take for a formula start with an apostrophe.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "A malformed filter")
    @RequiresPermission(Permissions.EVENTS_READ)
    public Response export(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("device") String device,
            @QueryParam("group") String group, @QueryParam("severity") List<String> severity,
            @QueryParam("type") List<String> type, @QueryParam("source") List<String> source,
            @QueryParam("q") String q, @Context SecurityContext security) {
        EventQuery query = restrict(EventFilters.query(from, to, device, group, severity, type, source, q),
                security);
        // settles the query's group before the answer starts, so an unknown group is still a problem report
        events.query(query, new PageRequest(1, null));
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            CsvWriter csv = new CsvWriter(writer);
            csv.row(CSV_HEADER);
            events.export(query, event -> csv.row(fields(event)));
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"events.csv\"")
                .build();
    }

    /**
     * The query limited to the caller's groups for events.read.
     *
     * @throws org.garrison.api.error.ForbiddenException if its group filter lies outside them
     */
    private EventQuery restrict(EventQuery query, SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(Permissions.EVENTS_READ);
        Set<UUID> within = scopes.groupsWithin(scope);
        if (within == null) {
            return query;
        }
        if (query.groupId() != null) {
            scopes.require(caller, Permissions.EVENTS_READ, Set.of(query.groupId()));
        }
        return query.within(within);
    }

    private List<String> fields(Event event) {
        String payload;
        try {
            payload = event.payload().isEmpty() ? "" : json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return List.of(event.id().toString(), event.occurredAt().toString(), event.receivedAt().toString(),
                event.severity().wireName(), event.source(), event.type(),
                event.deviceId() == null ? "" : event.deviceId().toString(),
                event.groupId() == null ? "" : event.groupId().toString(), event.description(), payload);
    }
}
