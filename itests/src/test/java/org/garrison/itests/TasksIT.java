package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.Virtualisation;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tasks on the running distribution, through the REST API, the Karaf shell and agents written from the protocol
 * document: a task for a group reaches the enrolled agents at their next sync and follows what they report, a device
 * that joins the group later is in the next run, runs can be cancelled, a plugin's task type (from a plugin JAR
 * dropped into deploy/) reaches only the devices with its application, the server backs itself up, a scheduled start
 * survives a restart without firing twice, bad input is refused, and callers without tasks.run (or outside the
 * task's group) cannot start it.
 */
public class TasksIT {

    private static final String MANAGED_DEVICES = "00000000-0000-0000-0000-000000000001";

    @Test
    public void tasksReachAgentsFollowTheirResultsAndRespectPermissions() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("tasks"))) {
            server.chooseAdminPassword(Api.ADMIN_PASSWORD);
            server.start();
            Api api = server.httpsApi();
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                assertEquals(201, api.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
                api.awaitStatus("/api/v1/tasks", 200, server.startTimeout());
                api.awaitStatus("/api/v1/enrollment-tokens", 200, server.startTimeout());

                theTaskTypesIncludeTheAgentsAndTheServersOwn(api);
                String group = id(created(api.postJson("/api/v1/groups", "{\"parentId\":\"" + MANAGED_DEVICES
                        + "\",\"name\":\"Tasks IT\"}")));
                String token = AgentGatewayIT.createToken(api, "{\"name\":\"tasks\",\"maxUses\":5,\"groupId\":\""
                        + group + "\"}");
                Agent first = Agent.enroll(server, token);

                String taskId = id(created(api.postJson("/api/v1/tasks", "{\"name\":\"Refresh the office\","
                        + "\"application\":\"agent\",\"type\":\"refresh-inventory\",\"scope\":{\"groupId\":\""
                        + group + "\"}}")));
                badInputIsRefused(api, group, taskId);

                String run = aRunReachesTheAgentAtItsNextSync(api, taskId, first);
                Agent second = Agent.enroll(server, token);
                aDeviceThatJoinedLaterIsInTheNextRun(api, taskId, run, first, second);
                cancellingARunWithdrawsItsInstructions(api, taskId, first, second);
                callersNeedTasksRunWithinTheTasksGroup(api, taskId);
                aPluginTaskReachesTheDevicesWithItsApplication(server, api, group, first);
                theServerBacksItselfUp(server, api);
                theShellListsAndStartsTasks(server, taskId);
                aScheduledStartSurvivesARestartAndHappensOnce(server, api);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
            }
        }
    }

    private static void theTaskTypesIncludeTheAgentsAndTheServersOwn(Api api) throws Exception {
        JsonNode types = json(api.get("/api/v1/task-types"));
        Set<String> names = new HashSet<>();
        for (JsonNode type : types) {
            names.add(type.path("application").asText() + "/" + type.path("type").asText());
            assertTrue("every type has its parameters' schema: " + type, type.path("parametersSchema").isObject());
        }
        assertTrue(names.toString(), names.containsAll(List.of("agent/sync-now", "agent/refresh-inventory",
                "server/backup", "server/database-maintenance")));
    }

    private static void badInputIsRefused(Api api, String group, String taskId) throws Exception {
        HttpResponse<String> parameters = api.postJson("/api/v1/tasks", "{\"name\":\"Bad\",\"application\":"
                + "\"server\",\"type\":\"backup\",\"parameters\":{\"keep\":\"all of them\",\"extra\":1}}");
        assertEquals(parameters.body(), 422, parameters.statusCode());
        assertTrue("each problem has its path: " + parameters.body(), fields(parameters).stream()
                .anyMatch(field -> field.startsWith("parameters")));

        HttpResponse<String> schedule = api.postJson("/api/v1/tasks", "{\"name\":\"Bad\",\"application\":\"agent\","
                + "\"type\":\"sync-now\",\"scope\":{\"groupId\":\"" + group + "\"},\"schedule\":{\"kind\":\"CRON\","
                + "\"cron\":\"61 * * * *\",\"timeZone\":\"Mars/Olympus\"}}");
        assertEquals(schedule.body(), 422, schedule.statusCode());
        assertTrue(schedule.body(), fields(schedule).containsAll(List.of("schedule/cron", "schedule/timeZone")));

        HttpResponse<String> malformed = api.postJson("/api/v1/tasks", "{\"name\":");
        assertEquals(malformed.body(), 400, malformed.statusCode());
        HttpResponse<String> unknownType = api.postJson("/api/v1/tasks", "{\"name\":\"x\",\"application\":"
                + "\"no-such-plugin\",\"type\":\"scan\"}");
        assertEquals(unknownType.body(), 422, unknownType.statusCode());
        assertEquals(404, api.get("/api/v1/tasks/" + UUID.randomUUID()).statusCode());

        HttpResponse<String> stale = api.putJson("/api/v1/tasks/" + taskId, "{\"name\":\"Renamed\",\"application\":"
                + "\"agent\",\"type\":\"refresh-inventory\",\"scope\":{\"groupId\":\"" + group + "\"},"
                + "\"expectedRevision\":7}");
        assertEquals(stale.body(), 409, stale.statusCode());
        HttpResponse<String> renamed = api.putJson("/api/v1/tasks/" + taskId, "{\"name\":\"Refresh inventory\","
                + "\"application\":\"agent\",\"type\":\"refresh-inventory\",\"scope\":{\"groupId\":\"" + group
                + "\"},\"expectedRevision\":1}");
        assertEquals(renamed.body(), 200, renamed.statusCode());
        assertEquals(2, json(renamed).path("revision").asInt());
    }

    private static String aRunReachesTheAgentAtItsNextSync(Api api, String taskId, Agent agent) throws Exception {
        JsonNode run = json(created(api.postJson("/api/v1/tasks/" + taskId + "/run", "")));
        assertEquals("RUNNING", run.path("state").asText());
        assertEquals(1, run.path("counts").path("total").asInt());
        String runId = run.path("id").asText();

        JsonNode instruction = agent.awaitInstruction(i -> i.path("type").asText().equals("refresh-inventory"));
        assertTrue("the agent's own type has no application: " + instruction,
                instruction.path("application").isMissingNode() || instruction.path("application").isNull());
        agent.report(instruction, InstructionState.SUCCEEDED, null, Map.of("collected", true));

        JsonNode device = awaitDevice(api, taskId, runId, agent.deviceId,
                d -> d.path("state").asText().equals("SUCCEEDED"));
        assertEquals(true, device.path("result").path("collected").asBoolean());
        JsonNode done = awaitRun(api, taskId, runId, r -> r.path("state").asText().equals("COMPLETED"));
        assertEquals(1, done.path("counts").path("succeeded").asInt());
        return runId;
    }

    private static void aDeviceThatJoinedLaterIsInTheNextRun(Api api, String taskId, String firstRun, Agent first,
            Agent second) throws Exception {
        JsonNode run = json(created(api.postJson("/api/v1/tasks/" + taskId + "/run", "")));
        assertEquals(2, run.path("counts").path("total").asInt());
        String runId = run.path("id").asText();
        for (Agent agent : List.of(first, second)) {
            JsonNode instruction = agent.awaitInstruction(i -> i.path("type").asText().equals("refresh-inventory"));
            agent.report(instruction, InstructionState.FAILED, "cannot read the disk", Map.of());
        }
        JsonNode done = awaitRun(api, taskId, runId, r -> r.path("state").asText().equals("COMPLETED"));
        assertEquals(2, done.path("counts").path("failed").asInt());
        JsonNode failed = json(api.get("/api/v1/tasks/" + taskId + "/runs/" + runId + "/devices?state=FAILED"));
        assertEquals(2, failed.path("items").size());
        assertEquals("cannot read the disk", failed.path("items").get(0).path("message").asText());
        JsonNode runs = json(api.get("/api/v1/tasks/" + taskId + "/runs"));
        assertEquals(List.of(runId, firstRun), List.of(runs.path("items").get(0).path("id").asText(),
                runs.path("items").get(1).path("id").asText()));
    }

    private static void cancellingARunWithdrawsItsInstructions(Api api, String taskId, Agent first, Agent second)
            throws Exception {
        JsonNode run = json(created(api.postJson("/api/v1/tasks/" + taskId + "/run", "")));
        String runId = run.path("id").asText();
        JsonNode instruction = first.awaitInstruction(i -> i.path("type").asText().equals("refresh-inventory"));
        first.report(instruction, InstructionState.RUNNING, null, Map.of());
        awaitDevice(api, taskId, runId, first.deviceId, d -> d.path("state").asText().equals("RUNNING"));

        HttpResponse<String> cancelled = api.postJson("/api/v1/tasks/" + taskId + "/runs/" + runId + "/cancel", "");
        assertEquals(cancelled.body(), 200, cancelled.statusCode());
        assertEquals("CANCELLED", json(cancelled).path("state").asText());
        assertEquals(2, json(cancelled).path("counts").path("cancelled").asInt());
        for (Agent agent : List.of(first, second)) {
            assertTrue("a cancelled instruction is no longer delivered", agent.sync().path("instructions").isEmpty());
        }
    }

    private static void callersNeedTasksRunWithinTheTasksGroup(Api admin, String taskId) throws Exception {
        String viewerRole = id(created(admin.postJson("/api/v1/roles", "{\"name\":\"Task viewer\",\"permissions\":"
                + "[\"tasks.read\"]}")));
        Api viewer = account(admin, "task-viewer", viewerRole, MANAGED_DEVICES);
        assertEquals(200, viewer.get("/api/v1/tasks/" + taskId).statusCode());
        HttpResponse<String> refused = viewer.postJson("/api/v1/tasks/" + taskId + "/run", "");
        assertEquals(refused.body(), 403, refused.statusCode());

        String elsewhere = id(created(admin.postJson("/api/v1/groups", "{\"parentId\":\"" + MANAGED_DEVICES
                + "\",\"name\":\"Elsewhere\"}")));
        String operatorRole = id(created(admin.postJson("/api/v1/roles", "{\"name\":\"Task operator\","
                + "\"permissions\":[\"tasks.read\",\"tasks.write\",\"tasks.run\"]}")));
        Api operator = account(admin, "task-operator", operatorRole, elsewhere);
        HttpResponse<String> outside = operator.postJson("/api/v1/tasks/" + taskId + "/run", "");
        assertEquals("the task's group lies outside the operator's: " + outside.body(), 403, outside.statusCode());
        assertEquals(0, json(operator.get("/api/v1/tasks")).path("items").size());
        String own = id(created(operator.postJson("/api/v1/tasks", "{\"name\":\"Own\",\"application\":\"agent\","
                + "\"type\":\"sync-now\",\"scope\":{\"groupId\":\"" + elsewhere + "\"}}")));
        assertEquals(201, operator.postJson("/api/v1/tasks/" + own + "/run", "").statusCode());
        HttpResponse<String> serverTask = operator.postJson("/api/v1/tasks", "{\"name\":\"Backup\",\"application\":"
                + "\"server\",\"type\":\"backup\"}");
        assertEquals("the server's own tasks need the whole server: " + serverTask.body(), 403,
                serverTask.statusCode());
    }

    private static void aPluginTaskReachesTheDevicesWithItsApplication(ServerProcess server, Api api, String group,
            Agent withApplication) throws Exception {
        TaskPluginJar.write(server.home().resolve("deploy/itest-tasks.jar"));
        JsonNode type = awaitTaskType(api, TaskPluginJar.ID, TaskPluginJar.TYPE);
        assertEquals(type.toString(), "integer", type.path("parametersSchema").path("properties").path("depth")
                .path("type").asText());
        withApplication.reportApplication(TaskPluginJar.ID);

        HttpResponse<String> invalid = api.postJson("/api/v1/tasks", "{\"name\":\"Collect\",\"application\":\""
                + TaskPluginJar.ID + "\",\"type\":\"" + TaskPluginJar.TYPE + "\",\"parameters\":{\"depth\":9},"
                + "\"scope\":{\"groupId\":\"" + group + "\"}}");
        assertEquals(invalid.body(), 422, invalid.statusCode());
        assertTrue(invalid.body(), fields(invalid).stream().allMatch(field -> field.startsWith("parameters")));
        String taskId = id(created(api.postJson("/api/v1/tasks", "{\"name\":\"Collect\",\"application\":\""
                + TaskPluginJar.ID + "\",\"type\":\"" + TaskPluginJar.TYPE + "\",\"parameters\":{\"depth\":2},"
                + "\"scope\":{\"groupId\":\"" + group + "\"}}")));

        JsonNode run = json(created(api.postJson("/api/v1/tasks/" + taskId + "/run", "")));
        assertEquals("only the device with the application: " + run, 1, run.path("counts").path("total").asInt());
        assertEquals("the other device is skipped: " + run, 1, run.path("counts").path("skipped").asInt());
        JsonNode instruction = withApplication.awaitInstruction(i -> i.path("type").asText()
                .equals(TaskPluginJar.TYPE));
        assertEquals(TaskPluginJar.ID, instruction.path("application").asText());
        assertEquals(2, instruction.path("parameters").path("depth").asInt());
        withApplication.report(instruction, InstructionState.SUCCEEDED, "collected", Map.of("items", 7));
        JsonNode device = awaitDevice(api, taskId, run.path("id").asText(), withApplication.deviceId,
                d -> d.path("state").asText().equals("SUCCEEDED"));
        assertEquals(7, device.path("result").path("items").asInt());
    }

    private static JsonNode awaitTaskType(Api api, String application, String type) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            for (JsonNode candidate : json(api.get("/api/v1/task-types"))) {
                if (candidate.path("application").asText().equals(application)
                        && candidate.path("type").asText().equals(type)) {
                    return candidate;
                }
            }
            assertTrue("the plugin's task type did not appear: " + api.get("/api/v1/plugins").body(),
                    Instant.now().isBefore(deadline));
            Thread.sleep(500);
        }
    }

    private static void theServerBacksItselfUp(ServerProcess server, Api api) throws Exception {
        String taskId = id(created(api.postJson("/api/v1/tasks", "{\"name\":\"Backup\",\"application\":\"server\","
                + "\"type\":\"backup\",\"parameters\":{\"keep\":2}}")));
        String runId = json(created(api.postJson("/api/v1/tasks/" + taskId + "/run", ""))).path("id").asText();
        awaitRun(api, taskId, runId, r -> r.path("state").asText().equals("COMPLETED"));
        JsonNode entry = json(api.get("/api/v1/tasks/" + taskId + "/runs/" + runId + "/devices")).path("items")
                .get(0);
        assertEquals(entry.toString(), "SUCCEEDED", entry.path("state").asText());
        assertTrue("the server's own run has no device", entry.path("deviceId").isMissingNode());
        Path folder = Path.of(entry.path("result").path("folder").asText());
        assertTrue(folder.toString(), folder.startsWith(server.home().resolve("data/backups")));
        assertTrue(Files.exists(folder.resolve("database/garrison-db/service.properties")));
        assertTrue(Files.exists(folder.resolve("etc/garrison-data-keys.p12")));
        assertTrue(Files.exists(folder.resolve("etc/garrison-data-keys.password")));
        assertTrue(Files.exists(folder.resolve("etc/garrison-https.p12")));
    }

    private static void theShellListsAndStartsTasks(ServerProcess server, String taskId) throws Exception {
        SshShell.Result listed = SshShell.run(server.sshPort(), "admin", Api.ADMIN_PASSWORD, "garrison:task-list");
        assertTrue(listed.output(), listed.output().contains(taskId) && listed.output().contains("Refresh inventory"));
        SshShell.Result started = SshShell.run(server.sshPort(), "admin", Api.ADMIN_PASSWORD,
                "garrison:task-run " + taskId);
        assertTrue(started.output(), started.output().contains("Started run"));
        SshShell.Result runs = SshShell.run(server.sshPort(), "admin", Api.ADMIN_PASSWORD,
                "garrison:task-runs " + taskId);
        assertTrue(runs.output(), runs.output().contains("CANCELLED") && runs.output().contains("RUNNING"));
    }

    private static void aScheduledStartSurvivesARestartAndHappensOnce(ServerProcess server, Api api)
            throws Exception {
        Instant at = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        String taskId = id(created(api.postJson("/api/v1/tasks", "{\"name\":\"Maintenance\",\"application\":"
                + "\"server\",\"type\":\"database-maintenance\",\"schedule\":{\"kind\":\"ONCE\",\"at\":\"" + at
                + "\",\"runIfMissed\":true}}")));
        server.stop();
        assertTrue("the server was down when the start was due", Instant.now().isBefore(at));
        server.start();
        Api again = server.httpsApi();
        again.awaitStatus("/api/v1/health", 200, server.startTimeout());
        assertEquals(201, again.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
        again.awaitStatus("/api/v1/tasks/" + taskId, 200, server.startTimeout());
        JsonNode runs = awaitRuns(again, taskId, 1);
        JsonNode run = runs.path("items").get(0);
        assertEquals(at.toString(), Instant.parse(run.path("scheduledFor").asText()).toString());
        assertTrue(run.toString(), Set.of("SCHEDULE", "MISSED").contains(run.path("trigger").asText()));
        awaitRun(again, taskId, run.path("id").asText(), r -> r.path("state").asText().equals("COMPLETED"));
        assertEquals("started once", 1, json(again.get("/api/v1/tasks/" + taskId + "/runs")).path("total").asInt());
        assertTrue(json(again.get("/api/v1/tasks/" + taskId)).path("nextRunAt").isMissingNode());
    }

    // ---- helpers

    /** An agent written from the protocol document, with its outbox's sequence numbers. */
    private static final class Agent {

        private final TestAgent agent;
        private final String deviceId;
        private long seq;

        private Agent(TestAgent agent, String deviceId) {
            this.agent = agent;
            this.deviceId = deviceId;
        }

        static Agent enroll(ServerProcess server, String token) throws Exception {
            TestAgent agent = new TestAgent(server.gateway(), "tasks-it-" + UUID.randomUUID());
            HttpResponse<String> enrolled = AgentGatewayIT.awaitGateway(agent, token);
            assertEquals(enrolled.body(), 200, enrolled.statusCode());
            HttpResponse<String> synced = agent.sync(new SyncRequest(List.of(), "0.0.1-test"));
            assertEquals(synced.body(), 200, synced.statusCode());
            return new Agent(agent, json(synced).path("deviceId").asText());
        }

        JsonNode sync(SyncItem... items) throws Exception {
            HttpResponse<String> answer = agent.syncHonouringRetryAfter(new SyncRequest(List.of(items), null));
            assertEquals(answer.body(), 200, answer.statusCode());
            return json(answer);
        }

        /** Syncs until the server hands over a matching instruction, as an agent does at its intervals. */
        JsonNode awaitInstruction(Predicate<JsonNode> wanted) throws Exception {
            Instant deadline = Instant.now().plusSeconds(60);
            while (true) {
                for (JsonNode instruction : sync().path("instructions")) {
                    if (wanted.test(instruction)) {
                        return instruction;
                    }
                }
                assertTrue("no instruction reached the agent", Instant.now().isBefore(deadline));
                Thread.sleep(1000);
            }
        }

        /** Sends a full inventory saying the application is installed, as the agent does when it finds it. */
        void reportApplication(String application) throws Exception {
            InventoryReport report = new InventoryReport(null, true,
                    new DeviceIdentity(null, null, null, "example.test", "tasks-it.example.test", null),
                    new DeviceNetwork("10.9.8.7", null, null, List.of()),
                    new OperatingSystem(OsType.LINUX, "x86_64", "Debian", "Debian GNU/Linux 12", "12", "6.1",
                            "bookworm", "/"),
                    Virtualisation.physical(), new ActivityReport(Instant.now(), false, null), List.of(), List.of(),
                    List.of(), new SoftwareChanges(List.of(), List.of(), List.of()),
                    List.of(new InstalledApplication(application, "Tasks IT application", "1.0",
                            ApplicationState.RUNNING, ProtectionState.NOT_SUPPORTED, null, 0, 0, List.of(), null,
                            null, null, null, List.of(), List.of())), List.of());
            JsonNode answer = sync(SyncItem.inventory(++seq, report));
            assertEquals(answer.toString(), seq, answer.path("storedThrough").asLong());
            assertTrue("the report was applied: " + answer, answer.path("notices").isEmpty());
        }

        void report(JsonNode instruction, InstructionState state, String message, Map<String, Object> result)
                throws Exception {
            JsonNode answer = sync(SyncItem.instructionResult(++seq, new InstructionResult(
                    UUID.fromString(instruction.path("id").asText()), state, Instant.now(), message, result)));
            assertEquals(seq, answer.path("storedThrough").asLong());
        }
    }

    private static Api account(Api admin, String login, String roleId, String groupId) throws Exception {
        String password = "Tasks-itest-" + UUID.randomUUID();
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"login\":\"" + login + "\",\"password\":"
                + Json.quote(password) + ",\"mustChangePassword\":false,\"grants\":[{\"roleId\":\"" + roleId
                + "\",\"groupId\":\"" + groupId + "\"}]}");
        assertEquals(created.body(), 201, created.statusCode());
        Api session = admin.anonymousClient();
        HttpResponse<String> signedIn = session.signIn(login, password);
        assertEquals(signedIn.body(), 201, signedIn.statusCode());
        return session;
    }

    private static JsonNode awaitRun(Api api, String taskId, String runId, Predicate<JsonNode> condition)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode run = json(api.get("/api/v1/tasks/" + taskId + "/runs/" + runId));
            if (condition.test(run)) {
                return run;
            }
            assertTrue("the run did not get there: " + run, Instant.now().isBefore(deadline));
            Thread.sleep(250);
        }
    }

    private static JsonNode awaitRuns(Api api, String taskId, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode runs = json(api.get("/api/v1/tasks/" + taskId + "/runs"));
            if (runs.path("items").size() >= count) {
                return runs;
            }
            assertTrue("the task did not start: " + runs, Instant.now().isBefore(deadline));
            Thread.sleep(500);
        }
    }

    private static JsonNode awaitDevice(Api api, String taskId, String runId, String deviceId,
            Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode devices = json(api.get("/api/v1/tasks/" + taskId + "/runs/" + runId + "/devices"));
            for (JsonNode device : devices.path("items")) {
                if (device.path("deviceId").asText().equals(deviceId) && condition.test(device)) {
                    return device;
                }
            }
            assertTrue("the device did not get there: " + devices, Instant.now().isBefore(deadline));
            Thread.sleep(250);
        }
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(response.body(), 201, response.statusCode());
        return response;
    }

    private static String id(HttpResponse<String> response) throws Exception {
        return json(response).path("id").asText();
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertFalse(response.body(), fields.isEmpty());
        return fields;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return TestAgent.JSON.readTree(response.body());
    }
}
