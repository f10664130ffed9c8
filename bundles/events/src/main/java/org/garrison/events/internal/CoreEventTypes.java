package org.garrison.events.internal;

import java.util.List;

import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.EventTypeProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The event types the server itself reports (source {@value Event#CORE_SOURCE}).
 */
@Component
public class CoreEventTypes implements EventTypeProvider {

    private static final List<EventTypeDefinition> TYPES = List.of(
            new EventTypeDefinition(Event.CORE_SOURCE, "device-inactive", EventSeverity.WARNING,
                    "Device inactive", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"lastVisibleAt":{"type":"string","format":"date-time"},
                                   "inactiveDays":{"type":"integer","minimum":0}},
                     "required":["lastVisibleAt"]}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "device-status-changed", EventSeverity.INFO,
                    "Device status changed", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"previousStatus":{"type":"string","enum":["ok","warning","critical"]},
                                   "status":{"type":"string","enum":["ok","warning","critical"]},
                                   "reasons":{"type":"array","items":{"type":"string"}}},
                     "required":["status"]}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "device-moved", EventSeverity.INFO,
                    "Device moved to another administration group", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"fromGroupId":{"type":"string","format":"uuid"},
                                   "toGroupId":{"type":"string","format":"uuid"},
                                   "rule":{"type":"string"}},
                     "required":["toGroupId"]}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "device-added", EventSeverity.INFO,
                    "Device added", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"displayName":{"type":"string"},"groupId":{"type":"string","format":"uuid"}}}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "device-removed", EventSeverity.WARNING,
                    "Device removed", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"displayName":{"type":"string"}}}"""));

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return TYPES;
    }
}
