package com.example.helloapp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.testkit.PluginCheckResult;
import org.garrison.testkit.PluginDescriptorCheck;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.Test;

/**
 * The plugin as the server sees it on upload: the build output (bnd's manifest, GARRISON-INF/ with the filtered
 * descriptor) checked by the server's own upload checks, through the test kit.
 */
class PluginDescriptorTest {

    /** What a plugin may import: the published API, the OSGi and JAX-RS APIs, swagger annotations, SLF4J. */
    private static final List<String> ALLOWED_IMPORTS = List.of("org.garrison.api", "org.osgi.", "javax.ws.rs",
            "io.swagger.v3.oas.annotations", "org.slf4j");

    private final ServerSchemaValidator validator = new ServerSchemaValidator();

    @Test
    void theServerWouldAcceptThePluginWithEverythingItDeclares() {
        PluginCheckResult result = new PluginDescriptorCheck().checkBuildOutput(Path.of("target", "classes"))
                .requirePassed();

        assertEquals(HelloApp.ID, result.pluginId());
        assertEquals(List.of("say-hello"), result.taskTypes());
        assertEquals(List.of("greeting-refused"), result.eventTypes());
        assertEquals(List.of(HelloApp.KIND_GREETINGS), result.dataKinds());
        assertEquals(List.of("HELLO_APP_GREETING"), result.tables());
        for (String name : result.importedPackages()) {
            assertTrue(ALLOWED_IMPORTS.stream().anyMatch(name::startsWith), "imports " + name);
        }
    }

    @Test
    void theSettingsSchemaAcceptsItsDefaultsAndRefusesNonsense() {
        String settings = text("GARRISON-INF/schemas/settings.json");
        assertEquals(List.of(), validator.validate(settings, Map.of()));
        assertEquals(List.of(), validator.validate(settings,
                Map.of("enabled", true, "greeting", "Hi", "intervalMinutes", 5)));
        List<String> fields = validator.validate(settings, Map.of("greeting", "", "intervalMinutes", 0,
                "colour", "red")).stream().map(FieldError::field).toList();
        assertTrue(fields.contains("greeting"), fields.toString());
        assertTrue(fields.contains("intervalMinutes"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.isEmpty() || f.contains("colour")), fields.toString());
    }

    @Test
    void theTaskTakesAnOptionalMessage() {
        String sayHello = text("GARRISON-INF/schemas/say-hello.json");
        assertEquals(List.of(), validator.validate(sayHello, Map.of()));
        assertEquals(List.of(), validator.validate(sayHello, Map.of("message", "Good morning")));
        assertEquals(1, validator.validate(sayHello, Map.of("message", "")).size());
    }

    static String text(String path) {
        try (var in = PluginDescriptorTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new AssertionError(path + " is not on the class path", e);
        }
    }
}
