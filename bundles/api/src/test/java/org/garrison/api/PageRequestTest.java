package org.garrison.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void missingParametersMeanTheFirstPageOfDefaultSize() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(PageRequest.DEFAULT_LIMIT, request.limit());
        assertNull(request.cursor());
        assertNull(PageRequest.of(10, "").cursor());
    }

    @Test
    void limitsOutsideTheAllowedRangeAreRefused() {
        assertThrows(ValidationException.class, () -> PageRequest.of(0, null));
        assertThrows(ValidationException.class, () -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null));
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.of(PageRequest.MAX_LIMIT, null).limit());
    }

    @Test
    void aCursorIsDecodedFromItsOpaqueForm() {
        Cursor cursor = Cursor.after("b", "42");
        assertEquals(cursor, PageRequest.of(5, cursor.encode()).cursor());
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsPosition() {
        Page<Integer> page = new Page<>(java.util.List.of(1, 2), "next", 7L);
        Page<String> mapped = page.map(i -> "#" + i);
        assertEquals(java.util.List.of("#1", "#2"), mapped.items());
        assertEquals("next", mapped.nextCursor());
        assertEquals(7L, mapped.total());
    }
}
