package org.garrison.events.internal;

import java.util.Optional;
import java.util.UUID;

import org.garrison.api.error.NotFoundException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventService;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.ScopeResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the authorisation filter which group an event belongs to: the group its device was in when it was stored.
 * An event without a group (the server's own) belongs to the whole server, which is what "Managed devices", the root
 * of the tree, stands for: only callers holding the permission on the whole server see it.
 */
@Component(service = ScopeResolver.class, property = ScopeResolver.OBJECT_KIND + "=" + EventScopeResolver.KIND)
public class EventScopeResolver implements ScopeResolver {

    /** The object kind of events. */
    public static final String KIND = "event";

    private final EventService events;

    @Activate
    public EventScopeResolver(@Reference EventService events) {
        this.events = events;
    }

    @Override
    public Optional<UUID> groupOf(String objectId) {
        UUID id = parse(objectId);
        if (id == null) {
            return Optional.empty();
        }
        Event event;
        try {
            event = events.get(id);
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
        return Optional.of(event.groupId() == null ? AdministrationGroup.MANAGED_DEVICES : event.groupId());
    }

    private static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
