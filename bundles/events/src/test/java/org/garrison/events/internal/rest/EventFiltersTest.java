package org.garrison.events.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventSeverity;
import org.junit.jupiter.api.Test;

class EventFiltersTest {

    @Test
    void wellFormedFiltersBecomeAQuery() {
        UUID device = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        EventQuery query = EventFilters.query("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", device.toString(),
                group.toString(), List.of("critical,warning", "info"), List.of("device-inactive"),
                List.of("core", "com.example.av"), "  disk full ");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), query.to());
        assertEquals(device, query.deviceId());
        assertEquals(group, query.groupId());
        assertEquals(Set.of(EventSeverity.CRITICAL, EventSeverity.WARNING, EventSeverity.INFO), query.severities());
        assertEquals(Set.of("device-inactive"), query.types());
        assertEquals(Set.of("core", "com.example.av"), query.sources());
        assertEquals("disk full", query.text());
    }

    @Test
    void absentFiltersMeanEverything() {
        EventQuery query = EventFilters.query(null, "", null, "", null, List.of(), null, " ");
        assertEquals(EventQuery.all(), query);
        assertNull(query.text());
    }

    @Test
    void everyMalformedFilterIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> EventFilters.query("yesterday",
                "2026-13-01T00:00:00Z", "42", "not-a-uuid-but-36-characters-long!!!", List.of("fatal"),
                List.of("bad type"), List.of("ok", "<script>"), "x".repeat(201)));
        assertEquals(List.of("from", "to", "device", "group", "severity", "type", "source", "q"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anEmptyOrReversedTimeRangeIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> EventFilters.query("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null, null, null, null,
                        null, null));
        assertEquals("to", e.errors().get(0).field());
    }

    @Test
    void aLimitThatIsNoNumberOrOutOfRangeIsRefusedByName() {
        assertEquals("limit", assertThrows(ValidationException.class, () -> EventFilters.page("ten", null))
                .errors().get(0).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> EventFilters.page("0", null))
                .errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> EventFilters.page("5", "%%%"))
                .errors().get(0).field());
        assertEquals(new PageRequest(PageRequest.DEFAULT_LIMIT, null), EventFilters.page(null, ""));
    }

    @Test
    void aListingRequestNamesFilterAndPageProblemsTogether() {
        ValidationException e = assertThrows(ValidationException.class, () -> EventFilters.listing("yesterday", null,
                null, null, null, null, null, null, "ten", null));
        assertEquals(List.of("from", "limit"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void tooManyValuesOfOneFilterAreRefused() {
        String many = String.join(",", java.util.Collections.nCopies(101, "info"));
        assertEquals("severity", assertThrows(ValidationException.class,
                () -> EventFilters.query(null, null, null, null, List.of(many), null, null, null))
                .errors().get(0).field());
    }
}
