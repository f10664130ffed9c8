package org.garrison.plugins.endpointprotection.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.garrison.api.error.FieldError;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the simulated application sends follows the plugin's own schemas (from the plugin JAR, checked as the server
 * checks them), a seed replays the same machine, and the mix of outcomes is the realistic one.
 */
class SimulatedAntivirusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSchemaValidator schemas = new ServerSchemaValidator();

    @Test
    void everyReportAndEventFollowsThePluginsSchemas() throws IOException {
        SimulatedAntivirus antivirus = antivirus(7, 9);
        assertValid("data/licence", antivirus.licenceReport());
        assertValid("data/scan-status", antivirus.scanStatus());
        assertValid("data/quarantine", antivirus.quarantineReport());
        assertValid("data/threats", antivirus.threatsReport());
        for (int i = 0; i < 300; i++) {
            for (Map<String, Object> event : antivirus.cycle(NOW.plusSeconds(10L * i))) {
                assertValid("events/" + event.get("type"), (Map<?, ?>) event.get("payload"));
            }
            assertValid("data/threats", antivirus.threatsReport());
        }
        SimulatedAntivirus.ScanOutcome scan = antivirus.scan("custom", List.of("/home"), "delete", NOW,
                NOW.plusSeconds(5));
        assertValid("data/threats", antivirus.threatsReport());
        assertValid("data/quarantine", antivirus.quarantineReport());
        assertTrue(scan.objectsScanned() > 0);
        assertEquals(Set.of("licence", "scan-status", "quarantine", "threats"), kinds());
    }

    @Test
    void aPolicyTurningProtectionOffKeepsItOffUntilAPolicyTurnsItOn() {
        SimulatedAntivirus antivirus = antivirus(3, null);
        antivirus.applyPolicy(false);
        for (int i = 0; i < 500; i++) {
            antivirus.cycle(NOW.plusSeconds(i));
            assertEquals("off", antivirus.realTimeProtection(), "cycle " + i);
        }
        assertEquals("off", antivirus.scanStatus().get("realTimeProtection"));
        antivirus.applyPolicy(true);
        assertEquals("on", antivirus.realTimeProtection());
    }

    @Test
    void theSameSeedPlaysTheSameMachine() {
        SimulatedAntivirus first = antivirus(42, null);
        SimulatedAntivirus second = antivirus(42, null);
        for (int i = 0; i < 20; i++) {
            first.cycle(NOW.plusSeconds(i));
            second.cycle(NOW.plusSeconds(i));
        }
        assertEquals(first.threatsReport(), second.threatsReport());
        assertEquals(first.quarantineReport(), second.quarantineReport());
        assertEquals(first.licenceReport(), second.licenceReport());
        assertNotEquals(antivirus(43, null).licenceReport(), antivirus(42, null).licenceReport());
    }

    @Test
    void outcomesCoverEveryStatusWithQuarantineTheMostCommon() {
        SimulatedAntivirus antivirus = antivirus(1, null);
        Map<String, Integer> statuses = new java.util.HashMap<>();
        for (int i = 0; i < 2000; i++) {
            SimulatedAntivirus.Detection detection = antivirus.detect(NOW);
            statuses.merge(detection.status(), 1, Integer::sum);
        }
        assertEquals(Set.of("detected", "disinfected", "quarantined", "deleted", "not-disinfected"),
                statuses.keySet());
        int quarantined = statuses.get("quarantined");
        assertTrue(statuses.values().stream().allMatch(count -> count <= quarantined), statuses.toString());
        assertTrue(statuses.get("not-disinfected") < 2000 / 10, statuses.toString());
    }

    @Test
    void aScanThatDeletesResolvesWhatWasLeftAndUpdatesRefreshTheDatabases() {
        SimulatedAntivirus antivirus = antivirus(3, 10);
        for (int i = 0; i < 200; i++) {
            antivirus.detect(NOW);
        }
        antivirus.threatsReport();
        antivirus.scan("full", List.of(), "delete", NOW, NOW.plusSeconds(30));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changed = (List<Map<String, Object>>) antivirus.threatsReport().get("detections");
        assertFalse(changed.isEmpty());
        assertTrue(changed.stream().allMatch(d -> d.get("status").equals("deleted")
                || d.get("detectedAt").equals(NOW.plusSeconds(29).toString())), "all but a new find deleted");
        assertEquals(NOW.plusSeconds(30).toString(), antivirus.scanStatus().get("lastFullScan"));

        assertTrue(Duration.between(antivirus.databasesReleasedAt(), NOW).toDays() >= 10);
        assertTrue(antivirus.updateDatabases(false, NOW).isPresent());
        assertTrue(Duration.between(antivirus.databasesReleasedAt(), NOW).toHours() < 1);
        assertTrue(antivirus.updateDatabases(false, NOW.plusSeconds(60)).isEmpty(), "up to date: nothing to do");
        assertTrue(antivirus.updateDatabases(true, NOW.plusSeconds(60)).isPresent(), "unless forced");
    }

    @Test
    void licenceKeysLeaveTheDeviceMasked() {
        Map<String, Object> licence = antivirus(5, null).licenceReport();
        @SuppressWarnings("unchecked")
        String keyId = (String) ((Map<String, Object>) licence.get("active")).get("keyId");
        assertTrue(keyId.matches("\\*\\*\\*\\*-[0-9A-F]{4}"), keyId);
    }

    private final Set<String> kindsChecked = new HashSet<>();

    private Set<String> kinds() {
        return kindsChecked;
    }

    private void assertValid(String schema, Map<?, ?> value) throws IOException {
        if (schema.startsWith("data/")) {
            kindsChecked.add(schema.substring(5));
        }
        // through JSON and back, as the report travels: bridge, agent outbox, gateway
        Object travelled = JSON.readValue(JSON.writeValueAsBytes(value), Object.class);
        List<FieldError> errors = schemas.validate(schemaText(schema), travelled);
        assertEquals(List.of(), errors, schema + ": " + value);
    }

    private static String schemaText(String name) throws IOException {
        try (InputStream in = SimulatedAntivirusTest.class.getClassLoader()
                .getResourceAsStream("GARRISON-INF/schemas/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SimulatedAntivirus antivirus(long seed, Integer databasesAgeDays) {
        return new SimulatedAntivirus(seed, databasesAgeDays, NOW, new SimulatedMachine(false, new Random(seed)));
    }
}
