package org.garrison.events.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.events.internal.PayloadCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The documented event types of the core and of the installed applications.
 */
@Component(service = EventTypeResource.class)
@JaxrsResource
@JSONRequired
@Path("event-types")
@Tag(name = "Events")
public class EventTypeResource {

    private final EventService events;
    private final PayloadCodec payloads = new PayloadCodec();

    @Activate
    public EventTypeResource(@Reference EventService events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEventTypes", summary = "List the documented event types",
            description = "By source, then type. Events of types not listed here are accepted too; they need a"
                    + " severity.")
    @ApiResponse(responseCode = "200", description = "One page of event types, with their total")
    @ApiResponse(responseCode = "422", description = "A malformed limit or cursor")
    @RequiresPermission(Permissions.EVENTS_READ)
    public Page<EventTypeView> list(
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = EventFilters.page(limit, cursor);
        List<EventTypeDefinition> all = events.eventTypes();
        int start = 0;
        if (page.cursor() != null) {
            if (page.cursor().keys().size() != 2) {
                throw new ValidationException("cursor", "is not a cursor of this listing; start again without one");
            }
            String source = page.cursor().keys().get(0);
            String type = page.cursor().keys().get(1);
            while (start < all.size() && compare(all.get(start), source, type) <= 0) {
                start++;
            }
        }
        int end = Math.min(all.size(), start + page.limit());
        List<EventTypeView> items = new ArrayList<>(end - start);
        for (EventTypeDefinition definition : all.subList(start, end)) {
            items.add(new EventTypeView(definition.source(), definition.type(),
                    definition.defaultSeverity().wireName(), definition.title(),
                    definition.payloadSchema() == null ? null : payloads.object(definition.payloadSchema())));
        }
        String next = end < all.size()
                ? Cursor.after(all.get(end - 1).source(), all.get(end - 1).type()).encode() : null;
        return new Page<>(items, next, (long) all.size());
    }

    private static int compare(EventTypeDefinition definition, String source, String type) {
        int bySource = definition.source().compareTo(source);
        return bySource != 0 ? bySource : definition.type().compareTo(type);
    }
}
