package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDescriptorCheckTest {

    private static final String DESCRIPTOR = """
            {"id": "hello-check", "name": "Hello check", "version": "1.0.0", "minServerVersion": "0.2.0",
             "settingsSchema": "settings.json",
             "taskTypes": [{"type": "greet", "title": "Greet"}],
             "dataKinds": [{"kind": "greetings", "title": "Greetings", "schema": "greetings.json"}]}
            """;
    private static final String SETTINGS = "{\"type\": \"object\", \"properties\": {\"greeting\": {\"type\": \"string\"}}}";
    private static final String CHANGELOG = """
            --liquibase formatted sql
            --changeset hello-check:1
            CREATE TABLE HELLO_CHECK_GREETING (DEVICE_ID CHAR(36) NOT NULL, GREETING VARCHAR(100) NOT NULL);
            """;

    @TempDir
    Path temp;

    @Test
    void aWellFormedPluginPassesWithWhatItDeclares() throws Exception {
        Path jar = jar("1.0.0", files(), "org.garrison.api.agent;version=\"[1.0,2)\",org.slf4j");

        PluginCheckResult result = new PluginDescriptorCheck().check(jar).requirePassed();

        assertEquals("hello-check", result.pluginId());
        assertEquals("1.0.0", result.version());
        assertEquals(List.of("greet"), result.taskTypes());
        assertEquals(List.of("greetings"), result.dataKinds());
        assertEquals(List.of("HELLO_CHECK_GREETING"), result.tables());
        assertEquals(List.of("org.garrison.api.agent", "org.slf4j"), result.importedPackages());
    }

    @Test
    void theHeaderMustAgreeWithTheDescriptor() throws Exception {
        PluginCheckResult result = new PluginDescriptorCheck().check(jar("1.0.1", files(), null));

        assertTrue(fields(result).contains("plugin.json/version"), result.problems().toString());
        AssertionError failure = assertThrows(AssertionError.class, result::requirePassed);
        assertTrue(failure.getMessage().contains("Garrison-Plugin says 1.0.1"), failure.getMessage());
    }

    @Test
    void missingAndInvalidSchemasAndForeignTablesAreNamed() throws Exception {
        Map<String, String> files = files();
        files.remove("GARRISON-INF/schemas/greetings.json");
        files.put("GARRISON-INF/schemas/settings.json", "{\"type\": \"strng\"}");
        files.put("GARRISON-INF/migrations/changelog.sql", CHANGELOG.replace("HELLO_CHECK_GREETING", "GREETING"));

        PluginCheckResult result = new PluginDescriptorCheck().check(jar("1.0.0", files, null));

        List<String> fields = fields(result);
        assertTrue(fields.contains("plugin.json/dataKinds/0/schema"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("schemas/settings.json")), fields.toString());
        assertTrue(fields.contains("migrations/changelog.sql"), fields.toString());
        assertFalse(result.passed());
    }

    @Test
    void importsOfServerInternalsAreRefused() throws Exception {
        PluginCheckResult result = new PluginDescriptorCheck().check(jar("1.0.0", files(),
                "org.garrison.api.store,org.garrison.devices.internal"));

        assertEquals(List.of("Import-Package"), fields(result));
        assertTrue(result.problems().get(0).message().contains("org.garrison.devices.internal"));
    }

    @Test
    void anOlderServerThanTheMinimumIsNamedWhenTheServerVersionIsGiven() throws Exception {
        Path jar = jar("1.0.0", files(), null);

        assertTrue(new PluginDescriptorCheck().check(jar).passed());
        assertEquals(List.of("plugin.json/minServerVersion"),
                fields(PluginDescriptorCheck.forServer("0.1.0-SNAPSHOT").check(jar)));
        assertTrue(PluginDescriptorCheck.forServer("0.2.0").check(jar).passed());
    }

    @Test
    void aBuildOutputFolderIsCheckedAsTheJarMadeFromIt() throws Exception {
        Path classes = temp.resolve("classes");
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.createDirectories(classes.resolve(file.getKey()).getParent());
            Files.writeString(classes.resolve(file.getKey()), file.getValue());
        }
        Files.createDirectories(classes.resolve("META-INF"));
        try (OutputStream out = Files.newOutputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest("1.0.0", null).write(out);
        }

        assertEquals("hello-check", new PluginDescriptorCheck().checkBuildOutput(classes).requirePassed().pluginId());
        assertThrows(TestKitException.class, () -> new PluginDescriptorCheck().checkBuildOutput(temp));
    }

    @Test
    void somethingThatIsNoJarIsRefusedNotThrown() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.jar"), "not a zip");

        PluginCheckResult result = new PluginDescriptorCheck().check(file);

        assertEquals(List.of("file"), fields(result));
    }

    private static List<String> fields(PluginCheckResult result) {
        return result.problems().stream().map(Problem.FieldProblem::field).toList();
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("GARRISON-INF/plugin.json", DESCRIPTOR);
        files.put("GARRISON-INF/schemas/settings.json", SETTINGS);
        files.put("GARRISON-INF/schemas/greetings.json", SETTINGS);
        files.put("GARRISON-INF/migrations/changelog.sql", CHANGELOG);
        return files;
    }

    private Path jar(String headerVersion, Map<String, String> files, String imports) throws IOException {
        Manifest manifest = manifest(headerVersion, imports);
        Path jar = Files.createTempFile(temp, "hello-", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                OutputStream entry = out;
                entry.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Manifest manifest(String headerVersion, String imports) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.hello");
        main.putValue("Bundle-Version", headerVersion);
        main.putValue("Garrison-Plugin", "hello-check;version=" + headerVersion);
        if (imports != null) {
            main.putValue("Import-Package", imports);
        }
        return manifest;
    }
}
