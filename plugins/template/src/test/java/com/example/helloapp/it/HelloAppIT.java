package com.example.helloapp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.garrison.testkit.ApiResponse;
import org.garrison.testkit.BridgeClient;
import org.garrison.testkit.EnrolledAgent;
import org.garrison.testkit.GarrisonClient;
import org.garrison.testkit.GarrisonServer;
import org.garrison.testkit.PluginInstallation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hello App on a real server with a real agent, through the plugin test kit: the JAR the build made is uploaded, a
 * policy is created for a group, an agent enrolls into that group, and this test plays the application on the agent's
 * local bridge: it reads its policy, reports greetings and an event, and answers a task. What it sent is read back
 * through the plugin's own REST resource, the events and the task's run. One server start for all of it.
 *
 * <p>The build passes the distribution, the agent and the plugin JAR as system properties (see the pom).
 */
class HelloAppIT {

    private static final String ID = "hello-app";
    private static final String GREETINGS = "/plugins/" + ID + "/resources/greetings";
    private static final String MANAGED_DEVICES = "00000000-0000-0000-0000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theApplicationsGreetingsReachThePluginThroughARealAgent() {
        try (GarrisonServer server = GarrisonServer.fromDistribution(file("garrison.server.archive")).start()) {
            try {
                GarrisonClient admin = server.admin();
                theUploadedPluginIsActiveWithItsResourceAndPages(server, admin);
                String group = admin.post("/groups", Map.of("parentId", MANAGED_DEVICES, "name", "Hello office"))
                        .expectJson(201).path("id").asText();
                aPolicyIsValidatedAgainstThePluginsSchema(admin, group);

                EnrolledAgent agent = server.enrollAgent(file("garrison.agent.jar"), group);
                BridgeClient application = agent.bridge();
                JsonNode policy = agent.awaitPolicy(ID, WAIT);
                assertEquals("Hi", policy.path("settings").path("greeting").asText(), policy.toString());

                theApplicationsReportsReachThePluginsResource(admin, agent, application);
                aTaskReachesTheApplicationAndItsResultComesBack(admin, agent, application);

                server.uninstallPlugin(ID, true);
                admin.awaitStatus(GREETINGS, 404, WAIT);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- server output ---\n" + server.output(), e);
            }
        }
    }

    private static void theUploadedPluginIsActiveWithItsResourceAndPages(GarrisonServer server,
            GarrisonClient admin) {
        PluginInstallation installed = server.installPlugin(file("plugin.jar")).requireActive();
        assertEquals(201, installed.status());
        JsonNode contributions = installed.plugin().path("contributions");
        assertEquals("say-hello", contributions.path("taskTypes").path(0).path("type").asText());
        assertEquals("greeting-refused", contributions.path("eventTypes").path(0).path("type").asText());

        assertEquals("[]", admin.awaitStatus(GREETINGS, 200, WAIT).json().toString());
        admin.get("/console/plugins/" + ID + "/greetings.js").expect(200);
        admin.get("/console/plugins/" + ID + "/device-tab.js").expect(200);
        assertTrue(admin.get("/openapi.json").body().contains("/plugins/hello-app/resources/greetings"));
        assertTrue(admin.get("/data-inventory").body().contains("HELLO_APP_GREETING"));
        admin.get(GREETINGS + "?limit=0").expect(422);
        admin.get(GREETINGS + "/not-a-device").expect(422);
        server.anonymous().get(GREETINGS).expect(401);
    }

    private static void aPolicyIsValidatedAgainstThePluginsSchema(GarrisonClient admin, String group) {
        ApiResponse refused = admin.post("/policies", Map.of("application", ID, "groupId", group, "name",
                "Hello office", "state", "ACTIVE", "settings", Map.of("intervalMinutes", 0)));
        assertEquals(422, refused.status());
        assertTrue(refused.problem().orElseThrow().errors().stream()
                .anyMatch(e -> e.field().equals("settings/intervalMinutes")), refused.describe());

        admin.post("/policies", Map.of("application", ID, "groupId", group, "name", "Hello office", "state",
                "ACTIVE", "settings", Map.of("greeting", "Hi", "intervalMinutes", 5))).expect(201);
    }

    private static void theApplicationsReportsReachThePluginsResource(GarrisonClient admin, EnrolledAgent agent,
            BridgeClient application) {
        application.putApplication(ID, Map.of("name", "Hello App", "version", "1.0.0", "state", "RUNNING"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        application.postApplicationData(ID, "greetings", now.minusSeconds(60),
                Map.of("lastGreeting", "Hi", "count", 2));
        // breaks the schema: the plugin logs and skips it, the next report still arrives
        application.postApplicationData(ID, "greetings", now.minusSeconds(30),
                Map.of("lastGreeting", "Hi", "count", -1));
        application.postApplicationData(ID, "greetings", now, Map.of("lastGreeting", "Hi", "count", 3));
        application.postEvents(List.of(Map.of("occurredAt", now, "source", ID, "type", "greeting-refused",
                "severity", "WARNING", "description", "Nobody answered", "payload", Map.of("reason", "silence"))));
        agent.deliver(WAIT);

        String device = GREETINGS + "/" + agent.deviceId();
        JsonNode greeting = admin.await(device, r -> r.status() == 200 && r.json().path("count").asLong() == 3, WAIT)
                .json();
        assertEquals("Hi", greeting.path("lastGreeting").asText());
        assertEquals(now, Instant.parse(greeting.path("reportedAt").asText()));
        assertEquals(agent.deviceId(), admin.get(GREETINGS).expectJson(200).path(0).path("deviceId").asText());

        JsonNode events = admin.await("/events?source=" + ID + "&device=" + agent.deviceId(),
                r -> r.json().path("items").size() > 0, WAIT).json().path("items");
        assertEquals("greeting-refused", events.path(0).path("type").asText());
        assertEquals("silence", events.path(0).path("payload").path("reason").asText());
    }

    private static void aTaskReachesTheApplicationAndItsResultComesBack(GarrisonClient admin, EnrolledAgent agent,
            BridgeClient application) {
        String task = admin.post("/tasks", Map.of("name", "Say hello", "application", ID, "type", "say-hello",
                "parameters", Map.of("message", "Good morning"), "scope", Map.of("deviceIds",
                        List.of(agent.deviceId())))).expectJson(201).path("id").asText();
        String run = admin.post("/tasks/" + task + "/run", null).expectJson(201).path("id").asText();

        JsonNode instruction = agent.awaitInstructions(ID, WAIT).path(0);
        assertEquals("say-hello", instruction.path("type").asText());
        assertEquals("Good morning", instruction.path("parameters").path("message").asText());
        application.postInstructionResult(instruction.path("id").asText(), "SUCCEEDED", null,
                Map.of("said", "Good morning"));
        agent.deliver(WAIT);

        List<String> states = new ArrayList<>();
        JsonNode entry = admin.await("/tasks/" + task + "/runs/" + run + "/devices", r -> {
            JsonNode first = r.json().path("items").path(0);
            states.add(first.path("state").asText());
            return "SUCCEEDED".equals(first.path("state").asText());
        }, WAIT).json().path("items").path(0);
        assertEquals("Good morning", entry.path("result").path("said").asText(), states.toString());
    }

    private static Path file(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the test with Maven "
                    + "(mvn verify), which sets it");
        }
        return Path.of(value);
    }
}
