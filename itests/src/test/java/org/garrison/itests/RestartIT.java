package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * Starts the distribution through its own scripts, as an admin does, stops it and starts it again: the
 * installation keeps its data, its migrations are not re-applied, and its generated HTTPS certificate and
 * password stay the same.
 */
public class RestartIT {

    private static final Pattern SERVER_ID = Pattern.compile("\"serverId\":\"([0-9a-f-]{36})\"");
    private static final Pattern INSTALLED_AT = Pattern.compile("\"installedAt\":\"([^\"]+)\"");

    @Test
    public void dataAndIdentitySurviveARestart() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("restart"))) {
            server.start();
            Api api = server.httpsApi();
            String first = awaitUp(server, api);
            Properties webAfterFirstStart = server.load("etc/org.ops4j.pax.web.cfg");
            assertFalse("the keystore password must be generated",
                    webAfterFirstStart.getProperty("org.ops4j.pax.web.ssl.keystore.password").contains("@"));
            byte[] keystore = Files.readAllBytes(server.home().resolve("etc/garrison-https.p12"));
            server.stop();

            server.start();
            String second = awaitUp(server, server.httpsApi());
            assertEquals(find(SERVER_ID, first), find(SERVER_ID, second));
            assertEquals(find(INSTALLED_AT, first), find(INSTALLED_AT, second));
            assertEquals(webAfterFirstStart, server.load("etc/org.ops4j.pax.web.cfg"));
            assertTrue(java.util.Arrays.equals(keystore,
                    Files.readAllBytes(server.home().resolve("etc/garrison-https.p12"))));
            // schemas are checked in the background, one bundle after another: the store's may come after health
            String log = "";
            for (int i = 0; i < 240 && storeSchemaChecks(log) < 2; i++) {
                Thread.sleep(250);
                log = Files.readString(server.home().resolve("data/log/karaf.log"));
            }
            assertFalse("a migration failed:\n" + log, log.contains("could not be migrated"));
            assertEquals("the store schema is checked on each start", 2, storeSchemaChecks(log));
            server.stop();
        }
    }

    /**
     * An admin who stops the server while its first start is still creating tables gets a server that starts
     * again: the migration that was running finishes before the database closes, and the rest run on the next start.
     */
    @Test
    public void aStopDuringTheFirstMigrationsLeavesNothingBehind() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("restart-early"))) {
            Path log = server.home().resolve("data/log/karaf.log");
            server.start();
            for (int i = 0; i < 1200 && !(Files.exists(log) && Files.readString(log).contains(UP_TO_DATE)); i++) {
                Thread.sleep(100);
            }
            assertTrue("no schema was migrated on the first start", Files.readString(log).contains(UP_TO_DATE));
            server.stop();
            int firstStartLength = Files.readString(log).length();

            server.start();
            String health = awaitUp(server, server.httpsApi());
            assertTrue(health, health.contains("\"migrating\":[]") && health.contains("\"failed\":[]"));
            String secondStart = Files.readString(log).substring(firstStartLength);
            assertFalse("a migration failed after the early stop:\n" + secondStart,
                    secondStart.contains("could not be migrated"));
            server.stop();
        }
    }

    private static final String UP_TO_DATE = "is up to date";

    private static String awaitUp(ServerProcess server, Api api) throws Exception {
        try {
            HttpResponse<String> health = api.awaitStatus("/api/v1/health", 200, server.startTimeout());
            assertTrue(health.body(), health.body().contains("\"status\":\"UP\""));
            return health.body();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(text, matcher.find());
        return matcher.group(1);
    }

    private static int storeSchemaChecks(String log) {
        return log.split("Schema 'store' of org.garrison.store is up to date", -1).length - 1;
    }
}
