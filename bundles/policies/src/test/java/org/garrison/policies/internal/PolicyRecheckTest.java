package org.garrison.policies.internal;

import static org.garrison.policies.internal.Policies.ADMIN;
import static org.garrison.policies.internal.Policies.APP;
import static org.garrison.policies.internal.Policies.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyState;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-checking after a plugin upgrade reports each policy that became invalid once, as a core event.
 */
class PolicyRecheckTest {

    private final TestPlugins plugins = new TestPlugins();
    private final List<NewEvent> events = new ArrayList<>();
    private ApplicationPoliciesService policies;
    private PolicyRecheck recheck;

    @BeforeEach
    void start() throws Exception {
        plugins.install(APP, "1.0.0", ApplicationPoliciesServiceTest.SCHEMA);
        policies = ApplicationPoliciesService.withClock(TestDatabase.withSchema("policies", "db/policies.sql",
                getClass().getClassLoader()).transactions(), new AuditTrail().history(), new AuditTrail().deleted(),
                new TestGroups(), null, TestConfig.defaults(), Clock.systemUTC());
        policies.setPluginRegistry(plugins);
        policies.setSchemaValidator(new TestSchemas());
        recheck = new PolicyRecheck(policies);
        recheck.setEventService(new Recording());
    }

    @AfterEach
    void stop() {
        recheck.deactivate();
    }

    @Test
    void aPolicyThatNoLongerMatchesIsReportedOnceWithItsProblems() {
        Policy slow = policies.create(new PolicyDraft(APP, AdministrationGroup.MANAGED_DEVICES, "Slow", null,
                PolicyState.ACTIVE, null, null, settings("{\"scan\":{\"interval\":120}}"), null, null, null), ADMIN);
        recheck.recheck(APP);
        assertTrue(events.isEmpty());

        plugins.install(APP, "2.0.0", ApplicationPoliciesServiceTest.STRICTER);
        recheck.recheck(APP);
        recheck.recheck(APP);
        assertEquals(1, events.size());
        NewEvent event = events.get(0);
        assertEquals(Event.CORE_SOURCE, event.source());
        assertEquals(PolicyEventTypes.POLICY_INVALID, event.type());
        assertEquals(EventSeverity.WARNING, event.severity());
        assertNull(event.deviceId());
        assertEquals(AdministrationGroup.MANAGED_DEVICES, event.groupId());
        assertEquals(slow.id().toString(), event.payload().get("policyId"));
        assertEquals("2.0.0", event.payload().get("pluginVersion"));
        assertEquals("settings/scan/interval", ((Map<?, ?>) ((List<?>) event.payload().get("problems")).get(0))
                .get("field"));
        assertTrue(event.description().contains("\"Slow\""), event.description());
        assertTrue(new PolicyEventTypes().eventTypes().stream()
                .anyMatch(t -> t.type().equals(event.type()) && t.source().equals(event.source())));
    }

    /** An event store that keeps what it is given. */
    private final class Recording implements EventService {

        @Override
        public IngestResult ingest(List<NewEvent> submitted) {
            events.addAll(submitted);
            return new IngestResult(submitted.size(), 0, submitted.stream().map(e -> UUID.randomUUID()).toList());
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
            return List.of();
        }
    }
}
