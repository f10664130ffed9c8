package org.garrison.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void anEncodedCursorDecodesToTheSameKeys() {
        Cursor cursor = Cursor.after("2026-11-26T10:00:00Z", "Zürich \u0000 host", "");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void theEncodedFormIsUrlSafe() {
        String encoded = Cursor.after("???>>>~~~", "ÿÿÿ").encode();
        assertEquals(encoded, encoded.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @Test
    void textThatIsNotACursorIsRefusedAsInvalidInput() {
        for (String bad : List.of("", "not base64!", "AAAA", "Zm9vYmFy", "x".repeat(5000))) {
            ValidationException e = assertThrows(ValidationException.class, () -> Cursor.decode(bad), bad);
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void aCursorWithTrailingBytesIsRefused() {
        String encoded = Cursor.after("a").encode();
        byte[] raw = java.util.Base64.getUrlDecoder().decode(encoded);
        byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 1);
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(longer);
        assertThrows(ValidationException.class, () -> Cursor.decode(tampered));
    }
}
