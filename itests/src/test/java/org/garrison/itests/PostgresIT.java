package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * Runs the distribution on a real PostgreSQL, configured the way the admin guide says, and restarts it once: every
 * bundle's migrations must apply on PostgreSQL as they do on Derby, and apply only once.
 *
 * <p>Needs an empty database the test may wipe, named by {@code GARRISON_TEST_POSTGRES_URL},
 * {@code GARRISON_TEST_POSTGRES_USER} and {@code GARRISON_TEST_POSTGRES_PASSWORD} ({@code .ci/run} sets one up);
 * without them the test is skipped and says so.
 */
public class PostgresIT {

    private static final Pattern SCHEMA_READY = Pattern.compile("Schema '([a-z0-9]+)' of (\\S+) is up to date");

    @Test
    public void everySchemaMigratesOnPostgresqlAndSurvivesARestart() throws Exception {
        String url = System.getenv("GARRISON_TEST_POSTGRES_URL");
        assumeTrue("GARRISON_TEST_POSTGRES_URL is not set: no PostgreSQL to test against", url != null);
        String user = System.getenv("GARRISON_TEST_POSTGRES_USER");
        String password = System.getenv("GARRISON_TEST_POSTGRES_PASSWORD");
        wipe(url, user, password);

        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("postgresql"))) {
            server.useDatabase("PostgreSQL JDBC Driver", url, user, password);
            server.start();
            String first = awaitUp(server);
            assertTrue(first, first.contains("\"kind\":\"postgresql\""));
            server.stop();
            server.start();
            String second = awaitUp(server);
            assertEquals(serverId(first), serverId(second));
            server.stop();

            String log = Files.readString(server.home().resolve("data/log/karaf.log"));
            assertFalse("a migration failed:\n" + log, log.contains("could not be migrated"));
            List<String> ready = new ArrayList<>();
            Matcher matcher = SCHEMA_READY.matcher(log);
            while (matcher.find()) {
                ready.add(matcher.group(1));
            }
            for (String schema : declaredSchemas(url, user, password)) {
                assertEquals("schema " + schema + " ready on each start: " + ready, 2,
                        ready.stream().filter(schema::equals).count());
            }
        }
    }

    private static String awaitUp(ServerProcess server) throws Exception {
        try {
            HttpResponse<String> health = server.httpsApi().awaitStatus("/api/v1/health", 200, server.startTimeout());
            return health.body();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
        }
    }

    private static String serverId(String health) {
        Matcher matcher = Pattern.compile("\"serverId\":\"([0-9a-f-]{36})\"").matcher(health);
        assertTrue(health, matcher.find());
        return matcher.group(1);
    }

    /** The schemas that created a history table, i.e. every schema the server declared. */
    private static List<String> declaredSchemas(String url, String user, String password) throws Exception {
        List<String> schemas = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_name LIKE 'gs%log'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                schemas.add(table.substring(2, table.length() - 3));
            }
        }
        assertFalse("no schema history tables were created", schemas.isEmpty());
        return schemas;
    }

    private static void wipe(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }
}
