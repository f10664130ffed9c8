package org.garrison.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.junit.jupiter.api.Test;

class EventLogServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final CountedTransactions database = new CountedTransactions();
    private final EventRepository repository = database.repository();
    private final EventLogService service = new EventLogService(repository, Clock.fixed(NOW, ZoneOffset.UTC));

    EventLogServiceTest() {
        service.addTypeProvider(new CoreEventTypes(), Map.of("service.id", 1L));
    }

    @Test
    void resubmittingTheSameProducerIdsStoresNothingTwice() {
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(withId(UUID.randomUUID(), NOW.minusSeconds(i)));
        }
        IngestResult first = service.ingest(batch);
        IngestResult again = service.ingest(batch);
        assertEquals(10, first.stored());
        assertEquals(0, first.duplicates());
        assertEquals(0, again.stored());
        assertEquals(10, again.duplicates());
        assertEquals(first.ids(), again.ids());
        assertEquals(10, repository.count());
    }

    @Test
    void aRepeatedIdWithinOneCallIsADuplicateAndNewOnesBesideOldOnesAreStored() {
        UUID known = UUID.randomUUID();
        service.ingest(List.of(withId(known, NOW)));
        UUID fresh = UUID.randomUUID();
        IngestResult result = service.ingest(List.of(withId(known, NOW), withId(fresh, NOW), withId(fresh, NOW),
                NewEvent.of(NOW, null, "core", "x", EventSeverity.INFO, "no id")));
        assertEquals(2, result.stored());
        assertEquals(2, result.duplicates());
        assertEquals(3, repository.count());
    }

    @Test
    void aDuplicateInsideTheCallersTransactionLeavesItUsable() {
        UUID known = UUID.randomUUID();
        service.ingest(List.of(withId(known, NOW)));
        UUID fresh = UUID.randomUUID();
        IngestResult result = database.inTransaction(connection -> {
            IngestResult inner = service.ingest(List.of(withId(fresh, NOW), withId(known, NOW)));
            service.ingest(List.of(withId(UUID.randomUUID(), NOW)));
            return inner;
        });
        assertEquals(1, result.stored());
        assertEquals(1, result.duplicates());
        assertEquals(3, repository.count());
    }

    @Test
    void bigBatchesAreStoredInChunksWithOneDeviceLookup() {
        AtomicInteger lookups = new AtomicInteger();
        UUID group = UUID.randomUUID();
        service.setDeviceService(devicesIn(group, lookups));
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < EventLogService.INGEST_CHUNK * 2 + 500; i++) {
            batch.add(NewEvent.of(NOW.minusMillis(i), UUID.randomUUID(), "core", "device-added", null, "d" + i));
        }
        int before = database.transactions.get();
        IngestResult result = service.ingest(batch);
        assertEquals(batch.size(), result.stored());
        assertEquals(1, lookups.get());
        assertEquals(3, database.transactions.get() - before);
        Event stored = service.get(result.ids().get(7));
        assertEquals(group, stored.groupId());
        assertEquals(EventSeverity.INFO, stored.severity(), "the type's default severity");
        assertEquals(NOW, stored.receivedAt());
    }

    @Test
    void withoutADeviceServiceEventsAreStoredWithoutGroup() {
        IngestResult result = service.ingest(List.of(NewEvent.of(NOW, UUID.randomUUID(), "core", "x",
                EventSeverity.WARNING, "")));
        assertNull(service.get(result.ids().get(0)).groupId());
    }

    @Test
    void anInvalidEventRefusesTheWholeCallNamingEveryProblemByIndex() {
        List<NewEvent> batch = List.of(
                NewEvent.of(NOW, null, "core", "ok", EventSeverity.INFO, ""),
                new NewEvent(null, null, null, null, "bad source!", "", null, "x".repeat(2001), Map.of()),
                new NewEvent(null, NOW, null, null, "core", "device-status-changed", null, "",
                        Map.of("status", "purple", "extra", 1)),
                new NewEvent(null, NOW, null, null, "com.example.app", "unknown-type", null, "", Map.of()));
        ValidationException e = assertThrows(ValidationException.class, () -> service.ingest(batch));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("[1].occurredAt", "[1].source", "[1].type", "[1].description",
                "[1].severity", "[2].payload/status", "[3].severity")), fields.toString());
        assertFalse(fields.contains("[2].payload/extra"), "the schema allows additional properties");
        assertFalse(fields.stream().anyMatch(f -> f.startsWith("[0]")), fields.toString());
        assertEquals(0, repository.count());
    }

    @Test
    void aPayloadMissingARequiredFieldOrOfTheWrongTypeIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.ingest(List.of(
                new NewEvent(null, NOW, null, null, "core", "device-inactive", null, "",
                        Map.of("inactiveDays", "three")))));
        assertEquals(List.of("[0].payload/lastVisibleAt", "[0].payload/inactiveDays"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void queriesFilterAndPageNewestFirst() {
        UUID device = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(new NewEvent(null, NOW.minusSeconds(i % 5), i % 2 == 0 ? device : null,
                    i % 3 == 0 ? group : null, i % 2 == 0 ? "core" : "com.example.av",
                    i % 2 == 0 ? "device-added" : "threat-found",
                    i % 2 == 0 ? EventSeverity.INFO : EventSeverity.CRITICAL, "Event number " + i + " 100%",
                    Map.of("n", i)));
        }
        service.ingest(batch);

        List<Event> all = new ArrayList<>();
        Page<Event> page = service.query(EventQuery.all(), new PageRequest(7, null));
        all.addAll(page.items());
        while (page.hasMore()) {
            page = service.query(EventQuery.all(), PageRequest.of(7, page.nextCursor()));
            all.addAll(page.items());
        }
        assertEquals(25, all.size());
        assertEquals(25, all.stream().map(Event::id).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).occurredAt().isAfter(all.get(i - 1).occurredAt()), "newest first");
        }

        assertEquals(13, count(EventQuery.ofDevice(device)));
        assertEquals(12, count(new EventQuery(null, null, null, null, Set.of(EventSeverity.CRITICAL), null, null,
                null)));
        assertEquals(12, count(new EventQuery(null, null, null, null, null, null, Set.of("com.example.av"),
                null)));
        assertEquals(9, count(new EventQuery(null, null, null, group, null, null, null, null)));
        assertEquals(9, count(EventQuery.all().within(Set.of(group))), "restricted to a caller's groups");
        assertEquals(0, count(EventQuery.all().within(Set.of())), "a caller without groups sees nothing");
        assertEquals(0, count(new EventQuery(null, null, null, group, null, null, null, null)
                .within(Set.of(UUID.randomUUID()))), "a group filter outside the caller's groups finds nothing");
        assertEquals(25, count(EventQuery.all().within(null)));
        assertEquals(10, count(new EventQuery(NOW.minusSeconds(1), null, null, null, null, null, null, null)));
        assertEquals(5, count(new EventQuery(NOW.minusSeconds(2), NOW.minusSeconds(1), null, null, null, null,
                null, null)));
        assertEquals(1, count(new EventQuery(null, null, null, null, null, null, null, "NUMBER 17 ")));
        assertEquals(25, count(new EventQuery(null, null, null, null, null, null, null, "100%")));
        assertEquals(0, count(new EventQuery(null, null, null, null, null, null, null, "0_")));
        assertEquals(13, count(new EventQuery(null, null, null, null, null, Set.of("device-added"), null, "")));
        Event fourth = all.stream().filter(e -> e.description().startsWith("Event number 4 ")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("n", 4), service.get(fourth.id()).payload());
    }

    @Test
    void exportHandsOverEveryMatchingEventAcrossChunks() {
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < EventLogService.EXPORT_CHUNK + 10; i++) {
            batch.add(NewEvent.of(NOW.minusMillis(i), null, "core", "x", EventSeverity.INFO, ""));
        }
        service.ingest(batch);
        List<Event> seen = new ArrayList<>();
        assertEquals(batch.size(), service.export(EventQuery.all(), seen::add));
        assertEquals(batch.size(), seen.stream().map(Event::id).distinct().count());
    }

    @Test
    void anUnknownEventIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.get(UUID.randomUUID()));
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        String foreign = org.garrison.api.Cursor.after("not-a-time").encode();
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.query(EventQuery.all(), PageRequest.of(10, foreign)));
        assertEquals("cursor", e.errors().get(0).field());
    }

    /** A device service that knows every device, in the one group; it grows, so only groupsOf is implemented. */
    @SuppressWarnings("unchecked")
    private static DeviceService devicesIn(UUID group, AtomicInteger lookups) {
        return (DeviceService) Proxy.newProxyInstance(DeviceService.class.getClassLoader(),
                new Class<?>[] {DeviceService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("groupsOf")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    lookups.incrementAndGet();
                    Map<UUID, UUID> groups = new HashMap<>();
                    ((Set<UUID>) args[0]).forEach(id -> groups.put(id, group));
                    return groups;
                });
    }

    private long count(EventQuery query) {
        return service.export(query, event -> { });
    }

    private static NewEvent withId(UUID id, Instant at) {
        return new NewEvent(id, at, null, null, "core", "x", EventSeverity.INFO, "", Map.of());
    }
}
