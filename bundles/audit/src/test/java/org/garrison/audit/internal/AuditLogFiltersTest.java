package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.garrison.api.Cursor;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class AuditLogFiltersTest {

    @Test
    void everyFilterIsRead() {
        AuditLogFilters.Listing listing = AuditLogFilters.listing("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z",
                "a-1", "device", "d-1", "denied", "20", null);
        assertEquals(new AuditQuery(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                "a-1", "device", "d-1", "denied"), listing.query());
        assertEquals(new PageRequest(20, null), listing.page());
    }

    @Test
    void absentAndBlankParametersDoNotFilter() {
        AuditLogFilters.Listing listing = AuditLogFilters.listing(null, "", " ", null, "", null, null, "");
        assertEquals(AuditQuery.all(), listing.query());
        assertEquals(PageRequest.DEFAULT_LIMIT, listing.page().limit());
        assertNull(listing.page().cursor());
    }

    @Test
    void everyMalformedParameterIsNamed() {
        ValidationException refused = assertThrows(ValidationException.class, () -> AuditLogFilters.listing(
                "yesterday", "2026-13-01", "a".repeat(300), "t".repeat(65), "o".repeat(256), "maybe", "ten", null));
        assertEquals(List.of("from", "to", "actor", "objectType", "objectId", "outcome", "limit"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theEndMustFollowTheStart() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> AuditLogFilters.query("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null, null, null, null));
        assertEquals("to", refused.errors().get(0).field());
    }

    @Test
    void limitsOutOfRangeAndForeignCursorsAreRefused() {
        assertEquals("limit", field(() -> AuditLogFilters.page("0", null)));
        assertEquals("limit", field(() -> AuditLogFilters.page("1001", null)));
        assertEquals("cursor", field(() -> AuditLogFilters.page(null, "not-a-cursor")));
        assertEquals("cursor", field(() -> AuditLogFilters.page(null, Cursor.after("3").encode())));
        String ours = Cursor.after("2026-11-26T10:00:00Z", "3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50").encode();
        assertEquals(1000, AuditLogFilters.page("1000", ours).limit());
        ValidationException both = assertThrows(ValidationException.class, () -> AuditLogFilters.page("x", "y"));
        assertEquals(List.of("limit", "cursor"), both.errors().stream().map(FieldError::field).toList());
    }

    private static String field(Runnable call) {
        return assertThrows(ValidationException.class, call::run).errors().get(0).field();
    }
}
