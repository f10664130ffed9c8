package org.garrison.plugins.endpointprotection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.garrison.extender.internal.descriptor.PluginHeader;
import org.garrison.extender.internal.schema.JsonSchemas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin as the server sees it when it is installed: the manifest bnd made and GARRISON-INF/ as the build
 * assembled it, checked by the extender's own descriptor reader (descriptor schema, every JSON Schema against the
 * 2020-12 meta-schema, console modules present, table names in the namespace).
 */
class PluginBundleTest {

    /** What a plugin may import: the published API, the OSGi and JAX-RS APIs, swagger annotations, SLF4J, Jackson. */
    private static final List<String> ALLOWED_IMPORTS = List.of("org.garrison.api", "org.osgi.", "javax.ws.rs",
            "io.swagger.v3.oas.annotations", "org.slf4j", "com.fasterxml.jackson.");

    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void theBundleImportsOnlyThePublishedApiAndNoCoreInternals() throws IOException {
        String imports = manifest().getMainAttributes().getValue("Import-Package");
        List<String> packages = packageNames(imports);
        assertFalse(packages.isEmpty());
        for (String name : packages) {
            assertFalse(name.contains(".internal"), "imports an internal package: " + name);
            assertTrue(ALLOWED_IMPORTS.stream().anyMatch(name::startsWith), "imports " + name);
        }
        assertTrue(packages.contains("org.garrison.api.agent"), imports);
    }

    @Test
    void theExtenderAcceptsTheDescriptorWithEverySchemaModuleAndTable() throws IOException {
        PluginHeader header = PluginHeader.parse(manifest().getMainAttributes().getValue("Garrison-Plugin"));
        PluginDescriptor descriptor;
        try {
            descriptor = new DescriptorReader(schemas).read(header, new PluginFiles());
        } catch (ValidationException e) {
            throw new AssertionError("refused: " + e.errors(), e);
        }
        assertEquals(EndpointProtection.ID, descriptor.id());
        assertEquals(header.version(), descriptor.version());
        PluginContributions contributions = descriptor.contributions();
        assertEquals(List.of("full-scan", "update-databases"),
                contributions.taskTypes().stream().map(t -> t.type()).sorted().toList());
        assertEquals(5, contributions.eventTypes().size());
        assertEquals(List.of("licence", "quarantine", "scan-status", "threats"),
                contributions.dataKinds().stream().map(k -> k.kind()).sorted().toList());
        assertEquals(List.of(EndpointProtection.READ),
                contributions.permissions().stream().map(p -> p.id()).toList());
        assertEquals(List.of("ENDPOINT_PROTECTION_THREAT", "ENDPOINT_PROTECTION_QUARANTINE",
                "ENDPOINT_PROTECTION_SCAN_STATE", "ENDPOINT_PROTECTION_COMPONENT", "ENDPOINT_PROTECTION_LICENCE",
                "ENDPOINT_PROTECTION_REPORT"), descriptor.migrations().tables());
        assertTrue(contributions.data().stream().filter(d -> d.personal()).count() >= 2,
                "threat paths and quarantine paths are declared personal");
    }

    @Test
    void theSettingsSchemaAcceptsItsDefaultsAndRefusesNonsense() throws IOException {
        String settings = PluginFiles.text("GARRISON-INF/schemas/settings.json");
        assertEquals(List.of(), schemas.validate(settings, Map.of()));
        Map<String, Object> everything = new ObjectMapper().readValue("""
                {"realTimeProtection": {"enabled": true, "actionOnThreat": "disinfect", "scanArchives": true,
                   "heuristicsLevel": "deep"},
                 "scheduledScan": {"enabled": true, "frequency": "weekly", "dayOfWeek": "friday", "time": "12:30",
                   "scope": "custom", "customPaths": ["C:\\\\Users"], "runWhenIdle": true, "cpuLimitPercent": 40},
                 "exclusions": [{"kind": "process", "value": "C:\\\\Program Files\\\\Backup\\\\backup.exe",
                   "comment": "backup software reads every file"},
                   {"kind": "sha256", "value": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
                 "threatActions": {"adware": "report", "ransomware": "block"},
                 "databaseUpdate": {"sourceUrl": "https://mirror.example.org/av/", "intervalHours": 4},
                 "quarantine": {"keepDays": 90, "maxSizeMb": 2048}}
                """, Map.class);
        assertEquals(List.of(), schemas.validate(settings, everything));

        Map<String, Object> nonsense = new ObjectMapper().readValue("""
                {"realTimeProtection": {"actionOnThreat": "ignore"},
                 "scheduledScan": {"time": "25:00", "cpuLimitPercent": 5},
                 "exclusions": [{"kind": "sha256", "value": "not-a-hash"}],
                 "databaseUpdate": {"sourceUrl": "ftp://mirror.example.org/"},
                 "unknown": true}
                """, Map.class);
        List<String> fields = schemas.validate(settings, nonsense).stream().map(FieldError::field).toList();
        for (String expected : List.of("realTimeProtection/actionOnThreat", "scheduledScan/time",
                "scheduledScan/cpuLimitPercent", "exclusions/0/value", "databaseUpdate/sourceUrl")) {
            assertTrue(fields.stream().anyMatch(f -> f.startsWith(expected)), expected + " in " + fields);
        }
    }

    @Test
    void aCustomScanTaskNeedsPaths() {
        String fullScan = PluginFiles.text("GARRISON-INF/schemas/full-scan.json");
        assertEquals(List.of(), schemas.validate(fullScan, Map.of()));
        assertEquals(List.of(), schemas.validate(fullScan, Map.of("scope", "custom", "paths", List.of("/home"))));
        assertFalse(schemas.validate(fullScan, Map.of("scope", "custom")).isEmpty());
        assertFalse(schemas.validate(fullScan, Map.of("scope", "custom", "paths", List.of())).isEmpty());
        String update = PluginFiles.text("GARRISON-INF/schemas/update-databases.json");
        assertEquals(List.of(), schemas.validate(update, Map.of("force", true)));
        assertFalse(schemas.validate(update, Map.of("source", "http://plain.example.org/")).isEmpty());
    }

    private static Manifest manifest() throws IOException {
        // bnd writes it into target/classes before the tests run (process-classes)
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "META-INF", "MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** The package names of an Import-Package header (attributes and quoted version ranges left out). */
    static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                names.add(clause.toString().split(";")[0].strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
