package org.garrison.plugins.devicecontrol.internal;

import java.util.ArrayList;
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
import org.garrison.extender.internal.schema.JsonSchemas;

/**
 * The event store, in memory: like the real one it skips events whose id is stored already and refuses the whole
 * list if one event is invalid; it checks payloads against the plugin's own payload schemas fully (the real store
 * checks their shape), so an event the plugin builds wrong fails the test.
 */
final class TestEvents implements EventService {

    private final Map<UUID, NewEvent> stored = new LinkedHashMap<>();
    private final JsonSchemas schemas;
    private int duplicates;

    TestEvents(JsonSchemas schemas) {
        this.schemas = schemas;
    }

    List<NewEvent> stored() {
        return List.copyOf(stored.values());
    }

    List<NewEvent> ofType(String type) {
        return stored.values().stream().filter(e -> e.type().equals(type)).toList();
    }

    int duplicates() {
        return duplicates;
    }

    @Override
    public IngestResult ingest(List<NewEvent> events) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            if (event.id() == null || event.occurredAt() == null || event.severity() == null
                    || event.description().length() > MAX_DESCRIPTION_LENGTH) {
                errors.add(new FieldError("[" + i + "]", "is incomplete"));
            }
            String schema = PluginFiles.text("GARRISON-INF/schemas/events/" + event.type() + ".json");
            for (FieldError error : schemas.validate(schema, event.payload())) {
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
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Event> query(EventQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long export(EventQuery query, Consumer<Event> consumer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<EventTypeDefinition> eventTypes() {
        throw new UnsupportedOperationException();
    }
}
