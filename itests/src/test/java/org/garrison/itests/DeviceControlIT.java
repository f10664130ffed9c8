package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The device-control sample plugin end to end on the running distribution: its JAR uploaded over REST, a policy that
 * blocks removable storage on a group, a real Network Agent enrolled into that group, and the plugin's application
 * simulator attaching a USB stick and a printer through that agent's local bridge. The application reads its
 * effective policy from the agent: the stick is blocked (the plugin's resources, a {@code device-blocked} event, a tag
 * on the device), the printer allowed; a changed policy (read-only storage) reaches the application and its access
 * log; a report not following the plugin's schema is skipped while the others are applied.
 */
public class DeviceControlIT {

    private static final String SAMPLE = "device-control";
    private static final String PLUGIN = "/api/v1/plugins/device-control";
    private static final String RESOURCES = PLUGIN + "/resources";
    private static final String MANAGED_DEVICES = "00000000-0000-0000-0000-000000000001";
    private static final String STICK_SERIAL = "4C530001ITEST";

    @Test
    public void theApplicationAppliesItsGroupsPolicyAndReportsWhatItBlocks() throws Exception {
        try (ServerProcess server = new ServerProcess(EndpointProtectionSetup.server(SAMPLE))) {
            server.chooseAdminPassword(Api.ADMIN_PASSWORD);
            server.start();
            Api api = server.httpsApi();
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                assertEquals(201, api.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
                api.awaitStatus("/api/v1/enrollment-tokens", 200, server.startTimeout());
                api.awaitStatus("/api/v1/tasks", 200, server.startTimeout());
                theUploadedPluginIsActiveWithItsContributions(api);

                String group = created(api.postJson("/api/v1/groups", "{\"parentId\":\"" + MANAGED_DEVICES
                        + "\",\"name\":\"No USB storage\"}")).path("id").asText();
                String policy = aPolicyBlockingStorageIsAcceptedAndNonsenseRefused(api, group);
                String token = AgentGatewayIT.createToken(api, "{\"name\":\"device control\",\"groupId\":\"" + group
                        + "\"}");
                Path folder = server.home().resolve("device-control-agent");
                try (AgentProcess agent = new AgentProcess(folder)) {
                    assertEquals("garrison-agent enroll succeeds", 0, agent.enroll(server.gateway(), token));
                    agent.start();
                    Device device = new Device(api, awaitDeviceId(agent), folder);
                    assertEquals(group, json(api.get("/api/v1/devices/" + device.id)).path("groupId").asText());
                    theAgentHoldsTheGroupsPolicy(device);
                    EndpointProtectionSetup.Simulator simulator = new EndpointProtectionSetup.Simulator(SAMPLE,
                            folder, "--attach", "usb-stick,serial=" + STICK_SERIAL, "--attach", "printer",
                            "--user", "CORP\\alice", "--seed", "11", "--poll", "1", "--policy-poll", "1",
                            "--duration", "600");
                    try {
                        theStickIsBlockedAndThePrinterAllowed(device);
                        aChangedPolicyReachesTheApplication(device, policy);
                        aRescanTaskReachesTheApplicationAndItsResultComesBack(device);
                        aReportNotFollowingTheSchemaIsSkippedAndTheOthersApplied(device);
                        simulator.close();
                        everyBlockHasExactlyOneEvent(device, agent);
                        badRequestsAreRefused(api, device.id);
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
        String boundary = "----device-control-" + UUID.randomUUID();
        HttpResponse<String> installed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/plugins"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(PluginJars.form(boundary, "device-control.jar",
                        EndpointProtectionSetup.pluginJar(SAMPLE)))));
        assertEquals(installed.body(), 201, installed.statusCode());
        JsonNode plugin = json(installed);
        assertEquals(plugin.toString(), "active", plugin.path("state").asText());
        JsonNode contributions = plugin.path("contributions");
        assertEquals(List.of("rescan-devices"), texts(contributions.path("taskTypes"), "type"));
        assertEquals(List.of("device-blocked", "device-allowed-by-exception"),
                texts(contributions.path("eventTypes"), "type"));
        assertEquals(List.of("connected-devices", "access-log"), texts(contributions.path("dataKinds"), "kind"));

        api.awaitStatus(RESOURCES + "/external-devices", 200, java.time.Duration.ofSeconds(30));
        assertEquals(200, api.get("/console/plugins/device-control/external-devices.js").statusCode());
        assertEquals(200, api.get("/console/plugins/device-control/device-tab.js").statusCode());
        assertTrue("the plugin's resources are in the API document", api.get("/api/v1/openapi.json").body()
                .contains("/plugins/device-control/resources/external-devices"));
        String inventory = api.get("/api/v1/data-inventory").body();
        assertTrue("the plugin's data is in the data inventory: " + inventory,
                inventory.contains("DEVICE_CONTROL_ACCESS_LOG"));
    }

    private static String aPolicyBlockingStorageIsAcceptedAndNonsenseRefused(Api api, String group) throws Exception {
        HttpResponse<String> readOnlyPrinters = api.postJson("/api/v1/policies", "{\"application\":\"device-control\","
                + "\"groupId\":\"" + group + "\",\"name\":\"Nonsense\",\"settings\":{\"defaultAccess\":{\"printer\":"
                + "\"read-only\"},\"trustedDevices\":[{\"vendorId\":\"0781\"}]}}");
        assertEquals(readOnlyPrinters.body(), 422, readOnlyPrinters.statusCode());
        assertTrue(readOnlyPrinters.body(), readOnlyPrinters.body().contains("settings/defaultAccess/printer"));
        assertTrue(readOnlyPrinters.body(), readOnlyPrinters.body().contains("settings/trustedDevices/0"));
        return created(api.postJson("/api/v1/policies", policy(group, "block"))).path("id").asText();
    }

    private static String policy(String group, String storageAccess) {
        return "{\"application\":\"device-control\",\"groupId\":\"" + group + "\",\"name\":\"No USB storage\","
                + "\"state\":\"ACTIVE\",\"settings\":{\"defaultAccess\":{\"removable-storage\":\"" + storageAccess
                + "\"},\"notification\":{\"text\":\"USB storage is not allowed here.\"}}}";
    }

    /** The agent received the group's policy at a sync and offers it to the application on its bridge. */
    private static void theAgentHoldsTheGroupsPolicy(Device device) throws Exception {
        JsonNode held = device.await("the group's policy on the agent's bridge", () -> {
            HttpResponse<String> answer = device.bridge("GET", "/bridge/v1/policies/device-control", null);
            return answer.statusCode() == 200 ? AgentGatewayIT.json(answer) : null;
        });
        assertEquals(held.toString(), "block", held.path("settings").path("defaultAccess").path("removable-storage")
                .asText());
        assertFalse(held.toString(), held.path("hash").asText().isEmpty());
        assertEquals(held.toString(), 304, device.bridge("GET", "/bridge/v1/policies/device-control",
                "\"" + held.path("hash").asText() + "\"").statusCode());
    }

    private static void theStickIsBlockedAndThePrinterAllowed(Device device) throws Exception {
        JsonNode listed = device.await("the stick and the printer in the plugin's listing", () -> {
            JsonNode items = json(device.api.get(RESOURCES + "/external-devices?device=" + device.id)).path("items");
            return items.size() == 2 ? items : null;
        });
        JsonNode stick = listed.get(0);
        assertEquals("blocked first: " + listed, "removable-storage", stick.path("deviceClass").asText());
        assertEquals(listed.toString(), "blocked", stick.path("access").asText());
        assertEquals(listed.toString(), "class-default", stick.path("decidedBy").asText());
        assertEquals(listed.toString(), STICK_SERIAL, stick.path("serialNumber").asText());
        assertTrue(listed.toString(), stick.path("enforced").asBoolean() && stick.path("connected").asBoolean());
        JsonNode printer = listed.get(1);
        assertEquals(listed.toString(), "printer", printer.path("deviceClass").asText());
        assertEquals(listed.toString(), "allowed", printer.path("access").asText());
        assertFalse(listed.toString(), stick.path("deviceName").asText().isEmpty());

        JsonNode blocked = device.await("the application's device-blocked event", () -> {
            List<JsonNode> events = device.events("device-blocked");
            return events.isEmpty() ? null : events.get(0);
        });
        assertEquals(blocked.toString(), "warning", blocked.path("severity").asText().toLowerCase());
        assertEquals(blocked.toString(), "removable-storage", blocked.path("payload").path("deviceClass").asText());
        assertEquals(blocked.toString(), "CORP\\alice", blocked.path("payload").path("userAccount").asText());

        device.await("the plugin's tag on the device", () -> {
            JsonNode d = json(device.api.get("/api/v1/devices/" + device.id));
            return d.path("tags").toString().contains("USB storage blocked") ? d : null;
        });
        JsonNode view = json(device.api.get(RESOURCES + "/devices/" + device.id));
        assertEquals(view.toString(), "enforce", view.path("enforcement").asText());
        assertFalse(view.toString(), view.path("policyHash").asText().isEmpty());
        assertTrue(view.toString(), decisions(view).contains("SanDisk Ultra USB 3.0 blocked attached CORP\\alice"));
        assertTrue(view.toString(), decisions(view).contains("HP LaserJet Pro M404dn allowed attached CORP\\alice"));
    }

    private static void aChangedPolicyReachesTheApplication(Device device, String policy) throws Exception {
        String group = json(device.api.get("/api/v1/policies/" + policy)).path("groupId").asText();
        HttpResponse<String> changed = device.api.putJson("/api/v1/policies/" + policy, policy(group, "read-only"));
        assertEquals(changed.body(), 200, changed.statusCode());
        JsonNode view = device.await("the read-only stick in the access log", () -> {
            JsonNode v = json(device.api.get(RESOURCES + "/devices/" + device.id));
            return decisions(v).contains("SanDisk Ultra USB 3.0 read-only policy-changed CORP\\alice") ? v : null;
        });
        assertEquals(view.toString(), "read-only", view.path("externalDevices").path(0).path("access").asText());
        device.await("the tag gone with the block", () -> {
            JsonNode d = json(device.api.get("/api/v1/devices/" + device.id));
            return d.path("tags").toString().contains("USB storage blocked") ? null : d;
        });
    }

    private static void aRescanTaskReachesTheApplicationAndItsResultComesBack(Device device) throws Exception {
        String taskId = created(device.api.postJson("/api/v1/tasks", "{\"name\":\"Rescan\",\"application\":"
                + "\"device-control\",\"type\":\"rescan-devices\",\"parameters\":{\"logEveryDevice\":true},"
                + "\"scope\":{\"deviceIds\":[\"" + device.id + "\"]}}")).path("id").asText();
        String runId = created(device.api.postJson("/api/v1/tasks/" + taskId + "/run", "")).path("id").asText();
        JsonNode entry = device.await("the rescan's result from the device", () -> {
            for (JsonNode item : json(device.api.get("/api/v1/tasks/" + taskId + "/runs/" + runId + "/devices"))
                    .path("items")) {
                String state = item.path("state").asText();
                if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                    return item;
                }
            }
            return null;
        });
        assertEquals(entry.toString(), "SUCCEEDED", entry.path("state").asText());
        assertEquals(entry.toString(), 2, entry.path("result").path("devices").asInt());
        assertEquals(entry.toString(), 1, entry.path("result").path("readOnly").asInt());
        assertEquals(entry.toString(), 0, entry.path("result").path("blocked").asInt());
        device.await("the rescan's entries in the access log", () -> {
            JsonNode v = json(device.api.get(RESOURCES + "/devices/" + device.id));
            return decisions(v).contains("HP LaserJet Pro M404dn allowed rescan CORP\\alice") ? v : null;
        });
    }

    /** Two reports the bridge takes (their envelope is right) but whose content breaks the plugin's schema. */
    private static void aReportNotFollowingTheSchemaIsSkippedAndTheOthersApplied(Device device) throws Exception {
        Instant now = Instant.now();
        String entry = "{\"id\":\"%s\",\"at\":\"" + now + "\",\"instanceId\":\"USB\\\\VID_0781&PID_5581\\\\%s\","
                + "\"deviceClass\":\"removable-storage\",\"bus\":\"usb\",\"name\":\"%s\",\"decision\":\"%s\","
                + "\"enforced\":true,\"decidedBy\":\"class-default\",\"trigger\":\"attached\"}";
        accepted(device.bridge("POST", "/bridge/v1/application-data", "{\"application\":\"device-control\",\"kind\":"
                + "\"connected-devices\",\"reportedAt\":\"" + now.plusSeconds(3600) + "\",\"data\":{\"mode\":"
                + "\"enforce\",\"devices\":[{\"instanceId\":\"x\",\"deviceClass\":\"toaster\"}]}}"));
        accepted(device.bridge("POST", "/bridge/v1/application-data", "{\"application\":\"device-control\",\"kind\":"
                + "\"access-log\",\"reportedAt\":\"" + now + "\",\"data\":{\"entries\":[" + String.format(entry,
                        "itest-bad", "BAD", "Bad stick", "maybe") + "]}}"));
        accepted(device.bridge("POST", "/bridge/v1/application-data", "{\"application\":\"device-control\",\"kind\":"
                + "\"access-log\",\"reportedAt\":\"" + now + "\",\"data\":{\"entries\":[" + String.format(entry,
                        "itest-good", "GOOD", "Good stick", "blocked") + "]}}"));
        device.await("the valid report applied after the invalid ones", () -> {
            JsonNode v = json(device.api.get(RESOURCES + "/devices/" + device.id));
            return decisions(v).contains("Good stick blocked attached ") ? v : null;
        });
        JsonNode view = json(device.api.get(RESOURCES + "/devices/" + device.id));
        assertFalse(view.toString(), view.toString().contains("Bad stick"));
        JsonNode listed = json(device.api.get(RESOURCES + "/external-devices?device=" + device.id
                + "&connected=true")).path("items");
        assertEquals("the invalid snapshot replaced nothing: " + listed, 2, listed.size());
    }

    private static void everyBlockHasExactlyOneEvent(Device device, AgentProcess agent) throws Exception {
        device.await("the agent's outbox delivered after the simulator stopped", () -> {
            JsonNode status = agent.status();
            return status.path("outboxItems").asInt(-1) == 0 ? status : null;
        });
        List<JsonNode> blocked = device.events("device-blocked");
        assertEquals("one event for the stick blocked at attach: " + blocked, 1, blocked.size());
        assertEquals(0, device.events("device-allowed-by-exception").size());
    }

    private static void badRequestsAreRefused(Api api, String deviceId) throws Exception {
        for (String query : List.of("class=toaster", "access=maybe", "connected=yes", "device=not-a-uuid", "limit=0",
                "limit=ten", "cursor=garbage", "group=" + UUID.randomUUID())) {
            assertEquals(query, 422, api.get(RESOURCES + "/external-devices?" + query).statusCode());
        }
        assertEquals(404, api.get(RESOURCES + "/devices/" + UUID.randomUUID()).statusCode());
        assertEquals(422, api.get(RESOURCES + "/devices/not-a-uuid").statusCode());
        assertEquals(422, api.postJson("/api/v1/tasks", "{\"name\":\"Rescan\",\"application\":\"device-control\","
                + "\"type\":\"rescan-devices\",\"parameters\":{\"logEveryDevice\":\"yes\"},\"scope\":{\"deviceIds\":[\""
                + deviceId + "\"]}}").statusCode());
        Api anonymous = api.anonymousClient();
        assertEquals(401, anonymous.get(RESOURCES + "/external-devices").statusCode());
        assertEquals(401, anonymous.get(RESOURCES + "/devices/" + deviceId).statusCode());
    }

    /** The access log of a device view as "name decision trigger user" lines. */
    private static List<String> decisions(JsonNode view) {
        List<String> lines = new ArrayList<>();
        view.path("accessLog").forEach(e -> lines.add(e.path("name").asText() + " " + e.path("decision").asText()
                + " " + e.path("trigger").asText() + " " + e.path("userAccount").asText("")));
        return lines;
    }

    private static void accepted(HttpResponse<String> response) {
        assertEquals(response.body(), 202, response.statusCode());
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

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 201, response.statusCode());
        return AgentGatewayIT.json(response);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() + " " + response.body(), response.statusCode() / 100 == 2);
        return AgentGatewayIT.json(response);
    }

    /** The device the agent feeds, its agent's local bridge, and waiting for what its application reports. */
    private static final class Device {

        private final Api api;
        private final String id;
        private final Path agentFolder;
        private final HttpClient http = HttpClient.newHttpClient();

        Device(Api api, String id, Path agentFolder) {
            this.api = api;
            this.id = id;
            this.agentFolder = agentFolder;
        }

        /**
         * Waits until the check returns something, asking the device's agent to sync now every few seconds (its own
         * interval is 10 s here) so what the application queued goes out, and policies come in, without waiting.
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

        List<JsonNode> events(String type) throws Exception {
            List<JsonNode> events = new ArrayList<>();
            json(api.get("/api/v1/events?device=" + id + "&source=device-control&type=" + type + "&limit=1000"))
                    .path("items").forEach(events::add);
            return events;
        }

        /**
         * A call to the agent's local bridge as an application makes it.
         *
         * @param bodyOrEtag the JSON body of a POST, or the {@code If-None-Match} of a GET (or {@code null})
         */
        HttpResponse<String> bridge(String method, String path, String bodyOrEtag) throws Exception {
            String secret = Files.readString(agentFolder.resolve("data").resolve("bridge.secret"),
                    StandardCharsets.US_ASCII).strip();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EndpointProtectionSetup.bridge(agentFolder)
                    + path)).header("Authorization", "Bearer " + secret);
            if (method.equals("GET")) {
                if (bodyOrEtag != null) {
                    request.header("If-None-Match", bodyOrEtag);
                }
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(bodyOrEtag));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
