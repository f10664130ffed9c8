package org.garrison.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.EventTypeProvider;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.StoreException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store: validates and stores events in chunks, lists and exports them, and collects the event types
 * that {@link EventTypeProvider}s register.
 */
@Component(service = EventService.class)
public class EventLogService implements EventService {

    /**
     * Events per transaction on ingest. Large enough for batching to pay, small enough that a transaction stays
     * far below Derby's lock escalation threshold (5,000 row locks), above which it would lock the whole table
     * and hold up readers and the retention job.
     */
    static final int INGEST_CHUNK = 1000;

    /** Events read per transaction by an export. */
    static final int EXPORT_CHUNK = 1000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Logger LOG = LoggerFactory.getLogger(EventLogService.class);

    private final EventRepository repository;
    private final PayloadCodec payloads = new PayloadCodec();
    private final Clock clock;
    private final AtomicReference<DeviceService> devices = new AtomicReference<>();
    private final AtomicReference<GroupService> groups = new AtomicReference<>();
    private final Map<Long, EventTypeProvider> providers = new ConcurrentSkipListMap<>();
    private final Map<String, Optional<PayloadSchema>> schemas = new ConcurrentHashMap<>();

    @Activate
    public EventLogService(@Reference EventRepository repository) {
        this(repository, Clock.systemUTC());
    }

    EventLogService(EventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetDeviceService")
    public void setDeviceService(DeviceService service) {
        devices.set(service);
    }

    public void unsetDeviceService(DeviceService service) {
        devices.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetGroupService")
    void setGroupService(GroupService service) {
        groups.set(service);
    }

    void unsetGroupService(GroupService service) {
        groups.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeTypeProvider")
    void addTypeProvider(EventTypeProvider provider, Map<String, Object> properties) {
        providers.put((Long) properties.get(Constants.SERVICE_ID), provider);
    }

    void removeTypeProvider(EventTypeProvider provider, Map<String, Object> properties) {
        providers.remove((Long) properties.get(Constants.SERVICE_ID));
    }

    @Override
    public IngestResult ingest(List<NewEvent> submitted) {
        Map<String, EventTypeDefinition> types = typeIndex();
        List<FieldError> errors = new ArrayList<>();
        List<EventSeverity> severities = new ArrayList<>(submitted.size());
        List<String> json = new ArrayList<>(submitted.size());
        for (int i = 0; i < submitted.size(); i++) {
            severities.add(check(i, submitted.get(i), types, errors, json));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<UUID, UUID> groupOfDevice = groupsOf(submitted);
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        List<UUID> ids = new ArrayList<>(submitted.size());
        Set<UUID> seen = new HashSet<>();
        List<Event> pending = new ArrayList<>(Math.min(submitted.size(), INGEST_CHUNK));
        List<String> pendingJson = new ArrayList<>(Math.min(submitted.size(), INGEST_CHUNK));
        List<UUID> producerIds = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        for (int i = 0; i < submitted.size(); i++) {
            NewEvent event = submitted.get(i);
            UUID id = event.id() != null ? event.id() : Ids.newId();
            ids.add(id);
            if (!seen.add(id)) {
                duplicates++;
                continue;
            }
            if (event.id() != null) {
                producerIds.add(id);
            }
            UUID group = event.groupId() != null ? event.groupId()
                    : event.deviceId() == null ? null : groupOfDevice.get(event.deviceId());
            pending.add(new Event(id, event.occurredAt().truncatedTo(ChronoUnit.MICROS), receivedAt,
                    event.deviceId(), group, event.source(), event.type(), severities.get(i),
                    event.description() == null ? "" : event.description(), event.payload()));
            pendingJson.add(json.get(i));
            if (pending.size() == INGEST_CHUNK) {
                int written = storeChunk(pending, pendingJson, producerIds);
                stored += written;
                duplicates += pending.size() - written;
                pending.clear();
                pendingJson.clear();
                producerIds.clear();
            }
        }
        if (!pending.isEmpty()) {
            int written = storeChunk(pending, pendingJson, producerIds);
            stored += written;
            duplicates += pending.size() - written;
        }
        return new IngestResult(stored, duplicates, ids);
    }

    /**
     * Stores one chunk in one transaction. Duplicates are rare (a producer repeating a call whose answer it lost),
     * so the chunk is first inserted as it is and the primary key refuses it if one of its producer ids is stored
     * already; only then are the stored ids looked up, with one query per few hundred ids, and the rest inserted.
     * Another ingest may store one of the same ids between that lookup and the insert; the chunk is then tried again.
     *
     * @return how many events were stored
     */
    private int storeChunk(List<Event> events, List<String> json, List<UUID> producerIds) {
        for (int attempt = 1; ; attempt++) {
            try {
                return repository.transactions().inTransaction(connection -> {
                    if (producerIds.isEmpty()) {
                        repository.insert(connection, events, json);
                        return events.size();
                    }
                    if (repository.insertUnlessDuplicate(connection, events, json)) {
                        return events.size();
                    }
                    Set<UUID> existing = repository.existingIds(connection, producerIds);
                    List<Event> fresh = new ArrayList<>(events.size());
                    List<String> freshJson = new ArrayList<>(events.size());
                    for (int i = 0; i < events.size(); i++) {
                        if (!existing.contains(events.get(i).id())) {
                            fresh.add(events.get(i));
                            freshJson.add(json.get(i));
                        }
                    }
                    repository.insert(connection, fresh, freshJson);
                    return fresh.size();
                });
            } catch (StoreException e) {
                if (attempt >= 3 || !EventRepository.isDuplicateKey(e)) {
                    throw e;
                }
                LOG.debug("Concurrent ingest stored some of the same events; retrying the chunk", e);
            }
        }
    }

    private EventSeverity check(int index, NewEvent event, Map<String, EventTypeDefinition> types,
            List<FieldError> errors, List<String> json) {
        String at = "[" + index + "]";
        if (event == null) {
            errors.add(new FieldError(at, "must be an event"));
            json.add(null);
            return null;
        }
        if (event.occurredAt() == null) {
            errors.add(new FieldError(at + ".occurredAt", "is required"));
        }
        checkName(at + ".source", event.source(), errors);
        checkName(at + ".type", event.type(), errors);
        if (event.description() != null && event.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError(at + ".description", "must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters"));
        }
        EventTypeDefinition definition = event.source() == null || event.type() == null ? null
                : types.get(key(event.source(), event.type()));
        EventSeverity severity = event.severity();
        if (severity == null) {
            if (definition == null) {
                errors.add(new FieldError(at + ".severity",
                        "is required for an event type the server does not document"));
            } else {
                severity = definition.defaultSeverity();
            }
        }
        String text = null;
        try {
            text = payloads.write(event.payload());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".payload", "must be a JSON object of strings, numbers, booleans, "
                    + "lists and objects"));
        }
        if (text != null && text.length() > MAX_PAYLOAD_LENGTH) {
            errors.add(new FieldError(at + ".payload", "must be at most " + MAX_PAYLOAD_LENGTH
                    + " characters as JSON"));
        } else if (text != null && definition != null) {
            schema(definition).ifPresent(s -> errors.addAll(s.check(at + ".payload", event.payload(), payloads)));
        }
        json.add(text);
        return severity;
    }

    private static void checkName(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!NAME.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_NAME_LENGTH
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private Optional<PayloadSchema> schema(EventTypeDefinition definition) {
        if (definition.payloadSchema() == null) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(definition.payloadSchema(), text -> {
            PayloadSchema parsed = PayloadSchema.parse(text, payloads);
            if (parsed == null) {
                LOG.warn("The payload schema of event type {}/{} is not a JSON object; payloads of the type are not"
                        + " checked", definition.source(), definition.type());
            }
            return Optional.ofNullable(parsed);
        });
    }

    private Map<UUID, UUID> groupsOf(List<NewEvent> events) {
        Set<UUID> lookup = new HashSet<>();
        for (NewEvent event : events) {
            if (event.groupId() == null && event.deviceId() != null) {
                lookup.add(event.deviceId());
            }
        }
        DeviceService service = devices.get();
        if (lookup.isEmpty() || service == null) {
            return Map.of();
        }
        return service.groupsOf(lookup);
    }

    @Override
    public Event get(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("Event", id));
    }

    @Override
    public Page<Event> query(EventQuery query, PageRequest page) {
        EventCriteria criteria = criteria(query);
        EventPosition after = page.cursor() == null ? null : EventPosition.of(page.cursor());
        List<Event> rows = repository.list(criteria, after, page.limit() + 1);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null, null);
        }
        List<Event> items = rows.subList(0, page.limit());
        Event last = items.get(items.size() - 1);
        return new Page<>(items, new EventPosition(last.occurredAt(), last.id()).toCursor().encode(), null);
    }

    @Override
    public long export(EventQuery query, Consumer<Event> consumer) {
        EventCriteria criteria = criteria(query);
        EventPosition after = null;
        long count = 0;
        while (true) {
            List<Event> chunk = repository.list(criteria, after, EXPORT_CHUNK);
            chunk.forEach(consumer);
            count += chunk.size();
            if (chunk.size() < EXPORT_CHUNK) {
                return count;
            }
            Event last = chunk.get(chunk.size() - 1);
            after = new EventPosition(last.occurredAt(), last.id());
        }
    }

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return typeIndex().values().stream()
                .sorted(Comparator.comparing(EventTypeDefinition::source).thenComparing(EventTypeDefinition::type))
                .toList();
    }

    /** Types by "source/type"; the provider registered first wins a clash. */
    private Map<String, EventTypeDefinition> typeIndex() {
        Map<String, EventTypeDefinition> index = new LinkedHashMap<>();
        for (EventTypeProvider provider : providers.values()) {
            List<EventTypeDefinition> definitions;
            try {
                definitions = provider.eventTypes();
            } catch (RuntimeException e) {
                LOG.warn("Event type provider {} failed; its types are ignored", provider.getClass().getName(), e);
                continue;
            }
            for (EventTypeDefinition definition : definitions) {
                index.putIfAbsent(key(definition.source(), definition.type()), definition);
            }
        }
        return index;
    }

    private static String key(String source, String type) {
        return source + "/" + type;
    }

    private EventCriteria criteria(EventQuery query) {
        Set<UUID> groupIds = null;
        if (query.groupId() != null) {
            GroupService service = groups.get();
            if (service == null) {
                groupIds = Set.of(query.groupId());
            } else {
                try {
                    groupIds = service.subtree(query.groupId());
                } catch (NotFoundException e) {
                    throw new ValidationException("group", "names no administration group");
                }
            }
        }
        if (query.withinGroups() != null) {
            Set<UUID> within = query.withinGroups();
            groupIds = groupIds == null ? within
                    : groupIds.stream().filter(within::contains).collect(Collectors.toSet());
        }
        return new EventCriteria(query.from(), query.to(), query.deviceId(), groupIds, query.severities(),
                query.types(), query.sources(), query.text());
    }
}
