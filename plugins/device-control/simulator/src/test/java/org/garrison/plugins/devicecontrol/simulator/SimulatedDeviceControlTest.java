package org.garrison.plugins.devicecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the simulated application sends follows the plugin's own schemas, and a new policy changes the access of the
 * devices attached, logged once each.
 */
class SimulatedDeviceControlTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginSchemas schemas = new PluginSchemas();
    private final Random random = new Random(3);

    @Test
    @SuppressWarnings("unchecked")
    void everyReportAndEventFollowsThePluginsSchemas() throws Exception {
        SimulatedDeviceControl application = application("CORP\\alice");
        for (String preset : DeviceCatalogue.PRESETS.keySet()) {
            application.attach(DeviceCatalogue.of(preset, random), NOW);
        }
        application.applyPolicy(ControlPolicy.of(JSON.readTree("{\"logOnly\": true, \"rules\": [{\"name\": "
                + "\"no sticks\", \"deviceClass\": \"removable-storage\", \"access\": \"block\"}]}")), "h1",
                NOW.plusSeconds(1));
        application.rescan(true, NOW.plusSeconds(2));

        schemas.assertValid("data/connected-devices", application.snapshot());
        schemas.assertValid("data/access-log", application.accessLogReport());
        List<Map<String, Object>> events = application.drainEvents();
        assertFalse(events.isEmpty());
        for (Map<String, Object> event : events) {
            assertEquals("device-blocked", event.get("type"));
            schemas.assertValid("events/device-blocked", (Map<String, Object>) event.get("payload"));
        }
        SimulatedDeviceControl nobody = application(null);
        nobody.attach(DeviceCatalogue.of("lte-modem", random), NOW);
        schemas.assertValid("data/access-log", nobody.accessLogReport());
        schemas.assertValid("events/device-blocked", (Map<String, Object>) nobody.drainEvents().get(0).get("payload"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewPolicyChangesTheAttachedDevicesAndLogsOnlyTheChanges() throws Exception {
        SimulatedDeviceControl application = application("bob");
        application.attach(DeviceCatalogue.of("usb-stick", random), NOW);
        application.attach(DeviceCatalogue.of("printer", random), NOW);
        assertEquals(List.of("allowed", "allowed"), decisions(application.accessLogReport()));
        assertEquals(List.of(), application.drainEvents());

        int changed = application.applyPolicy(ControlPolicy.of(JSON.readTree(
                "{\"defaultAccess\": {\"removable-storage\": \"block\"}}")), "h1", NOW.plusSeconds(5));
        assertEquals(1, changed);
        Map<String, Object> log = application.accessLogReport();
        assertEquals(List.of("blocked"), decisions(log));
        assertEquals("policy-changed", ((List<Map<String, Object>>) log.get("entries")).get(0).get("trigger"));
        assertEquals(1, application.drainEvents().size());
        assertEquals(1, application.drainNotifications().size(), "the user is told");
        Map<String, Object> snapshot = application.snapshot();
        assertEquals("h1", snapshot.get("policyHash"));
        assertEquals(List.of("blocked", "allowed"), ((List<Map<String, Object>>) snapshot.get("devices")).stream()
                .map(d -> d.get("access")).toList());

        assertEquals(0, application.applyPolicy(ControlPolicy.of(JSON.readTree(
                "{\"defaultAccess\": {\"removable-storage\": \"block\"}}")), "h2", NOW.plusSeconds(6)));
        assertFalse(application.hasUnreportedEntries(), "nothing changed, nothing logged");

        application.applyPolicy(ControlPolicy.of(JSON.readTree(
                "{\"defaultAccess\": {\"removable-storage\": \"read-only\"}}")), "h3", NOW.plusSeconds(7));
        assertEquals(List.of("read-only"), decisions(application.accessLogReport()));
        assertTrue(application.drainEvents().isEmpty(), "read-only is no block");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decisions(Map<String, Object> log) {
        return ((List<Map<String, Object>>) log.get("entries")).stream().map(e -> e.get("decision")).toList();
    }

    private static SimulatedDeviceControl application(String user) {
        return new SimulatedDeviceControl("install-1", NOW.minusSeconds(86_400), user, NOW);
    }
}
