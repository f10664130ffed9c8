package org.garrison.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.store.Transactions;

/**
 * A fresh database for a bundle's repository tests, with the bundle's own changelog applied by the store's real
 * migrator, and the store's real {@link Transactions} over it. Shipped in this module's test JAR so every area
 * bundle tests its SQL the way the server runs it.
 *
 * <p>In-memory Derby by default. When the environment variable {@value #POSTGRES_URL} names a PostgreSQL
 * database (a JDBC URL with {@code user} and {@code password} parameters), each test database is a new schema of
 * its own in that database, so the same tests check the SQL on PostgreSQL.
 */
public final class TestDatabase {

    /** The environment variable that switches the tests to PostgreSQL. */
    public static final String POSTGRES_URL = "GARRISON_UNIT_TEST_POSTGRES_URL";

    private final DataSource dataSource;
    private final Transactions transactions;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new TransactionsService(dataSource);
    }

    /**
     * A new, empty database with the schema of one bundle.
     *
     * @param schema    the schema's name, as in the bundle's {@code Garrison-Schema} header
     * @param changelog the changelog's path, as in that header
     * @param loader    the class loader that sees the changelog (the test class's)
     */
    public static TestDatabase withSchema(String schema, String changelog, ClassLoader loader) throws SQLException {
        TestDatabase database = new TestDatabase(newDataSource());
        new LiquibaseMigrator(database.dataSource).migrate(new SchemaDeclaration(schema, changelog), loader);
        return database;
    }

    public Transactions transactions() {
        return transactions;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private static DataSource newDataSource() throws SQLException {
        String postgres = System.getenv(POSTGRES_URL);
        if (postgres == null) {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName("memory:" + UUID.randomUUID());
            derby.setCreateDatabase("create");
            return derby;
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(postgres); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return new SchemaDataSource(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** Connections to one schema of a PostgreSQL database, straight from the driver. */
    private static final class SchemaDataSource extends org.postgresql.ds.PGSimpleDataSource {

        private static final long serialVersionUID = 1L;

        SchemaDataSource(String url) {
            setURL(url);
        }
    }
}
