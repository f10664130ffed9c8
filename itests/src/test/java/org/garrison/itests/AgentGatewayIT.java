package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The agent gateway on the running distribution, driven through its protocol by an agent written from the protocol
 * document alone: enrollment through the token's CA pin, mutual-TLS sync, exactly-once storage of retried batches,
 * and the refusals (no certificate, malformed, oversize, foreign device, used-up and revoked tokens, revoked
 * certificates).
 */
public class AgentGatewayIT {

    @Test
    public void agentsEnrollSyncOnceAndAreRefusedWhenTheyMisbehave() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("agent"))) {
            server.chooseAdminPassword(Api.ADMIN_PASSWORD);
            server.start();
            Api api = server.httpsApi();
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                assertEquals(201, api.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
                // health is up before every bundle's resources are: the gateway's come last
                api.awaitStatus("/api/v1/enrollment-tokens", 200, server.startTimeout());
                String token = createToken(api, "{\"name\":\"itest agents\",\"maxUses\":3}");

                TestAgent agent = new TestAgent(server.gateway(), "itest-hw-" + UUID.randomUUID());
                HttpResponse<String> enrolled = awaitGateway(agent, token);
                assertEquals(enrolled.body(), 200, enrolled.statusCode());
                assertEquals("ACTIVE", agent.grant().state().name());

                aSyncWithoutCertificateIsRefused(agent, token);
                badBatchesAreRefusedAndStoreNothing(agent);
                UUID deviceId = aRetriedBatchIsStoredOnce(api, agent);
                anItemAboutAnotherDeviceIsRefused(agent);
                reEnrollingTheSameMachineKeepsItsDevice(server, api, agent, token, deviceId);
                aUsedUpOrRevokedTokenIsRefused(server, api, token);
                theRealAgentBringsItsMachineAfterApproval(server, api);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
            }
        }
    }

    private static void aSyncWithoutCertificateIsRefused(TestAgent agent, String token) throws Exception {
        HttpResponse<String> anonymous = agent.syncWithoutCertificate(pin(token));
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        assertEquals("certificate-required", code(anonymous));
    }

    private static void badBatchesAreRefusedAndStoreNothing(TestAgent agent) throws Exception {
        HttpResponse<String> malformed = agent.sync("{\"items\": [");
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertEquals("malformed", code(malformed));

        HttpResponse<String> zeroSequence = agent.sync(new SyncRequest(List.of(SyncItem.events(0, events(1))), null));
        assertEquals(zeroSequence.body(), 400, zeroSequence.statusCode());
        assertEquals("invalid", code(zeroSequence));

        HttpResponse<String> outOfOrder = agent.sync(new SyncRequest(
                List.of(SyncItem.events(5, events(1)), SyncItem.events(4, events(1))), null));
        assertEquals(outOfOrder.body(), 400, outOfOrder.statusCode());

        String refused = agent.syncHeadersOnly(9L * 1024 * 1024);
        assertTrue("a body declared over 8 MiB is refused from its headers alone: " + refused,
                refused.startsWith("HTTP/1.1 413"));

        HttpResponse<String> heartbeat = agent.sync(new SyncRequest(List.of(), "0.0.1-test"));
        assertEquals(heartbeat.body(), 200, heartbeat.statusCode());
        assertEquals("nothing of the refused batches was stored", 0, json(heartbeat).path("storedThrough").asLong());
    }

    private static UUID aRetriedBatchIsStoredOnce(Api api, TestAgent agent) throws Exception {
        List<NewEvent> events = events(25);
        SyncRequest batch = new SyncRequest(List.of(SyncItem.inventory(1, fullInventory()),
                SyncItem.events(2, events.subList(0, 10)), SyncItem.events(3, events.subList(10, 25))), null);
        HttpResponse<String> first = agent.sync(batch);
        assertEquals(first.body(), 200, first.statusCode());
        JsonNode answer = json(first);
        assertEquals(3, answer.path("storedThrough").asLong());
        assertFalse("a full report was stored", answer.path("fullInventory").asBoolean());
        UUID deviceId = UUID.fromString(answer.path("deviceId").asText());

        HttpResponse<String> retry = agent.sync(batch);
        assertEquals(retry.body(), 200, retry.statusCode());
        assertEquals(3, json(retry).path("storedThrough").asLong());

        Set<String> stored = eventIds(api, deviceId);
        Set<String> sent = new HashSet<>();
        events.forEach(event -> sent.add(event.id().toString()));
        assertEquals("every event once, none twice", sent, stored);

        JsonNode device = json(api.get("/api/v1/devices/" + deviceId));
        assertEquals("the device is named after the enrolled host", "itest-" + agent.hardwareId(),
                device.path("displayName").asText());
        assertEquals("10.1.2.3", device.path("network").path("ipv4").asText());
        JsonNode software = json(api.get("/api/v1/devices/" + deviceId + "/software"));
        assertTrue("the software registry arrived: " + software, software.toString().contains("garrison-itest-tool"));
        return deviceId;
    }

    private static void anItemAboutAnotherDeviceIsRefused(TestAgent agent) throws Exception {
        InventoryReport foreign = new InventoryReport(UUID.randomUUID(), false, null, null, null, null,
                new ActivityReport(Instant.now(), true, null), null, null, null, null, null, null);
        HttpResponse<String> refused = agent.sync(new SyncRequest(List.of(SyncItem.inventory(4, foreign)), null));
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("foreign-device", code(refused));
    }

    private static void reEnrollingTheSameMachineKeepsItsDevice(ServerProcess server, Api api, TestAgent first,
            String token, UUID deviceId) throws Exception {
        TestAgent again = new TestAgent(server.gateway(), first.hardwareId());
        HttpResponse<String> enrolled = again.enroll(token);
        assertEquals(enrolled.body(), 200, enrolled.statusCode());
        assertEquals("the same machine is the same agent", first.grant().agentId(), again.grant().agentId());
        HttpResponse<String> synced = again.sync(new SyncRequest(List.of(), null));
        assertEquals(synced.body(), 200, synced.statusCode());
        assertEquals("and the same device", deviceId.toString(), json(synced).path("deviceId").asText());
        assertEquals("a re-enrolled agent may start its sequence again", 0, json(synced).path("storedThrough").asLong());
        assertTrue("and is asked for a full inventory", json(synced).path("fullInventory").asBoolean());

        HttpResponse<String> superseded = first.sync(new SyncRequest(List.of(), null));
        assertEquals("the older certificate was revoked by the re-enrollment", 403, superseded.statusCode());
        assertEquals("certificate-revoked", code(superseded));

        HttpResponse<String> revoke = api.postJson("/api/v1/agents/" + again.grant().agentId() + "/revoke",
                "{\"reason\":\"itest\"}");
        assertEquals(revoke.body(), 200, revoke.statusCode());
        HttpResponse<String> revoked = again.sync(new SyncRequest(List.of(), null));
        assertEquals("a revoked agent is refused at once", 403, revoked.statusCode());
        assertEquals("certificate-revoked", code(revoked));
    }

    private static void aUsedUpOrRevokedTokenIsRefused(ServerProcess server, Api api, String usedToken)
            throws Exception {
        TestAgent third = new TestAgent(server.gateway(), "itest-hw-" + UUID.randomUUID());
        assertEquals(200, third.enroll(usedToken).statusCode());
        TestAgent fourth = new TestAgent(server.gateway(), "itest-hw-" + UUID.randomUUID());
        HttpResponse<String> usedUp = fourth.enroll(usedToken);
        assertEquals(usedUp.body(), 403, usedUp.statusCode());
        assertEquals("token-refused", code(usedUp));

        HttpResponse<String> created = api.postJson("/api/v1/enrollment-tokens", "{\"name\":\"to revoke\"}");
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode token = json(created);
        assertEquals(204, api.delete("/api/v1/enrollment-tokens/" + token.path("id").asText()).statusCode());
        HttpResponse<String> revoked = fourth.enroll(token.path("token").asText());
        assertEquals(revoked.body(), 403, revoked.statusCode());
        assertEquals("token-refused", code(revoked));
        assertTrue("the answer says why: " + revoked.body(), revoked.body().contains("revoked"));
    }

    /**
     * The real agent on this machine, enrolled with a token that needs approval: pending until an admin approves,
     * then the machine appears with its real hardware and software, and "sync now" reaches it at once.
     */
    private static void theRealAgentBringsItsMachineAfterApproval(ServerProcess server, Api api) throws Exception {
        String token = createToken(api, "{\"name\":\"real agent\",\"requireApproval\":true}");
        try (AgentProcess agent = new AgentProcess(server.home().resolve("agent-on-this-machine"))) {
            try {
                assertEquals("garrison-agent enroll succeeds", 0, agent.enroll(server.gateway(), token));
                String agentId = agent.status().path("agentId").asText();
                JsonNode pending = json(api.get("/api/v1/agents?state=PENDING_APPROVAL"));
                assertTrue("the new agent waits for approval: " + pending, pending.toString().contains(agentId));
                assertEquals(200, api.postJson("/api/v1/agents/" + agentId + "/approve", "{}").statusCode());
                agent.start();

                JsonNode device = awaitDevice(api, agent);
                String deviceId = device.path("id").asText();
                assertEquals("LINUX", device.path("os").path("type").asText());
                assertFalse("the device has its network addresses", device.path("network").path("ipv4").asText()
                        .isEmpty());
                JsonNode software = json(api.get("/api/v1/devices/" + deviceId + "/software"));
                assertTrue("the machine's Debian packages arrived: " + abbreviated(software),
                        software.toString().contains("\"bash\""));
                JsonNode hardware = json(api.get("/api/v1/devices/" + deviceId + "/hardware"));
                assertTrue("the machine's processor arrived: " + abbreviated(hardware),
                        hardware.toString().contains("\"processor\""));

                String before = json(api.get("/api/v1/agents/" + agentId)).path("lastSyncAt").asText();
                Instant deadline = Instant.now().plusSeconds(90);
                while (true) {
                    HttpResponse<String> syncNow = api.postJson("/api/v1/agents/sync-now",
                            "{\"deviceIds\":[\"" + deviceId + "\"]}");
                    assertEquals(syncNow.body(), 200, syncNow.statusCode());
                    if (json(syncNow).path("woken").asInt() == 1) {
                        break;
                    }
                    assertTrue("the agent opened its wake channel", Instant.now().isBefore(deadline));
                    Thread.sleep(1_000);
                }
                while (json(api.get("/api/v1/agents/" + agentId)).path("lastSyncAt").asText().equals(before)) {
                    assertTrue("the woken agent synced soon after", Instant.now().isBefore(deadline));
                    Thread.sleep(500);
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nagent output:\n" + agent.output(), e);
            }
        }
    }

    private static JsonNode awaitDevice(Api api, AgentProcess agent) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode status = agent.status();
            String deviceId = status.path("deviceId").asText("");
            if (!deviceId.isEmpty()) {
                JsonNode device = json(api.get("/api/v1/devices/" + deviceId));
                if (!device.path("os").path("type").asText("").isEmpty()) {
                    return device;
                }
            }
            assertTrue("the agent's machine did not appear: " + status, Instant.now().isBefore(deadline));
            Thread.sleep(500);
        }
    }

    private static String abbreviated(JsonNode json) {
        String text = json.toString();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    static String createToken(Api api, String body) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/enrollment-tokens", body);
        assertEquals(created.body(), 201, created.statusCode());
        String token = json(created).path("token").asText();
        assertTrue("token text " + token, token.startsWith("ge1."));
        return token;
    }

    /** Enrolls, waiting for the gateway port to open after the server's boot. */
    static HttpResponse<String> awaitGateway(TestAgent agent, String token) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            try {
                return agent.enroll(token);
            } catch (java.io.IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the gateway did not open its port: " + e, e);
                }
                Thread.sleep(500);
            }
        }
    }

    /** The ids of the device's events the test agents sent (the server records events of its own as well). */
    static Set<String> eventIds(Api api, UUID deviceId) throws Exception {
        Set<String> ids = new HashSet<>();
        int rows = 0;
        String cursor = null;
        do {
            HttpResponse<String> page = api.get("/api/v1/events?device=" + deviceId + "&type=itest-event&limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(page.body(), 200, page.statusCode());
            JsonNode body = json(page);
            for (JsonNode event : body.path("items")) {
                ids.add(event.path("id").asText());
                rows++;
            }
            cursor = body.hasNonNull("nextCursor") ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals("no event is stored twice", ids.size(), rows);
        return ids;
    }

    static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(UUID.randomUUID(), Instant.now(), null, null, "core", "itest-event",
                    EventSeverity.INFO, "itest event " + i, Map.of("n", i)));
        }
        return events;
    }

    static InventoryReport fullInventory() {
        return new InventoryReport(null, true,
                new DeviceIdentity(null, null, null, "example.test", "itest-box.example.test", null),
                new DeviceNetwork("10.1.2.3", null, null, List.of("52:54:00:aa:bb:cc")),
                new OperatingSystem(OsType.LINUX, "x86_64", "Debian", "Debian GNU/Linux 12", "12", "6.1", "bookworm",
                        "/"),
                Virtualisation.physical(), new ActivityReport(Instant.now(), false, Instant.now().minusSeconds(3600)),
                List.of(), List.of(), List.of(new HardwareComponent("processor", "CPU 0", "GenuineIntel", "Xeon", null,
                        "2 cores")),
                new SoftwareChanges(List.of(new SoftwareEntry("garrison-itest-tool", "Garrison", "1.0", null, null)),
                        List.of(), List.of()),
                List.of(), List.of());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return TestAgent.JSON.readTree(response.body());
    }

    static String code(HttpResponse<String> response) throws Exception {
        return json(response).path("code").asText();
    }

    static String pin(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }
}
