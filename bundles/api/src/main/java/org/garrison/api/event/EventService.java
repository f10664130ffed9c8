package org.garrison.api.event;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The event store: bulk ingest, queries newest first, streaming export, and the registered event types.
 */
@ProviderType
public interface EventService {

    /** The longest description an event may carry. */
    int MAX_DESCRIPTION_LENGTH = 2000;

    /** The longest source or type name. */
    int MAX_NAME_LENGTH = 100;

    /** The largest payload, in characters of its JSON text. */
    int MAX_PAYLOAD_LENGTH = 65_536;

    /**
     * Stores events. The whole list is checked first: if any event is invalid, nothing is stored and the exception
     * lists every problem, each field prefixed with the event's index ({@code [3].severity}). Events without a
     * group get the group their device is in at that moment. Events whose id is already stored are counted as
     * duplicates and skipped, so a producer can safely submit the same list again.
     *
     * @throws org.garrison.api.error.ValidationException if an event is invalid
     */
    IngestResult ingest(List<NewEvent> events);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such event
     */
    Event get(UUID id);

    /**
     * The events matching the query, newest first (by occurrence time). The page carries no total.
     *
     * @throws org.garrison.api.error.ValidationException if the query names a group that does not exist
     */
    Page<Event> query(EventQuery query, PageRequest page);

    /**
     * Hands every event matching the query to the consumer, newest first, reading the store in chunks so that no
     * transaction stays open for long.
     *
     * @return how many events were handed over
     * @throws org.garrison.api.error.ValidationException if the query names a group that does not exist
     */
    long export(EventQuery query, Consumer<Event> consumer);

    /** Every registered event type, by source then type. */
    List<EventTypeDefinition> eventTypes();
}
