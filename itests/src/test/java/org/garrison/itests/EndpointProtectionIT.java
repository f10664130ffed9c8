package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The endpoint-protection sample plugin end to end on the running distribution: its JAR uploaded over REST, a real
 * Network Agent enrolled, and the plugin's application simulator talking to that agent's local bridge. What the
 * application reports reaches the plugin's tables and REST resources, the device's application entry, status reasons
 * and tags, and the event store (exactly once per detection); its {@code full-scan} and {@code update-databases}
 * tasks reach the application through the agent and their results come back.
 */
public class EndpointProtectionIT {

    private static final String PLUGIN = "/api/v1/plugins/endpoint-protection";
    private static final String RESOURCES = PLUGIN + "/resources";

    @Test
    public void theApplicationsDataReachesServerAndConsoleAndItsTasksReachTheApplication() throws Exception {
        try (ServerProcess server = new ServerProcess(EndpointProtectionSetup.server())) {
            server.chooseAdminPassword(Api.ADMIN_PASSWORD);
            server.start();
            Api api = server.httpsApi();
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                assertEquals(201, api.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
                api.awaitStatus("/api/v1/enrollment-tokens", 200, server.startTimeout());
                api.awaitStatus("/api/v1/tasks", 200, server.startTimeout());
                theUploadedPluginIsActiveWithItsContributions(api);

                String token = AgentGatewayIT.createToken(api, "{\"name\":\"endpoint protection\"}");
                Path folder = server.home().resolve("endpoint-protection-agent");
                try (AgentProcess agent = new AgentProcess(folder)) {
                    assertEquals("garrison-agent enroll succeeds", 0, agent.enroll(server.gateway(), token));
                    agent.start();
                    String deviceId = awaitDeviceId(agent);
                    Device device = new Device(api, deviceId);
                    EndpointProtectionSetup.Simulator simulator = new EndpointProtectionSetup.Simulator(folder,
                            "--seed", "7", "--rate", "30", "--databases-age-days", "9", "--poll", "1",
                            "--scan-seconds", "1", "--duration", "600");
                    try {
                        theApplicationsReportsReachThePluginAndTheDevice(device);
                        aFullScanTaskReachesTheApplicationAndItsResultComesBack(device);
                        anUpdateTaskEndsTheOutdatedDatabasesStatus(device);
                        aPolicyReachesTheApplicationThroughTheAgent(device, simulator);
                        simulator.close();
                        everyDetectionIsCountedAndReportedExactlyOnce(device, agent);
                        badRequestsAreRefused(api, deviceId);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\nsimulator output:\n" + simulator.output()
                                + "\nagent output:\n" + agent.output(), e);
                    } finally {
                        simulator.close();
                    }
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
            }
        }
    }

    private static void theUploadedPluginIsActiveWithItsContributions(Api api) throws Exception {
        String boundary = "----endpoint-protection-" + UUID.randomUUID();
        HttpResponse<String> installed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/plugins"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(PluginJars.form(boundary, "endpoint-protection.jar",
                        EndpointProtectionSetup.pluginJar()))));
        assertEquals(installed.body(), 201, installed.statusCode());
        JsonNode plugin = json(installed);
        assertEquals(plugin.toString(), "active", plugin.path("state").asText());
        JsonNode contributions = plugin.path("contributions");
        assertEquals(List.of("full-scan", "update-databases"), texts(contributions.path("taskTypes"), "type"));
        assertEquals(List.of("threat-detected", "object-not-disinfected", "databases-outdated", "scan-finished",
                "protection-disabled"), texts(contributions.path("eventTypes"), "type"));
        assertEquals(List.of("threats", "quarantine", "scan-status", "licence"),
                texts(contributions.path("dataKinds"), "kind"));
        assertEquals("object", contributions.path("settingsSchema").path("properties").path("scheduledScan")
                .path("type").asText());

        api.awaitStatus(RESOURCES + "/threats", 200, Duration.ofSeconds(30));
        assertEquals(200, api.get("/console/plugins/endpoint-protection/threats.js").statusCode());
        assertEquals(200, api.get("/console/plugins/endpoint-protection/device-tab.js").statusCode());
        String openApi = api.get("/api/v1/openapi.json").body();
        assertTrue("the plugin's resources are in the API document",
                openApi.contains("/plugins/endpoint-protection/resources/threats"));
        String inventory = api.get("/api/v1/data-inventory").body();
        assertTrue("the plugin's data is in the data inventory: " + inventory,
                inventory.contains("ENDPOINT_PROTECTION_THREAT"));
    }

    private static void theApplicationsReportsReachThePluginAndTheDevice(Device device) throws Exception {
        JsonNode threats = device.await("the application's threats in the plugin's listing", () -> {
            JsonNode page = json(device.api.get(RESOURCES + "/threats?device=" + device.id + "&limit=1000"));
            return page.path("items").size() > 0 ? page.path("items") : null;
        });
        JsonNode first = threats.get(0);
        assertEquals(device.id, first.path("deviceId").asText());
        assertFalse(first.path("threatName").asText().isEmpty());
        assertFalse(first.path("deviceName").asText().isEmpty());

        JsonNode entry = device.await("the application's entry on the device, kept up to date by the plugin", () -> {
            JsonNode application = device.application();
            return application != null && application.path("threatsDetected").asLong() > 0
                    && application.path("lastScan").isTextual() ? application : null;
        });
        assertEquals("12.6.0.438", entry.path("version").asText());
        assertEquals("RUNNING", entry.path("state").asText());
        assertTrue(entry.toString(), entry.path("activeKey").path("key").asText().matches("\\*\\*\\*\\*-[0-9A-F]{4}"));
        assertTrue(entry.toString(), entry.path("components").size() > 0);

        // the simulated databases are nine days old: a warning reason and a tag of the plugin, one event
        device.await("the outdated databases' status reason and tag", () -> {
            JsonNode d = json(device.api.get("/api/v1/devices/" + device.id));
            return hasReason(d, "DATABASES_OUTDATED") && d.path("tags").toString().contains("Databases outdated")
                    ? d : null;
        });
        assertEquals(1, device.events("databases-outdated").size());

        JsonNode summary = json(device.api.get(RESOURCES + "/devices/" + device.id));
        assertTrue(summary.toString(), summary.path("scan").path("reportedAt").isTextual());
        assertTrue(summary.toString(), summary.path("scan").path("components").size() > 0);
        assertTrue(summary.toString(), summary.path("quarantine").size() > 0);
        assertTrue(summary.toString(), summary.path("licence").path("active").path("keyId").asText()
                .startsWith("****-"));
    }

    /**
     * A policy for the device's group reaches the application: the agent receives the effective policy with a sync
     * answer, the simulator reads it from the local bridge and turns real-time protection off, and the device's
     * application entry says so. Deactivating the policy brings protection back.
     */
    private static void aPolicyReachesTheApplicationThroughTheAgent(Device device,
            EndpointProtectionSetup.Simulator simulator) throws Exception {
        String groupId = json(device.api.get("/api/v1/devices/" + device.id)).path("groupId").asText();
        String policyId = json(created(device.api.postJson("/api/v1/policies", "{\"application\":"
                + "\"endpoint-protection\",\"groupId\":\"" + groupId + "\",\"name\":\"No real-time protection\","
                + "\"state\":\"ACTIVE\",\"settings\":{\"realTimeProtection\":{\"enabled\":false}},"
                + "\"lockedSettings\":[\"realTimeProtection/enabled\"]}"))).path("id").asText();
        String hash = json(device.api.get("/api/v1/devices/" + device.id + "/effective-policy/endpoint-protection"))
                .path("hash").asText();
        device.await("the simulator applying the policy it read from the agent", () -> simulator.output()
                .contains("policy " + hash + " applied: real-time protection off") ? hash : null);
        device.await("the device's application entry with real-time protection off", () -> {
            JsonNode application = device.application();
            return application != null && application.path("realTimeProtection").asText().equals("OFF")
                    ? application : null;
        });

        HttpResponse<String> deactivated = device.api.postJson("/api/v1/policies/" + policyId + "/deactivate", "");
        assertEquals(deactivated.body(), 200, deactivated.statusCode());
        device.await("real-time protection on again without the policy", () -> {
            JsonNode application = device.application();
            return simulator.output().contains("applied: real-time protection on") && application != null
                    && application.path("realTimeProtection").asText().equals("ON") ? application : null;
        });
    }

    private static void aFullScanTaskReachesTheApplicationAndItsResultComesBack(Device device) throws Exception {
        Instant before = Instant.now();
        String taskId = json(created(device.api.postJson("/api/v1/tasks", "{\"name\":\"Full scan\",\"application\":"
                + "\"endpoint-protection\",\"type\":\"full-scan\",\"parameters\":{\"scope\":\"full\",\"action\":"
                + "\"disinfect\"},\"scope\":{\"deviceIds\":[\"" + device.id + "\"]}}"))).path("id").asText();
        JsonNode run = json(created(device.api.postJson("/api/v1/tasks/" + taskId + "/run", "")));
        assertEquals(run.toString(), 1, run.path("counts").path("total").asInt());
        JsonNode result = device.awaitRun(taskId, run.path("id").asText());
        assertTrue(result.toString(), result.path("result").path("objectsScanned").asLong() > 0);
        assertEquals("full", result.path("result").path("scope").asText());

        String instructionId = result.path("instructionId").asText();
        device.await("the application's scan-finished event of the task", () -> {
            for (JsonNode event : device.events("scan-finished")) {
                if (event.path("payload").path("instructionId").asText().equals(instructionId)) {
                    return event;
                }
            }
            return null;
        });
        device.await("the scan's time in the plugin's scan state", () -> {
            JsonNode scan = json(device.api.get(RESOURCES + "/devices/" + device.id)).path("scan");
            return Instant.parse(scan.path("lastFullScan").asText()).isAfter(before) ? scan : null;
        });
    }

    private static void anUpdateTaskEndsTheOutdatedDatabasesStatus(Device device) throws Exception {
        String taskId = json(created(device.api.postJson("/api/v1/tasks", "{\"name\":\"Update databases\","
                + "\"application\":\"endpoint-protection\",\"type\":\"update-databases\",\"parameters\":"
                + "{\"force\":false},\"scope\":{\"deviceIds\":[\"" + device.id + "\"]}}"))).path("id").asText();
        JsonNode result = device.awaitRun(taskId, json(created(device.api.postJson("/api/v1/tasks/" + taskId
                + "/run", ""))).path("id").asText());
        assertTrue(result.toString(), result.path("result").path("updated").asBoolean());
        device.await("the outdated databases' reason and tag gone", () -> {
            JsonNode d = json(device.api.get("/api/v1/devices/" + device.id));
            return !hasReason(d, "DATABASES_OUTDATED") && !d.path("tags").toString().contains("Databases outdated")
                    ? d : null;
        });
    }

    private static void everyDetectionIsCountedAndReportedExactlyOnce(Device device, AgentProcess agent)
            throws Exception {
        device.await("the agent's outbox delivered after the simulator stopped", () -> {
            JsonNode status = agent.status();
            return status.path("outboxItems").asInt(-1) == 0 ? status : null;
        });
        JsonNode summary = device.await("the plugin and the device's entry agreeing", () -> {
            JsonNode plugin = json(device.api.get(RESOURCES + "/devices/" + device.id)).path("threats");
            JsonNode application = device.application();
            return application.path("threatsDetected").asLong() == plugin.path("detected").asLong()
                    && application.path("objectsNotDisinfected").asLong() == plugin.path("notDisinfected").asLong()
                    ? plugin : null;
        });
        List<JsonNode> listed = new ArrayList<>();
        json(device.api.get(RESOURCES + "/threats?device=" + device.id + "&limit=1000")).path("items")
                .forEach(listed::add);
        assertEquals(summary.path("detected").asLong(), listed.size());
        List<JsonNode> detected = device.events("threat-detected");
        assertEquals("one threat-detected event per detection", listed.size(), detected.size());
        assertEquals("no detection has two events", listed.size(),
                detected.stream().map(e -> e.path("payload").path("detectionId").asText()).distinct().count());
        long notDisinfected = listed.stream().filter(t -> t.path("status").asText().equals("not-disinfected"))
                .count();
        assertEquals(summary.path("notDisinfected").asLong(), notDisinfected);
        assertTrue(device.events("object-not-disinfected").size() >= notDisinfected);
        JsonNode d = json(device.api.get("/api/v1/devices/" + device.id));
        assertEquals(d.toString(), notDisinfected > 0, hasReason(d, "OBJECTS_NOT_DISINFECTED"));
    }

    private static void badRequestsAreRefused(Api api, String deviceId) throws Exception {
        assertEquals(422, api.get(RESOURCES + "/threats?status=harmless").statusCode());
        assertEquals(422, api.get(RESOURCES + "/threats?device=not-a-uuid").statusCode());
        assertEquals(422, api.get(RESOURCES + "/threats?limit=0").statusCode());
        assertEquals(422, api.get(RESOURCES + "/threats?cursor=garbage").statusCode());
        assertEquals(422, api.get(RESOURCES + "/threats?group=" + UUID.randomUUID()).statusCode());
        assertEquals(404, api.get(RESOURCES + "/devices/" + UUID.randomUUID()).statusCode());
        assertEquals(422, api.postJson("/api/v1/tasks", "{\"name\":\"Custom scan\",\"application\":"
                + "\"endpoint-protection\",\"type\":\"full-scan\",\"parameters\":{\"scope\":\"custom\"},"
                + "\"scope\":{\"deviceIds\":[\"" + deviceId + "\"]}}").statusCode());
        Api anonymous = api.anonymousClient();
        assertEquals(401, anonymous.get(RESOURCES + "/threats").statusCode());
        assertEquals(401, anonymous.get(RESOURCES + "/devices/" + deviceId).statusCode());
    }

    private static String awaitDeviceId(AgentProcess agent) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            String deviceId = agent.status().path("deviceId").asText("");
            if (!deviceId.isEmpty()) {
                return deviceId;
            }
            assertTrue("the agent got no device:\n" + agent.output(), Instant.now().isBefore(deadline));
            Thread.sleep(500);
        }
    }

    private static boolean hasReason(JsonNode device, String code) {
        for (JsonNode reason : device.path("status").path("reasons")) {
            if (reason.path("code").asText().equals(code)
                    && reason.path("source").asText().equals("endpoint-protection")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(response.body(), 201, response.statusCode());
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() + " " + response.body(), response.statusCode() / 100 == 2);
        return AgentGatewayIT.json(response);
    }

    /** The device the agent feeds, and waiting for what its application reports to arrive. */
    private static final class Device {

        private final Api api;
        private final String id;

        Device(Api api, String id) {
            this.api = api;
            this.id = id;
        }

        /**
         * Waits until the check returns something, asking the device's agent to sync now every few seconds (its own
         * interval is 10 s here) so what the application queued goes out without waiting for it.
         */
        <T> T await(String what, Callable<T> check) throws Exception {
            Instant deadline = Instant.now().plusSeconds(90);
            Instant nextWake = Instant.now();
            while (true) {
                T value = check.call();
                if (value != null) {
                    return value;
                }
                assertTrue("waited in vain for " + what, Instant.now().isBefore(deadline));
                if (!Instant.now().isBefore(nextWake)) {
                    api.postJson("/api/v1/agents/sync-now", "{\"deviceIds\":[\"" + id + "\"]}");
                    nextWake = Instant.now().plusSeconds(3);
                }
                Thread.sleep(500);
            }
        }

        /** Waits for the device's entry of a task run to end, and asserts it succeeded. */
        JsonNode awaitRun(String taskId, String runId) throws Exception {
            JsonNode entry = await("the task's result from the device", () -> {
                JsonNode items = json(api.get("/api/v1/tasks/" + taskId + "/runs/" + runId + "/devices"))
                        .path("items");
                for (JsonNode item : items) {
                    String state = item.path("state").asText();
                    if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                        return item;
                    }
                }
                return null;
            });
            assertEquals(entry.toString(), "SUCCEEDED", entry.path("state").asText());
            assertEquals(id, entry.path("deviceId").asText());
            assertNotNull(entry.path("instructionId").asText(null));
            return entry;
        }

        JsonNode application() throws Exception {
            for (JsonNode application : json(api.get("/api/v1/devices/" + id + "/applications"))) {
                if (application.path("applicationId").asText().equals("endpoint-protection")) {
                    return application;
                }
            }
            return null;
        }

        List<JsonNode> events(String type) throws Exception {
            List<JsonNode> events = new ArrayList<>();
            json(api.get("/api/v1/events?device=" + id + "&source=endpoint-protection&type=" + type
                    + "&limit=1000")).path("items").forEach(events::add);
            return events;
        }
    }
}
