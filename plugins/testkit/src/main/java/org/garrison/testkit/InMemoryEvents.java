package org.garrison.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.plugin.JsonSchemaValidator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event store for unit tests of a plugin's components, in memory. Like the server's it skips events whose id is
 * stored already and refuses the whole list (naming each event by its index) if one event is invalid; it checks each
 * payload fully against the payload schema your descriptor gives its type, so an event your code builds wrong fails
 * the test. Only {@link #ingest} works; the reading calls of the real store are not needed by a plugin's components.
 */
public final class InMemoryEvents implements EventService {

    private final Map<UUID, NewEvent> stored = new LinkedHashMap<>();
    private final Map<String, String> payloadSchemas = new HashMap<>();
    private final JsonSchemaValidator validator = new ServerSchemaValidator();
    private int duplicates;

    private InMemoryEvents(PluginResources files) {
        JsonNode descriptor = Json.parse(files.text("GARRISON-INF/plugin.json"));
        for (JsonNode type : descriptor.path("eventTypes")) {
            String schema = type.path("payloadSchema").asText(null);
            if (schema != null) {
                payloadSchemas.put(type.path("type").asText(), files.text("GARRISON-INF/schemas/" + schema));
            }
        }
    }

    /** A store that knows the event types of the plugin whose {@code GARRISON-INF/} is on the test's class path. */
    public static InMemoryEvents forPluginOnClassPath() {
        return new InMemoryEvents(PluginResources.onClassPath());
    }

    /** Every event stored, in the order it came. */
    public synchronized List<NewEvent> stored() {
        return List.copyOf(stored.values());
    }

    /** The events of one type, in the order they came. */
    public synchronized List<NewEvent> ofType(String type) {
        return stored.values().stream().filter(e -> e.type().equals(type)).toList();
    }

    /** How many events were skipped because their id was stored already. */
    public synchronized int duplicates() {
        return duplicates;
    }

    @Override
    public synchronized IngestResult ingest(List<NewEvent> events) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            if (event.id() == null || event.occurredAt() == null || event.severity() == null
                    || event.description() == null || event.description().length() > MAX_DESCRIPTION_LENGTH) {
                errors.add(new FieldError("[" + i + "]", "needs an id, a time, a severity and a description of at "
                        + "most " + MAX_DESCRIPTION_LENGTH + " characters"));
            }
            String schema = payloadSchemas.get(event.type());
            if (schema == null) {
                errors.add(new FieldError("[" + i + "].type", "is not an event type of the plugin's descriptor with a "
                        + "payload schema: " + event.type()));
                continue;
            }
            for (FieldError error : validator.validate(schema, event.payload())) {
                errors.add(new FieldError("[" + i + "].payload/" + error.field(), error.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int count = 0;
        List<UUID> ids = new ArrayList<>();
        for (NewEvent event : events) {
            ids.add(event.id());
            if (stored.putIfAbsent(event.id(), event) == null) {
                count++;
            } else {
                duplicates++;
            }
        }
        return new IngestResult(count, events.size() - count, ids);
    }

    @Override
    public Event get(UUID id) {
        throw new UnsupportedOperationException("not part of the in-memory event store");
    }

    @Override
    public Page<Event> query(EventQuery query, PageRequest page) {
        throw new UnsupportedOperationException("not part of the in-memory event store");
    }

    @Override
    public long export(EventQuery query, Consumer<Event> consumer) {
        throw new UnsupportedOperationException("not part of the in-memory event store");
    }

    @Override
    public List<EventTypeDefinition> eventTypes() {
        throw new UnsupportedOperationException("not part of the in-memory event store");
    }
}
