package org.garrison.devices.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.OsType;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static QueryParameters.Raw raw(String group, String subtree, List<String> status, List<String> os,
            String from, String to, String sort, String order) {
        return new QueryParameters.Raw(group, subtree, status, os, " ws ", "Finance", from, to, "endpoint", null,
                null, null, sort, order);
    }

    @Test
    void everyFilterIsParsed() {
        UUID group = UUID.randomUUID();
        DeviceQuery query = QueryParameters.deviceQuery(raw(group.toString(), "false", List.of("warning,CRITICAL"),
                List.of("windows", "linux"), "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "lastVisible", "desc"));
        assertEquals(group, query.groupId());
        assertEquals(false, query.subtree());
        assertEquals(Set.of(StatusLevel.WARNING, StatusLevel.CRITICAL), query.statuses());
        assertEquals(Set.of(OsType.WINDOWS, OsType.LINUX), query.osTypes());
        assertEquals("ws", query.text());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), query.lastVisibleFrom());
        assertEquals(DeviceSort.LAST_VISIBLE, query.sort());
        assertTrue(query.descending());
        assertEquals("endpoint", query.application());
    }

    @Test
    void withoutParametersEverythingIsListedByNameAndTheSubtreeIsIncluded() {
        DeviceQuery query = QueryParameters.deviceQuery(new QueryParameters.Raw(null, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
        assertEquals(DeviceSort.NAME, query.sort());
        assertTrue(query.subtree());
        assertTrue(query.statuses().isEmpty());
    }

    @Test
    void everyMalformedParameterIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> QueryParameters.deviceQuery(raw(
                "not-a-uuid", "maybe", List.of("RED"), List.of("BeOS"), "yesterday", null, "colour", "up")));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("group", "subtree", "status", "os", "lastVisibleFrom", "sort", "order"), fields);
        assertTrue(e.getMessage().contains("'RED' is not one of OK, WARNING, CRITICAL"), e.getMessage());
    }

    @Test
    void anEmptyOrReversedTimeRangeIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> QueryParameters.deviceQuery(raw(null,
                null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null)));
        assertEquals("lastVisibleTo", e.errors().get(0).field());
    }

    @Test
    void aNonNumericLimitIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> QueryParameters.page("ten", null));
        assertEquals("limit", e.errors().get(0).field());
        assertEquals(10, QueryParameters.page("10", null).limit());
    }
}
