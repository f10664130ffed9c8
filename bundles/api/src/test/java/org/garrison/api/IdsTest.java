package org.garrison.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aCanonicalUuidIsAccepted() {
        UUID id = Ids.newId();
        assertEquals(id, Ids.parse("id", id.toString()));
    }

    @Test
    void somethingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "42", "1-1-1-1-1", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> Ids.parse("deviceId", bad));
            assertEquals("deviceId", e.errors().get(0).field());
        }
    }
}
