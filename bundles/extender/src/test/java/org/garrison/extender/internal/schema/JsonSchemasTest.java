package org.garrison.extender.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private static final String SETTINGS = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "realTimeProtection": {"type": "boolean"},
                "scan": {
                  "type": "object",
                  "properties": {
                    "intervalHours": {"type": "integer", "minimum": 1, "maximum": 168},
                    "startAt": {"type": "string", "format": "date-time"}
                  },
                  "required": ["intervalHours"],
                  "additionalProperties": false
                },
                "exclusions": {"type": "array", "items": {"type": "string", "minLength": 1}}
              },
              "required": ["realTimeProtection"]
            }
            """;

    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void aValueMatchingTheSchemaHasNoErrors() {
        List<FieldError> errors = schemas.validate(SETTINGS, Map.of("realTimeProtection", true,
                "scan", Map.of("intervalHours", 24, "startAt", "2026-11-26T10:00:00Z"),
                "exclusions", List.of("C:\\temp")));

        assertEquals(List.of(), errors);
    }

    @Test
    void eachWrongValueIsReportedWithItsPath() {
        List<FieldError> errors = schemas.validate(SETTINGS, Map.of("realTimeProtection", "yes",
                "scan", Map.of("intervalHours", 0, "colour", "red"),
                "exclusions", List.of("ok", "")));

        assertTrue(has(errors, "realTimeProtection"), errors.toString());
        assertTrue(has(errors, "scan/intervalHours"), errors.toString());
        assertTrue(has(errors, "scan"), errors.toString());
        assertTrue(has(errors, "exclusions/1"), errors.toString());
        assertEquals(4, errors.size(), errors.toString());
        errors.forEach(e -> assertFalse(e.message().startsWith("/"), e.message()));
    }

    @Test
    void aMissingRequiredPropertyIsReportedAtItsOwnPath() {
        List<FieldError> errors = schemas.validate(SETTINGS, Map.of("scan", Map.of()));

        assertTrue(has(errors, "realTimeProtection"), errors.toString());
        assertTrue(has(errors, "scan/intervalHours"), errors.toString());
    }

    @Test
    void formatsAreAsserted() {
        List<FieldError> errors = schemas.validate(SETTINGS, Map.of("realTimeProtection", false,
                "scan", Map.of("intervalHours", 2, "startAt", "tomorrow")));

        assertTrue(has(errors, "scan/startAt"), errors.toString());
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsRefused() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> schemas.validate("{\"type\": \"strng\"}", "x"));

        assertTrue(refused.errors().get(0).field().startsWith("schema"), refused.errors().toString());
    }

    @Test
    void aSchemaThatIsNotJsonIsRefused() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> schemas.validate("{\"type\": ", Map.of()));

        assertTrue(refused.getMessage().contains("not valid JSON"), refused.getMessage());
    }

    @Test
    void aSchemaOfAnotherDraftIsRefused() {
        assertFalse(schemas.problemsOf("{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}").isEmpty());
    }

    @Test
    void aReferenceOutsideTheSchemaIsRefusedWithoutFetchingIt() {
        List<FieldError> problems = schemas.problemsOf(
                "{\"properties\": {\"a\": {\"$ref\": \"https://schemas.invalid/thing.json\"}}}");

        assertFalse(problems.isEmpty());
    }

    @Test
    void aLocalReferenceWorks() {
        String schema = """
                {"$defs": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                 "type": "object", "properties": {"port": {"$ref": "#/$defs/port"}}}
                """;

        assertEquals(List.of(), schemas.problemsOf(schema));
        assertTrue(has(schemas.validate(schema, Map.of("port", 70000)), "port"));
    }

    @Test
    void aScalarIsNotASchema() {
        assertFalse(schemas.problemsOf("42").isEmpty());
    }

    private static boolean has(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
