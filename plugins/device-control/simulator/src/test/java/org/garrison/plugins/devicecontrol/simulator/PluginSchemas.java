package org.garrison.plugins.devicecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.testkit.ServerSchemaValidator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin's schemas from the plugin JAR (a test dependency), checked as the server checks them: what the simulated
 * application sends must pass them. Values are written and read back as JSON first, as they travel, nulls left out
 * as the bridge client leaves them out.
 */
final class PluginSchemas {

    private static final ObjectMapper JSON = new ObjectMapper().setDefaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    private final ServerSchemaValidator schemas = new ServerSchemaValidator();

    /** e.g. {@code data/access-log}, {@code events/device-blocked}. */
    void assertValid(String schema, Map<String, Object> value) {
        List<FieldError> errors = schemas.validate(text("GARRISON-INF/schemas/" + schema + ".json"), wire(value));
        assertEquals(List.of(), errors, schema + ": " + value);
    }

    static JsonNode tree(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wire(Map<String, Object> value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        try (InputStream in = PluginSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (the plugin JAR)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
