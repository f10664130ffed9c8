package org.garrison.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.garrison.api.store.SqlAction;
import org.garrison.api.store.SqlWork;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-bound transactions over the server's pooled {@link DataSource}: the outermost call on a thread owns the
 * connection and decides commit or rollback; nested calls join it.
 */
@Component(service = Transactions.class)
public class TransactionsService implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionsService.class);

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> completionCallbacks = ThreadLocal.withInitial(ArrayList::new);

    @Activate
    public TransactionsService(@Reference(name = "dataSource", target = StoreDataSource.TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        Connection connection = open();
        try {
            current.set(connection);
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw failure(e);
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            current.remove();
            close(connection);
            runCompletionCallbacks();
        }
    }

    @Override
    public void runInTransaction(SqlAction action) {
        inTransaction(connection -> {
            action.run(connection);
            return null;
        });
    }

    @Override
    public void afterCompletion(Runnable callback) {
        if (current.get() == null) {
            callback.run();
        } else {
            completionCallbacks.get().add(callback);
        }
    }

    private void runCompletionCallbacks() {
        List<Runnable> callbacks = completionCallbacks.get();
        completionCallbacks.remove();
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.error("A callback after a transaction failed", e);
            }
        }
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new StoreException("Cannot get a database connection: " + e.getMessage(), e);
        }
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("Database operation failed: " + e.getMessage(), e);
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Could not return a database connection to the pool", e);
        }
    }
}
