package org.garrison.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real changelogs against a file database and reopens it in between, as a server restart or a plugin upgrade
 * does.
 */
class LiquibaseMigratorTest {

    @TempDir
    Path folder;

    private final SchemaDeclaration schema = new SchemaDeclaration("sample", "db/sample.sql");

    @Test
    void migratingAgainAfterARestartIsANoOpAndAnUpgradeAddsOnlyTheNewChangeSet() throws Exception {
        String database = folder.resolve("db").toString();
        migrate(database, "v1");
        insert(database, "INSERT INTO SAMPLE_ITEM (ID, NAME) VALUES (1, 'kept')");
        restart(database);
        migrate(database, "v1");
        restart(database);
        migrate(database, "v2");
        insert(database, "UPDATE SAMPLE_ITEM SET NOTE = 'upgraded' WHERE ID = 1");
        assertEquals("kept/upgraded", query(database, "SELECT NAME || '/' || NOTE FROM SAMPLE_ITEM WHERE ID = 1"));
        assertEquals("2", query(database, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM GSSAMPLELOG"));
    }

    @Test
    void aLockLeftByAStoppedServerDoesNotHoldUpTheNextStart() throws Exception {
        String database = folder.resolve("locked").toString();
        migrate(database, "v1");
        insert(database, "UPDATE GSSAMPLELOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, "
                + "LOCKEDBY = 'a server killed while migrating' WHERE ID = 1");
        restart(database);
        long started = System.nanoTime();
        migrate(database, "v2");
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(60),
                "Liquibase waited for the stale lock");
        assertEquals("2", query(database, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM GSSAMPLELOG"));
        assertEquals("0", query(database, "SELECT CAST(COUNT(*) AS CHAR(4)) FROM GSSAMPLELOCK WHERE LOCKED"));
    }

    @Test
    void aFailingChangeSetIsReportedWithTheDatabaseReason() throws Exception {
        String database = folder.resolve("broken").toString();
        LiquibaseMigrator.MigrationException e = assertThrows(LiquibaseMigrator.MigrationException.class,
                () -> migrate(database, "broken"));
        assertTrue(e.getMessage().contains("NO_SUCH_TABLE"), e.getMessage());
    }

    @Test
    void aMissingChangelogIsReportedByName() throws Exception {
        String database = folder.resolve("missing").toString();
        LiquibaseMigrator.MigrationException e = assertThrows(LiquibaseMigrator.MigrationException.class,
                () -> new LiquibaseMigrator(dataSource(database))
                        .migrate(new SchemaDeclaration("nothing", "db/nothing.sql"), loader("v1")));
        assertTrue(e.getMessage().contains("db/nothing.sql"), e.getMessage());
    }

    private void migrate(String database, String version) throws Exception {
        try (URLClassLoader loader = loader(version)) {
            new LiquibaseMigrator(dataSource(database)).migrate(schema, loader);
        }
    }

    private static URLClassLoader loader(String version) {
        URL root = LiquibaseMigratorTest.class.getResource("/changelogs/" + version + "/");
        return new URLClassLoader(new URL[] {root}, null);
    }

    private static EmbeddedDataSource dataSource(String database) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(database);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private static void insert(String database, String sql) throws SQLException {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String query(String database, String sql) throws SQLException {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).trim();
        }
    }

    private static void restart(String database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
        } catch (SQLException expected) {
            assertEquals("08006", expected.getSQLState());
        }
    }
}
