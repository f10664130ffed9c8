package org.garrison.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a bundle (a core area or an application plugin) documents the event types it
 * reports. The event store picks up every registered provider; the types of a provider that goes away are no
 * longer listed, while events of those types stay stored.
 *
 * <p>When two providers define the same source and type, the one registered first is used.
 */
@ConsumerType
public interface EventTypeProvider {

    /** The event types this provider documents. Called whenever the list of types is needed; keep it cheap. */
    List<EventTypeDefinition> eventTypes();
}
