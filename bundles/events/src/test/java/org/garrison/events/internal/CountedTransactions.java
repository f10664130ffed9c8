package org.garrison.events.internal;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.store.SqlAction;
import org.garrison.api.store.SqlWork;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;

/**
 * The store's real transactions over a fresh test database with the events schema, counting the outermost
 * transactions, so tests can check how work is cut into transactions.
 */
final class CountedTransactions implements Transactions {

    final AtomicInteger transactions = new AtomicInteger();
    private final Transactions delegate;
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> Boolean.FALSE);

    CountedTransactions() {
        try {
            delegate = TestDatabase.withSchema("events", "db/events.sql", getClass().getClassLoader()).transactions();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    EventRepository repository() {
        return new EventRepository(this, null);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        if (inside.get()) {
            return delegate.inTransaction(work);
        }
        inside.set(Boolean.TRUE);
        transactions.incrementAndGet();
        try {
            return delegate.inTransaction(work);
        } finally {
            inside.set(Boolean.FALSE);
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
        delegate.afterCompletion(callback);
    }
}
