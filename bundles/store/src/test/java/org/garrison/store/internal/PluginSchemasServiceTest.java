package org.garrison.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.junit.jupiter.api.Test;

class PluginSchemasServiceTest {

    private static final List<String> TABLES = List.of("ACME_AV_SCAN", "ACME_AV_THREAT");

    private final EmbeddedDataSource dataSource = memoryDatabase();
    private final PluginSchemasService service =
            new PluginSchemasService(dataSource, new TransactionsService(dataSource));

    @Test
    void aPluginsChangelogRunsWithHistoryTablesNamedAfterThePlugin() throws Exception {
        SchemaStatus status = migrate("v1");

        assertEquals(SchemaState.READY, status.state(), status.message());
        assertNull(status.message());
        assertEquals(1, count("SELECT COUNT(*) FROM GPACMEAVLOG"));
        assertEquals(0, count("SELECT COUNT(*) FROM ACME_AV_THREAT"));
    }

    @Test
    void anUpgradeAppliesOnlyTheNewChangeSetAndKeepsTheData() throws Exception {
        migrate("v1");
        execute("INSERT INTO ACME_AV_SCAN (ID, STARTED_AT) VALUES (1, CURRENT_TIMESTAMP)");
        execute("INSERT INTO ACME_AV_THREAT (ID, SCAN_ID, NAME) VALUES (1, 1, 'EICAR')");

        assertEquals(SchemaState.READY, migrate("v2").state());

        execute("UPDATE ACME_AV_THREAT SET SEVERITY = 'high' WHERE ID = 1");
        assertEquals(2, count("SELECT COUNT(*) FROM GPACMEAVLOG"));
        assertEquals(1, count("SELECT COUNT(*) FROM ACME_AV_THREAT WHERE NAME = 'EICAR'"));
    }

    @Test
    void aFailingChangeSetIsReportedAsFailedWithTheReason() throws Exception {
        SchemaStatus status = migrate("broken");

        assertEquals(SchemaState.FAILED, status.state());
        assertTrue(status.message().contains("ACME_AV_NO_SUCH_TABLE"), status.message());
    }

    @Test
    void purgingDropsTheTablesAndTheHistorySoAReinstallStartsAfresh() throws Exception {
        migrate("v2");
        execute("INSERT INTO ACME_AV_SCAN (ID, STARTED_AT) VALUES (1, CURRENT_TIMESTAMP)");
        execute("INSERT INTO ACME_AV_THREAT (ID, SCAN_ID, NAME) VALUES (1, 1, 'EICAR')");

        List<String> dropped = service.purge("acme-av", TABLES);

        assertEquals(List.of("ACME_AV_SCAN", "ACME_AV_THREAT", "GPACMEAVLOG", "GPACMEAVLOCK"), dropped);
        assertFalse(tableExists("ACME_AV_THREAT"));
        assertFalse(tableExists("GPACMEAVLOG"));
        assertEquals(SchemaState.READY, migrate("v1").state());
        assertEquals(0, count("SELECT COUNT(*) FROM ACME_AV_THREAT"));
    }

    @Test
    void purgingSkipsTablesThatDoNotExist() {
        assertEquals(List.of(), service.purge("acme-av", TABLES));
    }

    @Test
    void purgingRefusesANameThatIsNotAPlainIdentifier() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> service.purge("acme-av", List.of("ACME_AV_X; DROP TABLE SERVER_INSTANCE")));
    }

    private SchemaStatus migrate(String version) throws Exception {
        URL root = PluginSchemasServiceTest.class.getResource("/plugins/" + version + "/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
            return service.migrate("acme-av", "GARRISON-INF/migrations/changelog.sql", loader);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static EmbeddedDataSource memoryDatabase() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        return derby;
    }
}
