package org.garrison.gateway.internal.sync;

import java.util.List;

import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.EventTypeProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The event types the Network Agent reports about itself (source {@value Event#CORE_SOURCE}); listed in
 * docs/agent-protocol.md.
 */
@Component
public class AgentEventTypes implements EventTypeProvider {

    private static final List<EventTypeDefinition> TYPES = List.of(
            new EventTypeDefinition(Event.CORE_SOURCE, "agent-started", EventSeverity.INFO,
                    "Network Agent started", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"agentVersion":{"type":"string"}}}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "agent-stopped", EventSeverity.INFO,
                    "Network Agent stopped", null),
            new EventTypeDefinition(Event.CORE_SOURCE, "agent-outbox-full", EventSeverity.WARNING,
                    "Network Agent outbox full", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"dropped":{"type":"integer","minimum":0}}}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "agent-clock-skew", EventSeverity.WARNING,
                    "Device clock differs from the server's", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"skewSeconds":{"type":"number"}}}"""),
            new EventTypeDefinition(Event.CORE_SOURCE, "instruction-failed", EventSeverity.FUNCTIONAL_FAILURE,
                    "Instruction failed on the device", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"instructionId":{"type":"string","format":"uuid"},
                                   "type":{"type":"string"},"message":{"type":"string"}}}"""));

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return TYPES;
    }
}
