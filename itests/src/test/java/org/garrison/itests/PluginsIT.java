package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.sql.DataSource;

import org.garrison.api.plugin.PluginRegistry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Plugins in the running server: installed by upload, through the shell and by dropping them into deploy/; active
 * with their event types, permissions, console modules, own tables and own REST resources; upgraded with a new
 * migration, stopped, started, uninstalled with and without purging; and refused, with a clear reason and without
 * disturbing the server or the other plugins, when they are broken.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsIT {

    private static final String PLUGINS = "/api/v1/plugins";
    private static final String JAR = "application/java-archive";

    private static final String DESCRIPTOR = """
            {
              "id": "itest-av", "name": "Integration-test antivirus", "vendor": "Garrison tests",
              "version": "%s", "minServerVersion": "0.1.0",
              "settingsSchema": "settings.json",
              "taskTypes": [{"type": "full-scan", "title": "Full scan", "parametersSchema": "full-scan.json"}],
              "eventTypes": [{"type": "threat-detected", "title": "Threat detected", "defaultSeverity": "critical",
                              "payloadSchema": "threat.json"}],
              "dataKinds": [{"kind": "threats", "title": "Threats"}],
              "console": [
                {"kind": "page", "id": "threats", "title": "Threats", "module": "threats.js",
                 "permission": "itest-av.threats.read"},
                {"kind": "navigation", "id": "threats-entry", "title": "Threats", "module": "threats"}],
              "data": [{"id": "threats", "title": "Threats found", "source": "application",
                        "storage": "ITEST_AV_THREAT", "personal": false, "encrypted": false,
                        "retention": "until an admin purges the plugin"}],
              "permissions": [{"id": "itest-av.threats.read", "description": "See threats"},
                              {"id": "itest-av.threats.write", "description": "Record threats"}]
            }
            """;

    private static final String CHANGELOG_V1 = """
            --liquibase formatted sql

            --changeset itest:1
            CREATE TABLE ITEST_AV_THREAT (NAME VARCHAR(200) NOT NULL PRIMARY KEY);
            """;

    private static final String CHANGELOG_V2 = CHANGELOG_V1 + """

            --changeset itest:2
            ALTER TABLE ITEST_AV_THREAT ADD COLUMN SEVERITY VARCHAR(20);
            """;

    @Inject
    @Filter(timeout = 120_000)
    private PluginRegistry registry;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=garrison)", timeout = 120_000)
    private DataSource dataSource;

    @Inject
    private ConfigurationAdmin configurations;

    @Inject
    private BundleContext context;

    private final Api api = Api.local();

    @Configuration
    public Option[] config() {
        Option[] container = GarrisonContainer.options();
        Option[] vendor = PluginSigner.options(Path.of("target/signed-plugins"));
        Option[] all = java.util.Arrays.copyOf(container, container.length + vendor.length);
        System.arraycopy(vendor, 0, all, container.length, vendor.length);
        return all;
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context, PLUGINS);
    }

    @Test
    public void aPluginLivesThroughUploadUpgradeStopStartAndUninstallWhileTheCoreKeepsAnswering() throws Exception {
        CoreWatch core = CoreWatch.start();
        try {
            HttpResponse<String> installed = upload("itest-av-1.0.0.jar", antivirus("1.0.0", CHANGELOG_V1));
            assertEquals(installed.body(), 201, installed.statusCode());
            assertTrue(installed.body(), installed.body().contains("\"state\":\"active\""));
            assertTrue(installed.body(), installed.body().contains("\"settingsSchema\":{\"type\":\"object\""));
            assertTrue(installed.body(), installed.body().contains("\"module\":\"threats.js\""));

            assertTrue(api.get("/api/v1/event-types").body().contains("\"source\":\"itest-av\""));
            String consoleContributions = api.get("/api/v1/console-contributions").body();
            assertTrue(consoleContributions, consoleContributions.contains("\"id\":\"itest-av\"")
                    && consoleContributions.contains("\"module\":\"threats.js\"")
                    && consoleContributions.contains("\"settingsSchema\":{\"type\":\"object\""));
            HttpResponse<String> module = api.get("/console/plugins/itest-av/threats.js");
            assertEquals(200, module.statusCode());
            assertTrue(module.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertTrue(module.headers().firstValue("ETag").orElse("").contains("itest-av-1.0.0"));
            assertEquals("no-cache", module.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(module.body().contains("export function mount"));
            assertEquals(404, api.get("/console/plugins/itest-av/missing.js").statusCode());
            int traversal = api.get("/console/plugins/itest-av/%2e%2e/plugin.json").statusCode();
            assertTrue("a path out of the console folder is refused: " + traversal,
                    traversal == 400 || traversal == 404);
            assertEquals(404, api.get("/console/plugins/unknown-plugin/threats.js").statusCode());

            String threats = PLUGINS + "/itest-av/resources/threats";
            HttpResponse<String> empty = awaitStatus(threats, 200);
            assertEquals("[]", empty.body());
            assertEquals(204, api.postJson(threats, "{\"name\":\"EICAR\"}").statusCode());
            assertProblem(api.postJson(threats, "{\"name\":\"\"}"), 422, "name is required");
            assertProblem(api.postJson(threats, "{\"nme\":\"x\"}"), 400, null);
            assertEquals(401, api.anonymousClient().get(threats).statusCode());
            assertTrue(api.get(threats).body().contains("EICAR"));
            String openApi = api.get("/api/v1/openapi.json").body();
            assertTrue(openApi, openApi.contains("\"/plugins/itest-av/resources/threats\""));
            assertTrue(openApi, openApi.contains("\"x-garrison-permission\" : \"itest-av.threats.write\""));

            HttpResponse<String> upgraded = upload("itest-av-2.0.0.jar", antivirus("2.0.0", CHANGELOG_V2));
            assertEquals(upgraded.body(), 200, upgraded.statusCode());
            assertTrue(upgraded.body(), upgraded.body().contains("\"version\":\"2.0.0\""));
            assertTrue(upgraded.body(), upgraded.body().contains("\"state\":\"active\""));
            assertTrue("the new migration ran", columnExists("ITEST_AV_THREAT", "SEVERITY"));
            assertTrue("the data survived the upgrade", awaitStatus(threats, 200).body().contains("EICAR"));
            assertTrue(api.get("/console/plugins/itest-av/threats.js").headers().firstValue("ETag").orElse("")
                    .contains("itest-av-2.0.0"));

            assertProblem(upload("itest-av-1.0.0.jar", antivirus("1.0.0", CHANGELOG_V1)), 409, "older");

            HttpResponse<String> stopped = api.postJson(PLUGINS + "/itest-av/stop", "");
            assertTrue(stopped.body(), stopped.body().contains("\"state\":\"stopped\""));
            assertEquals(404, api.get("/console/plugins/itest-av/threats.js").statusCode());
            assertFalse(api.get("/api/v1/event-types").body().contains("\"source\":\"itest-av\""));
            awaitStatus(threats, 404);
            HttpResponse<String> started = api.postJson(PLUGINS + "/itest-av/start", "");
            assertTrue(started.body(), started.body().contains("\"state\":\"active\""));
            assertTrue(awaitStatus(threats, 200).body().contains("EICAR"));

            assertEquals(204, api.delete(PLUGINS + "/itest-av").statusCode());
            assertEquals(404, api.get(PLUGINS + "/itest-av").statusCode());
            assertTrue("uninstalling keeps the tables", tableExists("ITEST_AV_THREAT"));

            assertEquals(201, upload("itest-av-2.0.0.jar", antivirus("2.0.0", CHANGELOG_V2)).statusCode());
            assertTrue("reinstalling finds the data", awaitStatus(threats, 200).body().contains("EICAR"));
            assertEquals(204, api.delete(PLUGINS + "/itest-av?purge=true").statusCode());
            assertFalse("purging drops the tables", tableExists("ITEST_AV_THREAT"));
            assertFalse("purging drops the migration history", tableExists("GPITESTAVLOG"));
        } finally {
            core.stop();
        }
        assertTrue("the core kept answering: " + core.failures(), core.failures().isEmpty());
        assertTrue("the core was asked throughout: " + core.calls(), core.calls() > 20);
    }

    @Test
    public void aPluginDroppedIntoDeployIsTrackedAndItsFileGoesWithIt() throws Exception {
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path file = deploy.resolve("itest-deployed.jar");
        Files.write(file, PluginJars.minimal("itest-deployed", "1.0.0").build());
        String plugin = awaitPlugin("itest-deployed", "active");
        assertTrue(plugin, plugin.contains("\"name\":\"Test itest-deployed\""));

        Path copy = deploy.resolve("itest-deployed-copy.jar");
        Files.write(copy, PluginJars.minimal("itest-deployed", "1.0.0")
                .header("Bundle-SymbolicName", "org.garrison.itests.plugins.copy").build());
        String listed = awaitListed("already used by bundle");
        assertTrue(listed, listed.contains("\"state\":\"refused\""));
        assertTrue("the first copy stays active", api.get(PLUGINS + "/itest-deployed").body()
                .contains("\"state\":\"active\""));
        Files.delete(copy);

        Files.write(deploy.resolve("itest-deployed-broken.jar"), PluginJars.plugin("itest-deployed-broken", "1.0.0")
                .with("GARRISON-INF/plugin.json", "{\"id\": \"itest-deployed-broken\", \"version\": 1}").build());
        String broken = awaitPlugin("itest-deployed-broken", "refused");
        assertTrue(broken, broken.contains("Invalid plugin descriptor"));
        assertTrue(broken, broken.contains("plugin.json/version"));
        assertTrue(broken, broken.contains("plugin.json/name"));

        assertEquals(204, api.delete(PLUGINS + "/itest-deployed").statusCode());
        assertFalse("the file is gone from deploy/", Files.exists(file));
        assertEquals(204, api.delete(PLUGINS + "/itest-deployed-broken").statusCode());
        Thread.sleep(3000);
        assertEquals("file install did not put it back", 404, api.get(PLUGINS + "/itest-deployed").statusCode());

        // deploy/ has no caller for the audit log: the plugins' events are its trail
        String trail = awaitBody("/api/v1/events?source=core&type=plugin-activated&type=plugin-refused"
                + "&type=plugin-uninstalled&limit=1000",
                body -> body.contains("itest-deployed-broken 1.0.0 was uninstalled"));
        assertTrue(trail, trail.contains("Plugin itest-deployed 1.0.0 is active"));
        assertTrue(trail, trail.contains("Plugin itest-deployed-broken 1.0.0 was refused: Invalid plugin descriptor"));
    }

    private String awaitBody(String path, Predicate<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = api.get(path).body();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " never answered what was awaited; last: " + last);
    }

    @Test
    public void theShellInstallsListsStopsStartsAndUninstallsPlugins() throws Exception {
        Path jar = Files.createTempFile("itest-shell", ".jar");
        Files.write(jar, PluginJars.minimal("itest-shell", "1.0.0").build());
        assertContains(shell("garrison:plugin-install " + jar), "ACTIVE");
        String list = shell("garrison:plugin-list");
        assertContains(list, "itest-shell");
        assertContains(list, "ACTIVE");
        assertContains(shell("garrison:plugin-stop itest-shell"), "STOPPED");
        assertContains(shell("garrison:plugin-start itest-shell"), "ACTIVE");
        assertContains(shell("garrison:plugin-uninstall --purge itest-shell"), "Uninstalled");
        assertEquals(404, api.get(PLUGINS + "/itest-shell").statusCode());
        String audit = api.get("/api/v1/audit-log?limit=20").body();
        assertContains(audit, "shell garrison:plugin-install");
        Files.delete(jar);
    }

    @Test
    public void brokenPluginsAreRefusedWithTheReasonAndDisturbNothing() throws Exception {
        byte[] healthy = PluginJars.minimal("itest-healthy", "1.0.0").build();
        assertEquals(201, upload("itest-healthy.jar", healthy).statusCode());

        assertProblem(upload("bad-descriptor.jar", PluginJars.plugin("itest-bad", "1.0.0")
                .with("GARRISON-INF/plugin.json", "{\"id\":\"itest-bad\",\"name\":\"Bad\",\"version\":\"1.0.0\","
                        + "\"permissions\":[{\"id\":\"other.read\",\"description\":\"x\"}],"
                        + "\"settingsSchema\":\"missing.json\"}").build()),
                422, "must start with the plugin id");
        assertProblem(upload("no-descriptor.jar", PluginJars.plugin("itest-bad", "1.0.0").build()), 422,
                "GARRISON-INF/plugin.json");
        assertProblem(upload("header.jar", PluginJars.minimal("itest-bad", "1.0.0")
                .header("Garrison-Plugin", "itest-other;version=1.0.0").build()), 422, "manifest header");
        assertProblem(upload("traversal.jar", PluginJars.minimal("itest-bad", "1.0.0")
                .with("../../etc/evil.cfg", "x=1").build()), 422, "leaves the JAR");
        assertProblem(upload("too-new.jar", PluginJars.plugin("itest-bad", "1.0.0")
                .with("GARRISON-INF/plugin.json", "{\"id\":\"itest-bad\",\"name\":\"Bad\",\"version\":\"1.0.0\","
                        + "\"minServerVersion\":\"99.0.0\"}").build()), 422, "needs Garrison 99.0.0 or later");
        assertProblem(upload("not-a-jar.jar", "just text".getBytes()), 422, "not a JAR");
        String oversize = announceOversizeUpload(PluginRegistry.MAX_JAR_BYTES + 256 * 1024);
        assertTrue(oversize, oversize.startsWith("HTTP/1.1 413"));
        assertTrue(oversize, oversize.contains("application/problem+json"));
        assertEquals("nothing of the refused uploads was installed", 404, api.get(PLUGINS + "/itest-bad").statusCode());

        HttpResponse<String> unresolvable = upload("unresolvable.jar", PluginJars.minimal("itest-unresolvable", "1.0.0")
                .header("Import-Package", "com.example.nowhere;version=\"[1,2)\"").build());
        assertEquals(unresolvable.body(), 201, unresolvable.statusCode());
        assertTrue(unresolvable.body(), unresolvable.body().contains("\"state\":\"refused\""));
        assertTrue(unresolvable.body(), unresolvable.body().contains("com.example.nowhere"));

        HttpResponse<String> failing = upload("failing.jar", PluginJars.minimal("itest-failing", "1.0.0")
                .with("GARRISON-INF/migrations/changelog.sql", "--liquibase formatted sql\n\n--changeset t:1\n"
                        + "ALTER TABLE ITEST_FAILING_NOTHING ADD COLUMN X INT;\n").build());
        assertTrue(failing.body(), failing.body().contains("\"state\":\"refused\""));
        assertTrue(failing.body(), failing.body().contains("Migration of the plugin's tables failed"));
        assertTrue(failing.body(), failing.body().contains("ITEST_FAILING_NOTHING"));

        assertTrue(api.get(PLUGINS + "/itest-healthy").body().contains("\"state\":\"active\""));
        assertTrue(api.get("/api/v1/health").body().contains("\"status\":\"UP\""));
        for (String id : List.of("itest-healthy", "itest-unresolvable", "itest-failing")) {
            assertEquals(204, api.delete(PLUGINS + "/" + id).statusCode());
        }
    }

    @Test
    public void signaturesAreShownAndOnceRequiredKeepOutEveryPluginWithoutATrustedOne() throws Exception {
        assertEquals(201, upload(SignedPluginFiles.SIGNED, SignedPluginFiles.read(SignedPluginFiles.SIGNED))
                .statusCode());
        String signed = awaitPlugin(SignedPluginFiles.SIGNED_ID, "active");
        assertContains(signed, "\"signature\":{\"state\":\"trusted\"");
        assertContains(signed, "Garrison IT Vendor");
        assertEquals(201, upload("itest-unsigned.jar", PluginJars.minimal("itest-unsigned", "1.0.0").build())
                .statusCode());
        assertContains(awaitPlugin("itest-unsigned", "active"), "\"signature\":{\"state\":\"unsigned\"");

        org.osgi.service.cm.Configuration settings = configurations.getConfiguration("org.garrison.plugins", "?");
        java.util.Dictionary<String, Object> before = settings.getProperties();
        try {
            java.util.Hashtable<String, Object> require = new java.util.Hashtable<>();
            require.put("signatures", "require");
            require.put("trustedSigners", "garrison-trusted-plugin-signers");
            settings.update(require);
            assertContains(awaitPlugin("itest-unsigned", "refused"), "must be signed by a trusted signer");
            assertContains(awaitPlugin(SignedPluginFiles.SIGNED_ID, "active"), "\"state\":\"trusted\"");
            assertProblem(upload("itest-unsigned-two.jar", PluginJars.minimal("itest-unsigned-two", "1.0.0").build()),
                    422, "must be signed by a trusted signer");
            assertProblem(upload(SignedPluginFiles.TAMPERED, SignedPluginFiles.read(SignedPluginFiles.TAMPERED)),
                    422, "does not match the JAR");
            assertEquals("a refused upload installs nothing", 404,
                    api.get(PLUGINS + "/itest-unsigned-two").statusCode());
            String restarted = api.postJson(PLUGINS + "/itest-unsigned/start", "").body();
            assertContains(restarted, "\"state\":\"refused\"");
            assertContains(restarted, "must be signed by a trusted signer");
        } finally {
            if (before == null) {
                settings.delete();
            } else {
                settings.update(before);
            }
        }
        for (String id : List.of(SignedPluginFiles.SIGNED_ID, "itest-unsigned")) {
            assertEquals(204, api.delete(PLUGINS + "/" + id).statusCode());
        }
    }

    private byte[] antivirus(String version, String changelog) {
        return PluginJars.plugin("itest-av", version)
                .with("GARRISON-INF/plugin.json", DESCRIPTOR.formatted(version))
                .with("GARRISON-INF/schemas/settings.json", """
                        {"type": "object", "properties": {"realTimeProtection": {"type": "boolean"}}}""")
                .with("GARRISON-INF/schemas/full-scan.json", """
                        {"type": "object", "properties": {"deep": {"type": "boolean"}}}""")
                .with("GARRISON-INF/schemas/threat.json", """
                        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}""")
                .with("GARRISON-INF/console/threats.js",
                        "export function mount(element, context) { element.textContent = 'Threats'; }\n"
                                + "export function unmount() {}\n")
                .with("GARRISON-INF/migrations/changelog.sql", changelog)
                .withThreatsResource()
                .build();
    }

    private HttpResponse<String> upload(String fileName, byte[] jar) {
        String boundary = "itest-" + System.nanoTime();
        return api.send(HttpRequest.newBuilder(URI.create(Api.localBase() + PLUGINS))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(PluginJars.form(boundary, fileName, jar))));
    }

    /**
     * Announces an upload larger than the server accepts and reads the answer without sending the body: the server
     * must refuse it from its announced size, before reading any of it.
     *
     * @return the status line and headers of the answer
     */
    private String announceOversizeUpload(long bytes) throws IOException {
        api.get(PLUGINS);
        int port = Integer.parseInt(System.getProperty(GarrisonContainer.HTTP_PORT));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String request = "POST " + PLUGINS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + JAR
                    + "\r\nContent-Length: " + bytes + "\r\nCookie: GARRISON_SESSION=" + api.sessionCookie()
                    + "\r\nX-CSRF-Token: " + api.csrfToken() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private String awaitPlugin(String id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = api.get(PLUGINS + "/" + id);
            last = response.body();
            if (response.statusCode() == 200 && last.contains("\"state\":\"" + state + "\"")) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("plugin " + id + " did not become " + state + "; last: " + last);
    }

    /** Waits until the list of plugins mentions the text. */
    private String awaitListed(String text) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = api.get(PLUGINS).body();
            if (last.contains(text)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no plugin listed with '" + text + "'; last: " + last);
    }

    /** Waits for a plugin resource to answer with a status: the whiteboard deploys it asynchronously. */
    private HttpResponse<String> awaitStatus(String path, int status) throws InterruptedException {
        return api.awaitStatus(path, status, Duration.ofSeconds(30));
    }

    private String shell(String command) throws Exception {
        Object port = configurations.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshPort");
        SshShell.Result result = SshShell.run(Integer.parseInt(port.toString()), "admin", Api.ADMIN_PASSWORD,
                command);
        assertTrue("the admin signs in to the shell", result.signedIn());
        return result.output();
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private boolean columnExists(String table, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
            return columns.next();
        }
    }

    private static void assertContains(String text, String part) {
        assertTrue(text, text.contains(part));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        if (detailPart != null) {
            assertTrue(response.body(), response.body().contains(detailPart));
        }
    }

    /**
     * Asks a core resource for its answer again and again, without the retry the tests' API client makes, and
     * remembers every answer that was not a success.
     */
    private static final class CoreWatch {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger calls = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::watch, "itest-core-watch");

        static CoreWatch start() {
            CoreWatch watch = new CoreWatch();
            watch.thread.start();
            return watch;
        }

        private void watch() {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create(Api.localBase() + "/api/v1/health")).build();
            while (running.get()) {
                try {
                    HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                    calls.incrementAndGet();
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                    Thread.sleep(20);
                } catch (Exception e) {
                    failures.add(e.toString());
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        List<String> failures() {
            return failures;
        }

        int calls() {
            return calls.get();
        }
    }
}
