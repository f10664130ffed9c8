package org.garrison.policies.internal;

import java.util.List;

import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.EventTypeProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The event types the policies area reports (source {@value Event#CORE_SOURCE}).
 */
@Component
public class PolicyEventTypes implements EventTypeProvider {

    /** A stored policy no longer matches its application's settings schema (after a plugin upgrade). */
    static final String POLICY_INVALID = "policy-invalid";

    private static final List<EventTypeDefinition> TYPES = List.of(
            new EventTypeDefinition(Event.CORE_SOURCE, POLICY_INVALID, EventSeverity.WARNING,
                    "Policy no longer matches its application's settings schema", """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"policyId":{"type":"string","format":"uuid"},
                                   "policyName":{"type":"string"},
                                   "application":{"type":"string"},
                                   "pluginVersion":{"type":"string"},
                                   "problems":{"type":"array","items":{"type":"object"}}},
                     "required":["policyId","application","problems"]}"""));

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return TYPES;
    }
}
