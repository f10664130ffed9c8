package org.garrison.events.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.store.SqlAction;
import org.garrison.api.store.SqlWork;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * An in-memory Derby database with the events schema created by the bundle's own changelog, and a minimal
 * {@link Transactions} over it (nested calls join, like the store's).
 */
final class TestDatabase implements Transactions {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    final AtomicInteger transactions = new AtomicInteger();

    TestDatabase() {
        dataSource.setDatabaseName("memory:events" + NAMES.incrementAndGet());
        dataSource.setCreateDatabase("create");
        migrate();
    }

    @SuppressWarnings("deprecation")
    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName("GSEVENTSLOG");
            database.setDatabaseChangeLogLockTableName("GSEVENTSLOCK");
            Liquibase liquibase = new Liquibase("db/events.sql",
                    new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()), database);
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    EventRepository repository() {
        return new EventRepository(this, null);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.apply(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                current.set(connection);
                transactions.incrementAndGet();
                try {
                    T result = work.apply(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    current.remove();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Database operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void runInTransaction(SqlAction action) {
        inTransaction(connection -> {
            action.run(connection);
            return null;
        });
    }
}
