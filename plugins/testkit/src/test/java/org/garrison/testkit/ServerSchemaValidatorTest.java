package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class ServerSchemaValidatorTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"at\":{\"type\":\"string\","
            + "\"format\":\"date-time\"}},\"additionalProperties\":false}";

    @Test
    void formatsAreAssertedAsTheServerAssertsThem() {
        ServerSchemaValidator validator = new ServerSchemaValidator();
        assertEquals(List.of(), validator.validate(SCHEMA, Map.of("at", "2026-11-26T12:00:00Z")));
        assertEquals(List.of("at"), validator.validate(SCHEMA, Map.of("at", "yesterday")).stream()
                .map(FieldError::field).toList());
    }

    @Test
    void anInvalidSchemaIsRefused() {
        assertThrows(ValidationException.class, () -> new ServerSchemaValidator().validate("{\"type\":\"strng\"}",
                Map.of()));
    }
}
