package org.garrison.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work against the server's database in a transaction, so repositories never hand-roll commit and rollback.
 *
 * <p>The work commits when it returns and rolls back when it throws. A call made while the same thread is already
 * inside a transaction joins it: the outermost call decides the outcome. A {@link java.sql.SQLException} thrown by the
 * work reaches the caller as a {@link StoreException}; any other runtime exception (e.g. a domain exception) is
 * rethrown unchanged after the rollback.
 */
@ProviderType
public interface Transactions {

    /** Runs work that produces a result. */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs work that produces no result. */
    void runInTransaction(SqlAction action);

    /**
     * Runs the callback once the transaction the calling thread is in has ended, committed or rolled back, or at
     * once when the thread is in none. For caches of stored state: refreshing them from inside a transaction that
     * may still roll back would cache what never happened.
     */
    void afterCompletion(Runnable callback);
}
