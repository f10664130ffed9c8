package org.garrison.plugins.endpointprotection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.testkit.PluginCheckResult;
import org.garrison.testkit.PluginDescriptorCheck;
import org.garrison.testkit.PluginResources;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin as the server sees it when it is installed: the manifest bnd made and GARRISON-INF/ as the build
 * assembled it, checked by the test kit with the server's own upload checks (descriptor schema, every JSON Schema against the
 * 2020-12 meta-schema, console modules present, table names in the namespace).
 */
class PluginBundleTest {

    /** What a plugin may import: the published API, the OSGi and JAX-RS APIs, swagger annotations, SLF4J, Jackson. */
    private static final List<String> ALLOWED_IMPORTS = List.of("org.garrison.api", "org.osgi.", "javax.ws.rs",
            "io.swagger.v3.oas.annotations", "org.slf4j", "com.fasterxml.jackson.");

    private final JsonSchemaValidator schemas = new ServerSchemaValidator();
    private final PluginResources files = PluginResources.onClassPath();
    private final PluginCheckResult checked = new PluginDescriptorCheck()
            .checkBuildOutput(Path.of("target", "classes"));

    @Test
    void theBundleImportsOnlyThePublishedApiAndNoCoreInternals() {
        List<String> packages = checked.importedPackages();
        assertFalse(packages.isEmpty());
        for (String name : packages) {
            assertFalse(name.contains(".internal"), "imports an internal package: " + name);
            assertTrue(ALLOWED_IMPORTS.stream().anyMatch(name::startsWith), "imports " + name);
        }
        assertTrue(packages.contains("org.garrison.api.agent"), packages.toString());
    }

    @Test
    void theServerAcceptsTheDescriptorWithEverySchemaModuleAndTable() {
        checked.requirePassed();
        assertEquals(EndpointProtection.ID, checked.pluginId());
        PluginContributions contributions = checked.contributions();
        assertEquals(List.of("full-scan", "update-databases"),
                contributions.taskTypes().stream().map(t -> t.type()).sorted().toList());
        assertEquals(5, contributions.eventTypes().size());
        assertEquals(List.of("licence", "quarantine", "scan-status", "threats"),
                contributions.dataKinds().stream().map(k -> k.kind()).sorted().toList());
        assertEquals(List.of(EndpointProtection.READ),
                contributions.permissions().stream().map(p -> p.id()).toList());
        assertEquals(List.of("ENDPOINT_PROTECTION_THREAT", "ENDPOINT_PROTECTION_QUARANTINE",
                "ENDPOINT_PROTECTION_SCAN_STATE", "ENDPOINT_PROTECTION_COMPONENT", "ENDPOINT_PROTECTION_LICENCE",
                "ENDPOINT_PROTECTION_REPORT"), checked.tables());
        assertTrue(contributions.data().stream().filter(d -> d.personal()).count() >= 2,
                "threat paths and quarantine paths are declared personal");
    }

    @Test
    void theSettingsSchemaAcceptsItsDefaultsAndRefusesNonsense() throws IOException {
        String settings = files.text("GARRISON-INF/schemas/settings.json");
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
        String fullScan = files.text("GARRISON-INF/schemas/full-scan.json");
        assertEquals(List.of(), schemas.validate(fullScan, Map.of()));
        assertEquals(List.of(), schemas.validate(fullScan, Map.of("scope", "custom", "paths", List.of("/home"))));
        assertFalse(schemas.validate(fullScan, Map.of("scope", "custom")).isEmpty());
        assertFalse(schemas.validate(fullScan, Map.of("scope", "custom", "paths", List.of())).isEmpty());
        String update = files.text("GARRISON-INF/schemas/update-databases.json");
        assertEquals(List.of(), schemas.validate(update, Map.of("force", true)));
        assertFalse(schemas.validate(update, Map.of("source", "http://plain.example.org/")).isEmpty());
    }
}
